"""bench/cache_bound.py: medians per case, the evicting/unbounded ratios of both layouts, tiny real runs (the
rebuild of an old-layout file too)."""

from __future__ import annotations

from pathlib import Path

import pytest
from bench.cache_bound import _old_blobs, migrate, one, render


def test_render_takes_medians_and_the_ratios() -> None:
    def row(put: float) -> dict[str, float]:
        return {"put": put, "written": put + 0.5, "per_put_ms": put * 50, "evicted": 10, "data_mb": 30.0,
                "per_entry": 1730.4, "wal_mb": 1.0, "file_mb": 31.0, "get_fresh": 0.2, "get_touch": 0.4, "read": 100}

    rows = {"unbounded": [row(1.0), row(2.0), row(9.0)], "evicting": [row(3.0), row(3.0), row(4.0)],
            "old unbounded": [row(2.0)], "old evicting": [row(5.0)]}
    moved = {"entries": 46_500, "parses": 1500, "seconds": 2.04, "data_before": 258.0, "data_after": 140.0,
             "file_before": 259.0, "file_after": 262.0, "wal_mb": 150.0, "count": 46_500}
    text = render(rows, {"entries": 20_000, "size": 1536, "batch": 1000, "rounds": 3, "baseline": "abc",
                         "old": "def", "bound": 8 * 2**20}, moved)
    assert "| unbounded | 2.000 | 100.0 | 2.500 | 10 | 30.0 | 1,730 | 1.0 | 31.0 | 0.400 | 0.200 | 100 |" in text
    assert "| old layout (def), evicting | 5.000 |" in text and "bound of 8.0 MB" in text
    assert "old layout (def): evicting / unbounded put_many time **2.50x**" in text
    assert "current layout: evicting / unbounded put_many time **1.50x**" in text
    assert "46,500 entries (1,500 of 0.9-70 kB, the rest vectors), **2.04 s**" in text


def test_an_evicting_run_stays_under_its_bound(tmp_path: Path) -> None:
    items = {f"{i:040x}": bytes([i % 251]) * 1536 for i in range(400)}
    row = one("evicting", items, 100, tmp_path, None, 400 * 1536)
    assert row["evicted"] > 0 and row["data_mb"] * 2**20 <= 400 * 1536 and row["read"] == 400 - row["evicted"]


def test_the_rebuild_of_an_old_layout_file_keeps_every_entry(tmp_path: Path) -> None:
    import subprocess

    have = subprocess.run(["git", "cat-file", "-e", "741fded^{commit}"], cwd=Path(__file__).parent, check=False,
                          capture_output=True).returncode == 0
    if not have:
        pytest.skip("the old cache layout is read from commit 741fded, which this clone does not hold (shallow?)")
    row = migrate(300, tmp_path, _old_blobs("741fded", tmp_path, "blobs_old"))
    assert row["count"] == 300 and row["parses"] == 30 and row["data_after"] < row["data_before"]
