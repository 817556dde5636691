"""Where check keeps its cache: the setting, $CORROBORATE_CACHE, $XDG_CACHE_HOME, and off; its bound: the setting,
$CORROBORATE_CACHE_MAX_MB, the default."""

from __future__ import annotations

from pathlib import Path

import pytest

from corroborate.config import Config
from corroborate.errors import CorroborateError
from corroborate.ingest.cache import DEFAULT_MAX_MB, ENV, FILENAME, MAX_ENV, cache_path, max_mb, open_cache


def test_auto_follows_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_path("auto") == tmp_path / "corroborate" / FILENAME
    monkeypatch.setenv(ENV, str(tmp_path / "mine.sqlite"))
    assert cache_path("auto") == tmp_path / "mine.sqlite"
    monkeypatch.setenv(ENV, "off")
    assert cache_path("auto") is None and open_cache("auto") is None


def test_an_explicit_setting_wins(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(ENV, "off")
    assert cache_path(str(tmp_path / "c.sqlite")) == tmp_path / "c.sqlite"
    assert cache_path("off") is None


def test_the_setting_is_checked_and_not_part_of_the_fingerprint() -> None:
    with pytest.raises(ValueError, match="cache"):
        Config(cache="")
    with pytest.raises(ValueError, match="threads"):
        Config(threads=0)
    assert Config().fingerprint() == Config(cache="off", threads=2).fingerprint()


def test_the_bound_comes_from_the_setting_else_the_environment_else_1024(monkeypatch: pytest.MonkeyPatch,
                                                                         tmp_path: Path) -> None:
    monkeypatch.delenv(MAX_ENV, raising=False)
    assert max_mb() == DEFAULT_MAX_MB == 1024
    monkeypatch.setenv(MAX_ENV, "0")
    assert max_mb() == 0 and max_mb(64) == 64  # the setting wins
    monkeypatch.setenv(MAX_ENV, "200")
    cache = open_cache(str(tmp_path / "c.sqlite"))
    assert cache is not None and cache.max_bytes == 200 * 2**20
    assert open_cache(str(tmp_path / "c.sqlite"), 0).max_bytes == 0
    monkeypatch.setenv(MAX_ENV, "lots")
    with pytest.raises(CorroborateError, match=MAX_ENV):
        max_mb()


def test_the_bound_is_checked_and_not_part_of_the_fingerprint() -> None:
    for bad in (-1, 1.5, "10"):
        with pytest.raises(ValueError, match="cache_max_mb"):
            Config(cache_max_mb=bad)
    assert Config().fingerprint() == Config(cache_max_mb=1).fingerprint() == Config(cache_max_mb=0).fingerprint()
    assert Config.from_dict({"cache_max_mb": 300}).cache_max_mb == 300
