"""Dates the timeline reads from other dates of the same text, not from the article's date.

:mod:`corroborate.crosscheck.timeline` finds and resolves each time expression; this module holds the readings
that need a date the text named just before: anaphors ("the next day", "later that day", "the following
year"), and a weekday of an undated article that a dated day of its paragraph names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from corroborate.model import Article, Passage
from corroborate.text.dates import WEEKDAYS, shifted


@dataclass(slots=True)
class Found:
    """A time expression found in an article: where, its words, its ISO value and note, the date it sorts by."""

    article: Article
    passage: Passage
    start: int
    end: int
    expression: str
    date: str | None
    note: str | None
    sort: date | None


Pending = tuple[Passage, re.Match[str], str, int]


def anaphors(article: Article, pending: list[Pending], found: list[Found]) -> list[Found]:
    """"the following year", "later that day": counted from the nearest date named before them in the same
    or the previous sentence; left out when there is none (they date nothing on their own)."""
    out = []
    for p, m, unit, shift in pending:
        start = p.start + m.start()
        before = [f for f in found if f.start < start and f.date and p.index - f.passage.index <= 1]
        anchor = max(before, key=lambda f: f.start, default=None)
        moved = shifted(anchor.date, unit, shift) if anchor is not None and anchor.date else None
        if anchor is None or moved is None:
            continue
        note = f"'{m.group(0)}' counted from '{anchor.expression}' ({anchor.date}) before it"
        out.append(Found(article, p, start, p.start + m.end(), m.group(0), moved[0], note, moved[1]))
    return out


def anchor_weekdays(found: list[Found]) -> None:
    """In an undated article, "on Wednesday" next to "November 24" (a Wednesday) in one paragraph is that day."""
    dated = [f for f in found if f.sort is not None and f.date and len(f.date) == 10]
    for f in found:
        if f.date is not None:
            continue
        m = re.search(r"(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)", f.expression)
        if not m or re.match(r"\s*(last|next)\b", f.expression, re.I):
            continue
        wd = WEEKDAYS.index(m.group(1).lower())
        for g in dated:
            if g.article.id == f.article.id and g.passage.paragraph == f.passage.paragraph and g.sort \
                    and g.sort.weekday() == wd:
                f.date, f.sort = g.date, g.sort
                f.note = (f"article undated: '{f.expression}' taken as {g.date}, the {m.group(1)} named as "
                          f"'{g.expression}' in the same paragraph")
                break
