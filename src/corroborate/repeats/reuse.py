"""Reuse between articles: the share of each copy's text found in another article, and which copy came first.

Direction, in this order (each decision's reason ends up in ``Reuse.why``):

1. both articles carry a time of day: the earlier publication time;
2. both are dated, on different calendar days (a date without a time is a whole day, not midnight): the
   earlier date;
3. otherwise the content: an article that names the other's outlet credits it ("told the Harbour
   Gazette"), so the named one is the original; else, when one article is mostly the other's text
   (``COPY_SHARE``) and not the reverse, it is the copy; when both are, the more complete one is the original;
   else the side whose versions of the shared passages are clearly fuller (copies and rewrites trim);
4. otherwise the direction is **unknown**, and ``why`` says so. The pair is still reported (with the article
   more of whose text is shared as the ``copy``), since the share is a fact either way.

A date-only value never decides against a time on the same day: "2025-03-04" says nothing about whether the
article came out before or after "2025-03-04T13:05".
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime

from corroborate.model import Article, Passage, RepeatGroup, Reuse, Span

# The shared passages of one side must be this much longer than the other's (and by FULLER_MIN_CHARS) to call
# that side the fuller, original version.
FULLER_RATIO = 1.1
FULLER_MIN_CHARS = 20
# An article this much of whose text the other repeats is "mostly the other's text": a copy. Only then do shares
# and length (the more complete one is the original) decide: between two reports that share a few sentences,
# they say nothing about who copied.
COPY_SHARE = 0.5


@dataclass(slots=True, frozen=True)
class _When:
    """A publication date as written: the calendar day, and the instant when a time of day is known."""

    day: date
    instant: datetime | None  # None for a date without a time


@dataclass(slots=True, frozen=True)
class Direction:
    """Which of two articles came first. ``known`` is False when nothing told: ``first`` is then only a
    placeholder (the caller picks the order) and ``reason`` says why it is unknown."""

    first: Article
    reason: str
    known: bool = True


def _when(article: Article) -> _When | None:
    raw = (article.published or "").strip()
    if not raw:
        return None
    try:
        value = datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        return None
    if "T" not in raw and " " not in raw and len(raw) <= 10:  # "2025-03-04": a day, not midnight
        return _When(value.date(), None)
    return _When(value.date(), value if value.tzinfo else value.replace(tzinfo=UTC))


def _duration(seconds: float) -> str:
    if seconds < 3600:
        return f"{max(1, round(seconds / 60))} min"
    if seconds < 2 * 86400:
        hours, minutes = divmod(round(seconds / 60), 60)
        return f"{hours} h" if minutes == 0 else f"{hours} h {minutes} min"
    return f"{round(seconds / 86400)} days"


def _by_time(a: Article, b: Article) -> Direction | None:
    """The publication time or date decides, when it can; None when it cannot."""
    wa, wb = _when(a), _when(b)
    if wa is None or wb is None:
        return None
    if wa.instant is not None and wb.instant is not None:
        if wa.instant == wb.instant:
            return None
        first = a if wa.instant < wb.instant else b
        return Direction(first, f"published {_duration(abs(wb.instant - wa.instant).total_seconds())} earlier")
    if wa.day != wb.day:
        first, later = (a, b) if wa.day < wb.day else (b, a)
        days = abs((wb.day - wa.day).days)
        span = "the day before" if days == 1 else f"{days} days before"
        return Direction(first, f"dated {span} ({_when(first).day.isoformat()} vs {_when(later).day.isoformat()})")
    return None


def _names(article: Article, outlet: str) -> bool:
    """Does the article's text name this outlet (a credit such as "told the Harbour Gazette")?"""
    outlet = outlet.strip()
    if len(outlet) < 4 or "." in outlet or "/" in outlet:  # file names and hosts are not names a text cites
        return False
    return re.search(rf"(?<!\w){re.escape(outlet)}(?!\w)", article.text, flags=re.IGNORECASE) is not None


def _undated_reason(a: Article, b: Article) -> str:
    wa, wb = _when(a), _when(b)
    if wa is not None and wb is not None:
        if wa.instant is not None and wb.instant is not None:
            return "both were published at the same time"
        bare = [x for x, w in ((a, wa), (b, wb)) if w.instant is None]
        who = " and ".join(x.outlet for x in bare)
        return (f"{who} {'have' if len(bare) > 1 else 'has'} a date but no time of day ({wa.day.isoformat()}, "
                f"the same day), so the publication time cannot tell")
    missing = [x.outlet for x, w in ((a, wa), (b, wb)) if w is None]
    return f"{' and '.join(missing)} {'have' if len(missing) > 1 else 'has'} no publication date"


