"""What kind of answer a question asks for (a sum of money, a date, a contact, a person's name, a
place or body's name), and what such an answer looks like in a passage.

Question words of Japanese and English and the shapes of the answers, not any document's wording.
The question side is read once, by `app.query.analyze` (Query.asks); answerability checks that the
passages hold that shape at all, the composer prefers sentences that do.
"""

from __future__ import annotations

import re

# a particular place by name (あさひ市, ともえ県), not a generic one (市町村, 各市, 全県)
PLACE_NAME = (r"(?<![ぁ-ん])(?!各|全|[一-龥ァ-ヶー]*(?:市区?町村|区町村|町村|都道府県|道府県)|市町(?![一-龥]))"
              # kanji / katakana; or hiragana after a particle or a mark, not inflecting a kanji verb (「開いている県」
              # is no name; はなぞの市 after 「県内の」 is)
              r"(?:[一-龥ァ-ヶー]{2,6}|(?:(?<=[一-龥ァ-ヶー])[のはがをにでともやへ]|(?<![一-龥ァ-ヶー]))[ぁ-ん]{2,6})"
              # and no generic word: 「県内市町村」 is not 県内市 followed by 町村
              r"(?:県|府|市|町|村)(?![議内外側全民町村区])")
# a venue is a building, a room, a floor, online — or a place by its name (あさひ市会場, 中央公民館)
HELD_AT = (r"会議室|ホール|講堂|本館|別館|庁舎|県庁|市役所|役場|公民館|会館|センター|研修室|\d+\s*階|オンライン|ウェブ|"
           r"Web|Zoom|会場\s*[：:]")
# a gathering held somewhere (「研修会ってどこでやるの」), not a service offered at a desk (「相談はどこでやってるの」)
# a date printed short, as lists and tables print it: an era initial with year.month[.day] (R6.8.1, H30.3.20, R6.8; 昭和
# only with its day, S56.5.31: 「S1.2」 is a section), or a western year/month/day (2024/8/1, 2024.8.1). Month 1-12, day
# 1-31, and no unit after it (H2.5m, W1.8 are sizes).
_M, _D = r"(?:1[0-2]|0?[1-9])", r"(?:3[01]|[12]\d|0?[1-9])"
_NOT_AFTER = r"(?!\d|\.\d|\s*(?:m|cm|mm|㎡|倍|[%％]))"
SHORT_MONTH = (rf"(?<![A-Za-z\d.])(?:[RH](?:\d{{1,2}}|元)\.{_M}(?:\.{_D})?|S\d{{1,2}}\.{_M}\.{_D}){_NOT_AFTER}|"
               rf"(?<![\d./])\d{{4}}[./]{_M}[./]{_D}{_NOT_AFTER}")
SHORT_DAY = (rf"(?<![A-Za-z\d.])[RHS](?:\d{{1,2}}|元)\.{_M}\.{_D}{_NOT_AFTER}|"
             rf"(?<![\d./])\d{{4}}[./]{_M}[./]{_D}{_NOT_AFTER}")
SHORT_DATE = SHORT_MONTH
GATHERING = r"会|研修|セミナー|講座|講習|フォーラム|シンポジウム|イベント|説明会|会議|集会|相談会"
# where a thing is done, not held: 「申請はどこでできますか」 — at a section's desk, a body, a web page
VENUE = re.compile(HELD_AT + r"|[一-龥]課(?![題程])|窓口|担当|法人|ホームページ|HP|サイト", re.I)

