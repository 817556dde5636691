"""Timeline dates read from other dates of the same text (the classes timeline pool 2 showed); made-up
sentences, dated Friday 26 Nov 2021."""

from __future__ import annotations

import pytest

from corroborate.crosscheck.timeline import build_timeline
from corroborate.ingest.segment import segment
from corroborate.model import Article, TimelineEvent

FRIDAY = "2021-11-26"


def timeline(text: str, published: str | None = FRIDAY) -> list[TimelineEvent]:
    a = Article("a1", "outlet", None, published, None, text)
    return build_timeline([a], {a.id: segment(a)})


def dated(text: str, expression: str, published: str | None = FRIDAY) -> TimelineEvent:
    return next(e for e in timeline(text, published) if e.expression == expression)


# -- anaphors: counted from the date the text just gave, never from the article's date --

@pytest.mark.parametrize(("text", "expression", "expected"), [
    ("The ferry sank on Nov 3. Two days later, the captain was arrested.", "Two days later", "2021-11-05"),
    ("The ferry sank on Nov 3. The pilot died a day later in hospital.", "a day later", "2021-11-04"),
    ("The ferry sank on Nov 3. Three days earlier, a storm warning was issued.", "Three days earlier",
     "2021-10-31"),
    ("The ferry sank on Nov 3. Hours later, divers reached the wreck.", "Hours later", "2021-11-03"),
    ("The ferry sank on Nov 3. A few minutes earlier, the crew sent a call.", "A few minutes earlier",
     "2021-11-03"),
    ("The ferry sank on Nov 3. The following week, an inquiry opened.", "The following week", "2021-W45"),
    ("The port closed in March 2019. Two months later, it reopened.", "Two months later", "2019-05"),
    ("The plant opened in 2011. Three years later, it shut.", "Three years later", "2014"),
])
def test_a_counted_anaphor_counts_from_the_date_before_it(text: str, expression: str, expected: str) -> None:
    event = dated(text, expression)
    assert event.date == expected and event.note and "counted from" in event.note


def test_an_anaphor_dated_so_anchors_the_next_one() -> None:
    text = "The ferry sank on Nov 3. The next day, divers found two men. Two days later, the captain was charged."
    assert dated(text, "Two days later").date == "2021-11-06"


@pytest.mark.parametrize(("text", "found"), [
    ("The next week, he left the city.", []),  # was 'next week' counted from the article's date
    ("Two days later, the captain was arrested.", []),
    ("Hours later, divers reached the wreck.", []),
    ("The ship sailed in 2011. The next week, it sank.", ["2011"]),  # a year is no anchor for a week
])
def test_an_anaphor_without_a_safe_anchor_stays_undated(text: str, found: list[str]) -> None:
    assert [e.expression for e in timeline(text)] == found


def test_an_anaphor_far_from_its_date_stays_undated() -> None:
    text = "The ferry sank on Nov 3.\n\nDivers searched the wreck. Crews towed it. Two days later, the captain quit."
    assert [e.expression for e in timeline(text)] == ["on Nov 3"]


def test_an_anaphor_counts_from_the_one_date_of_its_paragraph_or_the_one_before() -> None:
    # Quoted lines come between the date and the anaphor; the paragraph before holds one day only.
    text = ('The mayor hinted on Tuesday that she may stand down. "We will see. Nothing is decided."'
            "\n\nShe took it back later that day in a short note.")
    event = dated(text, "later that day")
    assert event.date == "2021-11-23" and event.note and "on Tuesday" in event.note


@pytest.mark.parametrize("text", [
    # Two days named before it: no safe anchor.
    "The ferry sank on Nov 3. The inquiry opened on Nov 10. Divers searched. Crews towed it. Later that day, "
    "the captain quit.",
    # A stretch of time to come, not a day after the last one named.
    "The line failed on Saturday. Crews will add capacity over the next day or two.",
])
def test_no_safe_paragraph_anchor(text: str) -> None:
    assert all("counted from" not in (e.note or "") for e in timeline(text))



@pytest.mark.parametrize(("text", "expression", "expected"), [
    # "before"/"after" with an object: counted from the date inside it, not from a date told before it.
    ("The bill passed on Nov 3. The curfew began the day before the Nov 20 parade.", "the day before",
     "2021-11-19"),
    ("The bill passed on Nov 3. He was hurt two days before the Nov 20 parade.", "two days before", "2021-11-18"),
    # An adverb (the clause ends, or another preposition follows): counted from the date before it, as before.
    ("The ferry sank on Nov 3. She had left port the day before, police said.", "the day before", "2021-11-02"),
    ("A memo dated Aug. 16 described a briefing the day before by the staff.", "the day before", "2021-08-15"),
])
def test_before_or_after_counts_from_its_object_or_the_date_before(text: str, expression: str,
                                                                  expected: str) -> None:
    assert dated(text, expression).date == expected


