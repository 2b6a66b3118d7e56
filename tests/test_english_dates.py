"""English questions give dates as English writes them; the documents as 令和N年M月."""

import pytest

from app.glossary import translate


@pytest.mark.parametrize(("question", "japanese"), [
    ("How many corporations were there at the end of June 2025?", "令和7年6月末"),
    ("As of April 1, 2025, how many councils were set up?", "令和7年4月1日"),
    ("What was the figure on 1 April 2019?", "平成31年4月1日"),
    ("What happened in May 2019?", "令和元年5月"),
    ("How many units were registered in March 2024?", "令和6年3月"),
])
def test_a_calendar_date_is_read_as_the_documents_write_it(question, japanese):
    ja, unknown = translate(question)
    assert japanese in ja.split()
    assert not {"june", "april", "march", "may"} & set(unknown)


def test_a_fiscal_year_and_an_era_year_stay_fiscal_years():
    assert "令和6年度" in translate("How many consultations in fiscal 2024?")[0].split()
    assert "令和6年度" in translate("How many consultations in fiscal Reiwa 6?")[0].split()
