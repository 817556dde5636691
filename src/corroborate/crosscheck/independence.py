"""Independence: how many separate sources back a statement.

Articles whose text largely repeats another word for word (a :class:`~corroborate.model.Reuse` whose
``verbatim`` share is high: syndication, an edited wire story) and articles of the same outlet count as one
source; the reason for every merge is kept, so the report can say why three articles count once. Sharing
paraphrases and the same quoted remarks is what two reports of one event do, so it does not merge them: on
the real-news gold's tune half, shares counted over every kind of repeat merged NYT, Fox and HuffPost
reports with 15-37% of their text word for word, while the wire copies of its ECB+ events repeat 52-97%.
"""

from __future__ import annotations

from collections.abc import Iterable

from corroborate.model import Article, Reuse
from corroborate.unionfind import UnionFind

REUSE_THRESHOLD = 0.5  # share of a copy's text repeating the original word for word: above it, one source
# Share of a copy's text in any repeat of the original above which it is a rewrite of the whole article (a
# spinner's or a translator's: one Malay article of the Clust-McMs pools repeats another sentence by sentence,
# 0% word for word), and one source; two reports of one event reach 0.5-0.6 (BASIL tune events).
REWRITE_SHARE = 0.9


def source_of(articles: list[Article], reuse: Iterable[Reuse], *, threshold: float = REUSE_THRESHOLD,
              word_for_word: bool = True) -> tuple[dict[str, str], dict[str, str]]:
    """Map each article to its independent source (a representative article id), and say why articles
    were merged. Copies (reuse share >= threshold) and articles of one outlet are one source. The share is the
    word-for-word one; ``word_for_word=False`` takes the share of every kind of repeat, which the conflict
    judge's rules and learned features were tuned on (crosscheck/judge.py)."""
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
        exact = word_for_word and r.verbatim is not None
        share = r.verbatim if exact else r.share
        rewrite = exact and r.share >= REWRITE_SHARE
        if (share >= threshold or rewrite) and r.copy in index and r.original in index:
            uf.union(index[r.copy], index[r.original])
            how = f"{share:.0%} word for word" if exact and not rewrite else f"{r.share:.0%}"
            why[r.copy] = f"{r.copy} largely repeats {r.original} ({how}): {r.why}"
    return {a.id: ids[uf.find(index[a.id])] for a in articles}, why


def independence(article_ids: Iterable[str], source: dict[str, str], why: dict[str, str]) -> tuple[int, str | None]:
    """How many independent sources back a statement stated in these articles, and why copies were merged."""
    ids = sorted(set(article_ids))
    sources = {source.get(a, a) for a in ids}
    notes = [why[a] for a in ids if a in why and any(source.get(b, b) == source.get(a, a) for b in ids if b != a)]
    return len(sources), ("; ".join(notes) + " — counted as one source") if notes else None