@pytest.mark.parametrize(("text", "expression", "expected"), [
    ("Hours after speaking at Monday's meeting, the envoy left for Geneva.", "Monday's", "2021-11-22"),
    ("Minutes after the Tuesday crash, a driver was seen calling for help.", "Tuesday", "2021-11-23"),
])
def test_hours_after_a_dated_object_adds_no_second_mention(text: str, expression: str, expected: str) -> None:
    # The same day as its object: the date inside it dates the sentence, shown by its own words.
    assert [(e.expression, e.date) for e in timeline(text)] == [(expression, expected)]


def test_before_an_event_with_no_date_stays_undated() -> None:
    # Was the day before Nov 3: the curfew began the day before a parade the text never dates.
    text = "The bill passed on Nov 3. The curfew began the day before the parade."
    assert [e.expression for e in timeline(text)] == ["on Nov 3"]

# -- a day's year from the words beside it --

@pytest.mark.parametrize(("text", "expression", "expected"), [
    ("The council took office on Feb 1 last year.", "on Feb 1 last year", "2020-02-01"),  # was Feb 1, 2022
    ("The depot flooded on Oct 22 last year.", "on Oct 22 last year", "2020-10-22"),
    ("The port reopens on March 3 next year.", "on March 3 next year", "2022-03-03"),
    ("The mill burned in Oct . 2011 near the river.", "in Oct . 2011", "2011-10"),  # was the year 2011
    ("The factory closed in Sept 2011, workers said.", "in Sept 2011", "2011-09"),
])
def test_a_day_or_month_with_its_year_words(text: str, expression: str, expected: str) -> None:
    assert dated(text, expression).date == expected


def test_a_yearless_day_takes_the_year_of_a_date_just_named() -> None:
    # Dated 26 Nov 2021: "Aug 8" alone is the last Aug 8 (2021); two days before "Aug 10, 2020" it is 2020.
    text = "The old bridge fell on Aug 10, 2020. On Aug 8, engineers had checked its cables."
    event = dated(text, "On Aug 8")
    assert event.date == "2020-08-08" and event.note and "Aug 10, 2020" in event.note


@pytest.mark.parametrize(("text", "expression", "expected"), [
    # Near the article's date: this year's, whatever the text named before.
    ("The quakes of Nov 19, 1985 and Nov 19, 2017 killed many. On Nov 19, the alarm sounded again.",
     "On Nov 19", "2021-11-19"),
    # Two years fit: no safe choice, the article's date decides.
    ("The floods of Aug 3, 2018 and Aug 5, 2019 ruined the farm. On Aug 4, rain fell again.", "On Aug 4",
     "2021-08-04"),
    # Far from the date named before it.
    ("The old bridge fell on Aug 10, 2020. The inquiry opens on Jan 20.", "on Jan 20", "2022-01-20"),
])
def test_a_yearless_day_keeps_the_year_nearest_the_article_without_a_safe_anchor(text: str, expression: str,
                                                                                 expected: str) -> None:
    assert dated(text, expression).date == expected


# -- a bare month's direction --

def test_a_month_opening_a_sentence_told_in_the_past_is_the_last_one() -> None:
    # In a November paper the next February is nearer; "In February, the council said" is over.
    assert dated("In February, the council said it would act.", "In February").date == "2021-02"
    assert dated("In February, the council will meet again.", "In February").date == "2022-02"
    assert dated("In February, voters elect a new mayor.", "In February").date == "2022-02"


def test_a_quoted_today_is_the_day_before_when_the_article_tells_of_that_day() -> None:
    # a Friday paper whose first named day is Thursday: the coach spoke on the day of the match
    text = ("The home side lost 2-0 on Thursday night.\n\n"
            '"We were poor today," the coach said. Fans will gather today outside the ground.')
    events = build_timeline([Article("a1", "o", None, "2021-11-26", None, text)], {})
    by_text = {e.text.split()[1]: e for e in events if e.expression == "today"}
    assert by_text["were"].date == "2021-11-25" and "quotation" in (by_text["were"].note or "")
    assert by_text["will"].date == "2021-11-26"  # not quoted: the paper's own day


def test_a_quoted_today_keeps_the_paper_date_when_the_first_day_named_is_another() -> None:
    text = ('Rates rise from Nov. 27, the bank said. The Fed moved on Thursday. '
            '"Today’s decision opens a cycle," its chief said.')
    events = build_timeline([Article("a1", "o", None, "2021-11-26", None, text)], {})
    assert next(e for e in events if e.expression.lower().startswith("today")).date == "2021-11-26"
