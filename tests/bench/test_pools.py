"""bench/pools.py: a section's hand-written notes survive a re-measured --write."""

from __future__ import annotations

from pathlib import Path

from bench.pools import NOTES_MARK, kept_notes


def test_notes_after_the_mark_are_kept_and_a_section_without_the_mark_keeps_none(tmp_path: Path) -> None:
    results = tmp_path / "RESULTS.md"
    results.write_text(
        "# Results\n\n<!-- BEGIN pool-a -->\n## Pool A\n\n| a | 1 |\n\n" + NOTES_MARK + "\nBefore: 0.70.\n\n"
        "Classes: two.\n\n_Measured 2026-01-01 on x86_64, 2 cores, Python 3.11.7._\n<!-- END pool-a -->\n"
        "<!-- BEGIN pool-b -->\n## Pool B\n\nNo mark here.\n\n_Measured 2026-01-01 on x._\n<!-- END pool-b -->\n",
        encoding="utf-8")
    assert kept_notes("pool-a", results) == "Before: 0.70.\n\nClasses: two."
    assert kept_notes("pool-b", results) == "" and kept_notes("pool-c", results) == ""