# What kind of answer a question asks for, and what such an answer looks like in a passage.
# (Question words of Japanese and English, not any document's wording.)
ANSWER_TYPES: dict[str, tuple[re.Pattern, re.Pattern]] = {
    # (「費用は誰が負担」「費用はどこが持つ」 ask who pays, not how much; a compound in 額 — 上限額, 補助額, 総額 — asks a sum)
    "money": (re.compile(r"いくら|金額|予算額?|費用(?![はをの]?[、,\s]*(?:どこ|誰|だれ|どちら)|[はをの]?[、,\s]*負担(?:者|先|する(?:の|ところ)))|料金|手数料|謝金|謝礼|委託料|会費|受講料|補助金の額|(?<=[一-龥])(?<![減増])額(?!縁)|how much|cost|fee|budget", re.I),
              re.compile(r"\d[\d,，]*\s*(?:円|万円|千円|億円)|無料|無償")),
    "date": (re.compile(r"いつ|何年何月|何月|(?<!週)(?<!週に|月に|年に)何日(?!間|くらい|ぐらい|ほど|程度|かか|目|で(?!し|す))|日付|日にち|日程|(?<![\d日])日時(?!点)|開催日|締切|締め切り|期限|when\b|what date|deadline|due date|"
                       r"how (?:early|soon)|until when|by when", re.I),
             re.compile(r"\d+\s*年\s*\d+\s*月|\d+\s*月\s*\d+\s*日|(?:令和|平成)\s*(?:\d+|元)\s*年|\d{4}\s*年|" +
                        SHORT_DATE + "|"
                        r"\d+\s*月\s*(?:の\s*)?(?:末日?|上旬|中旬|下旬|中(?![間央心]))|"
                        # a month alone answers when (「10月までに立ち上げる」「毎年11月に開催」), not a span (3か月)
                        r"(?<![\d.かヶケヵカ箇])(?:1[0-2]|[1-9])\s*月\s*(?:まで|から|以降|頃|ごろ|に(?!は|\s*\d+\s*回))|"
                        # a month alone in brackets after what happens then (「基礎研修（6月）」) or alone in a cell
                        r"[（(]\s*(?:1[0-2]|[1-9])\s*月\s*[)）]|(?<=\|)\s*(?:1[0-2]|[1-9])\s*月\s*(?=\|)|"
                        r"\d+\s*(?:日|週間|[かヶケヵカ箇]月)\s*(?:前|以内|まで)|前日|前月|"
                        # recurring days: 毎月第2木曜日, 毎週水曜日
                        r"(?:毎月|毎週|隔週)\s*(?:第\s*\d+\s*)?[月火水木金土日]曜|第\s*\d+\s*[月火水木金土日]曜")),
    # a day asked for (「11月の何日」「何月何日」「日にちは」): a month alone (「令和7年11月に開催予定」「11月中旬」) does not
    # answer it; a day of the month, a weekday or a relative day (前日, 当日) does
    "day": (re.compile(r"何月何日|(?<![週\d長大短])(?<!週に|月に|年に)何日(?!間|くらい|ぐらい|ほど|程度|かか|前|以内|後|分|目|以上|未満|で(?!し|す))|"
                       r"日にち|日付|(?<![\d日])日時(?!点)|開催日(?!数)|\bwhat date\b|\bwhich day\b|\bon what day\b", re.I),
            # a day of a month (11月14日, 11/14 — not 1/2 or 30日以上, 2日目), a weekday, a day told relative to another
            re.compile(r"(?<![\d.])(?:[1-9]|[12]\d|3[01])\s*日(?!間|以内|前|後|程度|分|目|以上|未満)|"
                       r"(?<![\d/.])(?:1[0-2]|[1-9])\s*/\s*(?:[12]\d|3[01]|[1-9])(?![\d/])\s*[(（]?\s*[月火水木金土日]|"
                       r"前日|翌日|当日|同日|末日|[月火水木金土日]曜|" + SHORT_DAY)),
    # a month asked for (「令和8年度の何月に」「何年何月」): a fiscal year alone (「令和8年度中」) or a year does not answer
    # it; a month does (「令和8年10月」「10月中旬」「10/1」, not the span 「3か月」 or the monthly sum 「月額」)
    "month": (re.compile(r"何月|\b(?:which|what|in what) month\b", re.I),
              # (a slash date only with its weekday, 「10/1（水）」: 1/2 is a share, 資料1/6 a page; English month
              # names capitalised: 「may be submitted」 names none)
              re.compile(r"(?<![\d.かヶケヵカ箇])(?:1[0-2]|[1-9])\s*月(?!間|額|[かヶケヵカ箇]月)|"
                         r"(?<![\d/.])(?:1[0-2]|[1-9])\s*/\s*(?:[12]\d|3[01]|[1-9])(?![\d/])\s*[(（]\s*[月火水木金土日]|"
                         r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b|"
                         + SHORT_MONTH)),
    # a rate or share: 補助率, 割合, 何割, 何%, 何分の何 — answered by 2分の1, 46.3%, 3割, 1/2 (not by a count or a sum)
    "rate": (re.compile(r"(?<![効確])率|割合|比率|何割|何\s*[%％]|パーセント|何分の|\b(?:rate|ratio|percent(?:age)?|share)\b",
                        re.I),
             # — or a split written as a bare ratio (7：3; not a time, 13:30, nor a caption's 「表2：」) or by a base (人口割)
             re.compile(r"\d+\s*分の\s*\d+|\d+(?:\.\d+)?\s*[%％]|\d+\s*割|(?<![\d/])\d+\s*/\s*\d+(?![\d/])|全額|10\s*/\s*10|"
                        r"(?<![\d:：表図問号料紙回第.])(?<!STEP)(?<!No)\d\s*[:：]\s*\d(?![\d:：])|(?:人口|世帯)割(?=で|に|により|による)")),
    # 連絡先 asked for (「連絡先は」「連絡先を教えて」), not named as a service (「緊急連絡先を引き受ける法人」)
    "contact": (re.compile(r"電話番号|連絡先(?=\s*(?:は|って|を(?:教え|知り)|が(?:知り|分か|わか)|と|や|、|[?？]|$))|"
                           r"(?:問い?合わ?せ|申込み?)先|URL|ホームページのアドレス|phone", re.I),
                re.compile(r"\d{2,5}\s*[-－ー]\s*\d{1,4}\s*[-－ー]\s*\d{3,4}|@|https?://|〒\s*\d{3}")),
    # 「会長は誰ですか」 asks for a name; 「誰からの相談」「誰が見る」 ask for a kind of people, which the text states;
    # 「担うのは誰」 (a nominalised verb) asks for a role, which the text names without a person's name
    "person": (re.compile(r"(?<=[一-龥ァ-ヶーん])(?:は|って)[、,\s]*(?:それぞれ)?(?:誰|だれ|どなた)(?:ですか|でしたか|でしょうか|なの|[？?]|$)|氏名|"
                          r"(?:者|長|員|師|生|表|当|さん)の名前|"
                          # a role taken by someone: 「講師を務めたのは誰」「理事になったのは誰」 ask for a person
                          r"(?:を務め|(?:講師|司会|進行|座長|議長|委員長|会長|代表|講演|発表)を(?:やっ|担当し|し)(?=た|て)|に就任し|に選ばれ|"
                          r"に選任され)(?:た|て(?:い)?る)(?:の|人)(?:は|って)(?:誰|だれ|どなた)|"
                          r"who is\b|who are\b", re.I),
               # 「柚木孝典氏が務めています」: a name with 氏 is a person whatever follows; 「会長が」「家主さんが」 name a role
               re.compile(r"[一-龥々]{2,4}(?:[ \u3000]?[一-龥々]{1,3})?氏(?!名|\w{0,2}等)|"
                          r"[一-龥]{1,4}[ \u3000]?[一-龥]{1,3}(?:氏|さん|様|会長|委員長|教授|理事長|部長|課長)(?![のが]|\w{0,2}等)|氏名|"
                          # a role, then the name (代表理事：早瀬 千尋, 会長 山田 太郎)
                          r"(?:代表者?|代表理事|理事長|会長|委員長|座長|講師|担当者?)\s*[：:]?\s*[一-龥]{1,4}[ \u3000][一-龥ぁ-ん]{1,4}|"
                          # a speaker introducing themselves by post and surname: 「住宅課居住支援係長の篠崎です」
                          r"(?:係長|課長|部長|室長|所長|局長|主任|主査|主事|課長補佐|課長代理|担当)の[一-龥]{1,4}"
                          r"(?:[ \u3000][一-龥ぁ-ん]{1,4})?(?=です|と申します|でした|が担当)")),
    "name": (re.compile(r"名前|名称|県名|市名|店名|団体名|法人名|どこの(?:県|市|町|村|法人|団体|課(?![一-龥])|部署?(?![一-龥分])|会社|事業者|機関|窓口|役所)|"
                        r"どの(?:法人|団体|市町村|市町|市|町|村|課(?![一-龥])|会社|事業者|機関)|"
                        r"どこ(?:ですか|が(?:担当|実施|運営|担|やっ|行|負担|持|出)|に委託|に置)|どこ[？?]|"
                        r"どっち|(?:県|市|法人)はどこ|which (?:prefecture|city|town|body|organi[sz]ation)|name of", re.I),
             re.compile(r"(?<![ぁ-ん])(?:[一-龥ァ-ヶー]|(?![のはがをにでともやへ])[ぁ-ん]){2,6}(?:県|府|市|町|村)(?![議内外側全民])|"
                        # a body or a place by its kind (不動産関係団体, 住宅政策課, 中央公民館)
                        r"[一-龥ァ-ヶー]{2,}(?:団体|協議会|協会|法人|課|室|局|センター|会館|公民館|庁舎|事務所)(?![等のがはを]|長)|[「『][^」』]{2,30}[」』](?:法人|会|協会|センター)|"
                        r"(?:NPO|特定非営利活動|一般社団|一般財団|公益社団|公益財団|社会福祉|医療)法人\s*(?![等のがはを])[^\s、。|]{2,}|"
                        r"(?:株式|合同|有限)会社\s*(?![等のがはを])[^\s、。|]{2,}|[^\s、。|]{2,}(?:株式|合同|有限)会社")),
    # where a body is: 「所在地」「住所」 — a postal address, or a place's name (「NPO法人ささぶね（瑠璃市）」)
    "address": (re.compile(r"住所|所在地|所在市町村|(?<!mail )(?<!web )\baddress\b", re.I),
                re.compile(rf"〒\s*\d{{3}}|\d+\s*丁目|\d+\s*番地|\d+\s*番\s*\d+\s*号|{PLACE_NAME}")),
    # a FAX number is answered by a number labelled FAX, not by the phone number beside it
    "fax": (re.compile(r"(?:FAX|ファクス|ファックス|ファクシミリ)(?:[^。？?]{0,15}番号|\s*(?:(?:は|って)\s*(?:何|[?？]|$)|を教え|[?？]|$))|"
                       r"\bfax (?:number|no)\b", re.I),
            re.compile(r"(?:FAX|ファクス|ファックス|ファクシミリ)\s*(?:番号)?\s*[：:）)|｜]?\s*"
                       r"[(（]?\d{2,5}[)）]?\s*[-－ー]?\s*\d{1,4}\s*[-－ー]\s*\d{3,4}", re.I)),
    # an e-mail address is answered by one, not by the phone number beside it
    "email": (re.compile(r"メールアドレス|メアド|メールの?アドレス|e-?mail|\bmail address\b|Eメール", re.I),
              re.compile(r"[\w.+-]+\s*[@＠]\s*[\w-]+(?:\.[\w-]+)+")),
    # a time of day: 「何時から」「受付時間は」 — answered by 9時, 17:15, 午前 (not by a date or a span)
    "time": (re.compile(r"何時(?!間|点)|受付時間|開庁時間|営業時間|開設時間|対応時間|開館時間|what time|opening hours", re.I),
             re.compile(r"\d{1,2}\s*[:：]\s*\d{2}|\d{1,2}\s*時(?!間|点|期|代)(?:\s*\d{1,2}\s*分)?|午前|午後|正午|終日|24\s*時間")),
    # a venue: 「どこで開く」「会場はどこ」 — a building, a room, a floor, or online
    "place": (re.compile(r"どこで(?!す|も|[、,])|どこの会場|(?:会場|場所|開催地|開催場所)(?:は|って)?(?:どこ|どちら)|where\b", re.I),
              re.compile(f"{VENUE.pattern}|{PLACE_NAME}", re.I)),
    # the venue of a gathering: 「会場はどこ」「どこでやるの」 — a building, a room, online or a place's name, not the
    # section or body that runs it (「居住支援法人」 beside 「実践編は会場での受講のみ」 is no venue)
    # (also named in a list of what it asks: 「会場と申込みの締切を教えて」)
    "venue": (re.compile(r"(?:会場|開催場所|開催地)(?:は|って|が)?\s*(?:どこ|どちら|[?？]|を?教えて)|どこの会場|"
                         r"(?:会場|開催場所|開催地)(?:と|や|、)[^。？?]{0,24}?(?:を?教えて|を知りたい|が知りたい)|"
                         rf"(?:{GATHERING})[^。？?]{{0,20}}どこで(?:開|やる|やっ|行われ|行う|受講)|"
                         r"where\b.{0,40}\bheld\b", re.I),
              re.compile(f"{HELD_AT}|{PLACE_NAME}", re.I)),
    # a span of time: 「何分間」「何日間」「どのくらいの期間」 — answered by 90分, 3日間, 6か月
    # (「…までどれくらいかかる」: a span; 「何日で転居」「何日かかる」 count days, with the counter 日)
    "duration": (re.compile(r"何\s*(?:分間?(?!の)|時間|日間|週間|か月間?|ヶ月間?|カ月間?|年間)|どのくらいの期間|"
                            r"(?:まで|までに|には|のに)\s*(?:は\s*)?(?:どれ|どの)\s*(?:くらい|ぐらい)\s*(?:の\s*)?(?:期間|日数|時間|かか)|"
                            r"何\s*(?:年|か月|ヶ月|カ月|週)\s*(?:くらい|ぐらい|ほど|程度)|how long", re.I),
                 re.compile(r"\d+\s*(?:分間?(?!の)|時間|日間|週間|[かヶケヵカ箇]月間?|年間)|半年|"
                            # (「47日で転居」, not the dates 「11月15日で締切」「令和3年で終了」「2024年で」)
                            r"(?<![\d年月和成])\d{1,3}\s*(?:日|週間|[かヶケヵカ箇]月|年)\s*(?:で(?!し|す)|後に|かか|かけ)|"
                            r"\d+\s*年\s*(?:程度|ほど|くらい|ぐらい|前後|以上|以内|半)|"
                            # 「設立から3年度まで」「5年度続けて」, not the date 「令和3年度まで」
                            # (nor 「R3年度まで」, 「令和6年度から8年度まで」, 「令和6～8年度まで」: dates too)
                            r"(?<!令和)(?<!平成)(?<!昭和)(?<!年度から)(?<!年から)(?<![\d\sRHS～〜~\-－])\d{1,2}\s*か?年度\s*"
                            r"(?:間|まで|以内|続け|にわたり)")),
    # how often: 「どのくらいの頻度で」「どのくらいのペース？」「how often」 — answered by 毎月, 月1回, 年2回, 隔週, 随時
    # (「年に何回」 stays a count: 3回 answers it)
    # (「開催頻度を増やすことについて、県はどう考えるか」 names a frequency, it does not ask one)
    "frequency": (re.compile(r"(?:どの|どれ)\s*(?:くらい|ぐらい|程度)\s*の?\s*(?:頻度|(?<![ァ-ヶー])ペース|間隔)|"
                             r"(?:頻度|(?<![ァ-ヶー])ペース|間隔)\s*(?:は|って|が)?\s*(?:どの|どれ|どう|何|いくつ|[？?]|$)|"
                             r"how often|how frequently", re.I),
                  # (毎回 is every time, not how often; 「2024年3回目」「令和7年3回」 count in a year, not per year)
                  re.compile(r"毎\s*(?:日|週|月|年度?|朝|晩)|(?<![\d])(?:年|月|週|日)\s*(?:に)?\s*\d+\s*(?:回|度)(?!目)|"
                             r"隔\s*(?:週|月|年)|"
                             r"\d+\s*(?:か月|ヶ月|カ月|週間?|年|日)\s*(?:に|ごと(?:に)?)\s*\d+\s*回|随時|定期的|不定期|月例|"
                             r"四半期(?:ごと|毎)|\d+\s*(?:か月|ヶ月|カ月|週間?)\s*(?:ごと|おき)")),
    # a form's or a rule's number: 「様式は第何号」「何号様式」 — answered by 様式第3号, 第2号様式
    "form": (re.compile(r"第?何号|何条"), re.compile(r"第\s*\d+\s*[号条]|\d+\s*号様式")),
}
# a question answered yes or no: a verb asked about (含まれますか, 受けられますか, can I…) and no question word
# (or, typed casually, a verb or 「の」 before the question mark: 「含めないといけないの？」「電話で聞いてもいい？」)
YES_NO = re.compile(r"(?:ます|です|でしょう|られる|れる|できる|ある|いる|ない)か[。？?]?\s*$|(?:[のいるたうな]|かな)[？?]\s*$|"
                    r"^(?:is|are|can|do|does|did|will|should)\b", re.I)
