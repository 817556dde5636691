"""The check cache file: batched get/put by namespace, replace on equal keys, a clear error on a bad file."""

from __future__ import annotations

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
