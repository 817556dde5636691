"""Dates the timeline reads from other dates of the same text, not from the article's date.

:mod:`corroborate.crosscheck.timeline` finds and resolves each time expression; this module holds the readings
that need a date the text named just before: anaphors ("the next day", "two days later", "that night", "the
following week"), a weekday of an undated article that a dated day of its paragraph names, and a quoted
"today" spoken on the day before the paper's date, the day the article tells of.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from corroborate.model import Article, Passage
from corroborate.text.dates import MONTH_RE, WEEKDAYS, counted, nearest_year, shifted
from corroborate.text.quotemarks import quote_ranges

# A yearless day is read against a date the text gave only when that date is this close to it and the article's
# own date is far from it: recent news is the common case ("the bridge fell on May 4, 2019 ... On May 2, ..."
# in an autumn 2020 report; not "March 3, 2015 ... on March 3" in a March 4 report of this year's storm).
_NEAR_TEXT = 14
_FAR_FROM_REFERENCE = 31
# "at that March 2 event", "on that same May 4": a yearless day the text refers back to, dated where it was told.
_REFERS_BACK = re.compile(r"\b(?:that|that\s+same|the\s+same)\s+$", re.I)
_YEARLESS = re.compile(r"\b" + MONTH_RE + r"\s+\d|\d\s+(?:of\s+)?" + MONTH_RE)
# Words that name a day by the speaker's own day: inside a quotation, counted from the day they were spoken.
# ("yesterday" and "last night" are no evidence of the day the article tells of, and are not moved either: a
# bracket often dates them, "last night [ 10 October 2011 ]".)
_SPEAKERS_DAY = re.compile(r"\b(?:today|tonight|tomorrow|yesterday|last\s+night|this\s+(?:morning|afternoon|evening))",
                           re.I)
# A forecast names a day still to come when it was written; "last night ... reported", "said yesterday": a report
# made the day before the paper's date.
_LOOKS_AHEAD = re.compile(r"\b(?:will|expect\w*|forecast\w*|predict\w*|due to|set to)\b|['’]ll\b", re.I)
_REPORTED = re.compile(r"(?:last\s+night|yesterday)\b", re.I)
_SAYING = re.compile(r"\b(?:said|reported|told|announced|added|wrote|tweeted)\b", re.I)
_MOVED = re.compile(r"(?:today|tonight|tomorrow|this\s+(?:morning|afternoon|evening))", re.I)


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


Pending = tuple[Passage, re.Match[str], str, int | None]
# "the day before", "two days after", "hours after": a preposition when words follow it, an adverb when the
# clause ends ("the day before, police said"), "that" follows ("the day before that") or another preposition
# or a conjunction does ("a meeting the day before by the mission", "the day before and ...").
_PREPOSITION = re.compile(r"(?:after|before)$", re.I)
_ADVERB = re.compile(r"\s*(?:[,.;:!?)\"”’]|$|(?:that|this|by|in|at|on|with|for|from|to|of|as|and|but|or|when|"
                     r"while|during)\b)", re.I)
# "over the next day or two", "within the following week": a stretch of time to come, no date.
_STRETCH = re.compile(r"\b(?:over|within|during|for|in|through)\s+$", re.I)
_OBJECT_CHARS = 50  # how far into its object a date may start ("hours after delivering a reading at Monday's")


def years_from_text(found: list[Found], reference: date | None) -> None:
    """A month-day without a year ("On May 2") takes the year of a full date the article named before it
    ("May 4, 2019") within two weeks of it, when the year nearest the article's date puts it over a month away
    from that date and every such full date agrees on the year; with a note."""
    if reference is None:
        return
    for f in found:
        if f.sort is None or not f.date or len(f.date) != 10 or re.search(r"\d{4}|\byear\b", f.expression, re.I) \
                or not _YEARLESS.search(f.expression):
            continue
        if _REFERS_BACK.search(f.article.text[max(0, f.start - 16):f.start]):
            _year_referred(f, found)
            continue
        if abs((f.sort - reference).days) <= _FAR_FROM_REFERENCE:
            continue
        fits: dict[int, Found] = {}
        for g in found:
            if g.start < f.start and g.sort is not None and g.date and len(g.date) == 10 \
                    and re.search(r"\d{4}", g.expression):
                d = nearest_year(f.sort.month, f.sort.day, g.sort)
                if d is not None and abs((d - g.sort).days) <= _NEAR_TEXT:
                    fits[d.year] = g
        if len(fits) == 1:
            g = next(iter(fits.values()))
            d = nearest_year(f.sort.month, f.sort.day, g.sort)
            if d is not None and d != f.sort:
                f.date, f.sort = d.isoformat(), d
                f.note = f"year of '{f.expression}' taken from '{g.expression}' named before it"


def _year_referred(f: Found, found: list[Found]) -> None:
    """"at that March 2 event" after "a 2008 event": the year the text named last, in this sentence or the one
    before, when the words name it (a bare year or a full date; not "last year", a week or a decade)."""
    named = [g for g in found if g.start < f.start and g.date and "/" not in g.date and "W" not in g.date
             and re.search(r"\b\d{4}\b", g.expression) and 0 <= f.passage.index - g.passage.index <= 1]
    g = max(named, key=lambda g: g.start, default=None)
    if g is None or f.sort is None:
        return
    try:
        d = f.sort.replace(year=int(g.date[:4]))  # type: ignore[index]
    except ValueError:
        return  # February 29 in a year without one: no such day, the nearest reading stands
    if d != f.sort:
        f.date, f.sort = d.isoformat(), d
        f.note = f"year of '{f.expression}' taken from '{g.expression}', the event the text refers back to"


def quoted_days(found: list[Found], text: str, reference: date | None) -> None:
    """'today', 'tonight' or 'tomorrow' inside a quotation are counted from the day before the article's date when
    the first day the article names (a weekday, a month-day; not such words) is that day before and the article
    never names its own date but by such words or in a forecast ("expected to strengthen Tuesday" in a Tuesday
    paper was written the day before): the story it tells happened then and the words were spoken then ("Thursday
    night" ... "'Biden was terrific tonight,' the president said" in a Friday paper). A first day of another date
    ("effective Sept. 23" in a Thursday paper quoting "today's announcement") leaves them be. So are words quoted
    from a report the sentence before or their own sentence dates "last night" or "yesterday" ("Last night, X
    reported ... 'progress was made earlier today,' the source said"). With a note; unquoted words keep the paper's
    date."""
    if reference is None:
        return
    eve = (reference - timedelta(days=1)).isoformat()
    days = sorted((f for f in found if f.date and len(f.date) == 10 and not _SPEAKERS_DAY.search(f.expression)),
                  key=lambda f: f.start)
    story_eve = bool(days) and days[0].date == eve and not any(
        f.date == reference.isoformat() and not _LOOKS_AHEAD.search(text[f.passage.start:f.passage.end]) for f in days)
    for f in found:
        if f.sort is None or not f.date or len(f.date) != 10 or not _MOVED.match(f.expression):
            continue
        line = text.rfind("\n", 0, f.start) + 1
        stop = text.find("\n", f.end)
        stop = len(text) if stop < 0 else stop
        if not any(c <= f.start and f.end <= e for _, c, e, _ in quote_ranges(text, line, stop)):
            continue
        told = [g for g in found if g.start < f.start and g.date == eve and _REPORTED.match(g.expression)
                and 0 <= f.passage.index - g.passage.index <= 1 and _SAYING.search(g.passage.text)]
        if story_eve:
            note = f"the day the article's story happened ('{days[0].expression}')"
        elif told:
            note = f"the day the report it is quoted from was made ('{told[-1].expression}')"
        else:
            continue
        f.sort = f.sort - timedelta(days=1)
        f.date = f.sort.isoformat()
        f.note = f"'{f.expression}' in a quotation, counted from {eve}, {note}, not from the article's date"


def anaphors(article: Article, pending: list[Pending], found: list[Found]) -> list[Found]:
    """"the following year", "later that day", "two days later": counted from the nearest date named before them
    in the same sentence or the sentence before (an anaphor dated so is an anchor for the next one: "On Nov 3 ...
    The next day ... Two days later"). The sentence before counts across a paragraph break, since news paragraphs
    are often one sentence long. Left out when there is none: the article's own date is no anchor, since "the
    next day" is the day after the event just told, not after publication."""
    out: list[Found] = []
    text = article.text
    for p, m, unit, shift in sorted(pending, key=lambda t: t[0].start + t[1].start()):
        start, end = p.start + m.start(), p.start + m.end()
        if _STRETCH.search(text[p.start:start]) and re.match(r"the\s+(?:next|following)\b", m.group(0), re.I):
            continue
        if _PREPOSITION.search(m.group(0)) and not _ADVERB.match(text[end:p.end]):
            # Its object is the event it counts from: a date named there, or none ("the day before the
            # inauguration" is no day after a date told before it).
            ahead = [f for f in found if f.passage.index == p.index and f.date and end <= f.start <= end
                     + _OBJECT_CHARS and not re.search(r"[,;.]\s", text[end:f.start])]
            anchor = min(ahead, key=lambda f: f.start, default=None)
            where = "after it"
        else:
            before = [f for f in found + out if f.start < start and f.date and "/" not in f.date
                      and p.index - f.passage.index <= 1]  # a decade is too wide to count a day or year from
            anchor = max(before, key=lambda f: f.start, default=None) \
                or _paragraph_anchor(p, found + out, start, unit, text)
            where = "before it"
        moved = shifted(anchor.date, unit, counted(m, shift)) if anchor is not None and anchor.date else None
        if anchor is None or moved is None or (where == "after it" and moved[0] == anchor.date):
            continue  # "hours after Monday's vote": the date in its object already dates the sentence
        note = f"'{m.group(0)}' counted from '{anchor.expression}' ({anchor.date}) {where}"
        out.append(Found(article, p, start, end, m.group(0), moved[0], note, moved[1]))
    return out


def _paragraph_anchor(p: Passage, found: list[Found], start: int, unit: str, text: str) -> Found | None:
    """Nothing dated in the sentence or the one before: the one date of the paragraph so far, or, when the
    anaphor opens its paragraph, of the paragraph before ("The mayor hinted on Tuesday ... 'We will see.'" /
    "She took it back later that day"); only dates fine enough to count from (a day for "that
    day"), and two different ones there make none safe."""
    # What segmentation split the paragraphs on: a blank line right before the passage.
    opens = p.paragraph > 0 and re.search(r"\n[ \t]*\n\s*$", text[:p.start]) is not None
    para = p.paragraph - 1 if opens else p.paragraph
    fine = {"day": 10, "week": 10, "month": 7, "year": 4}[unit]
    window = [f for f in found if f.start < start and f.date and len(f.date) >= fine and not {"W", "/"} & set(f.date)
              and f.passage.paragraph in (para, p.paragraph)]
    return window[-1] if window and len({f.date for f in window}) == 1 else None


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


def early_copy(expr: str, p: date, target: int, story_dates: list[tuple[str, date]], me: str
               ) -> tuple[str, str, date] | None:
    """A bare past weekday five days back in an article dated before every other article of its story, when its
    next such day, two days on, is the day the first of them appeared: the paper is dated early (a copy filed ahead,
    a date field off) and the weekday is the story's day ("on Monday" in a Saturday copy of a Monday story)."""
    others = sorted((d, aid) for aid, d in story_dates if aid != me)
    d = p + timedelta(days=(target - p.weekday()) % 7)
    if not others or others[0][0] != d or not 0 < (d - p).days <= 2:
        return None
    return d.isoformat(), (f"'{expr}' taken as {d.isoformat()}, the day the story's first other article appeared "
                           f"({others[0][1]}): this article's date, {p.isoformat()}, is early"), d
