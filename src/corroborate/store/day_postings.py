"""The store's blocking-key postings of recently used days, held in memory.

Finding an article's story candidates reads, for each of its ~25 lookup keys, the articles filed under that key
on each day of the window around its date. Asked of SQLite, that is three statements and ~16 index seeks per
key: ~400 seeks per add, and each returns more rows as the window fills. A day's postings are one range of the
``postings`` table (filed by day, then key), so reading the whole day once (~10k rows, a few milliseconds, at
400 articles a day) and answering the rest of its look-ups from a dict costs far less: a feed added in date
order loads each day about once.

Days are kept most recently used first, up to ``max_rows`` postings in all, but never fewer than the days one
look-up needs (a heavier feed keeps its window whatever its size). The cache mirrors the database only while
this process is its only writer; the story index clears it whenever another writer, or a rolled-back
transaction, moved the tables (see :meth:`corroborate.store.incremental.PersistedStoryIndex.batch`).
"""

from __future__ import annotations

import sqlite3
from collections import Counter, OrderedDict
from collections.abc import MutableMapping
from itertools import chain, groupby
from operator import itemgetter
from typing import Any, TypeVar

#: The ``postings`` day of an undated article (real days are proleptic Gregorian ordinals, >= 1; a primary key
#: column cannot be NULL).
UNDATED = -1

K = TypeVar("K")
#: Stored articles (``seq``, ascending) under one key: a tuple, or a list once it is long (see append_seq).
Seqs = tuple[int, ...] | list[int]
#: Up to this many seqs, a key keeps a tuple and an append copies it.
SHORT = 64
_UNKNOWN: Any = object()  # DayPostings._latest before it is read


def append_seq(index: MutableMapping[K, Seqs], key: K, seq: int) -> None:
    """Append ``seq`` to ``index[key]``, keeping short runs as tuples.

    Why tuples: the garbage collector stops tracking a tuple of ints after its first pass, and a dict of
    such tuples and strings or ints with it, while a list stays tracked and every full collection visits it
    and each of its items. The in-memory indexes hold hundreds of thousands of small runs: as lists, at 20k
    articles (185k lists, 617k items) a full collection took 158 ms and came every ~2,500 adds, and the
    collector's share of an add grew with the corpus (0.13 ms at 40-50k articles). A long run (a key that is
    everywhere) becomes a list, so appends never go quadratic.
    """
    seqs = index.get(key)
    if seqs is None:
        index[key] = (seq,)
    elif isinstance(seqs, list):
        seqs.append(seq)
    elif len(seqs) < SHORT:
        index[key] = (*seqs, seq)
    else:
        index[key] = [*seqs, seq]


