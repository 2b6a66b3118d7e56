"""A question asking for a procedure's steps gets all of them, in print order (app/steps.py).

Written on invented passages (not the wording of any set): numbered step lines one per passage, a lead announcing
unnumbered step headings, a count question about one step, and numbered lines of another procedure nearby.
"""

from types import SimpleNamespace

from app.query import analyze
from app.retrieve import Hit
from app.steps import asks_steps, step_list


def _chunk(n: int, text: str, path: list[str], doc: str = "guide") -> dict:
    return {"id": f"{doc}:{n:04d}", "doc_id": doc, "text": text, "kind": "text", "section_path": path,
            "section_title": " > ".join(path)}


def _retriever(chunks: list[dict]) -> SimpleNamespace:
    snap = SimpleNamespace(chunks=chunks, pos={c["id"]: i for i, c in enumerate(chunks)})
    return SimpleNamespace(snapshot=snap)


def _hit(chunk: dict, rank: int = 1) -> Hit:
    return Hit(chunk=chunk, score=1.0, rank=rank)


NUMBERED = [
    _chunk(0, "はじめに\nこのパンフレットは、見守り事業の利用方法を説明します。", ["はじめに"]),
    _chunk(1, "ご利用までの流れ\nステップ1　窓口に申し込む\n申込書を区役所に出します。", ["ご利用までの流れ", "ステップ1"]),
    _chunk(2, "ステップ2　面談を受ける\n職員がご自宅を訪ねます。", ["ご利用までの流れ", "ステップ2"]),
    _chunk(3, "ステップ3　契約を結ぶ\n利用料を確認して契約します。\nステップ4　見守りが始まる", ["ご利用までの流れ", "ステップ3"]),
    _chunk(4, "お問い合わせ\n区役所 福祉課", ["お問い合わせ"]),
]


def test_numbered_steps_spread_over_passages_come_back_whole_from_a_middle_one():
    r = _retriever(NUMBERED)
    q = analyze("見守りを使い始めるまでの手順を順番に教えて")
    assert asks_steps(q)
    found = step_list(q, [_hit(NUMBERED[2])], r)  # the top passage holds step 2 only
    assert found is not None
    _h, _lead, steps = found
    assert [line.split("　")[0] for _, line in steps] == ["ステップ1", "ステップ2", "ステップ3", "ステップ4"]
    assert [s.chunk["id"] for s, _ in steps] == ["guide:0001", "guide:0002", "guide:0003", "guide:0003"]


HEADED = [
    _chunk(0, "第3章 補助を受けるには\n申請の進め方\n申請は、次の4つの段階で進みます。", ["第3章 補助を受けるには", "申請の進め方"]),
    _chunk(1, "事前に相談する\n担当課に電話で相談します。", ["第3章 補助を受けるには", "事前に相談する"]),
    _chunk(2, "書類をそろえる\n様式と見積書を用意します。", ["第3章 補助を受けるには", "書類をそろえる"]),
    _chunk(3, "申請書を出す\n締切までに提出します。", ["第3章 補助を受けるには", "申請書を出す"]),
    _chunk(4, "交付決定を待つ\n審査の後に通知します。", ["第3章 補助を受けるには", "交付決定を待つ"]),
    _chunk(5, "よくある失敗\n締切を過ぎる例があります。", ["第3章 補助を受けるには", "よくある失敗"]),
]


def test_announced_steps_printed_as_headings_are_the_next_headings_up_to_the_count():
    found = step_list(analyze("補助金の申請はどういう流れ？"), [_hit(HEADED[0])], _retriever(HEADED))
    assert found is not None
    _h, lead, steps = found
    assert "4つの段階" in lead
    assert [line for _, line in steps] == ["事前に相談する", "書類をそろえる", "申請書を出す", "交付決定を待つ"]


def test_a_figure_about_one_step_is_not_a_steps_question():
    q = analyze("手順のうち、面談は何回ありますか")
    assert not asks_steps(q)
    assert step_list(q, [_hit(NUMBERED[2])], _retriever(NUMBERED)) is None


