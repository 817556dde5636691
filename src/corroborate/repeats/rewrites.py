"""Drift only between a passage and its rewrite: which paraphrase pairs are rewrites, not two reports.

Drift says "this copy changed what happened". That only makes sense when one passage was made from the other.
Independent reports of one event are full of sentence pairs over the paraphrase threshold that were never
copied: on the 27 tune events of the real-news gold, 184 pairs carried drift, and read one by one almost none
was a rewrite ("hadn't been submitted" against "was booked into jail", one lead against three different
sentences of another outlet). So a pair keeps its drift only with evidence of rewriting:

* **near** groups (MinHash-confirmed, near-verbatim) are copies by construction;
* the two articles are a **copy**: the passages they share verbatim (exact or near groups) are at least
  ``rewrite_copy_share`` of each article's passages (a syndicated or planted copy with a changed sentence);
* the article is a **self-rewrite**: at least ``self_rewrite_pairs`` of its passages pair one-to-one with
  another passage of the same article at ``rewrite_similarity`` or more (a scrape that interleaves a spun copy
  of itself, as in the seeds);
* otherwise the pair must be each other's **closest** partner between the two articles (one sentence
  rewritten into one sentence, not a lead close to three sentences), at least ``rewrite_similarity`` alike,
  **and** keep the other's words in order (``rewrite_word_order``): two wire reports of one event reach 0.9
  cosine with their own words ("a seven-year deal" / "an eight-year offer"), an edited copy keeps its words.

Everything else stays a paraphrase pair, without drift: the cross-check still compares those statements, but
no longer as a rewrite.
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict

from corroborate.config import RepeatsConfig
from corroborate.model import RepeatGroup

# Link: (first member's start, second member's start, similarity, group index); first/second by article id.
_Link = tuple[int, int, float, int]


def word_order(a: str, b: str) -> float:
    """How much of two texts' word sequences match in order (difflib ratio over lowercase words)."""
    wa, wb = re.findall(r"\w+", a.lower()), re.findall(r"\w+", b.lower())
    return difflib.SequenceMatcher(a=wa, b=wb, autojunk=False).ratio() if wa and wb else 0.0


def _closest(links: list[_Link], same_article: bool) -> list[_Link]:
    """The links that are each side's closest partner (ties: the earlier link). Inside one article a passage
    can be either side of a link, so its closest partner is sought over both sides."""
    def key(pos: int, side: str) -> tuple[str, int]:
        return ("", pos) if same_article else (side, pos)

    best: dict[tuple[str, int], tuple[float, tuple[str, int]]] = {}
    for a, b, sim, _ in links:
        ka, kb = key(a, "a"), key(b, "b")
        if sim > best.get(ka, (-1.0, ka))[0]:
            best[ka] = (sim, kb)
        if sim > best.get(kb, (-1.0, kb))[0]:
            best[kb] = (sim, ka)
    return [link for link in links
            if best[key(link[0], "a")][1] == key(link[1], "b") and best[key(link[1], "b")][1] == key(link[0], "a")]


def rewrite_drift_only(groups: list[RepeatGroup], sizes: dict[str, int], config: RepeatsConfig, *,
                       lexical: bool = False) -> int:
    """Clear ``drift`` on the paraphrase pairs that are not rewrites (see the module docstring); returns how
    many were cleared. ``sizes``: each article's number of passages; ``lexical``: the pairs' similarities are
    the lexical fallback's (``lexical_rewrite_similarity`` applies, the seeds' self-spun pairs reading
    0.69-0.79 there against at most 0.71 in ordinary articles of the audit pools)."""
    threshold = config.lexical_rewrite_similarity if lexical else config.rewrite_similarity
    paraphrase: dict[tuple[str, str], list[_Link]] = defaultdict(list)
    verbatim: dict[tuple[str, str], set[tuple[str, int]]] = defaultdict(set)
    for gi, g in enumerate(groups):
        if g.kind == "paraphrase":
            first, second = sorted(g.members[:2], key=lambda s: (s.article, s.start))
            paraphrase[first.article, second.article].append((first.start, second.start, g.similarity or 0.0, gi))
            continue
        for m in g.members:  # exact and near groups: which passages each pair of articles shares verbatim
            for other in {o.article for o in g.members} - {m.article}:
                verbatim[tuple(sorted((m.article, other)))].add((m.article, m.start))  # type: ignore[arg-type]

    def alike(gi: int) -> bool:
        first, second = groups[gi].members[:2]
        return (groups[gi].similarity or 0.0) >= threshold and \
            word_order(first.text, second.text) >= config.rewrite_word_order

    keep: set[int] = set()
    for (a, b), links in paraphrase.items():
        closest = _closest(links, a == b)
        if a == b:
            # Ordinary articles hold a few loose one-to-one pairs (a long recap retells its lead: 4 to 9 of them
            # on the audit pools), at most two of them this alike; the seeds' self-spun article has five.
            if sum(1 for *_, sim, _ in closest if sim >= threshold) >= config.self_rewrite_pairs:
                # A spinner merges and splits sentences, so a rewritten sentence is not always its source's
                # closest partner (the seeds' "Ms Patel cancelled" is closer to the sentence before its source).
                keep.update(gi for *_, gi in links)
                continue
        else:
            shared = verbatim.get((a, b), set())
            if shared and all(sum(1 for art, _ in shared if art == x) >= config.rewrite_copy_share * sizes.get(x, 0)
                              for x in (a, b)):
                keep.update(gi for *_, gi in closest)
                continue
        keep.update(gi for *_, gi in closest if alike(gi))
    cleared = 0
    for gi, g in enumerate(groups):
        if g.kind == "paraphrase" and g.drift is not None and gi not in keep:
            g.drift = None
            cleared += 1
    return cleared
