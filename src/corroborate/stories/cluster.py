"""Story clustering: which articles report the same event. Batch (:func:`cluster_articles`) and incremental
(:class:`StoryIndex`) share one similarity.

Stage (whole batch): needs the articles; adds the story clusters (lists of article ids).

Similarity of two articles is a weighted mean of
* TF-IDF cosine of their words (sublinear tf, idf from the articles seen so far),
* IDF-weighted cosine of their names (capitalised words: the cheap stand-in for entities that separates two
  events of the same kind, e.g. two different celebrities checking into rehab),
* MiniLM cosine of their leads (title and first sentences), when the semantic extra is installed,
and it is zero when both articles are dated more than ``window_days`` apart. It is scaled down when the
articles' leads share much less than their whole texts do (:meth:`Scorer.lead_factor`): news puts what
happened first and the background after, so two reports of one event share their leads, while two events of
one topic (two races of a season, two matches of a club, two steps of one inquiry) share the background only.

Candidates come from an inverted index over each article's most distinctive words (highest TF-IDF weight),
with posting lists capped to the most recent ``max_postings`` articles, so the cost of adding one article stays
flat as the collection grows. Batch clustering is sparse average-linkage over those candidate pairs.
"""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from corroborate.config import StoriesConfig
from corroborate.model import Article

if TYPE_CHECKING:
    import numpy as np

    from corroborate.ingest.embed import Embedder

_WORD = re.compile(r"[^\W\d_][\w'’-]*[^\W_]|[^\W\d_]", re.U)
_NAME = re.compile(r"\b(?:[A-Z][\w'’.-]*[a-z][\w'’-]*|[A-Z]{2,})\b")
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_YEAR = re.compile(r"\b(?:19[5-9]\d|20[0-4]\d)\b")
_STOP_TEXT = """a about above after again against all also am an and any are as at be because been before
being below between both but by can could did do does doing down during each few for from further had has have
having he her here hers herself him himself his how i if in into is it its itself just me more most my myself no
nor not now of off on once only or other our ours out over own same she should so some such than that the their
theirs them themselves then there these they this those through to too under until up very was we were what when
where which while who whom why will with would you your yours said says say told according would new one two
year years last first people time like get got make made back just many much may well even still mr ms mrs"""
_STOP = frozenset(_STOP_TEXT.split())
# Capitalised words that are not names: sentence starters, days and months are everywhere in news.
_NOT_NAME_TEXT = """monday tuesday wednesday thursday friday saturday sunday january february march
april may june july august september october november december today yesterday tomorrow but however after when
while if as it its in on at for with from by this that these those there he she they we i his her their our
photo image video read reuters ap afp cnn"""
_NOT_NAMES = _STOP | frozenset(_NOT_NAME_TEXT.split())


_DEFAULT = StoriesConfig()
MIN_DF_LIMIT = 50  # blocking keys shared by up to this many articles are always usable




def _published(article: Article) -> date | None:
    m = _DATE.search(article.published or "")
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _words(text: str) -> Counter[str]:
    return Counter(w for w in (m.group(0).lower().replace("’", "'") for m in _WORD.finditer(text))
                   if w not in _STOP and len(w) > 1)


def _names(text: str) -> Counter[str]:
    out: Counter[str] = Counter()
    for m in _NAME.finditer(text):
        w = m.group(0).lower().rstrip(".").replace("’", "'")
        if w.endswith("'s"):
            w = w[:-2]
        if len(w) > 1 and w not in _NOT_NAMES:
            out[w] += 1
    return out


@dataclass(slots=True)
class StoryDoc:
    """An article as the story similarity sees it: sublinear tf of words and names, day, years named, and the
    words of its lead when the text runs past it."""

    id: str
    words: dict[str, float]  # sublinear tf
    names: dict[str, float]
    day: date | None
    years: frozenset[str]  # years the text mentions: the time cue of undated articles
    lead: dict[str, float] | None = None  # sublinear tf of the title and lead; None: the whole text is the lead
    vec: Any = None  # MiniLM vector of the lead, or None


def _tf(counts: Counter[str]) -> dict[str, float]:
    return {w: 1.0 + math.log(c) for w, c in counts.items()}


