"""The independence benchmark's table on made-up pairs."""

from __future__ import annotations

from bench.independence import markdown


def test_the_table_counts_merges_under_both_rules() -> None:
    rows = [{"dataset": "basil", "event": "e", "copy": "hpo", "original": "nyt", "share": 0.54, "verbatim": 0.1,
             "before": True, "now": False},
            {"dataset": "basil", "event": "e", "copy": "fox", "original": "wire", "share": 0.9, "verbatim": 0.8,
             "before": True, "now": True}]
    table = markdown(rows, 1, "tune")
    assert "| basil | 2 | 2 | 1 | hpo←nyt 0.54 / 0.10 |" in table
    assert "0.80-0.80 of their text word for word" in table