QUESTION_WORD = re.compile(r"何|なに|なん|いくら|いくつ|いつ|どこ|どちら|どっち|どれ|どの|どう|どんな|どのような|誰|だれ|どなた|"
                           r"\b(?:how|what|when|where|who|which|whom)\b", re.I)
# a request phrased as a question (教えてもらえますか, わかりますか, can you tell me): it asks for the value
REQUEST = re.compile(r"教え|知りたい|知らせ|わか[りる]|分か[りる]|知って|伺え|\b(?:tell|show|know|give)\b", re.I)
# a table header or unit whose bare numbers are rates (構成比（％）, 割合, 執行率): its cells answer a rate question
RATE_HEAD = re.compile(r"[%％]|率|比(?!較)|割合|シェア|\b(?:share|rate|ratio)\b", re.I)
ANSWER_LOOKS = {kind: looks for kind, (_asks, looks) in ANSWER_TYPES.items()}
# kinds that ask a date more finely: where one is asked, a date of any grain (「11月中旬」 for 何日, 「令和8年度中」 for
# 何月) is no answer, so the coarse kind is dropped in their favour
FINER_DATES = ("day", "month")


def finest(kinds) -> list[str]:
    """The asked kinds with 「date」 dropped where a finer grain of date (a day, a month) is asked."""
    kinds = list(kinds)
    return [k for k in kinds if k != "date" or not set(FINER_DATES) & set(kinds)]


