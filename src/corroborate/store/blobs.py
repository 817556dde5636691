"""A small file of ``(namespace, key) -> bytes``: the persistent cache of `corroborate check`.

`check` keeps what costs model time (sentence vectors, parses, whole reports) here, keyed by content hash, so a
second run on the same articles reads instead of computing. Reads and writes go in batches (one statement per
500 keys, one transaction per batch), because a row per call would cost more than the encoding it saves on small
texts.

The file has a size bound (``max_bytes``; 0: none) with least-recently-used eviction. Each entry keeps the time
it was last written or read (``used``, seconds); a read refreshes it only when it is older than
:data:`TOUCH_SECONDS`, in one UPDATE per :meth:`BlobCache.get_many`, so a run that reads its entries again the
same hour writes nothing. A put that leaves the file's data (its pages in use) above the bound deletes the
least recently used entries, whole, down to :data:`EVICT_TO` of it, in the put's own transaction, and never one
the put wrote. An evicted entry is a miss: it is computed again, to the same bytes.

A cache must never fail a check: callers catch :class:`~corroborate.store.db.StoreError` and go on without it.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from corroborate.store.db import StoreError, connect, retrying, rows_in, translate, write

# A rowid table with a UNIQUE index for the look-ups: a table leaf keeps a value of up to ~4 KB inline (on 4 KB
# pages), where a WITHOUT ROWID b-tree (an index, to SQLite) keeps ~1 KB and puts the rest of a 1,536-byte vector
# on an overflow page of its own: 4,751 bytes of pages per vector, now ~2,150 on 4 KB pages and ~1,730 on the 8 KB
# pages of a new file (bench/cache_bound.py). Files of the two older layouts are rebuilt on open (_migrate).
_TABLE = ("CREATE TABLE IF NOT EXISTS blobs (namespace TEXT NOT NULL, key TEXT NOT NULL, value BLOB NOT NULL, "
          "used INTEGER NOT NULL DEFAULT 0)")
_KEY_INDEX = "CREATE UNIQUE INDEX IF NOT EXISTS blobs_key ON blobs(namespace, key)"
# Eviction reads the oldest entries first, and stops as soon as it has freed enough. The index holds the rowid
# after ``used``: ORDER BY used, rowid reads it in order, with no sort. (Its first round sums every entry's length
# once, to scale bytes to pages: one read of the table per eviction, which frees a tenth of the bound.)
_INDEX = "CREATE INDEX IF NOT EXISTS blobs_used ON blobs(used)"
TOUCH_SECONDS = 3600  # a read refreshes an entry's time only when it is older than this
EVICT_TO = 0.9  # an eviction frees down to this share of the bound, so that the next puts do not evict again
_MAX_ROUNDS = 16  # eviction rounds per put (each re-measures the pages freed; two or three are the rule)
# The store checkpoints its WAL every 64 MB for bulk adds, and a WAL file keeps its largest size: beside a bounded
# cache that would be up to 64 MB the bound does not count. Checkpoint every 16 MB (in pages of the file's size)
# and cut the file back to that after each checkpoint. SQLite's default, 4 MB, checkpointed on nearly every put of
# a run's vectors: 20-50 ms more per put of 1,000 vectors (bench/cache_bound.py's entries, on a busy 2-core machine).
_WAL_BYTES = 16 * 2**20
# page_size: only a new, empty file takes it (an existing one keeps its own; a WAL file cannot change it). 8 KB
# pages hold five 1.5 KB vectors (1,730 bytes of pages each), 4 KB ones two (2,150); putting 10,000 took 0.10 s
# against 0.20 s, reading them 0.074 s against 0.070 s (three runs each, a busy 2-core machine).
_PRAGMAS = {"page_size": 8192, "journal_size_limit": _WAL_BYTES}


@dataclass(frozen=True, slots=True)
class Usage:
    """What :meth:`BlobCache.usage` reports: bytes of the file and its WAL, bytes of pages in use (what the bound
    counts), and ``(namespace, entries, value bytes)`` per namespace."""

    file_bytes: int
    data_bytes: int
    namespaces: list[tuple[str, int, int]]


def namespace_filter(namespace: str | None) -> tuple[str, tuple[str, ...]]:
    """A WHERE clause for ``namespace``: that one, or every one it starts ("report" is "report:1" too)."""
    if namespace is None:
        return "1", ()
    return "(namespace = ? OR substr(namespace, 1, ?) = ?)", (namespace, len(namespace) + 1, namespace + ":")


class BlobCache:
    """Batched get/put of byte strings in one SQLite file (WAL: several processes may share it)."""

    def __init__(self, path: str | Path, *, max_bytes: int = 0, clock: Callable[[], float] = time.time) -> None:
        self.path = Path(path)
        self.max_bytes = max_bytes
        self.clock = clock  # seconds; the tests set it
        self.evicted = 0  # entries this object's puts evicted
        self._local = threading.local()  # one connection per thread, as the store keeps them

    def _conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                conn = connect(self.path, pragmas=_PRAGMAS)
                conn.execute("PRAGMA journal_mode = WAL")
                page = conn.execute("PRAGMA page_size").fetchone()[0]
                conn.execute(f"PRAGMA wal_autocheckpoint = {_WAL_BYTES // int(page)}")
                _migrate(conn, self.path)
            except OSError as exc:
                raise StoreError(f"{self.path}: cannot open the cache ({exc})") from exc
            except sqlite3.DatabaseError as exc:
                raise translate(exc, self.path) from exc
            self._local.conn = conn
        return conn

    def get_many(self, namespace: str, keys: Iterable[str]) -> dict[str, bytes]:
        """The stored values of those ``keys`` that are present (their last-used time refreshed)."""
        sql = "SELECT key, value, used FROM blobs WHERE namespace = ? AND key IN ({marks})"
        try:
            conn = self._conn()
            rows = list(rows_in(conn, sql, sorted(set(keys)), namespace))
        except sqlite3.DatabaseError as exc:
            raise translate(exc, self.path) from exc
        now = int(self.clock())
        stale = [key for key, _, used in rows if used < now - TOUCH_SECONDS]
        if stale:
            def touch() -> None:
                with write(conn):
                    conn.execute("UPDATE blobs SET used = ? WHERE namespace = ? AND used < ? AND key IN "
                                 "(SELECT value FROM json_each(?))", (now, namespace, now, json.dumps(stale)))

            retrying(touch, path=self.path)
        return {key: bytes(value) for key, value, _ in rows}

    def put_many(self, namespace: str, items: Mapping[str, bytes]) -> None:
        """Store ``items`` (replacing equal keys) in one transaction, which also evicts when the file is over
        its bound."""
        if not items:
            return
        conn = self._conn()
        now = int(self.clock())
        rows = [(namespace, k, sqlite3.Binary(v), now) for k, v in sorted(items.items())]

        def run() -> int:
            with write(conn):
                conn.executemany("INSERT OR REPLACE INTO blobs(namespace, key, value, used) VALUES (?, ?, ?, ?)",
                                 rows)
                return _evict(conn, self.max_bytes, namespace, items.keys()) if self.max_bytes > 0 else 0

        self.evicted += retrying(run, path=self.path)

    def count(self, namespace: str) -> int:
        row = self._conn().execute("SELECT count(*) FROM blobs WHERE namespace = ?", (namespace,)).fetchone()
        return int(row[0])

    def usage(self) -> Usage:
        """Sizes and entries per namespace (for `corroborate cache info`)."""
        try:
            conn = self._conn()
            data = _data_bytes(conn)
            namespaces = conn.execute("SELECT namespace, count(*), sum(length(value)) FROM blobs "
                                      "GROUP BY namespace ORDER BY namespace").fetchall()
        except sqlite3.DatabaseError as exc:
            raise translate(exc, self.path) from exc
        return Usage(_file_bytes(self.path), data, [(ns, int(n), int(size or 0)) for ns, n, size in namespaces])

    def clear(self, namespace: str | None = None) -> int:
        """Delete every entry (or those of ``namespace``, see :func:`namespace_filter`), then VACUUM and truncate
        the WAL so that the file shrinks. The number of entries deleted."""
        conn = self._conn()
        where, params = namespace_filter(namespace)

        def run() -> int:
            with write(conn):
                return conn.execute(f"DELETE FROM blobs WHERE {where}", params).rowcount

        deleted = retrying(run, path=self.path)
        retrying(lambda: conn.execute("VACUUM"), path=self.path)
        retrying(lambda: conn.execute("PRAGMA wal_checkpoint(TRUNCATE)"), path=self.path)
        return deleted

    def close(self) -> None:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None


def _migrate(conn: sqlite3.Connection, path: Path) -> None:
    """Make the table and its indexes, or rebuild the table of a file of an older layout; reads only when the file
    is already current (most opens)."""
    def current() -> bool:
        found = dict(conn.execute("SELECT name, sql FROM sqlite_master WHERE tbl_name = 'blobs'"))
        return {"blobs", "blobs_key", "blobs_used"} <= found.keys() and "WITHOUT ROWID" not in found["blobs"].upper()

    def run() -> None:
        with write(conn):
            if current():  # another process may have migrated it since the look
                return
            old = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'blobs'").fetchone()
            if old is not None:
                conn.execute("DROP INDEX IF EXISTS blobs_used")  # its name is the new table's
                conn.execute("ALTER TABLE blobs RENAME TO blobs_old")
            conn.execute(_TABLE)
            conn.execute(_KEY_INDEX)
            conn.execute(_INDEX)
            if old is not None:
                _move_rows(conn)

    if not retrying(current, path=path):
        retrying(run, path=path)


# Entries moved per step when an older layout's table is rebuilt: steps of 1,000 left the file 31 MB larger (the
# copy outran the pages freed), one INSERT ... SELECT 141 MB; 200 kept it within 4 MB, and took 1.7-2.0 s for
# 46,500 entries (a made-up file shaped as this machine's 259 MB cache).
_MOVE_ROWS = 200


def _move_rows(conn: sqlite3.Connection) -> None:
    """Inside the caller's write transaction: move the entries of the older layout's table (now ``blobs_old``) into
    the new one, keeping their last-used times, and drop it.

    Moved, not dropped: an upgrade should not cost the next `check` what the cache saves it (every vector and parse
    computed again: minutes of CPU), while moving ~50k entries takes a few seconds, once. The first process to open
    the file does it, in one transaction: another one waits for the lock, then finds the file current. In steps
    that each delete what they copied, so that the copy reuses the pages the old table frees."""
    columns = {row[1] for row in conn.execute("PRAGMA table_info(blobs_old)")}
    used = "used" if "used" in columns else "0"  # a file from before the size bound: its entries go first
    moved = -1
    while moved != 0:
        conn.execute(f"INSERT OR IGNORE INTO blobs(namespace, key, value, used) SELECT namespace, key, value, {used} "
                     f"FROM blobs_old ORDER BY namespace, key LIMIT {_MOVE_ROWS}")
        moved = conn.execute(f"DELETE FROM blobs_old WHERE (namespace, key) IN (SELECT namespace, key FROM blobs_old "
                             f"ORDER BY namespace, key LIMIT {_MOVE_ROWS})").rowcount
    conn.execute("DROP TABLE blobs_old")


def _data_bytes(conn: sqlite3.Connection) -> int:
    """Bytes of the pages in use, as this connection sees them (its open transaction included): two reads of
    the header, no scan. Free pages are left out: the next writes reuse them, and only VACUUM gives them back."""
    pages = conn.execute("PRAGMA page_count").fetchone()[0] - conn.execute("PRAGMA freelist_count").fetchone()[0]
    return int(pages) * int(conn.execute("PRAGMA page_size").fetchone()[0])


def _file_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in (path, Path(f"{path}-wal")) if p.exists())


def _evict(conn: sqlite3.Connection, max_bytes: int, namespace: str, written: Iterable[str]) -> int:
    """Inside the caller's write transaction: when the data exceed ``max_bytes``, delete the least recently used
    entries (never one of ``written`` in ``namespace``) down to EVICT_TO of it. The number deleted.

    An entry takes more of the file than its bytes (page headers, its key in the index too, pages partly filled), so
    the first round scales its bytes by the file's average, and each further round by what the last one freed."""
    size = _data_bytes(conn)
    if size <= max_bytes:
        return 0
    target = int(max_bytes * EVICT_TO)
    payload = conn.execute("SELECT sum(length(value) + length(key) + length(namespace)) FROM blobs").fetchone()[0]
    scale = size / max(int(payload or 0), 1)
    keep = set(written)
    deleted, last = 0, (-1, -1)  # (used, rowid) of the last entry looked at: the next round starts after it
    for _ in range(_MAX_ROUNDS):
        need = (size - target) / scale
        batch: list[tuple[int]] = []
        estimate = 0
        cursor = conn.execute("SELECT used, rowid, namespace, key, length(value) + length(key) + length(namespace) "
                              "FROM blobs WHERE used >= ? AND (used > ? OR rowid > ?) ORDER BY used, rowid",
                              (last[0], last[0], last[1]))
        for used, rowid, ns, key, cost in cursor:
            last = (used, rowid)
            if ns == namespace and key in keep:
                continue
            batch.append((rowid,))
            estimate += cost
            if estimate >= need:
                break
        cursor.close()
        if not batch:
            break
        conn.executemany("DELETE FROM blobs WHERE rowid = ?", batch)
        deleted += len(batch)
        freed, size = size - (left := _data_bytes(conn)), left
        if size <= target:
            break
        # Pages freed per byte deleted, as measured; never below half the last guess, so that a round whose
        # deletions emptied few whole pages does not make the next one delete far too much.
        scale = max(freed / max(estimate, 1), scale / 2)
    return deleted