def story_doc(article: Article, *, lead_chars: int | None = None) -> StoryDoc:
    """``lead_chars`` (default: StoriesConfig's): the lead is the title and the text's first ``lead_chars``
    characters (cut at a space), the span MiniLM embeds."""
    if lead_chars is None:
        lead_chars = _DEFAULT.lead_chars
    text = f"{article.title}\n{article.text}" if article.title else article.text
    lead = None
    if len(article.text) > lead_chars:
        cut = article.text.rfind(" ", 0, lead_chars + 1)
        head = article.text[: cut if cut > 0 else lead_chars]
        lead = _tf(_words(f"{article.title}\n{head}" if article.title else head))
    return StoryDoc(article.id, _tf(_words(text)), _tf(_names(text)), _published(article),
                    frozenset(_YEAR.findall(text)), lead)


class TermStats:
    """Document frequencies of words and names over the articles seen so far."""

    def __init__(self) -> None:
        self.n = 0
        self.df: Counter[str] = Counter()
        self.name_df: Counter[str] = Counter()

    def add(self, doc: StoryDoc) -> None:
        self.n += 1
        self.df.update(doc.words.keys())
        self.name_df.update(doc.names.keys())

    def idf(self, term: str, *, names: bool = False) -> float:
        df = (self.name_df if names else self.df).get(term, 0)
        return math.log((self.n + 1) / (df + 1)) + 1.0


def _cosine(a: dict[str, float], b: dict[str, float], stats: TermStats, *, names: bool = False) -> float:
    if not a or not b:
        return 0.0
    wa = {t: v * stats.idf(t, names=names) for t, v in a.items()}
    wb = {t: v * stats.idf(t, names=names) for t, v in b.items()}
    if len(wa) > len(wb):
        wa, wb = wb, wa
    dot = sum(v * wb[t] for t, v in wa.items() if t in wb)
    if not dot:
        return 0.0
    return dot / math.sqrt(sum(v * v for v in wa.values()) * sum(v * v for v in wb.values()))


class Scorer:
    """The pairwise similarity shared by batch and incremental clustering."""

    def __init__(self, config: StoriesConfig, stats: TermStats, embedder: Embedder | None) -> None:
        self.config = config
        self.stats = stats
        self.embedder = embedder

    @property
    def threshold(self) -> float:
        return self.config.threshold if self.embedder is not None else self.config.lexical_threshold

    def embed(self, docs: list[StoryDoc], articles: list[Article]) -> None:
        if self.embedder is None or not docs:
            return
        leads = [(f"{a.title}. " if a.title else "") + a.text[: self.config.lead_chars] for a in articles]
        for doc, vec in zip(docs, self.embedder.encode(leads), strict=True):
            doc.vec = vec

    def similarity(self, a: StoryDoc, b: StoryDoc) -> float:
        c = self.config
        factor = 1.0
        if a.day is not None and b.day is not None:
            if abs((a.day - b.day).days) > c.window_days:
                return 0.0
        elif a.years and b.years and not a.years & b.years:
            # Same kind of event, another year (a different season's trade, a different earthquake).
            factor = c.year_mismatch
        text = _cosine(a.words, b.words, self.stats)
        factor *= self.lead_factor(a, b, text)
        total = c.text_weight * text
        weight = c.text_weight
        if a.names and b.names:
            total += c.name_weight * _cosine(a.names, b.names, self.stats, names=True)
            weight += c.name_weight
        if a.vec is not None and b.vec is not None:
            total += c.semantic_weight * max(float(a.vec @ b.vec), 0.0)
            weight += c.semantic_weight
        return factor * total / weight if weight else 0.0

    def lead_factor(self, a: StoryDoc, b: StoryDoc, text: float) -> float:
        """1, or less when the leads share less than ``lead_share`` of what the whole texts share (``text``:
        their word cosine): then what the articles have in common is background, not the event. Articles
        that fit in their lead are compared whole, so two short articles always get 1."""
        if (a.lead is None and b.lead is None) or not text or not self.config.lead_share:
            return 1.0
        lead = _cosine(a.words if a.lead is None else a.lead, b.words if b.lead is None else b.lead, self.stats)
        return min(1.0, lead / (self.config.lead_share * text))

    def keys(self, doc: StoryDoc, *, min_df: int = 2) -> list[str]:
        """The article's most distinctive words that other articles share (df >= ``min_df``): blocking keys.
        Words only this article has cannot find it a partner, and very common ones find too many."""
        return self._ranked(doc, min_df)[: self.config.keys_per_article]

    def lookup_and_index_keys(self, doc: StoryDoc) -> tuple[list[str], list[str]]:
        """``keys(doc)`` and ``keys(doc, min_df=1)`` from one ranking of the article's words (an add needs
        both: it looks up by words others share and is indexed by its top words, even those new so far)."""
        ranked = self._ranked(doc, 1)
        k = self.config.keys_per_article
        return [t for t in ranked if self.stats.df[t] >= 2][:k], ranked[:k]

    def _ranked(self, doc: StoryDoc, min_df: int) -> list[str]:
        # In a small collection a "common" word is one shared by a few articles of the same story (a batch
        # of 5 where 4 report one event): the share cut would leave no key that links them, so it only
        # applies once the collection is large enough for the cap to matter.
        limit = max(self.config.max_df_share * self.stats.n, MIN_DF_LIMIT)
        return [t for _, t in sorted((-v * self.stats.idf(t), t) for t, v in doc.words.items()
                                     if min_df <= self.stats.df[t] <= limit)]