# 「出張相談を実施した6市町村はどこ」「3町ってどこ？」: a numbered group asked for by name — answered by that many
# names, not by a sentence that counts the group (「ほかに3町が検討中」)
NAMED_GROUP = re.compile(r"(\d+)\s*(市区町村|市町村|市町|都道府県|県|市|町|村|法人|団体|協議会|事業者|店|社)"
                         r"(?:って|は|が)[、,\s]*(?:どこ|どれ|どの|誰|だれ|何という)")
# the name a member of each place group ends with (市町 = a 市 or a 町)
PLACE_ENDS = {"市区町村": "市区町村", "市町村": "市町村", "市町": "市町", "都道府県": "都道府県", "県": "県", "市": "市",
              "町": "町", "村": "村", "町村": "町村"}


# 「セミナーを実施している県はどこ」「どこの市？」「その県の名前は」: one place asked for by name — answered by a
# place's name of that kind, not by 「当県」 or a body's name (「居住支援協議会」); 「どの市町村でも」 asks none
ONE_PLACE = re.compile(r"(?<![\d一-龥ァ-ヶー])(県|市区町村|市町村|市町|町村|市|町|村)(?:って|は|が)[、,\s]*(?:どこ|どちら)(?!に|へ|と|を|から|まで|で(?!す|しょ|した))|"
                       r"どこの(県|市区町村|市町村|市町|町村|市|町|村)(?![区町村内外])|"
                       r"どの(県|市区町村|市町村|市町|町村|市|町|村)(?![区町村]|に?でも|に?も|に対して|の|あたり)|"
                       r"(?<![一-龥ァ-ヶー\d])(県|市区町村|市町村|町村|市|町|村)の?名(?:前|称)?(?:は|って|を|が)")
