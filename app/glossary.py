"""English questions against Japanese documents: the domain's terms, English -> Japanese.

The e5 model is multilingual, but its similarity scores cannot tell an answerable English
question from an unanswerable one (both land at 0.76-0.82). The lexical side and the
abstention test need Japanese words, so an English question is given the Japanese terms of
this glossary; English content words it does not know stay "unknown" and count against
support (a question about "welfare benefits" is not answered by passages on councils).
"""

from __future__ import annotations

import re

# longest phrases first when matching; values are Japanese search terms
TERMS: dict[str, str] = {
    "housing support corporation": "居住支援法人", "housing support corporations": "居住支援法人",
    "housing support council": "居住支援協議会", "housing support councils": "居住支援協議会",
    "prefectural council": "都道府県居住支援協議会", "housing support": "居住支援",
    "people requiring special consideration for housing": "住宅確保要配慮者", "vulnerable tenants": "住宅確保要配慮者",
    "persons requiring housing assistance": "住宅確保要配慮者",
    "cooperating real estate agents": "協力不動産店", "cooperating real estate agent": "協力不動産店",
    "social welfare corporations": "社会福祉法人", "corporation": "法人", "corporations": "法人",
    "establishing": "設立", "establishes": "設立", "founded": "設立", "real estate agent": "不動産店", "real estate agents": "不動産店", "real estate": "不動産",
    "cooperating real estate": "協力不動産店", "rent guarantee": "家賃債務保証",
    "ministry of land, infrastructure, transport and tourism": "国土交通省", "ministry of land": "国土交通省",
    "mlit": "国土交通省", "ministry of health, labour and welfare": "厚生労働省", "ministry of health": "厚生労働省",
    "mhlw": "厚生労働省", "ministry of internal affairs": "総務省", "national government": "国",
    "welfare department": "福祉部局", "housing department": "住宅部局", "social welfare corporation": "社会福祉法人",
    "probation office": "保護観察所", "guidebook": "手引き", "guide": "手引き", "manual": "マニュアル",
    "prefecture": "都道府県 県", "prefectures": "都道府県 県", "prefectural": "都道府県 県",
    "municipality": "市区町村", "municipalities": "市区町村", "municipal": "市区町村", "city": "市", "cities": "市",
    "council": "協議会", "councils": "協議会", "meeting": "会議 開催", "meetings": "会議 開催", "held": "開催",
    "hold": "開催", "holding": "開催", "convened": "開催", "member": "構成員", "members": "構成員",
    "membership": "構成員", "secretariat": "事務局", "survey": "調査", "surveyed": "調査対象", "study": "調査",
    "support": "支援", "assistance": "支援", "establish": "設立", "established": "設立", "establishment": "設立",
    "set up": "設立", "setting up": "設立", "revised": "改訂", "revision": "改訂", "seminar": "セミナー",
    "seminars": "セミナー", "training": "研修会", "workshop": "研修会", "study session": "勉強会",
    "exchange": "交流会 意見交換", "exchange meeting": "交流会", "case": "事例", "cases": "事例", "example": "事例",
    "examples": "事例", "opinion": "意見", "opinions": "意見", "request": "要望", "requests": "要望", "want": "望む",
    "findings": "所見", "recommendation": "所見", "recommendations": "所見", "conclusion": "まとめ",
    "network": "ネットワーク", "needs": "ニーズ", "information": "情報提供", "consultation": "相談会",
    "expert": "専門家", "experts": "専門家", "free": "無料", "designate": "指定", "list": "リスト", "lists": "リスト", "publish": "公開",
    "website": "ホームページ", "designated": "指定", "designation": "指定", "result": "結果 成果", "results": "結果 成果",
    "outcome": "成果", "outcomes": "成果", "effect": "効果", "frequency": "開催頻度 開催回数", "times": "回",
    "staff": "職員", "officials": "職員", "cooperation": "連携", "collaboration": "連携", "welfare": "福祉",
    "elderly": "高齢者", "project": "プロジェクト", "accompanying": "伴走支援", "hands-on": "伴走支援",
    "regulations": "会則 設置要綱", "bylaws": "会則", "rules": "会則", "every year": "毎年度", "annually": "毎年度",
    "tokyo": "東京都", "osaka": "大阪府",
    "use": "活用", "used": "活用", "using": "活用", "utilize": "活用", "utilized": "活用", "help": "支援",
    "helped": "支援", "national": "国", "projects": "プロジェクト", "provide": "提供", "provided": "提供",
    "conduct": "実施", "conducted": "実施", "implement": "実施", "implemented": "実施", "include": "含む",
    "included": "含む", "includes": "含む", "involve": "参加", "participate": "参加", "participants": "出席",
    "attend": "出席", "attended": "出席", "attendees": "出席", "problem": "課題", "problems": "課題",
    "issue": "課題", "issues": "課題", "difficulties": "苦慮", "difficulty": "苦慮", "struggle": "苦慮",
    "active": "活発", "activity": "活動", "activities": "活動", "low": "低調", "inactive": "低調",
    "relationship": "関係", "relationships": "関係づくり", "face-to-face": "顔の見える", "promote": "促進",
    "promotion": "促進", "measures": "支援策", "methods": "方法", "method": "支援手法", "covid": "新型コロナウイルス",
    "pandemic": "新型コロナウイルス", "once": "1回", "twice": "2回", "lecture": "講義形式", "lectures": "講義形式",
    "search system": "検索システム", "homepage": "ホームページ", "agreement": "協定", "status": "状況",
}
COUNTERS = {"prefectures": "県", "municipalities": "市区町村", "cities": "市", "corporations": "法人",
            "organizations": "団体", "times": "回", "meetings": "回"}
