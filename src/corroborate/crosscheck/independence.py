"""Independence: how many separate sources back a statement.

Articles whose text largely repeats another (a :class:`~corroborate.model.Reuse` with a high share) and
articles of the same outlet count as one source; the reason for every merge is kept, so the report can say
why three articles count once.
"""

from __future__ import annotations

from collections.abc import Iterable

from corroborate.model import Article, Reuse
from corroborate.unionfind import UnionFind

REUSE_THRESHOLD = 0.5  # share of a copy's sentences repeating the original above which both are one source


def source_of(articles: list[Article], reuse: Iterable[Reuse], *, threshold: float = REUSE_THRESHOLD
              ) -> tuple[dict[str, str], dict[str, str]]:
    """Map each article to its independent source (a representative article id), and say why articles
    were merged. Copies (reuse share >= threshold) and articles of one outlet are one source."""
    ids = sorted(a.id for a in articles)
    index = {aid: i for i, aid in enumerate(ids)}
    # Indices in id order: the smaller root wins, so each source is represented by its smallest article id.
    uf = UnionFind(len(ids))
    why: dict[str, str] = {}
    by_outlet: dict[str, str] = {}
    for a in sorted(articles, key=lambda a: a.id):
        if a.outlet in by_outlet:
            uf.union(index[a.id], index[by_outlet[a.outlet]])
            why[a.id] = f"{a.id} is from the same outlet as {by_outlet[a.outlet]} ({a.outlet})"
        else:
            by_outlet[a.outlet] = a.id
    for r in sorted(reuse, key=lambda r: (r.copy, r.original)):
        if r.share >= threshold and r.copy in index and r.original in index:
            uf.union(index[r.copy], index[r.original])
            why[r.copy] = f"{r.copy} largely repeats {r.original} ({r.share:.0%}): {r.why}"
    return {a.id: ids[uf.find(index[a.id])] for a in articles}, why


def independence(article_ids: Iterable[str], source: dict[str, str], why: dict[str, str]) -> tuple[int, str | None]:
    """How many independent sources back a statement stated in these articles, and why copies were merged."""
    ids = sorted(set(article_ids))
    sources = {source.get(a, a) for a in ids}
    notes = [why[a] for a in ids if a in why and any(source.get(b, b) == source.get(a, a) for b in ids if b != a)]
    return len(sources), ("; ".join(notes) + " — counted as one source") if notes else None