# 「どの市町村が対象」「どの市に住んでいても使えますか」 ask whether any place will do, not for one by name
ANY_PLACE = re.compile(r"[^？?。]{0,12}?(?:ても|でも|が対象|も対象)")


def named_group(text: str) -> tuple[int, str]:
    """(how many, of what) when a (normalised) question asks which members of a numbered group they are; (1, kind)
    when it asks for one place by name."""
    m = NAMED_GROUP.search(text)
    if m and (int(m.group(1)) >= 2 or (int(m.group(1)) == 1 and m.group(2) in PLACE_ENDS)):
        return int(m.group(1)), m.group(2)  # 「残る1県はどこ」 asks one place by name too
    one = ONE_PLACE.search(text)
    if not one or ANY_PLACE.match(text, one.end()):
        return 0, ""
    return 1, next(g for g in one.groups() if g)


# a member's name: kanji / katakana, or hiragana after a mark or a particle (「、はなぞの市」「県内のときわ市」), ending
# as a place does — no generic word (市町村, 県内市町, 各町, 政令市) and no verb's inflection (「参加した市」)
_MEMBER = re.compile(r"(?<![一-龥ァ-ヶー])(?P<k>[一-龥ァ-ヶー]{1,6})(?=[都道府県市町村])|"
                     r"(?:(?<=[一-龥ァ-ヶー])[のはがをにでともやへ]|(?<![一-龥ァ-ヶーぁ-ん]))(?P<h>[ぁ-ん]{2,6})(?=[都道府県市町村])")
