"""The persisted story index's similarity, vectorised: term frequencies in numpy arrays, and a query article
scattered into dense arrays so that scoring a hundred candidates is a handful of array operations.

The formula is :meth:`corroborate.stories.cluster.Scorer.similarity` (pinned by tests/test_story_vectors.py); only the
order of the float sums differs.
"""

from __future__ import annotations

import marshal
import math
import sqlite3
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from corroborate.stories.cluster import StoriesConfig, StoryDoc, TermStats

#: Batches whose document frequencies wait in ``term_df_log`` before they are summed into ``term_df``.
FOLD_BATCHES = 64


def stored(conn: sqlite3.Connection) -> tuple[Counter[str], Counter[str]]:
    """The stored articles' document frequencies of words and of names: ``term_df`` plus the batches still
    in ``term_df_log``."""
    df: Counter[str] = Counter()
    name_df: Counter[str] = Counter()
    _sum(conn.execute("SELECT term, df, name_df FROM term_df"), df, name_df)
    _log(conn, df, name_df)
    return df, name_df


def _log(conn: sqlite3.Connection, df: Counter[str], name_df: Counter[str]) -> None:
    """Add the batches waiting in ``term_df_log`` to ``df`` and ``name_df``."""
    for (blob,) in conn.execute("SELECT terms FROM term_df_log ORDER BY seq"):
        _sum(marshal.loads(blob), df, name_df)


def _sum(rows: Iterable[tuple[str, int, int]], df: Counter[str], name_df: Counter[str]) -> None:
    # Zero counts are left out, as TermStats counts them (a name that is never a word has no df entry).
    for term, d, nd in rows:
        if d:
            df[term] += d
        if nd:
            name_df[term] += nd


