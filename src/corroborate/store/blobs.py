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

# ``used`` came with the size bound: a file made before it is migrated on open (ALTER TABLE ... ADD COLUMN with a
# constant default rewrites no row), and its entries count as used at time 0, the first to go.
_TABLE = ("CREATE TABLE IF NOT EXISTS blobs (namespace TEXT NOT NULL, key TEXT NOT NULL, value BLOB NOT NULL, "
          "used INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (namespace, key)) WITHOUT ROWID")
# Eviction reads the oldest entries first, and stops as soon as it has freed enough: no scan of the table.
_INDEX = "CREATE INDEX IF NOT EXISTS blobs_used ON blobs(used)"
TOUCH_SECONDS = 3600  # a read refreshes an entry's time only when it is older than this
EVICT_TO = 0.9  # an eviction frees down to this share of the bound, so that the next puts do not evict again
_MAX_ROUNDS = 16  # eviction rounds per put (each re-measures the pages freed; two or three are the rule)
# The store checkpoints its WAL every 64 MB for bulk adds, and a WAL file keeps its largest size: beside a bounded
# cache that would be up to 64 MB the bound does not count. Checkpoint every 16 MB and cut the file back to that
# after each checkpoint. SQLite's default, 4 MB, checkpointed on nearly every put of a run's vectors: 20-50 ms more
# per put of 1,000 vectors (bench/cache_bound.py's entries, on a busy 2-core machine).
_PRAGMAS = {"wal_autocheckpoint": 4096, "journal_size_limit": 16 * 2**20}


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
    """Make the table and its index, or add what a file of an older corroborate lacks; reads only when the file
    is already current (most opens)."""
    def current() -> bool:
        columns = {row[1] for row in conn.execute("PRAGMA table_info(blobs)")}
        index = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = 'blobs_used'").fetchone()
        return "used" in columns and index is not None

    def run() -> None:
        with write(conn):
            if current():  # another process may have migrated it since the look
                return
            conn.execute(_TABLE)
            if "used" not in {row[1] for row in conn.execute("PRAGMA table_info(blobs)")}:
                conn.execute("ALTER TABLE blobs ADD COLUMN used INTEGER NOT NULL DEFAULT 0")
            conn.execute(_INDEX)

    if not retrying(current, path=path):
        retrying(run, path=path)


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

    An entry takes more of the file than its bytes (page headers, the key twice, overflow pages partly filled), so
    the first round scales its bytes by the file's average, and each further round by what the last one freed."""
    size = _data_bytes(conn)
    if size <= max_bytes:
        return 0
    target = int(max_bytes * EVICT_TO)
    payload = conn.execute("SELECT sum(length(value) + length(key) + length(namespace)) FROM blobs").fetchone()[0]
    scale = size / max(int(payload or 0), 1)
    keep = set(written)
    deleted, after = 0, ("", -1)  # (namespace, key) below which, at the same used time, entries are deleted
    last_used = -1
    for _ in range(_MAX_ROUNDS):
        need = (size - target) / scale
        batch: list[tuple[str, str]] = []
        estimate = 0
        cursor = conn.execute("SELECT used, namespace, key, length(value) + length(key) + length(namespace) "
                              "FROM blobs WHERE used >= ? AND (used > ? OR (namespace, key) > (?, ?)) "
                              "ORDER BY used, namespace, key", (last_used, last_used, *after))
        for used, ns, key, cost in cursor:
            last_used, after = used, (ns, key)
            if ns == namespace and key in keep:
                continue
            batch.append((ns, key))
            estimate += cost
            if estimate >= need:
                break
        cursor.close()
        if not batch:
            break
        conn.executemany("DELETE FROM blobs WHERE namespace = ? AND key = ?", batch)
        deleted += len(batch)
        freed, size = size - (left := _data_bytes(conn)), left
        if size <= target:
            break
        # Pages freed per byte deleted, as measured; never below half the last guess, so that a round whose
        # deletions emptied few whole pages does not make the next one delete far too much.
        scale = max(freed / max(estimate, 1), scale / 2)
    return deleted