GENERIC_PLACE = re.compile(r"市区?町村|都道府県|^(?:県内|県外|市内|町内|各|全|同|当|本|他|近隣|周辺|隣|未設置|政令|中核|特例|ある|その|この|あの|どの|某)|"
                      # a relation, not a name: 調査対象県, 該当市, 所在市町村, 管内町村
                      r"(?:対象|該当|所在|関係|隣接|管内|域内|圏内|上記|下記|前記|残り)[都道府県市区町村]+$|"
                      r"^[都道府県市区町村]+$")


def names_listed(group: tuple[int, str], text: str, asked: str) -> bool:
    """The text names at least as many members of the group as the question counts (names the question itself
    says do not count): places by names ending as the group's members do, other bodies by a body's name."""
    n, kind = group
    if not n:
        return True
    found: set[str] = set()
    if kind in PLACE_ENDS:
        for m in _MEMBER.finditer(text):
            end, after = text[m.end()], text[m.end() + 1:m.end() + 2]
            name = (m.group("k") or m.group("h")) + end
            if end in PLACE_ENDS[kind] and not GENERIC_PLACE.search(name) and not (after and after in "議内外民長"):
                found.add(name)
    elif kind in {"法人", "事業者", "社"}:  # each body by its legal form (NPO法人ひなたサポートと社会福祉法人みどり会: two)
        return len(_LEGAL_FORM.findall(text)) >= n
    else:  # 団体, 協議会, 店: names too varied to count — any body's name will do
        return any(m.group(0)[-1] not in "県府市町村" for m in ANSWER_TYPES["name"][1].finditer(text))
    return len({f for f in found if f not in asked}) >= n


