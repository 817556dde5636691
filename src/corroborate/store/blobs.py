"""A small file of ``(namespace, key) -> bytes``: the persistent cache of `corroborate check`.

`check` keeps what costs model time (sentence vectors, parses) here, keyed by content hash, so a second run on
the same articles reads instead of computing. Reads and writes go in batches (one statement per 500 keys, one
transaction per batch), because a row per call would cost more than the encoding it saves on small texts.

A cache must never fail a check: callers catch :class:`~corroborate.store.db.StoreError` and go on without it.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterable, Mapping
from pathlib import Path

from corroborate.store.db import StoreError, connect, retrying, rows_in, translate, write

_SCHEMA = ("CREATE TABLE IF NOT EXISTS blobs (namespace TEXT NOT NULL, key TEXT NOT NULL, value BLOB NOT NULL, "
           "PRIMARY KEY (namespace, key)) WITHOUT ROWID")


class BlobCache:
    """Batched get/put of byte strings in one SQLite file (WAL: several processes may share it)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._local = threading.local()  # one connection per thread, as the store keeps them

    def _conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                conn = connect(self.path)
                conn.execute("PRAGMA journal_mode = WAL")
                retrying(lambda: conn.execute(_SCHEMA), path=self.path)
            except OSError as exc:
                raise StoreError(f"{self.path}: cannot open the cache ({exc})") from exc
            except sqlite3.DatabaseError as exc:
                raise translate(exc, self.path) from exc
            self._local.conn = conn
        return conn

    def get_many(self, namespace: str, keys: Iterable[str]) -> dict[str, bytes]:
        """The stored values of those ``keys`` that are present."""
        sql = "SELECT key, value FROM blobs WHERE namespace = ? AND key IN ({marks})"
        try:
            return {k: bytes(v) for k, v in rows_in(self._conn(), sql, sorted(set(keys)), namespace)}
        except sqlite3.DatabaseError as exc:
            raise translate(exc, self.path) from exc

    def put_many(self, namespace: str, items: Mapping[str, bytes]) -> None:
        """Store ``items`` (replacing equal keys) in one transaction."""
        if not items:
            return
        conn = self._conn()
        rows = [(namespace, k, sqlite3.Binary(v)) for k, v in sorted(items.items())]

        def run() -> None:
            with write(conn):
                conn.executemany("INSERT OR REPLACE INTO blobs(namespace, key, value) VALUES (?, ?, ?)", rows)

        retrying(run, path=self.path)

    def count(self, namespace: str) -> int:
        row = self._conn().execute("SELECT count(*) FROM blobs WHERE namespace = ?", (namespace,)).fetchone()
        return int(row[0])

    def close(self) -> None:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None
