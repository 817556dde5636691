"""The in-memory look-up side of the store's ``lsh`` table: same answers as a scan, kept in step with the table."""

from __future__ import annotations

import gc
import random
import sqlite3
from collections import Counter

import pytest

from corroborate.store.bucket_index import BucketIndex, pack

BANDS = 32


def _rows(n: int, *, start: int = 1, seed: int = 0) -> list[tuple[int, bytes]]:
    """Articles with 32 buckets each, drawn from a small key space so that buckets are shared (and some
    buckets hold more articles than a look-up's cap)."""
    rng = random.Random(seed)
    return [(seq, pack([rng.randrange(-40, 40) * 1_000_003 + band for band in range(BANDS)]))
            for seq in range(start, start + n)]


def _scan(rows: list[tuple[int, bytes]], blob: bytes, per_bucket: int) -> Counter[int]:
    """The reference: for each bucket, its ``per_bucket`` earliest articles, by a scan of every row."""
    hits: Counter[int] = Counter()
    for band in range(BANDS):
        key = blob[8 * band:8 * band + 8]
        members = sorted(seq for seq, b in rows if key in {b[8 * i:8 * i + 8] for i in range(BANDS)})
        hits.update(members[:per_bucket])
    return hits


def _table(rows: list[tuple[int, bytes]]) -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:", isolation_level=None)
    conn.execute("CREATE TABLE lsh (seq INTEGER PRIMARY KEY, buckets BLOB NOT NULL)")
    conn.executemany("INSERT INTO lsh VALUES (?, ?)", rows)
    return conn


@pytest.mark.parametrize("per_bucket", [3, 50])
def test_lookups_match_a_scan_across_folds(per_bucket: int) -> None:
    """Entries added one by one (dict), folded into the sorted arrays (every eighth of growth) and both at once
    answer as a scan does, the cap keeping each bucket's earliest articles."""
    rows = _rows(400)
    index = BucketIndex()
    conn = _table([])
    for i, (seq, blob) in enumerate(rows):
        if i % 37 == 0:
            assert index.query(blob, per_bucket) == _scan(rows[:i], blob, per_bucket)
        conn.execute("INSERT INTO lsh VALUES (?, ?)", (seq, blob))
        index.add(seq, blob)
    assert len(index) == 400 * BANDS
    assert index._log_keys, "some entries are still in the dict, not folded"
    assert len(index._keys) >= 4096, "and some were folded into the arrays"
    probe = _rows(5, start=1000, seed=1)
    for _, blob in probe + rows[::50]:
        assert index.query(blob, per_bucket) == _scan(rows, blob, per_bucket)


def test_sync_loads_other_writers_rows_in_bulk_and_one_by_one() -> None:
    rows = _rows(300)
    conn = _table(rows[:280])  # a first load (> 256 rows: one sort)
    index = BucketIndex()
    assert index.sync(conn), "a first load moves the index"
    assert len(index) == 280 * BANDS and not index._log_keys
    assert not index.sync(conn)
    conn.executemany("INSERT INTO lsh VALUES (?, ?)", rows[280:])  # another writer's batch
    assert index.sync(conn), "so do another writer's rows"
    assert len(index) == 300 * BANDS
    for _, blob in rows[::30]:
        assert index.query(blob, 50) == _scan(rows, blob, 50)


def test_adds_of_a_rolled_back_transaction_are_dropped_at_the_next_sync() -> None:
    rows = _rows(40)
    conn = _table(rows[:30])
    index = BucketIndex()
    index.sync(conn)
    conn.execute("BEGIN")
    for seq, blob in rows[30:]:
        conn.execute("INSERT INTO lsh VALUES (?, ?)", (seq, blob))
        index.add(seq, blob)
    conn.execute("ROLLBACK")
    # A retry by another writer reuses the row numbers with other buckets.
    other = _rows(10, start=31, seed=5)
    conn.executemany("INSERT INTO lsh VALUES (?, ?)", other)
    assert index.sync(conn)
    assert len(index) == 40 * BANDS
    for _, blob in rows[30:] + other:
        assert index.query(blob, 50) == _scan(rows[:30] + other, blob, 50)


def test_committed_adds_are_kept() -> None:
    rows = _rows(20)
    conn = _table([])
    index = BucketIndex()
    index.sync(conn)
    conn.execute("BEGIN")
    for seq, blob in rows:
        conn.execute("INSERT INTO lsh VALUES (?, ?)", (seq, blob))
        index.add(seq, blob)
    conn.execute("COMMIT")
    recent = index._recent
    assert not index.sync(conn), "its own committed rows are what it expected"
    assert not index._pending and len(index) == 20 * BANDS
    assert index._recent is recent, "confirmed, not rebuilt"
    assert index.query(rows[3][1], 50) == _scan(rows, rows[3][1], 50)


def test_recent_entries_are_not_left_to_the_garbage_collector() -> None:
    """Up to an eighth of the index waits in the recent entries (~400k at 100k articles): tuples in a dict and
    flat int arrays, which the collector stops tracking after one pass, where lists were visited item by item
    by every full collection."""
    rng = random.Random(3)
    index = BucketIndex()
    for seq in range(1, 501):
        index.add(seq, pack([rng.getrandbits(63) for _ in range(BANDS)]))
    assert index._recent, "the entries are still recent (not folded)"
    gc.collect()
    assert not gc.is_tracked(index._recent)
    assert not any(gc.is_tracked(seqs) for seqs in index._recent.values())
