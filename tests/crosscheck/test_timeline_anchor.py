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


# -- a day's year from the words beside it --

@pytest.mark.parametrize(("text", "expression", "expected"), [
    ("The army seized power on Feb 1 last year.", "on Feb 1 last year", "2020-02-01"),  # was Feb 1, 2022
    ("Staff got the wrong dose on Oct 22 last year.", "on Oct 22 last year", "2020-10-22"),
    ("The port reopens on March 3 next year.", "on March 3 next year", "2022-03-03"),
    ("Her mother was shot in Oct . 2011 in Brooklyn.", "in Oct . 2011", "2011-10"),  # was the year 2011
    ("The factory closed in Sept 2011, workers said.", "in Sept 2011", "2011-09"),
])
def test_a_day_or_month_with_its_year_words(text: str, expression: str, expected: str) -> None:
    assert dated(text, expression).date == expected