STOP = {
    "a", "an", "the", "of", "in", "on", "for", "to", "by", "with", "and", "or", "is", "are", "was", "were", "be", "been",
    "do", "does", "did", "what", "which", "who", "whom", "when", "where", "why", "how", "many", "much", "any", "some",
    "there", "their", "they", "it", "its", "this", "that", "these", "those", "from", "at", "as", "about", "into",
    "can", "could", "should", "would", "will", "may", "might", "have", "has", "had", "i", "we", "you", "my", "our",
    "me", "us", "please", "tell", "give", "show", "explain", "describe", "not", "no", "never", "all", "each", "per",
    "than", "more", "most", "other", "such", "so", "if", "then", "also", "kind", "kinds", "type", "types", "way",
    "ways", "get", "got", "make", "made", "between", "over", "under", "after", "before", "during", "fiscal",
    "year", "fy", "number", "count", "according", "report", "document", "documents", "say", "says", "said",
    "ask", "asks", "asked", "like", "need", "gave", "given", "take", "took", "done",
}
_WORD = re.compile(r"[a-z][a-z\-']*")
_FY = re.compile(r"\b(?:fy|fiscal(?: year)?)\s*(20\d\d)\b|\b(20\d\d)\s*fiscal\b")


def is_english(text: str) -> bool:
    """Mostly Latin letters and no Japanese: the glossary applies."""
    return bool(re.search(r"[A-Za-z]{3,}", text)) and not re.search(r"[\u3040-\u30ff\u3400-\u9fff]", text)


def translate(text: str) -> tuple[str, list[str]]:
    """(Japanese terms found, English content words the glossary does not know)."""
    t = text.lower()
    found: list[str] = []
    for m in _FY.finditer(t):
        year = int(m.group(1) or m.group(2))
        if year >= 2019:
            found.append(f"令和{year - 2018}年度")
    t = _FY.sub(" ", t)
    counted = re.search(r"\b(?:how many|number of)\s+(?:[a-z\-]+\s+){0,2}?(prefectures|municipalities|cities|"
                        r"corporations|organizations|times|meetings)\b", t)
    if counted:  # a count question names its counter: 何県, 何法人 (the composer leads with that figure)
        found.append("何" + COUNTERS[counted.group(1)])
    elif re.search(r"\bhow many\b|\bnumber of\b", t):
        found.append("いくつ")
    if re.search(r"\b(never|no|not|did not|didn't|zero)\b.{0,40}\b(hold|held|meet|met|meeting|convene)", t):
        found.append("0回")
    for phrase in sorted(TERMS, key=len, reverse=True):
        pattern = r"\b" + re.escape(phrase) + r"\b"
        if re.search(pattern, t):
            found.append(TERMS[phrase])
            t = re.sub(pattern, " ", t)
    unknown = [w for w in _WORD.findall(t) if w not in STOP and len(w) > 2 and not w.isdigit()]
    return " ".join(dict.fromkeys(found)), unknown