class Frequencies(TermStats):
    """An in-process mirror of the stored document frequencies (the stories module's ``TermStats``; see
    :func:`stored`), kept in step with the database: ``sync`` reloads it whenever another process (or a
    rolled-back transaction) moved the article count.

    Besides the Counters ``TermStats`` keeps, every term has an index into numpy arrays of its frequencies, so
    a candidate's idf-weighted vector is a few array operations instead of a Python loop over its words.
    """

    def __init__(self) -> None:
        super().__init__()
        self._idf: dict[tuple[str, bool], float] = {}
        self.vocab: dict[str, int] = {}
        self._arrays(1024)
        # The term_df_log rows this process appended since its last fold, summed (df, name_df), while it knows
        # they are all the log holds; None when it does not (see persist). _logged: the log's rows after its
        # last append.
        self._unfolded: tuple[Counter[str], Counter[str]] | None = None
        self._logged = 0

    def _arrays(self, size: int, *, keep: int = 0) -> None:
        """(Re)allocate the per-term arrays: frequencies, and zeroed scratch space for the query article."""
        import numpy as np

        old_words, old_names = getattr(self, "word_df", None), getattr(self, "names_df", None)
        self.word_df = np.zeros(size)
        self.names_df = np.zeros(size)
        self.dense_words = np.zeros(size)
        self.dense_names = np.zeros(size)
        self.dense_lead = np.zeros(size)
        if keep and old_words is not None and old_names is not None:
            self.word_df[:keep] = old_words[:keep]
            self.names_df[:keep] = old_names[:keep]

    def index(self, term: str) -> int:
        i = self.vocab.get(term)
        if i is None:
            i = self.vocab[term] = len(self.vocab)
            if i >= len(self.word_df):
                self._arrays(2 * len(self.word_df), keep=i)
        return i

    def sync(self, conn: sqlite3.Connection) -> bool:
        """Reload from the database when it moved; says whether it did."""
        n = conn.execute("SELECT value FROM counters WHERE name = 'story_docs'").fetchone()[0]
        if n == self.n:
            return False
        df, name_df = stored(conn)
        self.df, self.name_df = df, name_df
        self.vocab.clear()
        terms = list(dict.fromkeys([*df, *name_df]))
        size = 1024
        while size <= len(terms):
            size *= 2
        self._arrays(size)
        for i, term in enumerate(terms):
            self.vocab[term] = i
            self.word_df[i] = df.get(term, 0)
            self.names_df[i] = name_df.get(term, 0)
        self.n = n
        self._idf.clear()
        self._unfolded = None
        return True

    def persist(self, conn: sqlite3.Connection, df: Counter[str], name_df: Counter[str], docs: int) -> None:
        """Write one write transaction's document frequencies (``docs`` articles): one row appended to
        ``term_df_log``, summed into ``term_df`` once ``FOLD_BATCHES`` rows wait there.

        Why a log: a batch of 32 articles counts ~1,500 distinct terms, which land all over ``term_df``
        (keyed by term). Upserting them every batch dirtied a page per few terms, and the more terms the
        table held, the more pages one commit wrote. An appended row is one page, and a fold writes each
        touched page once per ``FOLD_BATCHES`` batches.
        """
        terms = sorted(set(df) | set(name_df))
        conn.execute("INSERT INTO term_df_log(terms) VALUES (?)",
                     (marshal.dumps([(t, df[t], name_df[t]) for t in terms], 4),))  # as incremental._encode_doc
        conn.execute("UPDATE counters SET value = value + ? WHERE name = 'story_docs'", (docs,))
        rows = conn.execute("SELECT count(*) FROM term_df_log").fetchone()[0]
        if rows == 1:  # the log was empty: the row just written is all of it
            self._unfolded = (Counter(), Counter())
        elif rows != self._logged + 1:  # someone else's rows in between
            self._unfolded = None
        self._logged = rows
        if self._unfolded is not None:
            self._unfolded[0].update(df)
            self._unfolded[1].update(name_df)
        if rows >= FOLD_BATCHES:
            if self._unfolded is None:
                # Rows this process did not write (another writer's, or from before it started): read them.
                folded_df: Counter[str] = Counter()
                folded_names: Counter[str] = Counter()
                _log(conn, folded_df, folded_names)
            else:
                # Every row waiting is one this process wrote and summed as it went: reading the 64 back and
                # summing ~100k tuples again cost 0.026 ms per add at 60k articles.
                folded_df, folded_names = self._unfolded
            conn.executemany(
                "INSERT INTO term_df(term, df, name_df) VALUES (?, ?, ?) ON CONFLICT(term) DO UPDATE SET "
                "df = df + excluded.df, name_df = name_df + excluded.name_df",
                [(t, folded_df[t], folded_names[t]) for t in sorted(set(folded_df) | set(folded_names))])
            conn.execute("DELETE FROM term_df_log")
            self._unfolded = (Counter(), Counter())
            self._logged = 0

    def forget_unfolded(self) -> None:
        """The log may hold rows other than those summed in memory (a rolled-back transaction, another
        writer): the next fold reads it."""
        self._unfolded = None

    def add(self, doc: StoryDoc) -> None:
        super().add(doc)
        # index() may reallocate the arrays: look them up after it, never before.
        for i in [self.index(t) for t in doc.words]:
            self.word_df[i] += 1
        for i in [self.index(t) for t in doc.names]:
            self.names_df[i] += 1
        self._idf.clear()

    def idf(self, term: str, *, names: bool = False) -> float:
        key = (term, names)
        value = self._idf.get(key)
        if value is None:
            value = self._idf[key] = super().idf(term, names=names)
        return value


@dataclass(slots=True)
class Vec:
    """A stored article's features as term indices and sublinear tf arrays (words, names)."""

    doc: StoryDoc
    words: Any  # (indices, tf)
    names: Any
    lead: Any = None  # (indices, tf) of the lead's words; None when the whole text is the lead


def vec(doc: StoryDoc, stats: Frequencies) -> Vec:
    import numpy as np

    def arrays(d: dict[str, float]) -> tuple[Any, Any]:
        return (np.fromiter((stats.index(t) for t in d), dtype=np.int64, count=len(d)),
                np.fromiter(d.values(), dtype=np.float64, count=len(d)))

    return Vec(doc, arrays(doc.words), arrays(doc.names), None if doc.lead is None else arrays(doc.lead))


