"""Every stage's settings are reachable from the root Config and from TOML, and reach the stage."""

from __future__ import annotations

from pathlib import Path

import pytest

from corroborate.config import AlignConfig, BriefConfig, Config, MatchConfig, StoriesConfig
from corroborate.model import Article
from corroborate.pipeline import Checker


def test_every_stage_table_loads_from_toml(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text('semantic = "off"\n[stories]\nlexical_threshold = 0.4\n[align]\ntop_k = 5\n'
                    '[brief]\nmax_sentences = 2\n[match]\nmax_candidates = 10\n', encoding="utf-8")
    config = Config.from_toml(path)
    assert config.stories == StoriesConfig(lexical_threshold=0.4)
    assert config.align == AlignConfig(top_k=5)
    assert config.brief == BriefConfig(max_sentences=2)
    assert config.match == MatchConfig(max_candidates=10)


def test_unknown_settings_are_named() -> None:
    with pytest.raises(ValueError, match=r"\[align\]: top_n"):
        Config.from_dict({"align": {"top_n": 3}})


def test_fingerprint_follows_settings_not_engine() -> None:
    base = Config(semantic="off")
    assert base.fingerprint() == base.with_(engine="dask").fingerprint()
    assert base.fingerprint() != base.with_(brief=BriefConfig(max_sentences=3)).fingerprint()


def test_threads_default_to_the_usable_cores_at_most_four(monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    for cores, expected in ((1, 1), (2, 2), (16, 4)):
        monkeypatch.setattr(os, "sched_getaffinity", lambda _pid, n=cores: set(range(n)), raising=False)
        assert Config().threads == expected
    assert Config(threads=1).threads == 1


def _story(n: int) -> list[Article]:
    texts = [
        "Flood waters rose in Riverton on Monday. The mayor, Ann Cole, said 40 homes were damaged. "
        "Rescue teams from three counties arrived. Schools stayed closed. Power was cut to 2,000 homes.",
        "Floods hit Riverton on Monday, damaging 40 homes, mayor Ann Cole said. Rescue teams from three "
        "counties came to help. Schools were shut. About 2,000 homes lost power.",
    ]
    return [Article(id=f"a{i}", outlet=f"o{i}", title=None, published="2024-05-06", path=None, text=t)
            for i, t in enumerate(texts[:n])]


def test_checker_passes_the_brief_settings_to_the_stage() -> None:
    full = Checker(config=Config(semantic="off", nlp="off")).run_articles(_story(2))
    one = Config(semantic="off", nlp="off", brief=BriefConfig(max_sentences=1))
    short = Checker(config=one).run_articles(_story(2))
    assert sum(len(s.brief) for s in full.stories) > len(full.stories)
    assert all(len(s.brief) <= 1 for s in short.stories)


def test_checker_passes_the_story_settings_to_the_stage() -> None:
    together = Checker(config=Config(semantic="off", nlp="off")).run_articles(_story(2))
    # A threshold no pair of articles can reach keeps every article in its own story.
    apart = Checker(config=Config(semantic="off", nlp="off", stories=StoriesConfig(lexical_threshold=1.0))
                    ).run_articles(_story(2))
    assert len(together.stories) == 1 and len(apart.stories) == 2
