"""The check cache file: batched get/put by namespace, replace on equal keys, a clear error on a bad file; the size
bound (least recently used entries evicted, reads refreshing them), files of the old schema, clear."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from corroborate.store.blobs import BlobCache
from corroborate.store.db import StoreError


def test_round_trip_by_namespace(tmp_path: Path) -> None:
    cache = BlobCache(tmp_path / "sub" / "c.sqlite")  # the folder is made on first use
    items = {f"k{i}": bytes([i % 256]) * (i % 7) for i in range(1200)}  # more keys than one IN list
    cache.put_many("vec", items)
    assert cache.get_many("vec", [*items, "absent"]) == items
    assert cache.get_many("parse", list(items)) == {}
    cache.put_many("vec", {"k1": b"new"})
    assert cache.get_many("vec", ["k1"]) == {"k1": b"new"} and cache.count("vec") == 1200
    cache.close()
    assert BlobCache(tmp_path / "sub" / "c.sqlite").get_many("vec", ["k2"]) == {"k2": items["k2"]}


def test_a_file_that_is_not_a_cache_is_a_store_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"not a database at all" * 100)
    with pytest.raises(StoreError):
        BlobCache(bad).get_many("vec", ["k"])


HOUR = 3600


class Clock:
    """Seconds the test sets: entries get the times the test gives them."""

    def __init__(self, now: float = 1_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def used_times(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as conn:
        return dict(conn.execute("SELECT key, used FROM blobs"))


def data_bytes(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        pages = conn.execute("PRAGMA page_count").fetchone()[0] - conn.execute("PRAGMA freelist_count").fetchone()[0]
        return pages * conn.execute("PRAGMA page_size").fetchone()[0]


def fill(path: Path, clock: Clock, n: int = 40) -> None:
    """``n`` entries of 1.5 KB, ``old0`` the oldest, an hour apart, in an unbounded cache."""
    cache = BlobCache(path, clock=clock)
    for i in range(n):
        cache.put_many("vec", {f"old{i}": bytes([i]) * 1536})
        clock.now += HOUR
    cache.close()


def test_eviction_keeps_the_recently_read_entries_and_drops_the_oldest(tmp_path: Path) -> None:
    path, clock = tmp_path / "c.sqlite", Clock()
    fill(path, clock)
    bound = data_bytes(path)  # full: the next put goes over
    cache = BlobCache(path, max_bytes=bound, clock=clock)
    assert set(cache.get_many("vec", ["old0", "old1", "old2"])) == {"old0", "old1", "old2"}  # read: recent now
    clock.now += HOUR
    cache.put_many("vec", {f"new{i}": b"n" * 1536 for i in range(5)})
    kept = set(used_times(path))
    assert {"old0", "old1", "old2"} <= kept and {f"new{i}" for i in range(5)} <= kept
    assert "old3" not in kept and "old39" in kept  # the least recently used went first, the newest stayed
    assert cache.evicted == 40 + 5 - len(kept) and cache.evicted >= 5
    assert data_bytes(path) <= bound


def test_a_put_never_evicts_what_it_writes(tmp_path: Path) -> None:
    path, clock = tmp_path / "c.sqlite", Clock()
    fill(path, clock, n=10)
    cache = BlobCache(path, max_bytes=1, clock=clock)  # smaller than any entry
    cache.put_many("vec", {"a": b"a" * 1536, "b": b"b" * 1536})
    assert set(used_times(path)) == {"a", "b"} and cache.evicted == 10


def test_bound_zero_never_evicts(tmp_path: Path) -> None:
    path, clock = tmp_path / "c.sqlite", Clock()
    fill(path, clock)
    cache = BlobCache(path, max_bytes=0, clock=clock)
    cache.put_many("vec", {f"k{i}": b"x" * 1536 for i in range(500)})
    assert cache.evicted == 0 and cache.count("vec") == 540


def test_a_read_refreshes_old_entries_in_one_update_and_recent_ones_not_at_all(tmp_path: Path) -> None:
    path, clock = tmp_path / "c.sqlite", Clock()
    cache = BlobCache(path, clock=clock)
    keys = [f"k{i}" for i in range(1200)]  # more keys than one IN list
    cache.put_many("vec", dict.fromkeys(keys, b"v"))
    statements: list[str] = []
    cache._conn().set_trace_callback(statements.append)
    clock.now += HOUR / 2
    cache.get_many("vec", keys)
    assert not [s for s in statements if s.startswith("UPDATE")]  # read within the hour: nothing written
    clock.now += HOUR
    cache.get_many("vec", keys)
    assert len([s for s in statements if s.startswith("UPDATE")]) == 1
    assert set(used_times(path).values()) == {int(clock.now)}


def test_an_entry_of_a_vector_takes_about_its_size_in_pages(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite"
    cache = BlobCache(path)
    namespace = "vector:made-up-model:2:0123456789ab"  # as long as the real vectors' namespace
    for start in range(0, 2000, 500):
        cache.put_many(namespace, {f"{i:024x}": bytes([i % 251]) * 1536 for i in range(start, start + 500)})
    cache.close()
    assert data_bytes(path) / 2000 < 1900  # a value spilled to an overflow page of its own: 4,751


# The two layouts corroborate wrote before this one: both WITHOUT ROWID (a 1.5 KB value on an overflow page).
OLDER = {
    "before the bound": "CREATE TABLE blobs (namespace TEXT NOT NULL, key TEXT NOT NULL, value BLOB NOT NULL, "
                        "PRIMARY KEY (namespace, key)) WITHOUT ROWID",
    "with used": "CREATE TABLE blobs (namespace TEXT NOT NULL, key TEXT NOT NULL, value BLOB NOT NULL, "
                 "used INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (namespace, key)) WITHOUT ROWID;"
                 "CREATE INDEX blobs_used ON blobs(used)",
}


def older_file(path: Path, layout: str, n: int = 200) -> None:
    """``n`` entries ``old{i}`` of 1.5 KB in a file of an older layout (WAL, as BlobCache left it), with
    last-used times ``i`` where it has them."""
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.executescript(OLDER[layout])
        values = [("vec", f"old{i}", bytes([i % 251]) * 1536) for i in range(n)]
        if layout == "with used":
            conn.executemany("INSERT INTO blobs VALUES (?, ?, ?, ?)", [(*v, i) for i, v in enumerate(values)])
        else:
            conn.executemany("INSERT INTO blobs VALUES (?, ?, ?)", values)
    conn.close()


@pytest.mark.parametrize("layout", sorted(OLDER))
def test_a_file_of_an_older_layout_opens_reads_and_evicts(tmp_path: Path, layout: str) -> None:
    path = tmp_path / "old.sqlite"
    older_file(path, layout)
    before = data_bytes(path)
    cache = BlobCache(path, clock=Clock())
    assert cache.get_many("vec", ["old7", "old150"]) == {"old7": bytes([7]) * 1536, "old150": bytes([150]) * 1536}
    assert cache.count("vec") == 200 and data_bytes(path) < before / 2  # rebuilt: ~2,200 bytes per entry, not 4,751
    cache.max_bytes = data_bytes(path)  # full: the next put evicts
    cache.put_many("vec", {f"new{i}": b"n" * 1536 for i in range(20)})
    kept = set(used_times(path))
    assert {f"new{i}" for i in range(20)} | {"old7", "old150"} <= kept and len(kept) < 220
    gone = {f"old{i}" for i in range(200)} - kept
    assert "old0" in gone and data_bytes(path) <= cache.max_bytes
    if layout == "with used":  # the last-used times came along: the least recently used went first
        assert gone == {f"old{i}" for i in range(len(gone) + 1)} - {"old7"}
    cache.close()
    with sqlite3.connect(path) as conn:
        names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    conn.close()
    assert names == {"blobs", "blobs_key", "blobs_used"}


READER = """
import sys, time
from pathlib import Path
from corroborate.store.blobs import BlobCache
go = Path(sys.argv[2])
while not go.exists():
    time.sleep(0.005)
