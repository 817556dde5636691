"""A dated timeline of a story: time expressions resolved against each article's published date.

Stage 5 of a story: needs passages and published dates; adds ``story.timeline``.

Standard library only. What is resolved, against the published date P:

* absolute dates: "2021-11-26", "November 24", "24 November 2021", "from December 1" (no year: P's year,
  or the year that puts the date nearest to P);
* days: "today", "this morning", "tonight" -> P; "yesterday", "last night" -> P - 1; "tomorrow" -> P + 1;
  "two days ago" -> P - 2;
* weekdays: "last Wednesday" -> the one before P; "next Sunday" -> the one after; a bare "on Wednesday"
  follows the tense of the nearest verb group: past ("sank", "was", "had", a verb in -ed) -> the most recent
  such day on or before P, except the day after P rather than six days before it; future or present
  ("will", "is due to", "is no longer invited") -> the next such day on or after P; a bracketed date right after
  it ("on Friday (Oct 7)") -> that day;
* weeks and years: "this week", "earlier this week" -> P's ISO week ("2021-W47"); "next week", "last week" ->
  the week after / before (a week across two months whose weekdays lie in one: that month); "next year" -> "2022";
* months, seasons and years: "in March 2019" -> "2019-03"; "in June", "the June decision" -> the nearer June
  to P (half a year either way goes by the tense; two months or more off on the side a clause told as over or a
  "will" rules out, the other one: "a bomb was placed in June" in a January paper is last June, and a yearless
  day likewise); "earlier this month", "last month" -> "2021-11", "2021-10";
  "last summer" -> the year of the last summer over; "in 2008", "fiscal 2012" -> "2008", "2012"; "eight years
  ago", "a month ago", "three weeks ago" -> a year, a month, a week; "the 1940s", "the mid-1930's" -> the
  range "1940/1949", "1930/1939";
* anaphors: "the following year", "the day before", "later that day", "two days later", "the following week"
  -> counted from the nearest date named before them in the same sentence or the one before it (with a note;
  :mod:`corroborate.crosscheck.timeline_anchor`); nothing there, no event: never the article's own date.

Not dates: programme titles ("This Week", NBC's "Today", "Fox News Sunday"), habits ("every Tuesday").

An undated article resolves nothing relative: its events keep ``date=None`` with a note saying why, unless a
short line at its top prints the date it appeared ("Updated : November 11 , 2011 18 : 50 IST"): that dateline
is its reference date, with a note. Two more bounded exceptions, each with a note that names its evidence: a
month-day without year takes its year from a dated article of the same story when that puts it within six
months of it; and a weekday in the same paragraph as such a date resolves to it when the date falls on that
weekday.

Events with the same date and similar wording merge across articles into one event with several spans.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from corroborate.crosscheck import timeline_anchor as anchor
from corroborate.crosscheck.timeline_anchor import Pending, anaphors, anchor_weekdays, quoted_days, years_from_text
from corroborate.ingest.segment import segment
from corroborate.model import Article, Passage, Span, TimelineEvent
from corroborate.text.dates import (
    ANAPHORS,
    COUNTED_AFTER,
    COUNTED_BEFORE,
    GENERIC,
    MONTHS,
    PATTERNS,
    WEEKDAYS,
    ago,
    dateline_end,
    day_first,
    is_title,
    iso_week,
    month_in_year,
    month_last,
    month_of,
    nearest_year,
    other_year,
    read_dateline,
    season_year,
    stated_day,
    weekday_name,
)
from corroborate.text.time_words import _PAST, _STOP, marked_tense, product_year, rhetorical_day, tense_at

# "as soon as Friday", "as early as Thursday": a day still to come, whatever the tense of the sentence.
_EARLIEST = re.compile(r"\bas\s+(?:soon|early)\s+as\s+$", re.I)
# Capitalised words opening a quotation right before a weekday: the weekday ends a title ("Fox News Sunday").
_QUOTED_NAME = re.compile(r"[\"“](?:[A-Z][\w'’.-]*\s+){1,4}$")
_DATELINE = re.compile(r"\s*(?:date[d:]?\s*:?\s*)?(\d{4}-\d{2}-\d{2})\b", re.I)
# "The last quake was in February": a past copula right before the month dates what is over.
_WAS = re.compile(r"\b(?:was|were)\s+$", re.I)
# "In January, it said ...": a month opening the sentence, then a short subject and a past verb: the month of
# what was said or done, so the last one, even where the next is nearer.
_OPENS_PAST = re.compile(r"\s*,\s*(?:[\w'’.-]+\s+){1,4}?(?:said|announced|was|were|had|\w+ed)\b", re.I)
# A yearless month this many months from the paper's date on the side its verb rules out is the other one ("the
# placement of a bomb in June" in a January paper is the June before); nearer, the nearest reading stands (a paper
# may be dated a little early or late). Days: dates.other_year.
_TENSE_MONTHS = 2
_MAX_TEXT = 180
_SIMILAR = 0.2


def published_date(article: Article) -> tuple[date | None, str | None]:
    """The article's published date, or a dateline at the very start of its text; with a note for the latter."""
    if article.published:
        try:
            return date.fromisoformat(article.published[:10]), None
        except ValueError:
            pass
    m = _DATELINE.match(article.text)
    if m:
        try:
            return date.fromisoformat(m.group(1)), f"published date read from the dateline '{m.group(0).strip()}'"
        except ValueError:
            return None, None
    return None, None