def test_circled_and_ordinal_steps_in_one_style_and_a_lead_counting_something_else():
    chunks = [
        _chunk(0, "申込みの手順\n第1段階　相談する\n第2段階　書類を出す\n第3段階　審査を受ける\n第4段階　契約する",
               ["申込み", "手順"]),
        _chunk(1, "入居までの流れ\n利用料は3段階です。\n①　物件を探す\n必要な書類：①住民票②所得証明\n②　内見する\n③　入居する",
               ["入居", "流れ"]),
    ]
    r = _retriever(chunks)
    _h, _lead, steps = step_list(analyze("申込みの手順を順番に教えて"), [_hit(chunks[0])], r)
    assert [line[:3] for _, line in steps] == ["第1段", "第2段", "第3段", "第4段"]
    found = step_list(analyze("入居までの流れは？"), [_hit(chunks[1])], r)
    assert found is not None
    _h, _lead, steps = found
    # the documents' list 「①住民票②所得証明」 is not a step of 「①　物件を探す」's kind, and 3段階 counts fees, not steps
    assert [line for _, line in steps] == ["①　物件を探す", "②　内見する", "③　入居する"]


def test_a_follow_up_or_a_question_asking_a_value_is_no_steps_question():
    history = [{"role": "user", "content": "申込みの流れを教えて"}, {"role": "assistant", "content": "…"}]
    assert not asks_steps(analyze("じゃあ会場は？", history))
    assert not asks_steps(analyze("ステップアップ研修の会場はどこ？"))
    assert not asks_steps(analyze("現段階で申し込める市町村は？"))
    assert not asks_steps(analyze("In order to apply, what is the deadline?"))
    assert asks_steps(analyze("What are the steps to set up a council?"))


def test_announced_steps_printed_as_sub_sections_are_read_below_the_lead():
    chunks = [
        _chunk(0, "設立の進め方\n設立までを3つのステップで説明します。", ["第2章", "設立の進め方"]),
        _chunk(1, "体制を整える\n担当を決めます。", ["第2章", "設立の進め方", "体制を整える"]),
        _chunk(2, "仲間を集める\n団体を訪ねます。", ["第2章", "設立の進め方", "仲間を集める"]),
        _chunk(3, "総会を開く\n規約を決めます。", ["第2章", "設立の進め方", "総会を開く"]),
        _chunk(4, "運営のこつ\n会議は年3回です。", ["第2章", "運営のこつ"]),
    ]
    _h, _lead, steps = step_list(analyze("設立までの進め方を教えて"), [_hit(chunks[0])], _retriever(chunks))
    assert [line for _, line in steps] == ["体制を整える", "仲間を集める", "総会を開く"]


def test_steps_of_another_procedure_earlier_in_the_chapter_do_not_answer_a_passage_without_steps():
    chunks = [
        _chunk(0, "退去の手順\nSTEP1　鍵を返す\nSTEP2　精算する\nSTEP3　転居届を出す", ["第4章 暮らし", "退去"]),
        _chunk(1, "見守りについて\n見守りは月2回、職員が訪問します。", ["第4章 暮らし", "見守り"]),
    ]
    assert step_list(analyze("見守りの流れを教えて"), [_hit(chunks[1])], _retriever(chunks)) is None


def test_numbered_lines_of_another_procedure_nearby_do_not_answer():
    chunks = [
        _chunk(0, "退去の手順\n①　鍵を返す\n②　精算する\n③　転居届を出す", ["退去の手順"]),
        _chunk(1, "入居後の暮らし\n見守りは月2回です。", ["入居後の暮らし"]),
    ]
    q = analyze("入居後の見守りの流れを教えて")
    assert step_list(q, [_hit(chunks[1])], _retriever(chunks)) is None
    assert step_list(q, [_hit(chunks[0])], _retriever(chunks)) is not None  # where the top passage holds them


BOXED = [
    _chunk(0, "解説　届出までの4つのステップ\nSTEP1\n窓口で相談する\n担当課に電話します。", ["窓口で相談する"]),
    _chunk(1, "STEP2\n書類をそろえる\n様式と見積書を用意します。", ["STEP2", "書類をそろえる"]),
    _chunk(2, "STEP3\n届け出る\n締切までに提出します。", ["STEP3", "届け出る"]),
    _chunk(3, "STEP4\n通知を受ける\n審査の後に通知します。", ["STEP4", "通知を受ける"]),
    _chunk(4, "お問い合わせ\n区役所 福祉課", ["お問い合わせ"]),
]


def test_steps_printed_as_boxes_with_the_mark_above_the_title_come_back_whole():
    # each box a passage with a heading of its own (so a 'chapter' of its own), the mark 「STEP1」 on the line above
    # the step's title
    found = step_list(analyze("届出までの4つのステップを挙げてください"), [_hit(BOXED[0])], _retriever(BOXED))
    assert found is not None
    _h, _lead, steps = found
    assert [line for _, line in steps] == ["STEP1 窓口で相談する", "STEP2 書類をそろえる", "STEP3 届け出る", "STEP4 通知を受ける"]