class Query:
    """The article being added, scattered into dense arrays so each candidate's dot product is one gather."""

    def __init__(self, doc: StoryDoc, stats: Frequencies) -> None:
        self.doc = doc
        self.stats = stats
        self.log_n = math.log(stats.n + 1)
        self.vec = vec(doc, stats)  # may grow the arrays: take the scratch space after it
        self.dense_words = stats.dense_words
        self.dense_names = stats.dense_names
        self.words2 = self._scatter(self.dense_words, self.vec.words, stats.word_df)
        self.names2 = self._scatter(self.dense_names, self.vec.names, stats.names_df)
        self.dense_lead = stats.dense_lead
        self.lead2 = self._scatter(self.dense_lead, self._lead(self.vec), stats.word_df)

    def close(self) -> None:
        """Zero the scratch space again (cheaper than allocating vocabulary-sized arrays per article)."""
        self.dense_words[self.vec.words[0]] = 0.0
        self.dense_names[self.vec.names[0]] = 0.0
        self.dense_lead[self._lead(self.vec)[0]] = 0.0

    @staticmethod
    def _lead(v: Vec) -> Any:
        return v.words if v.lead is None else v.lead

    def _weights(self, arrays: tuple[Any, Any], df: Any) -> Any:
        import numpy as np

        idx, tf = arrays
        # stories.TermStats.idf: log((n + 1) / (df + 1)) + 1
        return tf * (self.log_n - np.log(df[idx] + 1.0) + 1.0)

    def _scatter(self, dense: Any, arrays: tuple[Any, Any], df: Any) -> float:
        w = self._weights(arrays, df)
        dense[arrays[0]] = w
        return float(w @ w)

    def similarity(self, config: StoriesConfig, other: Vec) -> float:
        """stories.Scorer.similarity (same formula; sums in another order, so equal up to rounding)."""
        return float(self.similarities(config, [other])[0])

    def _cosines(self, dense: Any, norm2: float, parts: list[tuple[Any, Any]], df: Any) -> Any:
        """The idf-weighted cosine of the query with each candidate, in a handful of array operations: with
        a hundred candidates per add, a Python loop over them was the largest cost of ``add`` at scale."""
        import numpy as np

        lengths = np.fromiter((len(p[0]) for p in parts), dtype=np.int64, count=len(parts))
        out = np.zeros(len(parts))
        if not norm2 or not lengths.any():
            return out
        idx = np.concatenate([p[0] for p in parts])
        tf = np.concatenate([p[1] for p in parts])
        w = self._weights((idx, tf), df)
        # Sum per candidate over its own slice (reduceat; an empty slice would repeat its neighbour's first
        # element, so candidates without terms are left out and keep 0).
        full = lengths > 0
        starts = (np.cumsum(lengths) - lengths)[full]
        dots = np.add.reduceat(dense[idx] * w, starts)
        norms = np.add.reduceat(w * w, starts)
        out[full] = np.where(dots != 0, dots / np.sqrt(norm2 * np.where(norms > 0, norms, 1.0)), 0.0)
        return out

    def similarities(self, config: StoriesConfig, others: list[Vec]) -> Any:
        """:meth:`similarity` of the query with each of ``others``, as one array."""
        import numpy as np

        c = config
        a = self.doc
        factor = np.ones(len(others))
        for i, other in enumerate(others):
            b = other.doc
            if a.day is not None and b.day is not None:
                if abs((a.day - b.day).days) > c.window_days:
                    factor[i] = 0.0
            elif a.years and b.years and not a.years & b.years:
                factor[i] = c.year_mismatch  # undated: texts naming only other years are likely other events
        text = self._cosines(self.dense_words, self.words2, [o.words for o in others], self.stats.word_df)
        if c.lead_share:
            # stories.Scorer.lead_factor: scaled down when the leads share much less than the whole texts do.
            lead = self._cosines(self.dense_lead, self.lead2, [self._lead(o) for o in others], self.stats.word_df)
            whole = np.fromiter((a.lead is None and o.doc.lead is None for o in others), dtype=bool,
                                count=len(others))
            ratio = np.divide(lead, c.lead_share * text, out=np.ones(len(others)), where=text != 0)
            factor *= np.where(whole | (text == 0), 1.0, np.minimum(1.0, ratio))
        total = c.text_weight * text
        weight = np.full(len(others), c.text_weight)
        if a.names:
            named = np.fromiter((bool(o.doc.names) for o in others), dtype=bool, count=len(others))
            names = self._cosines(self.dense_names, self.names2, [o.names for o in others], self.stats.names_df)
            total += np.where(named, c.name_weight * names, 0.0)
            weight += np.where(named, c.name_weight, 0.0)
        if a.vec is not None:
            for i, other in enumerate(others):
                if other.doc.vec is not None:
                    total[i] += c.semantic_weight * max(float(a.vec @ other.doc.vec), 0.0)
                    weight[i] += c.semantic_weight
        return np.divide(factor * total, weight, out=np.zeros(len(others)), where=weight > 0)
