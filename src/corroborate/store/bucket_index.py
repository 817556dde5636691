"""The store's LSH band buckets, held in memory: near-duplicate candidates without random B-tree inserts.

Each stored article has one ``lsh`` row, keyed by its ``seq`` (its 32 band bucket keys in one blob), so
adding an article appends a row at the end of the table. Filing one row per (band, bucket) instead, as
schema 2 did, put 32 inserts per article on random pages of an index that outgrows any cache: at 60k articles
those pages cost 0.48 ms of the 0.75 ms that committing one article took (bench notes in bench/RESULTS.md).

The look-up side lives here, built from the table: bucket keys sorted in one numpy array (with the article
of each entry beside it) for everything loaded so far, plus a dict of the entries added since, folded into
the arrays when it has grown by an eighth. A look-up is 32 binary searches; loading costs one sequential read
of the table (100k articles: 26 MB) the first time a process adds.

The arrays mirror the database only if every entry they hold was committed. Entries added inside a write
transaction are *pending* until the next transaction starts and finds the same rows in the table; a
transaction that rolled back (an error, or a retry after "database is locked", whose row numbers the retry
may reuse) fails that check and the index is rebuilt from the table.
"""

from __future__ import annotations

import sqlite3
from array import array
from collections import Counter
from typing import Any

from corroborate.store.day_postings import Seqs, append_seq


def pack(buckets: list[int]) -> bytes:
    """The ``lsh.buckets`` blob: one signed 64-bit little-endian key per band."""
    import numpy as np

    return np.asarray(buckets, dtype="<i8").tobytes()


class BucketIndex:
    """Band bucket key -> stored articles (``seq``), loaded from and kept in step with the ``lsh`` table.

    Bucket keys are blake2b digests personalised by band (:func:`corroborate.store.incremental.featurize`), so one
    key space serves all bands: two bands' keys coincide with probability 2**-64.
    """

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        """Forget everything (the next :meth:`sync` reloads the table)."""
        import numpy as np

        self._keys = np.empty(0, dtype=np.int64)  # sorted by (key, seq)
        self._seqs = np.empty(0, dtype=np.int64)
        # Entries since the arrays were built, seqs ascending: up to an eighth of the index, ~400k entries at
        # 100k articles, so tuples and flat int arrays that the garbage collector need not visit (append_seq).
        self._recent: dict[int, Seqs] = {}
        self._log_keys = array("q")  # the same entries, flat, for folding them into the arrays
        self._log_seqs = array("q")
        self._seen = 0  # highest seq held
        self._pending: list[tuple[int, bytes]] = []  # added by the open (or last) transaction, unconfirmed

    def __len__(self) -> int:
        return len(self._keys) + len(self._log_keys)

    def sync(self, conn: sqlite3.Connection) -> bool:
        """Catch up with the table at the start of a write transaction: confirm this process's last adds, then
        load the rows other writers committed since. Inside the transaction, nobody else can write. Says
        whether the table held anything this process did not expect (a rollback, another writer's rows, or
        the first load), so that other caches of the same tables know to drop what they hold."""
        moved = False
        if self._pending:
            first, last = self._pending[0][0], self._pending[-1][0]
            stored = conn.execute("SELECT seq, buckets FROM lsh WHERE seq BETWEEN ? AND ? ORDER BY seq",
                                  (first, last)).fetchall()
            committed = [(s, bytes(b)) for s, b in stored] == self._pending
            self._pending = []
            if not committed:  # rolled back: what the arrays hold is no longer what the table holds
                self.reset()
                moved = True
        rows = conn.execute("SELECT seq, buckets FROM lsh WHERE seq > ? ORDER BY seq", (self._seen,)).fetchall()
        if len(rows) > 256:  # a first load, or another writer's long run: one sort, not a dict entry each
            import numpy as np

            self._fold(np.frombuffer(b"".join(b for _, b in rows), dtype="<i8").astype(np.int64),
                       np.repeat([s for s, _ in rows], [len(b) // 8 for _, b in rows]).astype(np.int64))
            self._seen = max(self._seen, rows[-1][0])
            return True
        for seq, blob in rows:
            self._insert(seq, bytes(blob))
        self._maybe_fold()
        return moved or bool(rows)

    def add(self, seq: int, blob: bytes) -> None:
        """An article stored by the open transaction (``blob`` as written to ``lsh.buckets``)."""
        self._insert(seq, blob)
        self._pending.append((seq, blob))
        self._maybe_fold()

    def query(self, blob: bytes, per_bucket: int) -> Counter[int]:
        """Stored articles sharing a bucket with ``blob``, with the number of buckets shared. Each bucket gives
        at most its ``per_bucket`` earliest articles, so a text syndicated a thousand times costs no more than
        one syndicated fifty times (the earliest include the original)."""
        import numpy as np

        keys = np.frombuffer(blob, dtype="<i8").astype(np.int64)
        lo = np.searchsorted(self._keys, keys, side="left")
        hi = np.minimum(np.searchsorted(self._keys, keys, side="right"), lo + per_bucket)
        hits: Counter[int] = Counter()
        for key, a, b in zip(keys.tolist(), lo.tolist(), hi.tolist(), strict=True):
            found = self._seqs[a:b].tolist() if b > a else []
            if len(found) < per_bucket:
                found += self._recent.get(key, ())[: per_bucket - len(found)]
            hits.update(found)
        return hits

    def _insert(self, seq: int, blob: bytes) -> None:
        import numpy as np

        keys = np.frombuffer(blob, dtype="<i8").tolist()
        for key in keys:
            append_seq(self._recent, key, seq)
        self._log_keys.extend(keys)
        self._log_seqs.extend([seq] * len(keys))
        self._seen = max(self._seen, seq)

    def _maybe_fold(self) -> None:
        """Fold the recent entries into the sorted arrays once they are an eighth of them: a fold copies the
        arrays, so this keeps its cost a small constant per add, and the dict (~100 bytes an entry, against
        the arrays' 16) small."""
        if len(self._log_keys) >= max(4096, len(self._keys) // 8):
            import numpy as np

            self._fold(np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64))

    def _fold(self, more_keys: Any, more_seqs: Any) -> None:
        """Merge the recent entries and ``more`` (both in seq order) into the arrays."""
        import numpy as np

        keys = np.concatenate([np.asarray(self._log_keys, dtype=np.int64), more_keys])
        seqs = np.concatenate([np.asarray(self._log_seqs, dtype=np.int64), more_seqs])
        order = np.argsort(keys, kind="stable")  # by key; equal keys stay in seq order
        keys, seqs = keys[order], seqs[order]
        # Every new entry came after every entry held (higher seq), so it goes after the equal keys: the arrays
        # stay in (key, seq) order with one merge (np.insert keeps the given order at equal positions), not a
        # sort of everything (at 60k articles a full sort took 0.4 s per fold).
        at = np.searchsorted(self._keys, keys, side="right")
        self._keys = np.insert(self._keys, at, keys)
        self._seqs = np.insert(self._seqs, at, seqs)
        self._recent.clear()
        self._log_keys = array("q")
        self._log_seqs = array("q")
