"""A question asking which members of a numbered group they are (「6市町村はどこ」) is answered by that many names,
not by the sentence that counts the group (「ほかに3町が検討を始めています」)."""

from app.answer_kinds import named_group, names_listed
from ingest.clean import normalize


def test_a_numbered_group_asked_for_by_name():
    assert named_group(normalize("令和8年度中の設立を検討している3町ってどこ？")) == (3, "町")
    assert named_group(normalize("出張相談を実施した6市町村はどこですか。")) == (6, "市町村")
    assert named_group(normalize("県の協議会に入っていない12法人って、どこの法人?")) == (12, "法人")
    # the number counts something else, or one member is asked
    assert named_group(normalize("構成団体が24団体ある協議会はどこですか。")) == (0, "")
    assert named_group(normalize("1市町村あたり何分で、会場はどこ？")) == (0, "")
    assert named_group(normalize("どの市町村でも申請できますか。")) == (0, "")


def test_one_place_asked_for_by_name():
    assert named_group(normalize("協力不動産店が1店もない市町村はどこですか。")) == (1, "市町村")
    assert named_group(normalize("事例4-③で、セミナーを実施している県はどこですか。")) == (1, "県")
    assert named_group(normalize("それってどこの市？")) == (1, "市")
    assert named_group(normalize("その県の名前は？")) == (1, "県")
    assert named_group(normalize("アンケートに回答しなかった町村はどこですか。")) == (1, "町村")
    # an anonymous or relational reference names no place; a place's name does
    text = "ある県の事例。当県（事例4-③の県）は、調査対象県の中で、区域内の市区町村を対象にセミナーを実施している。"
    assert not names_listed((1, "県"), normalize(text), "県はどこ")
    assert names_listed((1, "県"), "あおば県では、セミナーを実施している。", "県はどこ")


def test_the_members_must_be_named_as_many_times_as_counted():
    asked = "3町"
    assert not names_listed((3, "町"), "ななかまど市は10月に設立予定。このほか、3町が設立に向けて検討を始めた。", asked)
    assert names_listed((3, "町"), "くるみ町、あすなろ町、ほづみ町の3町が検討を始めた。", asked)
    assert names_listed((4, "市町"), "桜川市、東浜町、若草市、北山町に交付した。", "4市町")
    # generic words are no names: 市町村, 県内市町村, 各町村, a verb before 市 (「参加した市」)
    generic = "回答 16市町村 参加した 11市町村 参加していない 3市町村 県内市町村 各町村 協議会のない町村"
    assert not names_listed((3, "市町村"), generic, "3市町村")
    # bodies by their legal form
    assert names_listed((2, "法人"), "NPO法人ひなたサポートと社会福祉法人みどり会が実施。", "2法人")
    assert not names_listed((2, "法人"), "このうち2法人が、こまくさ町で巡回相談を実施。", "2法人")
    assert names_listed((0, ""), "", "")  # no group asked: anything will do
    # names starting with a particle's kana, after a particle, and at the end of the text
    assert names_listed((3, "市"), "はなぞの市、ときわ市、もくせい市で実施。", "3市")
    assert names_listed((2, "県"), "県内のともえ県、こまち県", "2県")
    assert names_listed((3, "市区町村"), "実施：あさひ市、ゆめみ町、ほしの村", "3市区町村")
    assert not names_listed((2, "市"), "政令市と中核市", "2市")


def test_a_follow_up_asks_for_its_own_group():
    from app.query import analyze

    history = [{"role": "user", "content": "出張相談を実施した6市町村はどこですか。"}, {"role": "assistant", "content": "…"}]
    assert analyze("そのうち相談件数が一番多いのはどこ？", history).group == (0, "")


def test_an_answer_is_read_under_the_question_it_answers():
    from app.answerability import answered

    sents = ["【質問】同意書はどのくらいの期間保管すればよいですか。", "【回答】県の基準はありません。",
             "・あかねざわ市：支援終了後5年間", "Q2. 会議は年何回開けばよいですか。", "年2回以上が目安です。"]
    got = answered(sents)
    assert got[0] == "" and got[3] == ""  # a question answers nothing itself
    assert got[1] == got[2] == sents[0]  # the list item too, though it repeats none of its words
    assert got[4] == sents[3]
    assert answered(["県は補助金を交付している。", "上限は50万円。"]) == ["", ""]  # no question, nothing carried
    # a heading ends the answer
    assert answered(["Q1. 同意書の保管期間は？", "A. 5年間です。", "2 補助金の申請について", "申請期限は4月30日です。"])[3] == ""



def test_any_place_is_no_place_asked_by_name_and_a_towns_and_villages_group_takes_their_names():
    assert named_group(normalize("どの市町村が対象ですか。")) == (0, "")
    assert named_group(normalize("どの市に住んでいても使えますか。")) == (0, "")
    assert named_group(normalize("残る1県はどこ？")) == (1, "県")
    assert names_listed((1, "町村"), "ゆうひ町とほしの村が回答しなかった。", "町村はどこ")
    assert not names_listed((1, "町村"), "回答しなかった町村が2つあった。", "町村はどこ")