print(len(BlobCache(sys.argv[1]).get_many("vec", [f"old{i}" for i in range(2000)])))
"""


def test_two_processes_opening_an_older_file_at_once_both_read_every_entry(tmp_path: Path) -> None:
    path, go = tmp_path / "old.sqlite", tmp_path / "go"
    older_file(path, "with used", n=2000)
    readers = [subprocess.Popen([sys.executable, "-c", READER, str(path), str(go)], stdout=subprocess.PIPE,
                                text=True) for _ in range(2)]
    time.sleep(1.0)  # both started and waiting
    go.touch()
    assert [r.communicate(timeout=60)[0].strip() for r in readers] == ["2000", "2000"]
    assert data_bytes(path) / 2000 < 2500


def test_clear_by_namespace_and_all_shrinks_the_file(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite"
    cache = BlobCache(path)
    cache.put_many("vector:m:2", {f"k{i}": b"v" * 1536 for i in range(300)})
    cache.put_many("vectorish", {"k": b"x"})
    cache.put_many("report:1", {"r": b"r"})
    full = cache.usage().file_bytes
    assert cache.clear("vector") == 300
    assert [ns for ns, _, _ in cache.usage().namespaces] == ["report:1", "vectorish"]
    assert cache.clear() == 2
    usage = cache.usage()
    assert usage.namespaces == [] and usage.file_bytes < full / 10
