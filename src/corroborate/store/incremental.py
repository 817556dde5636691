"""Persisted incremental stories and near-duplicate detection: the store's sub-quadratic matching.

Each article gets two fingerprints, computed by a pure function any engine can map (:func:`featurize`):

* a MinHash signature of its word shingles, cut into LSH bands. Articles that share a band bucket are
  near-duplicate *candidates*; the signatures then estimate their Jaccard similarity;
* the story features of :mod:`corroborate.stories.cluster` (sublinear tf of words and names, day, years named), so
  an article joins a story by exactly the :class:`~corroborate.stories.cluster.StoryIndex` rule: the story whose
  average similarity to the article (members that share no blocking key count 0) is the highest and at least
  the threshold; otherwise it starts a new story.

Both indexes live in SQLite tables (``lsh``, ``postings``, ``term_df``), so assignment survives restarts and
concurrent writers, and one ``add`` costs a bounded number of look-ups, never a scan of the corpus. The band
buckets are looked up in memory (:mod:`corroborate.store.bucket_index`, built from ``lsh`` by the first add of a
process), so that storing them appends one row instead of inserting 32 into random pages:

* a blocking key is read within the time window only, nearest days first, at most ``per_key`` postings
  each side of the article's day (an undated article, which batch clustering compares with every article,
  reads the ``per_key`` most recent dated postings, from the latest dated day back, and the undated ones);
* at most ``max_candidates`` articles are scored, those sharing the most keys (ties: most recent);
* a band bucket gives its ``per_bucket`` earliest articles.

These caps are where this index may differ from the in-memory :class:`StoryIndex`; below them the two agree
(tests/test_store.py, on synthetic events and on ECB+ news). Document frequencies are persisted (summed per
batch and appended once when it ends to ``term_df_log``, folded into ``term_df`` every 64 batches) and
mirrored in memory, reloaded only when another writer moved them; candidates' decoded features sit in a
bounded LRU; the similarity is the stories module's formula, vectorised over term indices in
:mod:`corroborate.store.story_vectors` (pinned against ``stories.Scorer.similarity`` by its tests).
"""

from __future__ import annotations

import hashlib
import marshal
import sqlite3
from collections import Counter, OrderedDict, defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import TYPE_CHECKING, Any

from corroborate.config import MatchConfig
from corroborate.model import Article
from corroborate.store.bucket_index import BucketIndex, pack
from corroborate.store.day_postings import UNDATED, DayPostings
from corroborate.store.db import rows_in
from corroborate.store.story_vectors import Frequencies, Query, Vec, vec

# The similarity itself is the stories module's (one definition for batch, in-memory and persisted
# clustering); the vectorised copy of it below is pinned to Scorer.similarity by a consistency test.
from corroborate.stories.cluster import Scorer, StoriesConfig, StoryDoc, story_doc

if TYPE_CHECKING:
    from corroborate.ingest.embed import Embedder

_SEQ_BITS = 63  # a SQLite rowid (an article's seq) is below 2**63
_SEQ_MASK = (1 << _SEQ_BITS) - 1




@dataclass(slots=True)
class Features:
    """What :func:`featurize` computes for one article: picklable, so a Dask worker can compute it."""

    article: Article
    doc: StoryDoc
    signature: bytes  # MinHash hash values, uint64 little-endian
    buckets: list[int]  # one LSH bucket key per band


@cache
def _permutations(num_perm: int, seed: int) -> tuple[Any, str]:
    """The MinHash permutations for these settings, drawn once per process (drawing them costs ~0.6 ms)."""
    from datasketch import MinHash

    template = MinHash(num_perm=num_perm, seed=seed)
    return template.permutations, template.scheme


def featurize(article: Article, *, match: MatchConfig | None = None, lead_chars: int | None = None) -> Features:
    """The per-article half of ``add``: pure and deterministic. ``lead_chars``: StoriesConfig's (its default
    when None), so the stored lead is the span the batch's story grouping reads."""
    import numpy as np
    from datasketch import MinHash

    from corroborate.repeats.fingerprint import shingles

    match = match or MatchConfig()
    permutations, scheme = _permutations(match.num_perm, match.seed)
    mh = MinHash(num_perm=match.num_perm, seed=match.seed, permutations=permutations, scheme=scheme)
    grams = sorted(shingles(article.text, match.shingle_size))
    if grams:
        mh.update_batch([g.encode("utf-8") for g in grams])
    values = np.asarray(mh.hashvalues, dtype="<u8")
    rows = match.num_perm // match.bands
    buckets = [int.from_bytes(hashlib.blake2b(values[b * rows:(b + 1) * rows].tobytes(), digest_size=8,
                                              person=b.to_bytes(2, "little")).digest(), "little", signed=True)
               for b in range(match.bands)]
    return Features(article, story_doc(article, lead_chars=lead_chars), values.tobytes(), buckets)


