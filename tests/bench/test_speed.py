"""bench/speed.py's seeds ratios: the ratio of the medians, and each round's default over its lexical run."""

from __future__ import annotations

from bench import speed


def _row(*walls: float) -> dict:
    return {"wall": sorted(walls)[len(walls) // 2], "walls": list(walls), "sha": "x"}


def test_each_rounds_ratio_pairs_the_runs_made_back_to_back() -> None:
    rows = {"now default": _row(3.0, 9.0, 4.0), "now lexical": _row(1.5, 4.5, 1.0)}
    line, = speed._ratios("seeds", rows)
    assert "**2.67x**" in line  # median 4.0 over median 1.5
    assert "per round 2.00, 2.00, 4.00, median **2.00x**" in line


def test_one_round_gives_no_per_round_figure() -> None:
    line, = speed._ratios("seeds", {"now default": _row(3.0), "now lexical": _row(1.5)})
    assert "per round" not in line and "**2.00x**" in line
