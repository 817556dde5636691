"""bench/cache_bound.py: medians per case, the evicting/unbounded ratio, and a tiny real run."""

from __future__ import annotations

from pathlib import Path

from bench.cache_bound import one, render


def test_render_takes_medians_and_the_ratio() -> None:
    def row(put: float) -> dict[str, float]:
        return {"put": put, "written": put + 0.5, "per_put_ms": put * 50, "evicted": 10, "data_mb": 30.0,
                "wal_mb": 1.0, "file_mb": 31.0, "get_fresh": 0.2, "get_touch": 0.4, "read": 100}

    rows = {"unbounded": [row(1.0), row(2.0), row(9.0)], "evicting": [row(3.0), row(3.0), row(4.0)]}
    text = render(rows, {"entries": 20_000, "size": 1536, "batch": 1000, "rounds": 3, "baseline": "abc",
                         "bound": 8 * 2**20})
    assert "| unbounded | 2.000 | 100.0 | 2.500 | 10 | 30.0 | 1.0 | 31.0 | 0.400 | 0.200 | 100 |" in text
    assert "**1.50x**" in text and "bound of 8.0 MB" in text and "takes 1,573 bytes of pages" in text


def test_an_evicting_run_stays_under_its_bound(tmp_path: Path) -> None:
    items = {f"{i:040x}": bytes([i % 251]) * 1536 for i in range(400)}
    row = one("evicting", items, 100, tmp_path, None, 400 * 1536)
    assert row["evicted"] > 0 and row["data_mb"] * 2**20 <= 400 * 1536 and row["read"] == 400 - row["evicted"]
