"""Repeated passages inside one article and across articles: exact, near-duplicate and paraphrased.

Stage (whole batch): needs every article's passages; adds ``report.repeats`` and ``report.reuse``.

Three passes, each on what the previous one left (datatrove-style signatures -> buckets -> groups):

1. **exact**: passages whose normal forms are equal (:func:`corroborate.repeats.fingerprint.normalise`: case, quote
   and dash style, non-breaking spaces and punctuation do not count). One group per text.
2. **near**: MinHash LSH over word shingles proposes pairs; the real shingle Jaccard confirms them; a
   union-find joins confirmed pairs into groups.
3. **paraphrase**: sentence embeddings (all-MiniLM-L6-v2) with a cosine threshold, or without them an
   IDF-weighted Dice overlap of content-word stems ("lexical", said in ``method``). Paraphrases are
   reported as *pairs*, one per pair of exact/near groups (the closest wording wins), so drift is defined.
   A rewrite that split one sentence in two is found too: two adjacent sentences of one paragraph are
   tried as one "window" passage, and kept when the window matches clearly better than either sentence.

Then direction (which member came first) and reuse (how much of one article repeats another).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from corroborate.config import RepeatsConfig
from corroborate.model import Article, Drift, Passage, RepeatGroup, Reuse, Span
from corroborate.repeats.drift import detect_drift
from corroborate.repeats.fingerprint import content_terms, exact_key, jaccard, shingles, stem, words
from corroborate.repeats.reuse import _original, _reuse
from corroborate.repeats.rewrites import rewrite_drift_only
from corroborate.text.calendar_words import _CALENDAR_TEXT
from corroborate.unionfind import UnionFind

if TYPE_CHECKING:
    from collections.abc import Callable

    import numpy as np

    from corroborate.ingest.embed import Embedder

_KIND_ORDER = {"exact": 0, "near": 1, "paraphrase": 2}
_CALENDAR = frozenset(stem(w) for w in _CALENDAR_TEXT.split())
MIN_REAL_WORDS = 3
# A window (two adjacent sentences) must beat each of its sentences by this much to replace them as a match:
# otherwise a window wins merely by containing the one sentence that matches.
WINDOW_MARGIN = 0.05
WINDOW_MIN_WORDS = 3  # each sentence of a window has at least this many words


@dataclass(slots=True)
class RepeatResult:
    groups: list[RepeatGroup]
    reuse: list[Reuse]
    method: str  # "all-MiniLM-L6-v2" or "lexical"
    counters: dict[str, int] = field(default_factory=dict)


@dataclass(slots=True, frozen=True)
class _Unit:
    """A passage, or a window of two adjacent passages of one paragraph, that can match another."""

    article: str
    start: int
    end: int
    text: str
    parts: tuple[int, ...]  # indices into the flat passage list
    cluster: int  # exact/near group it belongs to (windows: -1)




def find_repeats(articles: list[Article], passages: dict[str, list[Passage]], *, config: RepeatsConfig,
                 embedder: Embedder | None) -> RepeatResult:
    """Exact, near-duplicate and paraphrased passages of ``articles`` (see the module docstring)."""
    order = {a.id: i for i, a in enumerate(articles)}
    by_id = {a.id: a for a in articles}
    # Work in content-hash order, not input order: which copy of a repeated sentence represents its group
    # (and so which copy a paraphrase pair names) must not depend on how the files were listed. The
    # output is still sorted by input order below.
    canonical = sorted(articles, key=lambda a: a.id)
    flat = [p for a in canonical for p in sorted(passages.get(a.id, []), key=lambda p: p.start)]
    counters: Counter[str] = Counter(passages=len(flat))
    n_words = [len(words(p.text)) for p in flat]

    # 1. exact: identical normal forms.
    keys = [exact_key(p.text) for p in flat]
    by_key: dict[str, list[int]] = defaultdict(list)
    for i, k in enumerate(keys):
        if n_words[i] >= config.exact_min_words:
            by_key[k].append(i)
    groups: list[RepeatGroup] = []
    for members in by_key.values():
        if len(members) > 1:
            groups.append(_group("exact", [flat[i] for i in members], order, by_id))
    counters["exact_groups"] = len(groups)

    # 2. near: one representative per distinct text; LSH proposes, real Jaccard confirms.
    reps = [m[0] for m in by_key.values() if n_words[m[0]] >= config.min_words]
    counters["short_skipped"] = sum(1 for n in n_words if n < config.min_words)
    substantive = [i for i in reps if _real_words(flat[i].text) >= MIN_REAL_WORDS]
    counters["dateline_skipped"] = len(reps) - len(substantive)
    reps = substantive
    uf = UnionFind(len(flat))
    for members in by_key.values():
        for i in members[1:]:
            uf.union(members[0], i)
    near_edges = _near_pairs(flat, reps, config=config, counters=counters)
    for i, j, _ in near_edges:
        uf.union(i, j)
    near_sim: dict[int, float] = {}
    for i, _, sim in near_edges:
        root = uf.find(i)
        near_sim[root] = min(near_sim.get(root, 1.0), sim)
    components: dict[int, list[int]] = defaultdict(list)
    for i in range(len(flat)):
        if n_words[i] >= config.exact_min_words:
            components[uf.find(i)].append(i)
    for root, members in components.items():
        if root in near_sim:
            group = _group("near", [flat[i] for i in members], order, by_id, similarity=near_sim[root])
            group.drift = _near_drift(group)
            groups.append(group)
            counters["near_groups"] += 1

    # 3. paraphrase: pairs between different exact/near groups.
    units = _units(flat, reps, uf, n_words)
    if embedder is not None:
        vectors = embedder.encode([u.text for u in units])
        method = embedder.name
        threshold = config.paraphrase_threshold
        candidates = paraphrase_candidates(vectors, threshold)

        def score(i: int, j: int) -> float:
            return float(vectors[i] @ vectors[j])
    else:
        method = "lexical"
        threshold = config.lexical_paraphrase_threshold
        lexical = LexicalIndex([u.text for u in units])
        candidates = lexical.candidates(threshold)
        score = lexical.similarity
    counters["paraphrase_candidates"] = len(candidates)
    pairs = _paraphrase_pairs(units, candidates, score, max_partners=config.max_paraphrase_partners,
                              counters=counters)
    for a, b, sim in pairs:
        members = sorted([a, b], key=lambda u: (order[u.article], u.start, u.end))
        spans = [Span.of(by_id[u.article], u.start, u.end) for u in members]
        group = RepeatGroup("paraphrase", spans, _scope(spans), similarity=round(sim, 4))
        group.original = _original(spans, order, by_id)
        group.drift = detect_drift(spans[0].text, spans[1].text)
        groups.append(group)
        counters["paraphrase_pairs"] += 1
        counters["window_pairs"] += any(len(u.parts) > 1 for u in members)

    groups.sort(key=lambda g: (order[g.members[0].article], g.members[0].start, _KIND_ORDER[g.kind],
                               [(order[m.article], m.start, m.end) for m in g.members]))
    sizes = {a.id: len(passages.get(a.id, [])) for a in articles}
    counters["drift_not_rewrite"] = rewrite_drift_only(groups, sizes, config, lexical=method == "lexical")
    counters["drift_flagged"] = sum(1 for g in groups if g.drift is not None)
    reuse = _reuse(articles, flat, groups, order, by_id, min_share=config.min_reuse_share)
    counters["reuse_pairs"] = len(reuse)
    return RepeatResult(groups=groups, reuse=reuse, method=method, counters=dict(sorted(counters.items())))


def _real_words(text: str) -> int:
    """Content words that are neither numbers nor calendar words."""
    return sum(1 for t in content_terms(text) if t.isalpha() and t not in _CALENDAR)


# --- near duplicates ------------------------------------------------------------------------------------

def _near_pairs(flat: list[Passage], reps: list[int], *, config: RepeatsConfig,
                counters: Counter[str]) -> list[tuple[int, int, float]]:
    """Confirmed near-duplicate pairs (i < j, passage indices) with their shingle Jaccard."""
    # repeats.lsh gives what datasketch's MinHash and MinHashLSH give, without importing scipy (0.3 s a run).
    from corroborate.repeats.lsh import candidates, signatures

    sets = {i: shingles(flat[i].text, config.shingle_size) for i in reps}
    sigs = signatures([sets[i] for i in reps], num_perm=config.num_perm, seed=config.seed)
    out: list[tuple[int, int, float]] = []
    for i, rows in zip(reps, candidates(sigs, threshold=config.near_threshold), strict=True):
        for j in sorted(reps[row] for row in rows):
            if j <= i:
                continue
            counters["near_candidates"] += 1
            sim = jaccard(sets[i], sets[j])
            if sim >= config.near_threshold:
                out.append((i, j, sim))
    return out


def _near_drift(group: RepeatGroup) -> Drift | None:
    """Drift from the original to every other distinct wording of a near group, merged."""
    assert group.original is not None
    seen = {group.original.text}
    changed: list[tuple[str, str]] = []
    kinds: list[str] = []
    why: list[str] = []
    for m in group.members:
        if m.text in seen:
            continue
        seen.add(m.text)
        d = detect_drift(group.original.text, m.text)
        if d is None:
            continue
        changed.extend(c for c in d.changed if c not in changed)
        kinds.extend(k for k in d.kinds if k not in kinds)
        why.append(d.why)
    return Drift(tuple(changed), tuple(kinds), "; ".join(why)) if changed else None


# --- paraphrases ----------------------------------------------------------------------------------------

def paraphrase_candidates(vectors: np.ndarray, threshold: float, *, block: int = 1024) -> list[tuple[int, int, float]]:
    """All pairs (i < j) of L2-normalised row vectors with cosine >= threshold.

    Exact, in blocks of rows so memory stays at ``block x n`` floats: fine up to tens of thousands of
    passages. For corpora far beyond that, swap this function for an ANN index with the same contract.
    """
    import numpy as np

    vectors = np.asarray(vectors, dtype=np.float32)
    n = len(vectors)
    out: list[tuple[int, int, float]] = []
    for lo in range(0, n, block):
        sims = vectors[lo:lo + block] @ vectors.T
        rows, cols = np.nonzero(sims >= threshold)
        for r, c in zip(rows.tolist(), cols.tolist(), strict=True):
            i = lo + r
            if c > i:
                out.append((i, c, float(sims[r, c])))
    out.sort()
    return out


class LexicalIndex:
    """The paraphrase fallback without a model: IDF-weighted Dice overlap of content-word stems.

    IDF comes from the input itself, so a name that every article repeats ("Patel") weighs little and a
    rare shared word weighs much. Dice (not the overlap coefficient) so a long passage does not match every
    short one it happens to contain.
    """

    def __init__(self, texts: list[str]) -> None:
        self.terms = [set(content_terms(t)) for t in texts]
        df: Counter[str] = Counter()
        for terms in self.terms:
            df.update(terms)
        n = len(texts)
        self.idf = {w: math.log((1 + n) / (1 + c)) + 1.0 for w, c in df.items()}
        # Summed in sorted order, as similarity() sums: a set of strings iterates in an order that changes with
        # the process's hash seed, and a float sum in another order can differ in the last bit, enough to break a
        # tie between two copies of one sentence differently from run to run.
        self.mass = [sum(self.idf[w] for w in sorted(terms)) for terms in self.terms]

    def similarity(self, i: int, j: int) -> float:
        total = self.mass[i] + self.mass[j]
        if not total:
            return 0.0
        # Summed in sorted order: a set intersection iterates in an order that depends on which operand is
        # smaller, and float sums in another order can differ in the last bit (similarity(i, j) must equal
        # similarity(j, i): Hypothesis found a pair where it did not).
        return 2.0 * sum(self.idf[w] for w in sorted(self.terms[i] & self.terms[j])) / total

    def candidates(self, threshold: float, *, block: int = 2048) -> list[tuple[int, int, float]]:
        """All pairs (i < j) with similarity >= threshold: a sparse product gives the shared IDF mass of
        every pair at once, in blocks of rows so memory stays bounded."""
        import numpy as np
        from scipy import sparse

        vocab = {w: k for k, w in enumerate(sorted(self.idf))}
        rows = [i for i, terms in enumerate(self.terms) for _ in terms]
        cols = [vocab[w] for terms in self.terms for w in sorted(terms)]
        x = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(self.terms), len(vocab)))
        weights = np.array([self.idf[w] for w in sorted(self.idf)])
        weighted_t = x.multiply(weights).T.tocsc()
        mass = np.asarray(self.mass)
        out: list[tuple[int, int, float]] = []
        for lo in range(0, x.shape[0], block):
            shared = (x[lo:lo + block] @ weighted_t).tocoo()
            rows = shared.row + lo
            total = mass[rows] + mass[shared.col]
            # Most pairs share a word or two and fall far below the threshold: filtered in NumPy, so only the
            # few near it reach the exact recomputation below (same test as before, element by element).
            with np.errstate(divide="ignore", invalid="ignore"):
                sim = np.where(total > 0, 2.0 * shared.data / total, 0.0)
            near = (shared.col > rows) & (sim >= threshold - 1e-12)
            for i, c in zip(rows[near].tolist(), shared.col[near].tolist(), strict=True):
                # recomputed exactly, so candidates and similarity() agree to the last bit
                exact = self.similarity(i, c)
                if exact >= threshold:
                    out.append((i, c, exact))
        out.sort()
        return out


def window_texts(passages: list[Passage]) -> list[str]:
    """The texts of the windows :func:`find_repeats` encodes among one article's passages: what the pipeline
    encodes ahead (through the engine), so that it computes no window this stage never reads."""
    flat = sorted(passages, key=lambda p: p.start)
    n_words = [len(words(p.text)) for p in flat]
    return [f"{flat[i].text} {flat[i + 1].text}" for i in range(len(flat) - 1)
            if _window(flat[i], flat[i + 1], n_words[i], n_words[i + 1])]


def _window(a: Passage, b: Passage, a_words: int, b_words: int) -> bool:
    """Whether adjacent passages ``a`` and ``b`` make a window: one article, one paragraph, neither too short."""
    return a.article == b.article and a.paragraph == b.paragraph and min(a_words, b_words) >= WINDOW_MIN_WORDS


def _units(flat: list[Passage], reps: list[int], uf: UnionFind, n_words: list[int]) -> list[_Unit]:
    """Representatives of every distinct text long enough, then windows of two adjacent sentences."""
    units = [_Unit(flat[i].article, flat[i].start, flat[i].end, flat[i].text, (i,), uf.find(i)) for i in reps]
    for i in range(len(flat) - 1):
        a, b = flat[i], flat[i + 1]
        if _window(a, b, n_words[i], n_words[i + 1]):
            # The window's text is the article's own text between them, so its span is exact.
            units.append(_Unit(a.article, a.start, b.end, f"{a.text} {b.text}", (i, i + 1), -1))
    return units


def _paraphrase_pairs(units: list[_Unit], candidates: list[tuple[int, int, float]],
                      score: Callable[[int, int], float], *, max_partners: int,
                      counters: Counter[str]) -> list[tuple[_Unit, _Unit, float]]:
    """Candidates filtered to real paraphrase pairs: different groups, windows only when they explain the
    match better than their sentences, one pair (the closest) per pair of groups, and at most
    ``max_partners`` pairs per group (its closest)."""
    rep_of = {u.parts[0]: k for k, u in enumerate(units) if len(u.parts) == 1}
    sentence_pairs: dict[tuple[int, int], tuple[float, int, int]] = {}
    window_pairs: list[tuple[int, int, float]] = []
    for i, j, sim in candidates:
        ui, uj = units[i], units[j]
        if len(ui.parts) > 1 and len(uj.parts) > 1:
            continue
        if len(ui.parts) > 1 or len(uj.parts) > 1:
            w, s = (i, j) if len(ui.parts) > 1 else (j, i)
            window_pairs.append((w, s, sim))
            continue
        if ui.cluster == uj.cluster:
            continue
        key = (min(ui.cluster, uj.cluster), max(ui.cluster, uj.cluster))
        best = sentence_pairs.get(key)
        if best is None or sim > best[0]:
            sentence_pairs[key] = (sim, i, j)
    # A text whose sentences all look alike (a table of results, a scraped list) makes every sentence a
    # paraphrase of every other: one group per pair is quadratic in the article and tells a reader nothing
    # more than each sentence's closest few.
    partners: Counter[int] = Counter()
    capped: dict[tuple[int, int], tuple[float, int, int]] = {}
    for key, value in sorted(sentence_pairs.items(), key=lambda kv: (-kv[1][0], kv[0])):
        if partners[key[0]] < max_partners and partners[key[1]] < max_partners:
            capped[key] = value
            partners[key[0]] += 1
            partners[key[1]] += 1
    counters["paraphrase_capped"] = len(sentence_pairs) - len(capped)
    sentence_pairs = capped
    superseded: set[tuple[int, int]] = set()
    accepted: list[tuple[int, int, float]] = []
    for w, s, sim in window_pairs:
        uw, us = units[w], units[s]
        if uw.article == us.article and us.parts[0] in uw.parts:
            continue  # a window around the sentence matches itself
        parts = [rep_of.get(p) for p in uw.parts]
        if any(p is None for p in parts):
            continue  # a part too short or repeated elsewhere: the sentences speak for themselves
        part_sims = [score(p, s) for p in parts if p is not None]
        if any(units[p].cluster == us.cluster for p in parts if p is not None):
            continue
        if sim >= max(part_sims) + WINDOW_MARGIN:
            accepted.append((w, s, sim))
    # One window per sentence group, and windows that do not overlap: the best first.
    kept: list[tuple[int, int, float]] = []
    used_clusters: set[int] = set()
    used_parts: set[int] = set()
    for w, s, sim in sorted(accepted, key=lambda t: (-t[2], t[0], t[1])):
        if units[s].cluster in used_clusters or used_parts & set(units[w].parts):
            continue
        kept.append((w, s, sim))
        used_clusters.add(units[s].cluster)
        used_parts.update(units[w].parts)
        for part in units[w].parts:
            c = units[rep_of[part]].cluster
            superseded.add((min(c, units[s].cluster), max(c, units[s].cluster)))
    accepted = sorted(kept)
    out = [(units[i], units[j], sim) for key, (sim, i, j) in sorted(sentence_pairs.items()) if key not in superseded]
    out.extend((units[w], units[s], sim) for w, s, sim in accepted)
    return out


# --- groups, direction, reuse ---------------------------------------------------------------------------

def _group(kind: str, members: list[Passage], order: dict[str, int], by_id: dict[str, Article],
           similarity: float | None = None) -> RepeatGroup:
    spans = sorted((p.span() for p in members), key=lambda s: (order[s.article], s.start, s.end))
    group = RepeatGroup(kind, spans, _scope(spans), similarity=None if similarity is None else round(similarity, 4))
    group.original = _original(spans, order, by_id)
    return group


def _scope(spans: list[Span]) -> str:
    return "across" if len({s.article for s in spans}) > 1 else "within"


