"""The check job's cache contract (docs/DETERMINISM.md): a run served partly or wholly from the cache writes
the same bytes as a run that computes everything."""

from __future__ import annotations

from pathlib import Path

import pytest

import corroborate.nlp as nlp_pkg
from corroborate.config import Config
from corroborate.ingest.embed import semantic_available
from corroborate.pipeline import Checker

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"


def _run(paths: list[Path], config: Config) -> tuple[str, dict[str, float]]:
    checker = Checker(config=config)
    try:
        report = checker.run([str(p) for p in paths])
    finally:
        checker.close()
    return report.to_json(), dict(checker.timings.stages)


def _contract(tmp_path: Path, config: Config) -> None:
    files = sorted(p for p in EXAMPLES.iterdir() if p.suffix in {".txt", ".html", ".jsonl"})
    fresh, _ = _run(files, config.with_(cache="off"))
    cache = str(tmp_path / "cache.sqlite")
    _run(files[:1], config.with_(cache=cache))  # the cache holds one article's work
    partly, _ = _run(files, config.with_(cache=cache))
    wholly, stages = _run(files, config.with_(cache=cache))
    assert partly == fresh and wholly == fresh
    assert "parse" not in stages and "embed" not in stages  # nothing left to compute


@pytest.mark.skipif(not nlp_pkg.available("cnn"), reason="NLP model not built: run `make model`")
def test_cached_runs_write_the_same_bytes_lexical(tmp_path: Path) -> None:
    _contract(tmp_path, Config(semantic="off"))


@pytest.mark.slow
@pytest.mark.skipif(not semantic_available(), reason="MiniLM (corroborate[semantic]) not installed")
def test_cached_runs_write_the_same_bytes_semantic(tmp_path: Path) -> None:
    _contract(tmp_path, Config(semantic="on"))