Reference = tuple[tuple[date | None, str | None], tuple[int, int] | None]


def _references(articles: list[Article]) -> dict[str, Reference]:
    """Each article's reference date with its note, and the span of the dateline line it was read from.

    The published date first; else a date printed on a short line at the top ("Updated : November 11 ,
    2011 18 : 50 IST"), which news sites put there for when the article appeared.
    """
    out: dict[str, Reference] = {}
    for a in articles:
        d, note = published_date(a)
        line = read_dateline(a.text) if d is None else None
        if line is None:
            out[a.id] = ((d, note), None)
            continue
        start, end, found, has_year = line
        words = " ".join(a.text[start:end].split())
        out[a.id] = ((found if has_year else None, f"published date read from the dateline '{words}'"),
                     (start, end))
    return _day_first(articles, out)


def _day_first(articles: list[Article], refs: dict[str, Reference]) -> dict[str, Reference]:
    """A numeric dateline that reads both ways ("11 / 09 / 2010") is read day first when that puts it nearer
    to the story's other dated articles (Sep 10, 2010: a British site's September 11, not November 9)."""
    for a in articles:
        (d, _), skip = refs[a.id]
        other = day_first(a.text[skip[0]:skip[1]]) if d is not None and skip is not None else None
        dates = [r[0][0] for k, r in refs.items() if k != a.id and r[0][0] is not None]
        if other is None or d is None or not dates:
            continue
        if min(abs((other - x).days) for x in dates) < min(abs((d - x).days) for x in dates):
            words = " ".join(a.text[skip[0]:skip[1]].split())  # type: ignore[index]
            refs[a.id] = ((other, f"published date read day first from the dateline '{words}', nearer to the "
                                  "story's other articles"), skip)
    return refs


def _dateline_year(article: Article, skip: tuple[int, int], story_dates: list[tuple[str, date]]
                   ) -> tuple[date | None, str | None]:
    """A dateline without a year ("Mumbai , Nov 11 -") takes the year that puts it nearest to a dated article
    of the same story, within six months."""
    line = read_dateline(article.text)
    words = " ".join(article.text[skip[0]:skip[1]].split())
    if line is not None:
        for aid, ref in story_dates:
            d = nearest_year(line[2].month, line[2].day, ref)
            if d is not None and abs((d - ref).days) <= 183:
                return d, f"published date read from the dateline '{words}', its year from {aid}"
    return None, None


