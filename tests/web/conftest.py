"""Fixtures of the web tests: the Chromium of the browser tests (skips when /usr/bin/chromium or playwright is
missing) and one real store per session, so story cross-checks cached in it are computed once."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.render.browser import browser
from tests.web.storefix import build_store

__all__ = ["browser", "store_db"]


@pytest.fixture(scope="session")
def store_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    path = tmp_path_factory.mktemp("store") / "news.db"
    return path, build_store(path)
