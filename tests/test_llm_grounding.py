"""Grounding gaps seen with the real 1.5B model, replayed through the stand-in OpenAI server.

Each reply is what Qwen2.5-Coder-1.5B-Instruct (Q4_K_M, llama.cpp server) wrote for the
question; every word of it is in the cited passage, so the earlier checks (new words,
figures in their cell or sentence) let it through. The tests show the answer kyoju gives
now, not the wording of any note.
"""

import pytest

from app.answer import answer_question
from tests.openai_standin import Reply, StandIn
from tests.test_llm import cited, llm_settings


@pytest.fixture()
def standin():
    with StandIn() as srv:
        yield srv


def number_of(hits, phrase: str) -> int:
    """The passage number (as the model sees it) of the hit whose text holds phrase."""
    return next(i + 1 for i, h in enumerate(hits) if phrase in h.chunk["text"].replace(" ", ""))


SCOPE_Q = "居住支援協議会の開催頻度を増やすことについて、県はどのような考えを示していますか。"
# the passage: 「さらに、一部の調査対象県においては、居住支援協議会の開催頻度が低調であっても特段の問題はないと
# 認識しつつ、…」; the model left out 一部の and so spoke for every prefecture surveyed
SCOPE_REPLY = ("調査対象県においては、居住支援協議会の開催頻度が低調であっても特段の問題はないと認識しつつ、市区町村に対する"
               "支援に当たって、具体的な連携の在り方及びそれを実現するための支援方法が分からないといった悩みを抱え、国からの"
               "情報提供の充実を求めている状況もみられた。")


def test_sentence_dropping_a_scope_qualifier_is_not_shown(built, retriever, standin):
    n = number_of(retriever.search(SCOPE_Q, k=5), "一部の調査対象県")
    s = llm_settings(built[0], standin.base_url)
    standin.script = [Reply(cited((SCOPE_REPLY, [n])))]
    ans = answer_question(SCOPE_Q, settings=s, retriever=retriever)
    assert ans.llm_status != "own" and ans.mode == "extractive"
    assert ans.grounding_drops == [SCOPE_REPLY], ans.note
    # the same sentence keeping the qualifier is the LLM's own answer
    standin.script = [Reply(cited(("一部の" + SCOPE_REPLY, [n])))]
    kept = answer_question(SCOPE_Q, settings=s, retriever=retriever)
    assert kept.mode == "llm" and kept.llm_status == "own" and not kept.grounding_drops


ROLE_Q = "この調査の所見では、国土交通省と厚生労働省に何を求めていますか。"
ROLE_FIRST = ("国土交通省及び厚生労働省は、両省において協議の上、都道府県による市区町村に対する支援の充実に資するため、"
              "都道府県に対して、都道府県（都道府県居住支援協議会）が実施可能な市区町村に対する支援手法の周知徹底を図ること。")
# the passage: 「また、都道府県に対し、当該都道府県が実施し得る支援策を市区町村に対し提示するよう促すこと。」 (the
# ministries are to urge the prefectures); the model addressed the urging to the ministry
ROLE_SWAPPED = "国土交通省に対して、当該都道府県が実施し得る支援策を市区町村に対し提示するよう促すこと。"


def test_request_addressed_to_the_wrong_body_is_dropped(built, retriever, standin):
    n = number_of(retriever.search(ROLE_Q, k=5), "当該都道府県が実施し得る")
    s = llm_settings(built[0], standin.base_url)
    standin.script = [Reply(cited((ROLE_FIRST, [n]), (ROLE_SWAPPED, [n])))]
    ans = answer_question(ROLE_Q, settings=s, retriever=retriever)
    assert ans.mode == "llm" and ans.llm_status == "own"
    assert ans.grounding_drops == [ROLE_SWAPPED] and "周知徹底" in ans.answer
    assert "国土交通省に対して" not in ans.answer
    # addressed as the passage addresses it, the sentence stays
    right = ROLE_SWAPPED.replace("国土交通省に対して", "都道府県に対して")
    standin.script = [Reply(cited((ROLE_FIRST, [n]), (right, [n])))]
    ok = answer_question(ROLE_Q, settings=s, retriever=retriever)
    assert ok.llm_status == "own" and not ok.grounding_drops


DENIED_Q = "調査対象の15県のうち、居住支援法人を構成員にしていない県はいくつありましたか。"
# the model read the cell 居住支援法人 = 12 (prefectures that DO have them) as the answer; the text says 3県
DENIED_REPLY = "調査対象の15県のうち、居住支援法人を構成員にしていない県は12県みられた。"


def test_figure_of_the_affirmed_cell_given_as_the_denied_count_is_not_shown(built, retriever, standin):
    hits = retriever.search(DENIED_Q, k=5)
    n = next(i + 1 for i, h in enumerate(hits) if "表 4-①" in h.chunk.get("unit_title", ""))
    standin.script = [Reply(cited((DENIED_REPLY, [n])))]
    ans = answer_question(DENIED_Q, settings=llm_settings(built[0], standin.base_url), retriever=retriever)
    assert ans.llm_status != "own" and ans.grounding_drops == [DENIED_REPLY]
    assert "12県" not in ans.answer.replace(" ", "") and "3県" in ans.answer.replace(" ", "")


SPLICE_Q = "県が行ったセミナーや交流会にはどのような成果がありましたか。"


def test_figure_of_one_passage_given_to_the_subject_of_another_is_not_shown(built, retriever, standin):
    """A splice in the real model's manner (it copies passage clauses and joins them with 「…しており、」):
    the exchange meetings of 事例 4-① and the designations that 事例 4-③ credits to its seminars. Every
    clause is in some cited passage, so clause-by-clause checks passed it; the claim is in none."""
    hits = retriever.search(SPLICE_Q, k=5)
    meetings, seminar = number_of(hits, "担当職員同士の交流会を開催"), number_of(hits, "9法人")
    spliced = ("当県は、令和5年度から居住支援協議会の担当職員同士の交流会を開催しており、令和4年度には9法人、"
               "5年度には6法人が居住支援法人として指定された。")
    honest = "本事業の成果として、令和4年度には9法人、5年度には6法人が居住支援法人として指定された。"
    standin.script = [Reply(cited((spliced, [meetings, seminar]), (honest, [seminar])))]
    ans = answer_question(SPLICE_Q, settings=llm_settings(built[0], standin.base_url), retriever=retriever)
    assert ans.mode == "llm" and ans.llm_status == "own"
    assert ans.grounding_drops == [spliced] and "交流会" not in ans.answer and "9法人" in ans.answer
