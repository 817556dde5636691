"""Statement alignment across the articles of a story: same / paraphrase / supports / elaborates.

Never all pairs: an inverted index over each claim's rare keys (content lemmas, names, numbers, events)
proposes candidates, and each claim keeps only its ``top_k`` best-scoring ones. Cost is linear in the number
of claims times ``top_k`` (and the capped posting lists), so a story of 100 articles stays cheap. Conflicts
are judged by :mod:`corroborate.crosscheck.conflicts` on the same candidate pairs.

Similarity is the cosine of MiniLM vectors when an embedder is given, else a lexical cosine over content
lemmas; :func:`align` returns which one ran.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from corroborate.config import AlignConfig
from corroborate.crosscheck.claim_types import Claim
from corroborate.text.claim_words import phrase_head

if TYPE_CHECKING:
    from corroborate.ingest.embed import Embedder

LINK_KINDS = ("same", "paraphrase", "supports", "elaborates", "conflicts")




@dataclass(slots=True, frozen=True)
class Link:
    """An aligned pair of claims (indices into the claim list, ``a < b``)."""

    a: int
    b: int
    kind: str
    similarity: float
    evidence: str


def _keys(claim: Claim) -> set[str]:
    keys = {f"w:{w}" for w in claim.content}
    keys.update(f"n:{w}" for w in claim.names)
    keys.update(f"e:{w}" for w in claim.events)
    keys.update(f"q:{q.low}" for q in claim.numbers if q.high == q.low and q.low > 1)
    keys.update(f"l:{lab.quote}" for lab in claim.labels)
    return keys


def candidate_pairs(claims: list[Claim], *, config: AlignConfig | None = None) -> dict[tuple[int, int], float]:
    """Blocking: pairs of claims that share enough rare keys, each claim keeping its ``top_k`` best.
    Returns ``{(i, j): idf-weighted overlap}`` with ``i < j``."""
    cfg = config or AlignConfig()
    keys = [_keys(c) for c in claims]
    postings: dict[str, list[int]] = defaultdict(list)
    for i, ks in enumerate(keys):
        for k in ks:
            postings[k].append(i)
    n = max(len(claims), 1)
    idf = {k: math.log(1 + n / len(v)) + (1.0 if k[0] in "nql" else 0.0) for k, v in postings.items()}
    out: dict[tuple[int, int], float] = {}
    for i, ks in enumerate(keys):
        scores: Counter[int] = Counter()
        # Keys in sorted order: a claim's scores are float sums, and a set's order changes with the hash seed.
        for k in sorted(ks):
            plist = postings[k]
            if len(plist) > cfg.max_postings:
                continue
            w = idf[k]
            for j in plist:
                if j != i:
                    scores[j] += w
        best = sorted(((s, j) for j, s in scores.items() if s >= cfg.min_shared), key=lambda x: (-x[0], x[1]))
        for s, j in best[:cfg.top_k]:
            pair = (i, j) if i < j else (j, i)
            out[pair] = max(out.get(pair, 0.0), s)
    return dict(sorted(out.items()))


def structured_pairs(claims: list[Claim], *, max_bucket: int = 60, window: int = 8) -> list[tuple[int, int]]:
    """Blocking for the frame detectors: claims that share an action on the same kind of thing
    (predicate + object head), or an event when they say where or on which day. A bucket larger than
    ``max_bucket`` is split by shared names, and a still-large one only pairs each claim with its ``window``
    next members, so the work stays linear."""
    buckets: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, c in enumerate(claims):
        keys: set[tuple[str, ...]] = set()
        for who, pred, target in c.triples:
            head = phrase_head(target)
            if who and head:
                keys.add(("t", pred, head))
        if c.places or any(t.endswith("day") for t in c.times):
            keys.update(("e", e) for e in c.events)
        for k in keys:
            buckets[k].append(i)
    pairs: set[tuple[int, int]] = set()

    def add_all(idx: list[int], width: int) -> None:
        for x in range(len(idx)):
            for y in range(x + 1, min(len(idx), x + 1 + width)):
                pairs.add((idx[x], idx[y]))

    for _key, idx in sorted(buckets.items()):
        if len(idx) <= max_bucket:
            add_all(idx, len(idx))
            continue
        sub: dict[str, list[int]] = defaultdict(list)
        for i in idx:
            for name in claims[i].names:
                sub[name].append(i)
        for name_idx in sub.values():
            add_all(name_idx, len(name_idx) if len(name_idx) <= max_bucket else window)
    return sorted(pairs)


_WORD = re.compile(r"[a-z0-9]+")


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text.lower().replace("’", "'")))


def _vector(c: Claim) -> tuple[dict[str, float], float]:
    v = {w: 1.0 for w in c.content}
    v.update({f"n:{w}": 2.0 for w in c.names})
    return v, math.sqrt(sum(x * x for x in v.values()))


def _cosine(a: tuple[dict[str, float], float], b: tuple[dict[str, float], float]) -> float:
    (va, na), (vb, nb) = a, b
    if len(vb) < len(va):
        va, vb = vb, va
    dot = sum(x * vb[k] for k, x in va.items() if k in vb)
    return dot / (na * nb) if na and nb else 0.0


def lexical_similarity(a: Claim, b: Claim) -> float:
    """Cosine of content-lemma sets (names count double: they carry the who)."""
    return _cosine(_vector(a), _vector(b))


class Similarity:
    """Pair similarity over claims: MiniLM cosine (vectors computed once per claim) or lexical."""

    def __init__(self, claims: list[Claim], *, embedder: Embedder | Any | None = None) -> None:
        self.claims = claims
        self.embedder = embedder
        self._vectors: np.ndarray | None = None
        self._lexical: list[tuple[dict[str, float], float]] | None = None

    @property
    def method(self) -> str:
        return getattr(self.embedder, "name", "embeddings") if self.embedder is not None else "lexical"

    @property
    def semantic(self) -> bool:
        return self.embedder is not None

    def __call__(self, i: int, j: int) -> float:
        if self.embedder is None:
            if self._lexical is None:
                self._lexical = [_vector(c) for c in self.claims]
            return _cosine(self._lexical[i], self._lexical[j])
        if self._vectors is None:
            self._vectors = np.asarray(self.embedder.encode([c.text for c in self.claims]), dtype=np.float32)
        return float(np.dot(self._vectors[i], self._vectors[j]))


def classify(a: Claim, b: Claim, sim: float, *, semantic: bool, config: AlignConfig | None = None) -> Link | None:
    """The alignment kind of one candidate pair, or None when they are merely related."""
    cfg = config or AlignConfig()
    wa, wb = _words(a.text), _words(b.text)
    jac = len(wa & wb) / len(wa | wb) if wa | wb else 0.0
    para = cfg.paraphrase_semantic if semantic else cfg.paraphrase_lexical
    supp = cfg.supports_semantic if semantic else cfg.supports_lexical
    if jac >= cfg.same:
        return Link(0, 0, "same", sim, f"{jac:.0%} of the words are shared")
    if sim >= para:
        return Link(0, 0, "paraphrase", sim, f"similarity {sim:.2f}")
    ca, cb = a.content, b.content
    small, large = (ca, cb) if len(ca) <= len(cb) else (cb, ca)
    if small and len(small & large) / len(small) >= cfg.elaborates_cover and len(large) >= 1.3 * len(small) \
            and sim >= supp:
        return Link(0, 0, "elaborates", sim, f"{len(small & large)}/{len(small)} content words, plus more")
    shared_facts = {(q.frame, q.low) for q in a.numbers if q.frame and q.high == q.low} & \
        {(q.frame, q.low) for q in b.numbers if q.frame and q.high == q.low}
    if shared_facts:
        frame, value = sorted(shared_facts, key=str)[0]
        return Link(0, 0, "supports", sim, f"both count {value} ({frame})")
    if sim >= supp:
        return Link(0, 0, "supports", sim, f"similarity {sim:.2f}")
    return None


def align(claims: list[Claim], *, embedder: Embedder | Any | None = None, config: AlignConfig | None = None,
          pairs: dict[tuple[int, int], float] | None = None) -> tuple[list[Link], Similarity]:
    """Links between candidate claims (within and across articles), sorted by (a, b)."""
    cfg = config or AlignConfig()
    sim = Similarity(claims, embedder=embedder)
    pairs = candidate_pairs(claims, config=cfg) if pairs is None else pairs
    links: list[Link] = []
    for i, j in pairs:
        s = sim(i, j)
        link = classify(claims[i], claims[j], s, semantic=sim.semantic, config=cfg)
        if link is not None:
            links.append(Link(i, j, link.kind, round(s, 4), link.evidence))
    return links, sim
