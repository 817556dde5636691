"""Reuse between articles: the share of each copy's text found in an earlier article, and which copy came first
(publication time, else content).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from corroborate.model import Article, Passage, RepeatGroup, Reuse, Span

if TYPE_CHECKING:


    pass


def _published(article: Article) -> datetime | None:
    if not article.published:
        return None
    try:
        value = datetime.fromisoformat(article.published.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _first(a: Article, b: Article, order: dict[str, int]) -> tuple[Article, str]:
    """Which of two articles is the likely original, and why (the reason completes a sentence)."""
    pa, pb = _published(a), _published(b)
    if pa is not None and pb is not None and pa != pb:
        first = a if pa < pb else b
        gap = abs(pb - pa).total_seconds()
        return first, f"published {_duration(gap)} earlier"
    la, lb = len(a.text), len(b.text)
    if la != lb:
        first = a if la > lb else b
        return first, f"which is more complete ({max(la, lb):,} vs {min(la, lb):,} characters)"
    first = a if order[a.id] < order[b.id] else b
    return first, "which comes first in the input (publication times unknown)"


def _duration(seconds: float) -> str:
    if seconds < 3600:
        return f"{max(1, round(seconds / 60))} min"
    if seconds < 2 * 86400:
        return f"{round(seconds / 3600)} h"
    return f"{round(seconds / 86400)} days"


def _original(spans: list[Span], order: dict[str, int], by_id: dict[str, Article]) -> Span:
    """The member judged first: in the original article (see :func:`_first`), its first occurrence."""
    ids = sorted({s.article for s in spans}, key=order.__getitem__)
    winner = by_id[ids[0]]
    for other in ids[1:]:
        winner, _ = _first(winner, by_id[other], order)
    return min((s for s in spans if s.article == winner.id), key=lambda s: s.start)


def _reuse(articles: list[Article], flat: list[Passage], groups: list[RepeatGroup], order: dict[str, int],
           by_id: dict[str, Article], *, min_share: float) -> list[Reuse]:
    """For every pair of articles sharing repeats: the share of the copy's text that repeats the original."""
    covered: dict[tuple[str, str], set[tuple[int, int]]] = defaultdict(set)  # (article, other) -> spans
    for g in groups:
        if g.scope != "across":
            continue
        ids = {m.article for m in g.members}
        for m in g.members:
            for other in ids - {m.article}:
                covered[m.article, other].add((m.start, m.end))
    by_article: dict[str, list[Passage]] = defaultdict(list)
    for p in flat:
        by_article[p.article].append(p)
    out: list[Reuse] = []
    pairs = sorted({tuple(sorted(k, key=order.__getitem__)) for k in covered}, key=lambda k: (order[k[0]], order[k[1]]))
    for x, y in pairs:
        original, reason = _first(by_id[x], by_id[y], order)
        copy = by_id[y] if original.id == x else by_id[x]
        spans = covered.get((copy.id, original.id), set())
        mine = by_article[copy.id]
        hit = [p for p in mine if any(s < p.end and p.start < e for s, e in spans)]
        total = sum(len(p.text) for p in mine)
        share = sum(len(p.text) for p in hit) / total if total else 0.0
        if share < min_share or not hit:
            continue
        out.append(Reuse(copy=copy.id, original=original.id, share=round(share, 4),
                         why=f"{round(share * 100)}% of the copy's text ({len(hit)} of {len(mine)} sentences) "
                             f"repeats the original, {reason}"))
    return out