_LEGAL_FORM = re.compile(r"(?:NPO|特定非営利活動|一般社団|一般財団|公益社団|公益財団|社会福祉|医療|株式|合同|有限)\s*(?:法人|会社)")


def value_kinds(asks: tuple[str, ...], numeric: bool, counter: str) -> list[str]:
    """The kinds of value a question asks for, with a count where it asks 何X / いくつ but no sum, date, day, time,
    span or form number (「何人で、全体の何％」 asks both a count and a rate; 「何％」 alone only a rate). Answerability
    and the composer's table look-up read what is asked the same way."""
    count = numeric and not {"money", "date", "day", "month", "time", "duration", "form", "frequency"} & set(asks) and (
        "rate" not in asks or bool(counter))
    return list(asks) + (["count"] if count else [])


# where one question sentence joins two questions: after 「…か、」, or before an English 「, and is/does/what …」
CLAUSE = re.compile(r"(?<=か)[、,]\s*|,?\s+(?:and|or)\s+(?=(?:is|are|can|do|does|did|will|would|should|has|have|was|"
                    r"were|what|how|when|where|who|which)\b)", re.I)
# an English clause whose question word asks something else names a sum without asking it: 「from which fiscal
# year's budget」 asks a year, 「how many dispatches … cost」 a count
_EN_MONEY_NOUN = re.compile(r"\b(?:cost|fee|budget)s?\b", re.I)
# a cost, fee or budget naming a programme (「the operating cost subsidy」「a fee waiver」): a name, not a sum asked
_EN_MONEY_MODIFIER = re.compile(r"\b(?:cost|fee|budget)s?(?=\s+(?:subsid|grant|support|program|scheme|menu|categor|"
                                r"item|line|waiver|reduction|exemption))", re.I)