def _make_embedder(config: StoriesConfig, embedder: Embedder | None) -> Embedder | None:
    if embedder is not None or config.semantic == "off":
        return embedder if config.semantic != "off" else None
    from corroborate.ingest.embed import make_embedder

    return make_embedder(config.semantic)


def method(config: StoriesConfig | None = None, embedder: Embedder | None = None) -> str:
    """Which similarity ran: says so in the output, never falls back silently."""
    config = config or StoriesConfig()
    if _make_embedder(config, embedder) is not None:
        return "semantic: all-MiniLM-L6-v2 + tf-idf + names"
    return "lexical: tf-idf + names"


def candidate_pairs(scorer: Scorer, docs: list[StoryDoc]) -> dict[tuple[int, int], float]:
    """Similarity of every pair of articles that share a blocking key and clear the threshold's half."""
    keys = [scorer.keys(doc) for doc in docs]  # ranks each article's words once, for indexing and querying
    postings: dict[str, list[int]] = defaultdict(list)
    for i, doc_keys in enumerate(keys):
        for key in doc_keys:
            postings[key].append(i)
    pairs: dict[tuple[int, int], float] = {}
    floor = scorer.threshold / 2  # weaker links cannot change an average above the threshold much
    for i, doc in enumerate(docs):
        seen: set[int] = set()
        for key in keys[i]:
            seen.update(j for j in postings[key][-scorer.config.max_postings:] if j > i)
        for j in sorted(seen):
            s = scorer.similarity(doc, docs[j])
            if s >= floor:
                pairs[(i, j)] = s
    return pairs


def _average_linkage(n: int, pairs: dict[tuple[int, int], float], threshold: float) -> list[list[int]]:
    """Sparse average-linkage: merge the two clusters with the highest mean pair similarity (missing pairs
    count 0) while that mean is at least ``threshold``. Ties break on the smaller ids: deterministic."""
    members = {i: [i] for i in range(n)}
    sums: dict[int, dict[int, float]] = defaultdict(dict)
    for (i, j), s in pairs.items():
        sums[i][j] = s
        sums[j][i] = s
    heap = [(-s, i, j) for (i, j), s in pairs.items() if s >= threshold]
    heapq.heapify(heap)
    while heap:
        neg, i, j = heapq.heappop(heap)
        if i not in members or j not in members:
            continue
        current = sums[i].get(j, 0.0) / (len(members[i]) * len(members[j]))
        if abs(current + neg) > 1e-12:  # stale entry: the clusters changed since it was pushed
            continue
        members[i].extend(members.pop(j))
        for k, s in sums.pop(j).items():
            if k == i:
                continue
            sums[k].pop(j, None)
            sums[i][k] = sums[i].get(k, 0.0) + s
            sums[k][i] = sums[i][k]
        sums[i].pop(j, None)
        for k, s in sums[i].items():
            avg = s / (len(members[i]) * len(members[k]))
            if avg >= threshold:
                heapq.heappush(heap, (-avg, min(i, k), max(i, k)))
    return [sorted(m) for m in members.values()]