class _Resolver:
    def __init__(self, article: Article, story_dates: list[tuple[str, date]],
                 reference: tuple[date | None, str | None] | None = None) -> None:
        self.article = article
        self.published, self.dateline_note = reference if reference is not None else published_date(article)
        self.story_dates = story_dates

    def undated(self, expression: str) -> tuple[None, str, None]:
        return None, f"article undated: '{expression}' cannot be resolved", None

    def resolve(self, kind: str, m: re.Match[str], sentence: str, rel: int) -> tuple[str | None, str | None,
                                                                                      date | None]:
        p = self.published
        expr = m.group(0)
        if kind == "iso":
            d = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            return d.isoformat(), None, d
        if kind in ("month_day", "day_month"):
            month_name, day = (m.group(1), m.group(2)) if kind == "month_day" else (m.group(2), m.group(1))
            month, dnum = MONTHS[month_name.lower().rstrip(" .")], int(day)
            if m.group(3):
                d = date(int(m.group(3)), month, dnum)
                return d.isoformat(), None, d
            if m.group(4) and p is not None:  # "on Feb 1 last year": that day of the year named
                d = date(p.year + {"this": 0, "last": -1, "next": 1}[m.group(4).lower()], month, dnum)
                return d.isoformat(), None, d
            if p is not None:
                d = nearest_year(month, dnum, p)
                if d is None:
                    raise ValueError(expr)
                d = other_year(d, p, marked_tense(sentence, rel, rel + len(expr)))
                return d.isoformat(), None, d
            return self._year_from_story(expr, month, dnum)
        if kind == "month_year":
            d = date(int(m.group(2)), MONTHS[m.group(1).lower().rstrip(" .")], 1)
            return d.isoformat()[:7], None, d
        if kind == "decade":
            y = int(m.group(1)) * 10
            return f"{y}/{y + 9}", None, date(y, 1, 1)  # ISO 8601's interval of years
        if kind == "year_num":
            y = int(m.group(1))
            return str(y), None, date(y, 1, 1)
        if p is None:
            return self.undated(expr)
        if kind in ("ago", "ago_long"):
            return ago(m, p)
        if kind == "day":
            word = m.group(1).lower()
            shift = {"yesterday": -1, "last night": -1, "tomorrow": 1}.get(word, 0)
            d = p + timedelta(days=shift)
            return d.isoformat(), None, d
        if kind == "week":
            shift = {"this": 0, "last": -7, "next": 7}[m.group(1).lower()]
            d = p + timedelta(days=shift)
            monday = d - timedelta(days=d.weekday())
            return iso_week(d), None, monday
        if kind == "month_rel":
            return month_of(p, {"this": 0, "last": -1, "next": 1}[m.group(1).lower()])
        if kind == "month_last":
            return month_last(m.group(1).lower(), MONTHS[m.group(2).lower()], p)
        if kind == "month_in_year":
            return month_in_year(m.group(2).lower(), MONTHS[m.group(1).lower()], p)
        if kind == "season":
            return season_year(m.group(1).lower(), m.group(2).lower(), p)
        if kind == "year":
            y = p.year + {"this": 0, "last": -1, "next": 1}[m.group(1).lower()]
            return str(y), None, date(y, 1, 1)
        if kind == "year_end":
            y = p.year + {"the": 0, "this": 0, "last": -1, "next": 1}[m.group(1).lower()]
            if m.group(1).lower() == "the" and p.month <= 2 and _PAST.search(sentence) \
                    and tense_at(sentence, rel, rel + len(expr)) == "past":
                y -= 1  # "at the end of the year, sales had risen" in a January paper: the year just over
            d = date(y, 12, 31)
            return d.isoformat(), None, d
        if kind == "month":
            # The nearer of the last and the next such month ("in November" in August is the coming one,
            # "in February" in May the past one); half a year either way goes by the tense.
            month = MONTHS[(m.group(1) or m.group(2)).lower()]
            ahead, back = (month - p.month) % 12, (p.month - month) % 12
            if expr.lower().startswith(("back", "since")) or _WAS.search(sentence[:rel]) \
                    or (not sentence[:rel].strip() and _OPENS_PAST.match(sentence[rel + len(expr):])):
                return month_of(p, -back)  # "back in December", "since March", "the quake was in February"
            if ahead == back:
                future = tense_at(sentence, rel, rel + len(expr)) == "future"
                return month_of(p, ahead if future else -back)
            tense = marked_tense(sentence, rel, rel + len(expr))
            if ahead < back:
                return month_of(p, -back if ahead >= _TENSE_MONTHS and tense == "past" else ahead)
            return month_of(p, ahead if back >= _TENSE_MONTHS and tense == "future" else -back)
        # weekday
        mod = (m.group(1) or "").lower()
        target = WEEKDAYS.index(weekday_name(m.group(2)) or "")
        given = stated_day(sentence[rel + len(expr):], target, p)
        if given is not None and given.weekday() == target:
            # "a court heard on Friday (Oct 7)", "on Tuesday of last week": the writer's own date beats the tense
            return given.isoformat(), None, given
        back = (p.weekday() - target) % 7
        ahead = (target - p.weekday()) % 7
        if mod == "last":
            d = p - timedelta(days=back or 7)
        elif mod == "next":
            d = p + timedelta(days=ahead or 7)
        elif mod in ("until", "this", "before") or _EARLIEST.search(sentence[:rel]) \
                or tense_at(sentence, rel, rel + len(expr)) == "future":
            d = p + timedelta(days=ahead)
        elif back == 6 and mod in ("", "on"):
            # A bare weekday six days back is written "last Monday"; "broke with Obama Monday" in a paper dated
            # Sunday is the next day: the article's date is a day early (a time zone, an evening edition).
            d = p + timedelta(days=1)
        elif back == 5 and mod in ("", "on") and (early := anchor.early_copy(expr, p, target, self.story_dates,
                                                                      self.article.outlet or self.article.id)):
            return early
        else:
            d = p - timedelta(days=back)
        return d.isoformat(), None, d

    def _year_from_story(self, expr: str, month: int, day: int) -> tuple[str | None, str, date | None]:
        for aid, ref in self.story_dates:
            d = nearest_year(month, day, ref)
            if d is not None and abs((d - ref).days) <= 183:
                return d.isoformat(), (f"article undated: year of '{expr}' taken from {aid}, an article of the "
                                       f"same story published {ref.isoformat()}"), d
        date(2000, month, day)  # a leap year: raises for "February 30", which is no date in any year
        return None, f"article undated: '{expr}' has no year", None