def first_of(a: Article, b: Article, order: dict[str, int], *, shared: tuple[int, int] | None = None,
             shares: tuple[float, float] | None = None) -> Direction:
    """Which of two articles is the likely original, and why (the reason completes a sentence).

    ``shared``: the characters of shared text on each side (a's, b's); ``shares``: the share of each one's text
    that the other repeats. Without them only time, date and credits can decide."""
    timed = _by_time(a, b)
    if timed is not None:
        return timed
    why_not = _undated_reason(a, b)
    if a.outlet != b.outlet:
        a_names_b, b_names_a = _names(a, b.outlet), _names(b, a.outlet)
        if a_names_b != b_names_a:
            first = b if a_names_b else a
            return Direction(first, f"which it names (it credits {first.outlet}; {why_not})")
    if shares is not None and max(shares) >= COPY_SHARE:
        if min(shares) < COPY_SHARE:
            first = b if shares[0] >= COPY_SHARE else a
            return Direction(first, f"which is not mostly the copy's text in turn ({min(shares):.0%} of it is "
                                    f"shared; {why_not})")
        la, lb = len(a.text), len(b.text)
        if la != lb:
            first = a if la > lb else b
            return Direction(first, f"which is more complete ({max(la, lb):,} vs {min(la, lb):,} characters; "
                                    f"{why_not})")
    if shared is not None:
        sa, sb = shared
        big, small = max(sa, sb), min(sa, sb)
        if big >= small * FULLER_RATIO and big - small >= FULLER_MIN_CHARS:
            first = a if sa > sb else b
            return Direction(first, f"whose versions of the shared passages are fuller ({big:,} vs {small:,} "
                                    f"characters; {why_not})")
    placeholder = a if order[a.id] < order[b.id] else b
    return Direction(placeholder, f"which came first is unknown: {why_not}, and the content does not tell",
                     known=False)


def _length(spans: set[tuple[int, int]]) -> int:
    """Characters covered by a set of (start, end) ranges, overlaps counted once."""
    total, reach = 0, -1
    for s, e in sorted(spans):
        if e <= reach:
            continue
        total += e - max(s, reach)
        reach = e
    return total


def _original(spans: list[Span], order: dict[str, int], by_id: dict[str, Article]) -> Span:
    """The member judged first: in the original article (see :func:`first_of`), its first occurrence.
    When the direction is unknown, the first article in the input stands in."""
    ids = sorted({s.article for s in spans}, key=order.__getitem__)
    mine: dict[str, set[tuple[int, int]]] = defaultdict(set)
    for s in spans:
        mine[s.article].add((s.start, s.end))
    winner = by_id[ids[0]]
    for other in ids[1:]:
        shared = (_length(mine[winner.id]), _length(mine[other]))
        winner = first_of(winner, by_id[other], order, shared=shared).first
    return min((s for s in spans if s.article == winner.id), key=lambda s: s.start)


def _reuse(articles: list[Article], flat: list[Passage], groups: list[RepeatGroup], order: dict[str, int],
           by_id: dict[str, Article], *, min_share: float) -> list[Reuse]:
    """For every pair of articles sharing repeats: the share of the copy's text that repeats the original."""
    covered: dict[tuple[str, str], set[tuple[int, int]]] = defaultdict(set)  # (article, other) -> spans
    verbatim: dict[tuple[str, str], set[tuple[int, int]]] = defaultdict(set)  # the same, exact and near only
    for g in groups:
        if g.scope != "across":
            continue
        ids = {m.article for m in g.members}
        for m in g.members:
            for other in ids - {m.article}:
                covered[m.article, other].add((m.start, m.end))
                if g.kind != "paraphrase":
                    verbatim[m.article, other].add((m.start, m.end))
    by_article: dict[str, list[Passage]] = defaultdict(list)
    for p in flat:
        by_article[p.article].append(p)

    def share(article: str, other: str, within: dict[tuple[str, str], set[tuple[int, int]]] = covered
              ) -> tuple[float, list[Passage]]:
        spans = within.get((article, other), set())
        mine = by_article[article]
        hit = [p for p in mine if any(s < p.end and p.start < e for s, e in spans)]
        total = sum(len(p.text) for p in mine)
        return (sum(len(p.text) for p in hit) / total if total else 0.0), hit

    out: list[Reuse] = []
    pairs = sorted({tuple(sorted(k, key=order.__getitem__)) for k in covered}, key=lambda k: (order[k[0]], order[k[1]]))
    for x, y in pairs:
        (share_x, hit_x), (share_y, hit_y) = share(x, y), share(y, x)
        shared = (_length(covered.get((x, y), set())), _length(covered.get((y, x), set())))
        direction = first_of(by_id[x], by_id[y], order, shared=shared, shares=(share_x, share_y))
        if direction.known:
            original = direction.first
            copy = by_id[y] if original.id == x else by_id[x]
        else:  # the copy named is the article more of whose text is shared; the why says the order is unknown
            copy, original = (by_id[x], by_id[y]) if share_x > share_y else (by_id[y], by_id[x])
        value, hit = (share_x, hit_x) if copy.id == x else (share_y, hit_y)
        mine = by_article[copy.id]
        if value < min_share or not hit:
            continue
        pct, sentences = f"{round(value * 100)}%", f"({len(hit)} of {len(mine)} sentences)"
        if direction.known:
            why = f"{pct} of the copy's text {sentences} repeats the original, {direction.reason}"
        else:
            why = f"{pct} of one article's text {sentences} is shared with the other; {direction.reason}"
        word_for_word = share(copy.id, original.id, verbatim)[0]
        why += f"; {round(word_for_word * 100)}% word for word"
        out.append(Reuse(copy=copy.id, original=original.id, share=round(value, 4), why=why,
                         verbatim=round(word_for_word, 4)))
    return out