class DayPostings:
    """Day -> blocking key -> stored articles (``seq``, ascending), loaded from ``postings`` a day at a time."""

    def __init__(self, *, max_rows: int = 500_000) -> None:
        self.max_rows = max_rows
        self._days: OrderedDict[int, dict[str, Seqs]] = OrderedDict()
        self._rows: dict[int, int] = {}
        self._total = 0
        self._latest: int | None = _UNKNOWN  # the latest dated day filed (None: none), read once, then kept

    def clear(self) -> None:
        self._days.clear()
        self._rows.clear()
        self._total = 0
        self._latest = _UNKNOWN

    def __len__(self) -> int:
        """Postings held."""
        return self._total

    def add(self, day: int | None, keys: list[str], seq: int) -> None:
        """Postings written by the open transaction (after every look-up of that article). A day not held
        is left alone: loading it later reads them from the table (the same connection sees its own rows)."""
        if day is not None and self._latest is not _UNKNOWN and (self._latest is None or day > self._latest):
            self._latest = day
        day = UNDATED if day is None else day
        postings = self._days.get(day)
        if postings is None:
            return
        for key in keys:
            append_seq(postings, key, seq)  # seqs only grow within one writer: each key's seqs stay sorted
        self._rows[day] += len(keys)
        self._total += len(keys)

    def shared(self, conn: sqlite3.Connection, keys: list[str], day: int | None, window: int,
               limit: int) -> Counter[int]:
        """The articles that can share a story with an article of ``day``, each with the number of ``keys`` it
        is filed under. Per key: up to ``limit`` articles from that day and the ``window`` days after it
        (earliest day first, then in storage order), up to ``limit`` from the ``window`` days before it
        (latest day first, latest stored first), and up to ``limit`` undated ones (latest stored first).

        An undated article (``day`` None) can share a story with dated ones (the similarity has no window for
        it, as in batch clustering): it reads up to ``limit`` of the most recent dated ones, from the latest
        dated day filed and the ``window`` days before it (latest first), then the undated ones."""
        # The days are resolved once per article, not once per key: ~16 dict look-ups instead of ~400.
        after = [] if day is None else [self._day(conn, d) for d in range(day, day + window + 1)]
        if day is None:
            latest = self._latest_day(conn)
            before = [] if latest is None else self._back(conn, latest, latest - window)
        else:
            before = self._back(conn, day - 1, day - window)
        undated = [self._day(conn, UNDATED)]
        # The days just used are the most recent: eviction keeps them, so a feed heavier than max_rows still
        # finds its window in memory (its memory then grows with the window, not with the corpus).
        self._evict(keep=len(after) + len(before) + 1)
        runs: list[Seqs] = []
        for key in keys:
            _runs(after, key, limit, runs, latest=False)
            _runs(before, key, limit, runs, latest=True)
            _runs(undated, key, limit, runs, latest=True)
        # Counted run by run, never copied into one list: a full window gives ~330 postings per add, and
        # the limit cuts few runs, so most are the stored tuples themselves.
        return Counter(chain.from_iterable(runs))

    def _back(self, conn: sqlite3.Connection, first: int, last: int) -> list[dict[str, Seqs]]:
        """Days ``first`` down to ``last``. Real days are >= 1: a window in year 1 must not reach the undated -1."""
        return [self._day(conn, d) for d in range(first, max(last, 1) - 1, -1)]

    def _latest_day(self, conn: sqlite3.Connection) -> int | None:
        """The latest dated day with postings (one primary-key seek, then kept up to date by :meth:`add`)."""
        if self._latest is _UNKNOWN:
            (latest,) = conn.execute("SELECT max(day) FROM postings").fetchone()
            self._latest = latest if latest is not None and latest != UNDATED else None
        return self._latest

    def _day(self, conn: sqlite3.Connection, day: int) -> dict[str, Seqs]:
        postings = self._days.get(day)
        if postings is not None:
            self._days.move_to_end(day)
            return postings
        postings: dict[str, Seqs] = {}
        rows = 0
        # The primary key's order: by key, then seq, so each key's run of rows is its sorted seqs.
        for key, group in groupby(conn.execute("SELECT key, seq FROM postings WHERE day = ?", (day,)),
                                  key=itemgetter(0)):
            seqs = postings[key] = tuple(seq for _, seq in group)
            rows += len(seqs)
        self._days[day] = postings
        self._rows[day] = rows
        self._total += rows
        return postings

    def _evict(self, *, keep: int) -> None:
        """Drop the least recently used days while more than ``max_rows`` postings are held, down to ``keep``."""
        while self._total > self.max_rows and len(self._days) > keep:
            old, _ = self._days.popitem(last=False)
            self._total -= self._rows.pop(old)


def _runs(days: list[dict[str, Seqs]], key: str, limit: int, out: list[Seqs], *, latest: bool) -> None:
    """Append to ``out`` the runs of up to ``limit`` articles filed under ``key``, day by day in the given
    order; the day that reaches the limit gives its earliest stored, or with ``latest`` its latest stored."""
    room = limit
    for postings in days:
        seqs = postings.get(key)
        if seqs:
            if len(seqs) >= room:
                out.append(seqs[len(seqs) - room:] if latest else seqs[:room])
                return
            out.append(seqs)
            room -= len(seqs)
