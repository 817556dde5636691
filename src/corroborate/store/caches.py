"""Mapping adapters over the store's tables, so in-memory caches can be backed by the database.

``Embedder(cache=store.embedding_cache())`` keeps every sentence vector it computes, keyed by text hash
(:func:`corroborate.ingest.embed.text_key`), across runs and processes.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator, MutableMapping
from pathlib import Path
from typing import Any

from corroborate.store.db import execute_write, retrying, write


class EmbeddingCache(MutableMapping[str, Any]):
    """text key -> float32 vector (numpy), stored as raw little-endian float32 bytes in ``embeddings``.

    A write inside the caller's open transaction joins it; otherwise it is its own small transaction.
    """

    def __init__(self, connection: Callable[[], sqlite3.Connection], path: Path) -> None:
        self._connection = connection  # the calling thread's connection (the store keeps one per thread)
        self._path = path

    def __getitem__(self, key: str) -> Any:
        import numpy as np

        row = self._connection().execute("SELECT vector FROM embeddings WHERE key = ?", (key,)).fetchone()
        if row is None:
            raise KeyError(key)
        return np.frombuffer(row[0], dtype="<f4").copy()

    def __contains__(self, key: object) -> bool:
        return self._connection().execute("SELECT 1 FROM embeddings WHERE key = ?", (key,)).fetchone() is not None

    def __setitem__(self, key: str, value: Any) -> None:
        import numpy as np

        vector = np.asarray(value, dtype="<f4").ravel()
        row = (key, int(vector.shape[0]), vector.tobytes())
        sql = "INSERT OR REPLACE INTO embeddings(key, dim, vector) VALUES (?, ?, ?)"
        execute_write(self._connection(), self._path, sql, row)

    def __delitem__(self, key: str) -> None:
        conn = self._connection()

        def run() -> int:
            with write(conn):
                return conn.execute("DELETE FROM embeddings WHERE key = ?", (key,)).rowcount

        if not retrying(run, path=self._path):
            raise KeyError(key)

    def __iter__(self) -> Iterator[str]:
        rows = self._connection().execute("SELECT key FROM embeddings ORDER BY key").fetchall()
        return iter([r[0] for r in rows])

    def __len__(self) -> int:
        return int(self._connection().execute("SELECT count(*) FROM embeddings").fetchone()[0])