def jaccards(signature: bytes, others: list[bytes]) -> Any:
    """MinHash estimates of the Jaccard similarity of ``signature`` with each of ``others``, in one array
    comparison (an add checks up to ``max_verify`` candidates)."""
    import numpy as np

    mine = np.frombuffer(signature, dtype="<u8")
    if not others or not len(mine):
        return np.zeros(len(others))
    return (np.frombuffer(b"".join(others), dtype="<u8").reshape(len(others), -1) == mine).mean(axis=1)


def jaccard(sig_a: bytes, sig_b: bytes) -> float:
    """MinHash estimate of the Jaccard similarity of two signatures."""
    return float(jaccards(sig_a, [sig_b])[0])


def _encode_doc(doc: StoryDoc) -> bytes:
    # marshal (format 4) of plain dicts and lists: four times faster to load than JSON, and it keeps the
    # dicts' order, which the similarity's float sums follow.
    return marshal.dumps((doc.words, doc.names, sorted(doc.years), doc.lead), 4)


def _decode_doc(article_id: str, blob: bytes, day: int | None) -> StoryDoc:
    words, names, years, *lead = marshal.loads(blob)  # (stores written before the lead factor have none)
    return StoryDoc(id=article_id, words=words, names=names,
                    day=date.fromordinal(day) if day is not None else None, years=frozenset(years),
                    lead=lead[0] if lead else None)