def _find(article: Article, passages: list[Passage], story_dates: list[tuple[str, date]],
          reference: tuple[date | None, str | None], skip: tuple[int, int] | None) -> list[anchor.Found]:
    res = _Resolver(article, story_dates, reference)
    text = article.text
    if skip is not None:
        skip = (skip[0], dateline_end(text, skip[1]))  # with an "UPDATED" line below it
    dateline = _DATELINE.match(text)
    out: list[anchor.Found] = []
    pending: list[Pending] = []
    for p in passages:
        sentence = text[p.start:p.end]
        taken: list[tuple[int, int]] = []
        for pattern, unit, shift in ANAPHORS:
            for m in pattern.finditer(sentence):
                if not any(m.start() < te and ts < m.end() for ts, te in taken):
                    taken.append(m.span())
                    pending.append((p, m, unit, shift))
        for kind, pattern in PATTERNS:
            for m in pattern.finditer(sentence):
                s, e = m.span()
                if any(s < te and ts < e for ts, te in taken):
                    continue
                if kind == "iso" and dateline is not None and p.start + s == dateline.start(1):
                    continue  # the dateline states when the article appeared, not an event
                if skip is not None and skip[0] <= p.start + s < skip[1]:
                    continue  # the dateline line ("Updated : November 11 , 2011"): when it appeared
                if kind in ("day", "week", "month_rel", "year") and is_title(sentence, s, e):
                    continue  # ABC's "This Week", "Tonight": the name of a programme, not a date
                if kind == "day" and rhetorical_day(sentence, s, e):
                    continue  # "Subscribe today!", "Today a referendum, tomorrow ...": rhetoric, no day
                if kind == "year_num" and product_year(sentence, s, e):
                    continue  # "Windows Server 2003, and 2008": a version of a product, no date
                if kind == "weekday" and weekday_name(m.group(2)) is None:
                    continue  # "Sundry", "Monarch": a word that merely starts like a weekday
                if kind == "weekday" and (GENERIC.search(sentence[:s]) or (_QUOTED_NAME.search(sentence[:s])
                                          and re.match(r"[,.]?[\"”]", sentence[e:]))):
                    continue  # "every Tuesday": a habit; "Fox News Sunday": a programme; neither a date
                if kind == "weekday" and COUNTED_AFTER.match(sentence[e:]) and re.search(
                        r"\bthe\s+$" if (m.group(1) or "").lower() == "last" else COUNTED_BEFORE, sentence[:s]):
                    continue  # "the second Tuesday of every month": a rule, or a day the weekday does not name
                taken.append((s, e))
                try:
                    iso, note, key = res.resolve(kind, m, sentence, s)
                except ValueError:
                    continue  # "2021-02-30", "February 30": looks like a date, is none
                if iso is not None and res.dateline_note and note is None:
                    note = res.dateline_note
                out.append(anchor.Found(article, p, p.start + s, p.start + e, m.group(0), iso, note, key))
    years_from_text(out, res.published)
    anchor_weekdays(out)
    quoted_days(out, text, res.published)
    return out + anaphors(article, pending, out)


