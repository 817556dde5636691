"""Persisted incremental stories and near-duplicate detection: the store's sub-quadratic matching.

Each article gets two fingerprints, computed by a pure function any engine can map (:func:`featurize`):

* a MinHash signature of its word shingles, cut into LSH bands. Articles that share a band bucket are
  near-duplicate *candidates*; the signatures then estimate their Jaccard similarity;
* the story features of :mod:`corroborate.stories` (sublinear tf of words and names, publication day), so
  an article joins a story by exactly the :class:`~corroborate.stories.StoryIndex` rule: the story whose
  average similarity to the article (members that share no blocking key count 0) is the highest and at least
  the threshold; otherwise it starts a new story.

Both indexes live in SQLite tables (``lsh``, ``postings``, ``term_df``), so assignment survives restarts and
concurrent writers, and one ``add`` costs a bounded number of indexed look-ups, never a scan of the corpus:

* a blocking key is read within the time window only, nearest days first, at most ``per_key`` postings
  each side of the article's day (an undated article reads the ``per_key`` most recent postings);
* at most ``max_candidates`` articles are scored, those sharing the most keys (ties: most recent);
* a band bucket is read up to ``per_bucket`` entries.

These caps are where this index may differ from the in-memory :class:`StoryIndex`; below them the two agree
(see tests/test_store.py). Document frequencies are persisted too (``term_df``), read for the terms at hand.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from corroborate.model import Article

# The similarity itself is the stories module's (one definition for batch, in-memory and persisted
# clustering); its helpers are private there, so this coupling is pinned by a consistency test.
from corroborate.stories import StoriesConfig, _Doc, _doc, _Scorer, _Stats

if TYPE_CHECKING:
    from corroborate.embed import Embedder

@dataclass(slots=True, frozen=True)
class MatchConfig:
    """Fingerprint and candidate-generation settings of the store (fixed when a database is created)."""

    num_perm: int = 128
    seed: int = 1
    shingle_size: int = 3
    bands: int = 32  # 32 bands of 4 rows: pairs above Jaccard ~0.4 almost surely share a bucket
    near_threshold: float = 0.5  # estimated Jaccard for a near-duplicate article (copy, syndication, spin)
    per_bucket: int = 50  # entries read per LSH bucket
    per_key: int = 100  # postings read per blocking key on each side of the article's day
    max_candidates: int = 100  # articles scored per add

    def __post_init__(self) -> None:
        if self.num_perm % self.bands:
            raise ValueError(f"num_perm ({self.num_perm}) must be a multiple of bands ({self.bands})")
        if not 0.0 <= self.near_threshold <= 1.0:
            raise ValueError(f"near_threshold must be in [0.0, 1.0], got {self.near_threshold}")
        if min(self.per_bucket, self.per_key, self.max_candidates, self.shingle_size) < 1:
            raise ValueError("per_bucket, per_key, max_candidates and shingle_size must be >= 1")


@dataclass(slots=True)
class Features:
    """What :func:`featurize` computes for one article: picklable, so a Dask worker can compute it."""

    article: Article
    doc: _Doc
    signature: bytes  # MinHash hash values, uint64 little-endian
    buckets: list[int]  # one LSH bucket key per band


def featurize(article: Article, *, match: MatchConfig | None = None) -> Features:
    """The per-article half of ``add``: pure and deterministic."""
    import numpy as np

    from corroborate.fingerprint import minhash, shingles

    match = match or MatchConfig()
    mh = minhash(shingles(article.text, match.shingle_size), num_perm=match.num_perm, seed=match.seed)
    values = np.asarray(mh.hashvalues, dtype="<u8")
    rows = match.num_perm // match.bands
    buckets = [int.from_bytes(hashlib.blake2b(values[b * rows:(b + 1) * rows].tobytes(), digest_size=8,
                                              person=b.to_bytes(2, "little")).digest(), "little", signed=True)
               for b in range(match.bands)]
    return Features(article, _doc(article), values.tobytes(), buckets)


def jaccard(sig_a: bytes, sig_b: bytes) -> float:
    """MinHash estimate of the Jaccard similarity of two signatures."""
    import numpy as np

    a = np.frombuffer(sig_a, dtype="<u8")
    b = np.frombuffer(sig_b, dtype="<u8")
    return float(np.count_nonzero(a == b)) / len(a) if len(a) else 0.0


def _encode_doc(doc: _Doc) -> str:
    return json.dumps({"w": doc.words, "n": doc.names}, separators=(",", ":"), sort_keys=True)


def _decode_doc(article_id: str, blob: str, day: int | None) -> _Doc:
    data = json.loads(blob)
    return _Doc(article_id, data["w"], data["n"], date.fromordinal(day) if day is not None else None)


def _chunks(items: list[str], size: int = 500) -> list[list[str]]:
    return [items[i:i + size] for i in range(0, len(items), size)]


class _DbStats(_Stats):
    """Document frequencies read from ``term_df`` for just the terms being compared."""

    def __init__(self, conn: sqlite3.Connection, n: int) -> None:
        super().__init__()
        self.conn = conn
        self.n = n
        self._loaded: set[str] = set()

    def load(self, terms: set[str]) -> None:
        missing = sorted(terms - self._loaded)
        for chunk in _chunks(missing):
            marks = ",".join("?" * len(chunk))
            for term, df, name_df in self.conn.execute(
                    f"SELECT term, df, name_df FROM term_df WHERE term IN ({marks})", chunk):
                if df:
                    self.df[term] = df
                if name_df:
                    self.name_df[term] = name_df
        self._loaded.update(missing)


class PersistedStoryIndex:
    """Story assignment and near-duplicate detection over the store's tables, inside the caller's transaction."""

    def __init__(self, *, stories: StoriesConfig | None = None, match: MatchConfig | None = None,
                 embedder: Embedder | None = None) -> None:
        self.stories = stories or StoriesConfig()
        self.match = match or MatchConfig()
        self.embedder = embedder

    def add(self, conn: sqlite3.Connection, features: Features, seq: int) -> tuple[str, list[tuple[str, float]]]:
        """Index one stored article (row ``seq`` of ``articles``); returns its story id and its near-duplicates."""
        near = self._near_duplicates(conn, features, seq)
        story = self._assign(conn, features, seq, [a for a, _ in near])
        return story, near

    # -- near-duplicates -------------------------------------------------------------------------
    def _near_duplicates(self, conn: sqlite3.Connection, f: Features, seq: int) -> list[tuple[str, float]]:
        found: set[str] = set()
        for band, bucket in enumerate(f.buckets):
            found.update(r[0] for r in conn.execute(
                "SELECT article_id FROM lsh WHERE band = ? AND bucket = ? LIMIT ?",
                (band, bucket, self.match.per_bucket)))
        conn.executemany("INSERT OR IGNORE INTO lsh(band, bucket, article_id) VALUES (?, ?, ?)",
                         [(band, bucket, f.article.id) for band, bucket in enumerate(f.buckets)])
        conn.execute("INSERT OR REPLACE INTO fingerprints(article_id, signature) VALUES (?, ?)",
                     (f.article.id, f.signature))
        near: list[tuple[str, float]] = []
        for chunk in _chunks(sorted(found - {f.article.id})):
            marks = ",".join("?" * len(chunk))
            for other, sig in conn.execute(
                    f"SELECT article_id, signature FROM fingerprints WHERE article_id IN ({marks})", chunk):
                score = jaccard(f.signature, sig)
                if score >= self.match.near_threshold:
                    near.append((other, score))
        near.sort(key=lambda x: (-x[1], x[0]))
        conn.executemany("INSERT OR IGNORE INTO near_duplicates(a, b, jaccard) VALUES (?, ?, ?)",
                         [(min(f.article.id, o), max(f.article.id, o), round(s, 4)) for o, s in near])
        return near

    # -- stories ---------------------------------------------------------------------------------
    def _assign(self, conn: sqlite3.Connection, f: Features, seq: int, near: list[str]) -> str:
        doc = f.doc
        day = doc.day.toordinal() if doc.day is not None else None
        # The article counts in the statistics before it is scored, as in StoryIndex.add.
        conn.executemany(
            "INSERT INTO term_df(term, df, name_df) VALUES (?, ?, ?) ON CONFLICT(term) DO UPDATE SET "
            "df = df + excluded.df, name_df = name_df + excluded.name_df",
            [(t, int(t in doc.words), int(t in doc.names)) for t in sorted(set(doc.words) | set(doc.names))])
        n = conn.execute("UPDATE counters SET value = value + 1 WHERE name = 'story_docs' RETURNING value"
                         ).fetchone()[0]
        stats = _DbStats(conn, n)
        stats.load(set(doc.words) | set(doc.names))
        scorer = _Scorer(self.stories, stats, self.embedder)
        scorer.embed([doc], [f.article])
        keys = scorer.keys(doc)

        shared: Counter[int] = Counter()
        for key in keys:
            shared.update(self._postings(conn, key, day))
        ranked = sorted(shared.items(), key=lambda kv: (-kv[1], -kv[0]))[: self.match.max_candidates]
        candidates = {s for s, _ in ranked}
        if near:  # a near-duplicate is always worth scoring, whatever the blocking keys say
            marks = ",".join("?" * len(near))
            candidates.update(r[0] for r in conn.execute(f"SELECT seq FROM articles WHERE id IN ({marks})", near))
        candidates.discard(seq)

        by_story: dict[str, list[float]] = defaultdict(list)
        if candidates:
            rows = []
            for chunk in _chunks(sorted(candidates)):
                marks = ",".join("?" * len(chunk))
                rows.extend(conn.execute(
                    "SELECT f.article_id, f.doc, f.day, m.story_id, a.title, substr(a.text, 1, ?) "
                    "FROM story_features f JOIN articles a ON a.id = f.article_id "
                    "JOIN story_members m ON m.article_id = f.article_id "
                    f"WHERE a.seq IN ({marks}) ORDER BY a.seq", [self.stories.lead_chars, *chunk]))
            others = [_decode_doc(aid, blob, d) for aid, blob, d, *_ in rows]
            stats.load({t for o in others for t in (*o.words, *o.names)})
            if scorer.embedder is not None:
                scorer.embed(others, [Article(r[0], "", r[4], None, None, r[5]) for r in rows])
            for other, row in zip(others, rows, strict=True):
                by_story[row[3]].append(scorer.similarity(doc, other))

        best, best_score = None, scorer.threshold
        sizes = self._sizes(conn, sorted(by_story))
        for story, sims in sorted(by_story.items()):
            score = sum(sims) / sizes[story]
            if score >= best_score and (best is None or score > best_score):
                best, best_score = story, score
        a = f.article
        joined = best is not None
        if best is None:
            number = conn.execute("UPDATE counters SET value = value + 1 WHERE name = 'stories' RETURNING value"
                                  ).fetchone()[0]
            best = f"s{number}"
            conn.execute("INSERT INTO stories(id, seq, title, first_published, last_published, size) "
                         "VALUES (?, ?, ?, ?, ?, 0)", (best, number, a.title, a.published, a.published))
        else:
            self._grow(conn, best, a)
        conn.execute("UPDATE stories SET size = size + 1 WHERE id = ?", (best,))
        conn.execute("INSERT INTO story_members(article_id, story_id, score) VALUES (?, ?, ?)",
                     (a.id, best, round(best_score, 4) if joined else None))
        conn.execute("INSERT INTO story_features(article_id, doc, day) VALUES (?, ?, ?)",
                     (a.id, _encode_doc(doc), day))
        conn.executemany("INSERT INTO postings(key, seq, day) VALUES (?, ?, ?)", [(k, seq, day) for k in keys])
        return best

    def _postings(self, conn: sqlite3.Connection, key: str, day: int | None) -> list[int]:
        """Articles indexed under ``key`` that can share a story with an article of ``day``, nearest first."""
        k = self.match.per_key
        if day is None:
            return [r[0] for r in conn.execute(
                "SELECT seq FROM postings WHERE key = ? ORDER BY seq DESC LIMIT ?", (key, k))]
        window = int(self.stories.window_days)
        after = conn.execute("SELECT seq FROM postings WHERE key = ? AND day >= ? AND day <= ? ORDER BY day LIMIT ?",
                             (key, day, day + window, k))
        before = conn.execute("SELECT seq FROM postings WHERE key = ? AND day < ? AND day >= ? "
                              "ORDER BY day DESC LIMIT ?", (key, day, day - window, k))
        undated = conn.execute("SELECT seq FROM postings WHERE key = ? AND day IS NULL ORDER BY seq DESC LIMIT ?",
                               (key, k))
        return [r[0] for q in (after, before, undated) for r in q]

    @staticmethod
    def _sizes(conn: sqlite3.Connection, stories: list[str]) -> dict[str, int]:
        out: dict[str, int] = {}
        for chunk in _chunks(stories):
            marks = ",".join("?" * len(chunk))
            out.update(conn.execute(f"SELECT id, size FROM stories WHERE id IN ({marks})", chunk).fetchall())
        return out

    @staticmethod
    def _grow(conn: sqlite3.Connection, story: str, a: Article) -> None:
        """Keep the story's dates and title current: the title is the earliest dated member's."""
        title, first, last = conn.execute(
            "SELECT title, first_published, last_published FROM stories WHERE id = ?", (story,)).fetchone()
        if a.published:
            if first is None or a.published < first:
                first = a.published
                title = a.title or title
            last = a.published if last is None or a.published > last else last
        if title is None:
            title = a.title
        conn.execute("UPDATE stories SET title = ?, first_published = ?, last_published = ? WHERE id = ?",
                     (title, first, last, story))