def cluster_articles(articles: list[Article], *, config: StoriesConfig | None = None,
                     embedder: Embedder | None = None) -> list[list[str]]:
    """Group articles into stories. Returns lists of article ids, each sorted, ordered by first id."""
    config = config or StoriesConfig()
    if len({a.id for a in articles}) != len(articles):
        raise ValueError("article ids must be unique")
    order = sorted(range(len(articles)), key=lambda i: articles[i].id)
    ordered = [articles[i] for i in order]
    stats = TermStats()
    docs = [story_doc(a, lead_chars=config.lead_chars) for a in ordered]
    for d in docs:
        stats.add(d)
    scorer = Scorer(config, stats, _make_embedder(config, embedder))
    scorer.embed(docs, ordered)
    groups = _average_linkage(len(docs), candidate_pairs(scorer, docs), scorer.threshold)
    return sorted(sorted(ordered[i].id for i in g) for g in groups)


class StoryIndex:
    """Incremental story assignment: ``add`` puts one article into the best matching story or starts one.

    Scoring an article costs one pass over the articles that share its blocking keys (capped per key), not
    over the whole collection. Story ids are ``s1``, ``s2``, ... in order of creation.
    """

    def __init__(self, *, config: StoriesConfig | None = None, embedder: Embedder | None = None) -> None:
        self.config = config or StoriesConfig()
        self._embedder_arg = embedder
        self._scorer: Scorer | None = None
        self._stats = TermStats()
        self._docs: list[StoryDoc] = []
        self._story_of: list[str] = []
        self._members: dict[str, list[int]] = {}
        self._ids: dict[str, str] = {}  # article id -> story id
        self._postings: dict[str, list[int]] = defaultdict(list)

    @property
    def scorer(self) -> Scorer:
        if self._scorer is None:
            self._scorer = Scorer(self.config, self._stats, _make_embedder(self.config, self._embedder_arg))
        return self._scorer

    @property
    def method(self) -> str:
        return method(self.config, self.scorer.embedder)

    def add(self, article: Article) -> str:
        """Assign ``article`` to a story; returns the story id. Adding the same id again returns its story."""
        if article.id in self._ids:
            return self._ids[article.id]
        doc = story_doc(article, lead_chars=self.config.lead_chars)
        self._stats.add(doc)
        scorer = self.scorer
        scorer.embed([doc], [article])
        keys, index_keys = scorer.lookup_and_index_keys(doc)
        hits: Counter[int] = Counter()
        # Look up by words earlier articles share; index by the article's top words, even those new so far,
        # since a later article may share them.
        for key in keys:
            hits.update(self._postings[key][-self.config.max_postings:])
        # Score only the articles sharing the most keys (recent first on ties): the cost of an add is bounded.
        seen = sorted(hits, key=lambda j: (-hits[j], -j))[: self.config.max_candidates]
        by_story: dict[str, list[float]] = defaultdict(list)
        for j in sorted(seen):
            by_story[self._story_of[j]].append(scorer.similarity(doc, self._docs[j]))
        best, best_score = None, scorer.threshold
        for story, sims in sorted(by_story.items()):
            # Average link, as in the batch clustering: members that share no key count as 0.
            score = sum(sims) / len(self._members[story])
            if score >= best_score and (best is None or score > best_score):
                best, best_score = story, score
        if best is None:
            best = f"s{len(self._members) + 1}"
            self._members[best] = []
        index = len(self._docs)
        self._docs.append(doc)
        self._story_of.append(best)
        self._members[best].append(index)
        self._ids[article.id] = best
        for key in index_keys:
            self._postings[key].append(index)
        return best

    def stories(self) -> dict[str, list[str]]:
        """Story id -> its article ids (sorted)."""
        return {s: sorted(self._docs[i].id for i in m) for s, m in self._members.items()}

    def vectors(self) -> list[np.ndarray | None]:
        return [d.vec for d in self._docs]
