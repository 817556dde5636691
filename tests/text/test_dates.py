"""Dateline lines and date patterns of the language layer."""

from __future__ import annotations

from datetime import date

import pytest

from corroborate.text.dates import PATTERNS, iso_week, read_dateline


@pytest.mark.parametrize(("text", "expected"), [
    ("Navy foils attack\nUpdated : November 11 , 2011 18 : 50 IST\nBody .", "2011-11-11"),
    ("Title here\nPublished on : Fri , 11 Nov 2011 at 09 : 56 IST\nBody .", "2011-11-11"),
    ("Title\nPosted 2 / 3 / 2009 11 : 11 PM\nBody .", "2009-02-03"),  # US order: month first
    ("Title\n10 : 55 P . M . FEB . 2 , 2009\nBody .", "2009-02-02"),
    ("Title\nTNN Nov 12 , 2011 , 05 . 51AM IST MUMBAI :\nBody .", "2011-11-12"),
])
def test_dateline_lines_are_read(text: str, expected: str) -> None:
    found = read_dateline(text)
    assert found is not None and found[2].isoformat() == expected and found[3]
    assert "\n" not in text[found[0]:found[1]]


def test_a_dateline_without_year_says_so() -> None:
    found = read_dateline("Mumbai , Nov 11 -\nBody .")
    assert found is not None and not found[3] and (found[2].month, found[2].day) == (11, 11)


@pytest.mark.parametrize("text", [
    "Patrols start from December 1 along the coast.",  # a sentence, not a dateline
    "One\nTwo\nThree\nFour\nFive\nUpdated : November 11 , 2011",  # too far down
    "No date at all.",
])
def test_no_dateline(text: str) -> None:
    assert read_dateline(text) is None


def _kinds(sentence: str) -> dict[str, str]:
    return {kind: m.group(0) for kind, pattern in PATTERNS for m in pattern.finditer(sentence)}


def test_a_year_is_a_word_not_an_amount_or_a_time() -> None:
    assert _kinds("The 2008 event")["year_num"] == "2008"
    for text in ("It cost $2008 in all", "at 20:08 sharp", "2,008 votes"):
        assert "year_num" not in _kinds(text), text


def test_a_bare_month_needs_a_preposition_or_an_event_noun() -> None:
    assert _kinds("back in December")["month"] == "back in December"
    assert _kinds("the June decision")["month"] == "June"
    assert "month" not in _kinds("May said she would go")


@pytest.mark.parametrize(("line", "expected"), [
    ("11 / 09 / 2010", "2010-09-11"),  # read 9 November first; 11 September is the other reading
    ("25 / 09 / 2010", None),  # 25 is no month: one reading only
    ("09 / 09 / 2010", None),  # both readings the same day
    ("Updated : November 11 , 2011", None),  # a month name: no second reading
])
def test_the_day_first_reading_of_a_numeric_dateline(line: str, expected: str | None) -> None:
    from corroborate.text.dates import day_first

    found = day_first(line)
    assert (found.isoformat() if found else None) == expected


def test_a_week_across_two_months_is_the_month_of_its_working_days() -> None:
    assert iso_week(date(2009, 2, 25)) == "2009-02"  # Mon Feb 23 - Sun Mar 1: its weekdays all in February
    assert iso_week(date(2021, 11, 30)) == "2021-W48"  # Mon Nov 29 - Fri Dec 3: no one month
    assert iso_week(date(2021, 11, 24)) == "2021-W47"  # all in November: the week itself