def _event_text(text: str, p: Passage, start: int, end: int) -> str:
    """The sentence, or a window of whole words around the expression when the sentence is long."""
    s, e = p.start, p.end
    if e - s > _MAX_TEXT:
        half = (_MAX_TEXT - (end - start)) // 2
        s = max(p.start, start - half)
        e = min(p.end, end + half)
        while s > p.start and not text[s - 1].isspace():
            s += 1
        while e < p.end and not text[e].isspace():
            e -= 1
    body = re.sub(r"\s+", " ", text[s:e]).strip()
    return ("… " if s > p.start else "") + body + (" …" if e < p.end else "")


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in _STOP}


def build_timeline(articles: list[Article], passages: dict[str, list[Passage]], *,
                   nlp: Any = None) -> list[TimelineEvent]:
    """Dated events of a story in date order; undated events last, each with its note.

    ``nlp`` is accepted for a uniform interface; date reading is rule-based and does not use it.
    """
    del nlp
    references = _references(articles)
    story_dates = [(a.outlet or a.id, d) for a in sorted(articles, key=lambda a: (a.published or "", a.id))
                   if (d := references[a.id][0][0]) is not None]
    found: list[anchor.Found] = []
    for a in articles:
        ps = passages.get(a.id) or segment(a)
        reference, skip = references[a.id]
        if reference[0] is None and skip is not None:
            reference = _dateline_year(a, skip, story_dates)
        found.extend(_find(a, ps, story_dates, reference, skip))
    order = {a.id: k for k, a in enumerate(articles)}
    found.sort(key=lambda f: (order[f.article.id], f.start))
    groups: list[list[anchor.Found]] = []
    for f in found:
        words = _words(f.passage.text)
        for g in groups:
            head = g[0]
            same_place = f.date is None and head.date is None and head.article.id == f.article.id \
                and head.expression.lower() == f.expression.lower()
            other = _words(head.passage.text)
            similar = len(words & other) / max(1, len(words | other)) >= _SIMILAR
            if ((f.date is not None and f.date == head.date) or same_place) and similar:
                g.append(f)
                break
        else:
            groups.append([f])
    events = []
    for g in groups:
        head = g[0]
        spans = sorted({Span.of(f.article, f.passage.start, f.passage.end) for f in g})
        notes: dict[str, str] = {}
        for f in g:
            if f.note:
                notes.setdefault(f.note.lower(), f.note)  # "On Wednesday" / "on Wednesday": one note
        events.append((head, TimelineEvent(date=head.date, text=_event_text(head.article.text, head.passage,
                                                                             head.start, head.end),
                                           spans=spans, expression=head.expression,
                                           note="; ".join(notes.values()) if notes else None)))
    events.sort(key=lambda t: (t[0].sort is None, t[0].sort or date.min, len(t[1].date or ""),
                               order[t[0].article.id], t[0].start))
    return [e for _, e in events]