_EN_WH = re.compile(r"\b(?:how much|how many|how long|which|when|where|whom|who|what)\b", re.I)


_EN_SUM = re.compile(r"\b(?:how much|maximum|max|minimum|limit|ceiling|cap|amount|total|yen|rate)\b|円", re.I)


def _without_programme_cost(clause: str) -> str:
    """The clause without a cost or fee that names a programme (「the operating cost subsidy」), unless it asks a sum
    of it all the same ("the maximum cost subsidy", "the fee reduction amount")."""
    return clause if _EN_SUM.search(clause) else _EN_MONEY_MODIFIER.sub(" ", clause)


def _money_named_only(clause: str) -> bool:
    """An English clause whose first question word asks something else (「from which fiscal year's budget」) names a
    cost, fee or budget without asking it; one opening with what / how much, or counting in yen, asks the sum."""
    first = _EN_WH.search(clause)
    if first is None or first.group(0).lower() in ("what", "how much") or re.search(r"\byen\b|円", clause, re.I):
        return False
    return not ANSWER_TYPES["money"][0].search(_EN_MONEY_NOUN.sub(" ", clause))


# 「費用がかかったら、誰持ちになるの？」「経費はどこが負担？」 ask who bears a cost, not how much it is
_WHO_PAYS = re.compile(r"(?:誰|だれ|どこ|どちら)\s*(?:が|の)?\s*(?:持ち|負担|払|支払|出す|もつ|持つ)")


def _who_pays(clause: str) -> bool:
    return bool(_WHO_PAYS.search(clause)) and not re.search(r"いくら|金額|何\s*円|how much", clause, re.I)


# 「何市町村分の予算が計上されている」「何年度の予算で」: the question word counts (dates) what the sum is of, and the sum
# is only named; 「上限額と、何世帯が対象か」 still asks it, as do いくら / 金額 / 何百円
_COUNTED_SUM = re.compile(r"何\s*(?![円万千億百十])[一-龥ァ-ヶ]{1,5}分?の\s*(?:予算|費用|経費|事業費|補助金|金額)")
_SUM_ASKED = re.compile(r"いくら|幾ら|金額|何\s*[十百千万億]*\s*円|how much", re.I)


def _money_named_by_count(clause: str) -> bool:
    return bool(_COUNTED_SUM.search(clause)) and not _SUM_ASKED.search(clause)


def asked_kinds(text: str) -> tuple[str, ...]:
    """The answer kinds a (normalised) question asks for: 「いつ開催」 -> ("date",). Words the question quotes
    (「予算の確保が難しい」と答えた…) are the document's, not what it asks for."""
    text = re.sub(r"「[^「」]*」|『[^『』]*』", "", text)
    # each sentence for itself: 「会費を集める必要はありますか。県内ではどうしていますか。」 asks whether, then how —
    # no sum, though the second sentence has a question word
    # — and each clause of a sentence for itself: 「…何回までですか、費用は補助の対象ですか」, 「how many …, and is the
    # cost covered」 ask a count, then whether (no sum)
    clauses = [c for t in re.split(r"(?<=[。？?！!])\s*", text) for c in CLAUSE.split(t)]
    asking = [t for t in clauses if t.strip()
              and not (YES_NO.search(t) and not QUESTION_WORD.search(t) and not REQUEST.search(t))]
    if not asking:
        return ()  # 「その費用に人件費は含まれますか」 asks whether, not how much
    kinds = tuple(kind for kind, (asks, _looks) in ANSWER_TYPES.items()
                  if any(asks.search(_without_programme_cost(t) if kind == "money" else t)
                         and not (kind == "money" and (_money_named_only(t) or _who_pays(t)
                                                       or _money_named_by_count(t)))
                         for t in asking))
    if "venue" in kinds:
        kinds = tuple(k for k in kinds if k != "place")  # a venue asked for: the narrower look answers it
    return kinds
