"""Timeline dates the words around an expression fix (timeline pool 3 and the tune half's leftover classes);
made-up sentences, dated Friday 26 Nov 2021 unless a test says otherwise."""

from __future__ import annotations

import pytest

from corroborate.crosscheck.timeline import build_timeline
from corroborate.ingest.segment import segment
from corroborate.model import Article, TimelineEvent

FRIDAY = "2021-11-26"


def timeline(text: str, published: str | None = FRIDAY) -> list[TimelineEvent]:
    a = Article("a1", "outlet", None, published, None, text)
    return build_timeline([a], {a.id: segment(a)})


def dates(text: str, published: str | None = FRIDAY) -> dict[str, str | None]:
    return {e.expression or "": e.date for e in timeline(text, published)}


@pytest.mark.parametrize(("text", "expression", "expected"), [
    ("The bakery closed on Tuesday of last week after a fire.", "on Tuesday", "2021-11-16"),
    ("The bakery will reopen on Monday of next week.", "on Monday", "2021-11-29"),
    ("The bakery closed on Wednesday of this week.", "on Wednesday", "2021-11-24"),
])
def test_a_weekday_of_a_named_week_is_that_weeks_day(text: str, expression: str, expected: str) -> None:
    assert dates(text)[expression] == expected


def test_a_yearless_day_the_text_refers_back_to_takes_the_year_it_was_told_in() -> None:
    text = ("The singer won a prize at a 2008 gala in Vienna. She wore a red gown at that March 2 event, "
            "reporters said.")
    events = {e.expression: e for e in timeline(text, "2010-05-04")}
    assert events["March 2"].date == "2008-03-02"
    assert events["March 2"].note and "2008" in events["March 2"].note


def test_a_yearless_day_with_no_year_told_before_keeps_the_nearest_reading() -> None:
    assert dates("She wore a red gown at that March 2 event, reporters said.", "2010-05-04")["March 2"] == \
        "2010-03-02"


@pytest.mark.parametrize("text", [
    "The flaw affects Windows Server 2003, and 2008, the vendor said.",
    "The flaw affects Windows Server 2003 , and 2008 , the vendor said.",
    "The patch covers Windows Server 2008 R2 and older systems.",
    "The update reached Office 2010 and 2013 users first.",
])
def test_a_year_in_a_products_name_is_no_date(text: str) -> None:
    assert timeline(text) == []


def test_a_year_beside_a_product_word_that_ends_no_name_is_still_a_date() -> None:
    assert dates("The company sold its Windows unit in 2008, the report said.")["2008"] == "2008"


def _story(*articles: tuple[str, str, str]) -> list[TimelineEvent]:
    arts = [Article(aid, aid, None, published, None, text) for aid, published, text in articles]
    return build_timeline(arts, {a.id: segment(a) for a in arts})


def _monday_of(events: list[TimelineEvent], aid: str) -> TimelineEvent:
    return next(e for e in events if e.expression == "on Monday" and any(s.article == aid for s in e.spans))


def test_a_bare_weekday_in_a_copy_dated_two_days_before_its_story_is_the_storys_day() -> None:
    events = _story(("early", "2021-11-20", "Lawmakers on Monday pressed the harbour minister to resign."),
                    ("late", "2021-11-22", "The harbour minister refused to resign after a long debate."))
    monday = _monday_of(events, "early")
    assert monday.date == "2021-11-22" and monday.note and "early" in monday.note


@pytest.mark.parametrize("late", [None, "2021-11-23"])
def test_a_bare_past_weekday_without_such_a_story_stays_in_the_week_before(late: str | None) -> None:
    articles = [("early", "2021-11-20", "Lawmakers on Monday pressed the harbour minister to resign.")]
    if late:
        articles.append(("late", late, "The harbour minister refused to resign after a long debate."))
    assert _monday_of(_story(*articles), "early").date == "2021-11-15"


def _today(text: str, published: str) -> str | None:
    return next(e.date for e in timeline(text, published) if (e.expression or "").lower().endswith("today"))


@pytest.mark.parametrize(("text", "expected"), [
    # The paper's own day named only in a forecast: written the day before, its quoted 'today' is that day.
    ("The storm flooded the valley on Monday. Forecasters expect it to weaken Tuesday. \"We will see more rain "
     "today,\" the governor said.", "2021-11-22"),
    # Named as a day over: the paper's own date stands.
    ("The storm flooded the valley on Monday. Crews cleared the roads Tuesday. \"We are safe today,\" the "
     "governor said.", "2021-11-23"),
])
def test_a_quoted_today_with_the_papers_day_named_only_in_a_forecast(text: str, expected: str) -> None:
    assert _today(text, "2021-11-23") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Last night, the network reported that the talks had stalled. \"No deal was reached earlier today,\" a "
     "source said.", "2021-11-25"),
    ("Last night the storm hit the coast. \"Today we rebuild,\" the mayor said.", "2021-11-26"),
])
def test_a_quoted_today_of_a_report_made_last_night_is_that_day(text: str, expected: str) -> None:
    assert _today(text, FRIDAY) == expected
