"""Whole reports in the check cache: the same bytes, the job not run again, and a miss whenever anything that
could change the report changes."""

from __future__ import annotations

from pathlib import Path

import pytest

from corroborate.api import run
from corroborate.config import Config, ConflictConfig
from corroborate.model import Article
from corroborate.render import render

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def articles(text: str = "The council approved the new Elin bridge on Tuesday, the mayor said.") -> list[Article]:
    return [Article("a1", "gazette", "Bridge approved", "2025-03-04", None, text, meta={"section": "local"}),
            Article("a2", "wire", "Elin bridge", "2025-03-04", None,
                    "The town council approved a new bridge in Elin on Tuesday.", meta={"section": "wire"})]


def checked(sources: list, cache: Path, **settings: object) -> tuple:
    return run(sources, config=Config(semantic="off", nlp="off", cache=str(cache), **settings))


def test_a_second_check_reads_the_report_and_gives_the_same_bytes(tmp_path: Path) -> None:
    cache = tmp_path / "cache.sqlite"
    broken = tmp_path / "broken.txt"
    broken.write_bytes(b"\x00\x01\x02binary\x00" * 40)
    first, t1 = checked([EXAMPLES, broken], cache)
    second, t2 = checked([EXAMPLES, broken], cache)
    assert "cross-check" in t1.stages and "cross-check" not in t2.stages  # the job did not run again
    assert second.to_json() == first.to_json()
    for fmt in ("text", "markdown", "html", "jsonl"):
        assert render(second, fmt) == render(first, fmt), fmt
    assert first.errors and second.errors == first.errors  # the input error is in the report either way


def test_the_articles_come_back_with_their_metadata(tmp_path: Path) -> None:
    cache = tmp_path / "cache.sqlite"
    checked(articles(), cache)
    second, timings = checked(articles(), cache)
    assert "cross-check" not in timings.stages
    assert [a.meta for a in second.articles] == [{"section": "local"}, {"section": "wire"}]


@pytest.mark.parametrize("change", ["text", "setting"])
def test_a_changed_input_or_setting_misses(tmp_path: Path, change: str) -> None:
    cache = tmp_path / "cache.sqlite"
    checked(articles(), cache)
    if change == "text":
        report, timings = checked(articles("The council rejected the new Elin bridge on Tuesday."), cache)
        assert "rejected" in report.articles[0].text
    else:
        report, timings = checked(articles(), cache, conflicts=ConflictConfig(explain=True))
    assert "cross-check" in timings.stages


def test_no_cache_no_report_cache(tmp_path: Path) -> None:
    first, _ = run(articles(), config=Config(semantic="off", nlp="off", cache="off"))
    second, timings = run(articles(), config=Config(semantic="off", nlp="off", cache="off"))
    assert "cross-check" in timings.stages and second.to_json() == first.to_json()


def test_a_damaged_entry_is_recomputed(tmp_path: Path) -> None:
    import sqlite3

    cache = tmp_path / "cache.sqlite"
    first, _ = checked(articles(), cache)
    with sqlite3.connect(cache) as conn:
        conn.execute("UPDATE blobs SET value = x'00ff' WHERE namespace LIKE 'report:%'")
    second, timings = checked(articles(), cache)
    assert "cross-check" in timings.stages and second.to_json() == first.to_json()
    third, timings = checked(articles(), cache)
    assert "cross-check" not in timings.stages and third.to_json() == first.to_json()
