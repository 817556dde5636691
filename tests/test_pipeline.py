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


@pytest.mark.skipif(not nlp_pkg.available("cnn"), reason="NLP model not built: run `make model`")
def test_a_wholly_cached_run_does_not_load_the_pipeline(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import corroborate.nlp.loader as loader

    files = sorted(p for p in EXAMPLES.iterdir() if p.suffix in {".txt", ".html", ".jsonl"})
    config = Config(semantic="off", cache=str(tmp_path / "cache.sqlite"))
    first, _ = _run(files, config)
    loads: list[str] = []
    real = loader._load
    monkeypatch.setattr(loader, "_load", lambda model_dir: loads.append(model_dir) or real(model_dir))
    again, stages = _run(files, config)
    assert again == first  # the report names the same pipeline, from its meta.json
    assert loads == [] and "load models" not in stages  # its parses were all cached: the model stays on disk


@pytest.mark.slow
@pytest.mark.skipif(not semantic_available(), reason="MiniLM (corroborate[semantic]) not installed")
def test_cached_runs_write_the_same_bytes_semantic(tmp_path: Path) -> None:
    _contract(tmp_path, Config(semantic="on"))


def test_a_story_whose_cross_check_fails_is_reported_and_the_batch_goes_on(tmp_path: Path,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    import corroborate.crosscheck.core as core

    ferry = tmp_path / "ferry.txt"
    ferry.write_text("The ferry sank off Calais on Monday. Officials said 27 people died.", encoding="utf-8")
    budget = tmp_path / "budget.txt"
    budget.write_text("The city council passed its budget on Tuesday after a long debate.", encoding="utf-8")
    real = core.cross_check

    def flaky(articles, passages, **kwargs):
        if any("ferry" in a.text for a in articles):
            raise IndexError("list index out of range")
        return real(articles, passages, **kwargs)

    monkeypatch.setattr(core, "cross_check", flaky)
    report = Checker(config=Config(semantic="off", nlp="off", cache="off")).run([ferry, budget])
    assert len(report.stories) == 2  # both stories are there ...
    broken = [e for e in report.errors if "cross-check failed" in e.error]
    assert len(broken) == 1 and "ferry.txt" in broken[0].path and "IndexError" in broken[0].error
    assert "\n" not in broken[0].error
    failed = next(s for s in report.stories if not s.statements)
    assert failed.articles and not failed.brief  # ... the failed one with its articles and nothing made up
    assert any(s.statements or s.brief for s in report.stories if s is not failed)


def test_the_embed_stage_encodes_only_the_windows_the_repeats_stage_reads(monkeypatch: pytest.MonkeyPatch) -> None:
    # A window with a two-word sentence is never read by the repeats stage (repeats/find.window_texts): the
    # embed stage, which encodes ahead through the engine, must not pay for it.
    import corroborate.ingest.embed as embed
    from corroborate.model import Article
    from corroborate.pipeline import prepare

    encoded: list[str] = []
    monkeypatch.setattr(embed, "encode_texts",
                        lambda job: encoded.extend(job.texts) or [bytes(4 * 384)] * len(job.texts))
    text = "The ferry sank off Calais on Monday night. Rain fell. Officials said 27 people died in the sinking."
    article = Article("e" * 16, "o", None, None, None, text)
    passages = {article.id: prepare(article).passages}
    checker = Checker(config=Config(cache="off", nlp="off"), embedder=embed.Embedder())
    checker._embed([article], passages)
    sentences = [p.text for p in passages[article.id]]
    assert encoded == sentences  # each sentence; no window, as each pairs a sentence with "Rain fell."
