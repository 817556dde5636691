"""Where check keeps its cache: the setting, $CORROBORATE_CACHE, $XDG_CACHE_HOME, and off."""

from __future__ import annotations

from pathlib import Path

import pytest

from corroborate.config import Config
from corroborate.ingest.cache import ENV, FILENAME, cache_path, open_cache


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