class PersistedStoryIndex:
    """Story assignment and near-duplicate detection over the store's tables, inside the caller's transaction.

    Decoded story features and story ids of recent articles are kept in a bounded LRU (neither changes once
    stored), and each added article enters it at once: scoring recent neighbours costs no database read.
    """

    def __init__(self, *, stories: StoriesConfig | None = None, match: MatchConfig | None = None,
                 embedder: Embedder | None = None, cache_size: int = 10_000) -> None:
        self.stories = stories or StoriesConfig()
        self.match = match or MatchConfig()
        self.embedder = embedder
        self.stats = Frequencies()
        self._scorer = Scorer(self.stories, self.stats, embedder)  # threshold, keys and lead embedding
        # seq -> (features, story): both fixed once an article is stored (stories never merge or move).
        self._docs: OrderedDict[int, tuple[Vec, str]] = OrderedDict()
        self._cache_size = cache_size
        self._buckets = BucketIndex()  # the lsh table's look-up side, loaded by the first batch
        self._postings = DayPostings()  # the postings table's recent days, loaded as look-ups need them
        # Document frequencies added by the open transaction, written once when it ends (see batch).
        self._df: Counter[str] = Counter()
        self._name_df: Counter[str] = Counter()
        self._pending = 0
        self._in_batch = False

    @property
    def threshold(self) -> float:
        return self._scorer.threshold

    @contextmanager
    def batch(self, conn: sqlite3.Connection) -> Iterator[None]:
        """The adds of one write transaction (the caller's): document frequencies are summed in memory and
        written once at the end. A batch's articles share most of their words, so this writes each term once
        per batch instead of ~200 upserts per article. The caller holds the write lock from here to its
        commit, so no other writer can move ``term_df`` under the in-memory sums."""
        self._discard()  # a flush that failed (disk full) raised before it could clear its sums
        moved = self.stats.sync(conn)
        # The buckets' sync compares this process's last rows with the table, so it also catches a rolled-back
        # batch that another writer's batch of the same size followed (the article counter alone would match).
        if self._buckets.sync(conn) or moved:
            # Another writer, or a rolled-back batch whose row numbers may be reused: forget what was cached.
            self._docs.clear()
            self._postings.clear()
            self.stats.forget_unfolded()
        self._in_batch = True
        try:
            yield
        except BaseException:
            # The transaction rolls back: the in-memory statistics now count articles the database does not,
            # so the next batch's sync sees the counter differ and reloads them. The buckets' sync catches the
            # same rollback (and a failed commit, which never passes here) by its pending rows.
            self._discard()
            raise
        finally:
            self._in_batch = False
        self._flush(conn)

    def _discard(self) -> None:
        self._df.clear()
        self._name_df.clear()
        self._pending = 0

    def _flush(self, conn: sqlite3.Connection) -> None:
        if not self._pending:
            return
        self.stats.persist(conn, self._df, self._name_df, self._pending)
        self._discard()

    def add(self, conn: sqlite3.Connection, features: Features, seq: int) -> str:
        """Index one stored article (row ``seq`` of ``articles``); returns its story id. Its near-duplicate
        pairs are written to ``near_duplicates``. Outside :meth:`batch`, the add is a batch of its own."""
        if not self._in_batch:
            with self.batch(conn):
                return self.add(conn, features, seq)
        near = self._near_duplicates(conn, features, seq)
        # The closest near-duplicates only: a much-syndicated text has hundreds, and scoring them all would make
        # one add grow with the corpus (they are stored in near_duplicates all the same).
        return self._assign(conn, features, seq, [s for s, _ in near[: self.match.max_near]])

    # -- near-duplicates -------------------------------------------------------------------------
    def _near_duplicates(self, conn: sqlite3.Connection, f: Features, seq: int) -> list[tuple[int, float]]:
        """(seq, estimated Jaccard) of the stored articles this one nearly repeats: most similar first, then
        the earliest stored."""
        blob = pack(f.buckets)
        hits = self._buckets.query(blob, self.match.per_bucket)
        # Both rows are appended at the end of their tables (keyed by seq): no random page per band.
        conn.execute("INSERT INTO lsh(seq, buckets) VALUES (?, ?)", (seq, blob))
        conn.execute("INSERT INTO fingerprints(seq, signature) VALUES (?, ?)", (seq, f.signature))
        self._buckets.add(seq, blob)
        # A text syndicated hundreds of times shares buckets with all its copies: check the likeliest ones
        # (most bands shared, an estimate of the Jaccard itself; ties: the earliest stored) so that one add
        # costs the same at any scale.
        ranked = sorted(hits.items(), key=lambda kv: (-kv[1], kv[0]))[: self.match.max_verify]
        found: list[int] = []
        blobs: list[bytes] = []
        # By seq alone (no join for the ids): one index seek per candidate. The candidates grow with the
        # corpus, not with a window: ~13 per add at 60k articles of the generated corpus, ~4 at 1k.
        for other_seq, sig in rows_in(conn, "SELECT seq, signature FROM fingerprints WHERE seq IN ({marks})",
                                       sorted(s for s, _ in ranked)):
            found.append(other_seq)
            blobs.append(sig)
        near = [(other_seq, float(score))
                for other_seq, score in zip(found, jaccards(f.signature, blobs), strict=True)
                if score >= self.match.near_threshold]
        near.sort(key=lambda x: (-x[1], x[0]))
        # Filed under this article, the later stored of each pair: appended (see the schema).
        conn.executemany("INSERT OR IGNORE INTO near_duplicates(seq, other, jaccard) VALUES (?, ?, ?)",
                         [(seq, other_seq, round(score, 4)) for other_seq, score in near])
        return near

    # -- stories ---------------------------------------------------------------------------------
    def _candidates(self, conn: sqlite3.Connection, keys: list[str], day: int | None, seq: int,
                    near: list[int]) -> list[int]:
        shared = self._postings.shared(conn, keys, day, int(self.stories.window_days), self.match.per_key)
        # Most keys shared first, then the latest stored: one int per candidate (count above the seq's bits)
        # sorts without a key function, and a full window returns ~200 of them per add.
        ranked = sorted([(n << _SEQ_BITS) | s for s, n in shared.items()], reverse=True)[: self.match.max_candidates]
        # A near-duplicate is always worth scoring, whatever the blocking keys say, unless it is dated outside
        # the window, where its similarity is 0 (Scorer.similarity).
        candidates = {r & _SEQ_MASK for r in ranked} | set(self._in_window(conn, near, day))
        candidates.discard(seq)
        return sorted(candidates)  # insertion order, as StoryIndex scores them

    def _in_window(self, conn: sqlite3.Connection, seqs: list[int], day: int | None) -> list[int]:
        """``seqs`` less those dated more than the window away from ``day``. A text syndicated months ago has
        near-duplicates in a later round's events: decoding and scoring them cost ~0.05 ms per add at 60k
        articles, for a similarity of 0. Their stories cannot win unless the threshold is 0, so then all stay."""
        if day is None or not seqs or self.threshold <= 0:
            return seqs
        days: dict[int, int | None] = {}
        missing = []
        for s in seqs:
            held = self._docs.get(s)
            if held is None:
                missing.append(s)
            else:
                d = held[0].doc.day
                days[s] = d.toordinal() if d is not None else None
        days.update(rows_in(conn, "SELECT seq, day FROM story_features WHERE seq IN ({marks})", missing))
        return [s for s in seqs if days.get(s) is None or abs(days[s] - day) <= self.stories.window_days]

    def _load(self, conn: sqlite3.Connection, seqs: list[int]) -> list[tuple[Vec, str]]:
        """(features, story id) of stored articles, from the LRU or, for those not in it, the database."""
        missing = [s for s in seqs if s not in self._docs]
        leads: dict[int, Article] = {}
        for s, aid, blob, d, title, lead, story in rows_in(
                conn, "SELECT a.seq, a.id, f.doc, f.day, a.title, substr(a.text, 1, ?), m.story_id FROM articles a "
                "JOIN story_features f ON f.seq = a.seq JOIN story_members m ON m.seq = a.seq "
                "WHERE a.seq IN ({marks})", missing, self.stories.lead_chars):
            self._docs[s] = (vec(_decode_doc(aid, blob, d), self.stats), story)
            leads[s] = Article(aid, "", title, None, None, lead)
        if leads and self._scorer.embedder is not None:
            order = sorted(leads)
            self._scorer.embed([self._docs[s][0].doc for s in order], [leads[s] for s in order])
        out = []
        for s in seqs:
            self._docs.move_to_end(s)
            out.append(self._docs[s])
        self._trim()
        return out

    def _trim(self) -> None:
        while len(self._docs) > self._cache_size:
            self._docs.popitem(last=False)

    def _assign(self, conn: sqlite3.Connection, f: Features, seq: int, near: list[int]) -> str:
        doc = f.doc
        day = doc.day.toordinal() if doc.day is not None else None
        # The article counts in the statistics before it is scored, as in StoryIndex.add; the database's
        # term_df catches up when the batch ends.
        self._df.update(doc.words.keys())
        self._name_df.update(doc.names.keys())
        self._pending += 1
        self.stats.add(doc)
        self._scorer.embed([doc], [f.article])
        keys, index_keys = self._scorer.lookup_and_index_keys(doc)

        candidates = self._load(conn, self._candidates(conn, keys, day, seq, near))
        query = Query(doc, self.stats)
        by_story: dict[str, list[float]] = defaultdict(list)
        try:
            sims = query.similarities(self.stories, [other for other, _ in candidates])
        finally:
            query.close()
        for (_, story), sim in zip(candidates, sims, strict=True):
            by_story[story].append(float(sim))

        best, best_score = None, self.threshold
        sizes = self._sizes(conn, sorted(by_story))
        for story, sims in sorted(by_story.items()):
            # Average link, as in StoryIndex: members that share no key count as 0.
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
        # Both appended at the end of their tables (keyed by seq).
        conn.execute("INSERT INTO story_members(seq, story_id, score) VALUES (?, ?, ?)",
                     (seq, best, round(best_score, 4) if joined else None))
        conn.execute("INSERT INTO story_features(seq, doc, day) VALUES (?, ?, ?)", (seq, _encode_doc(doc), day))
        # As StoryIndex: looked up by words others share already, indexed by its top words even if new so far.
        conn.executemany("INSERT INTO postings(day, key, seq) VALUES (?, ?, ?)",
                         [(UNDATED if day is None else day, k, seq) for k in index_keys])
        self._postings.add(day, index_keys, seq)
        # Its neighbours come next (same days, same words): keep it decoded. A rolled-back batch is caught by
        # the syncs in batch(), which empty the LRU before its row numbers can be reused.
        self._docs[seq] = (query.vec, best)
        self._trim()
        return best

    @staticmethod
    def _sizes(conn: sqlite3.Connection, stories: list[str]) -> dict[str, int]:
        return dict(rows_in(conn, "SELECT id, size FROM stories WHERE id IN ({marks})", stories))

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
