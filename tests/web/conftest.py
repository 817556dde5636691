"""Fixtures of the web tests: the Chromium of the browser tests (skips when /usr/bin/chromium or playwright is
missing) and one real store per session, so story cross-checks cached in it are computed once."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.render.browser import browser
from tests.web.storefix import CONFIG, build_store

__all__ = ["browser", "client", "db", "server", "store_db"]

BASE = "http://127.0.0.1"


@pytest.fixture(scope="session")
def store_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    path = tmp_path_factory.mktemp("store") / "news.db"
    return path, build_store(path)


@pytest.fixture(scope="module")
def db(store_db: tuple[Path, dict[str, str]]) -> tuple[Path, dict[str, str]]:
    return store_db


@pytest.fixture(scope="module")
def client(store_db: tuple[Path, dict[str, str]]) -> Iterator[Any]:
    """The app over the session's store, in process (no server, no browser)."""
    pytest.importorskip("fastapi", reason="the web extra is not installed")
    from fastapi.testclient import TestClient

    from corroborate.web.app import create_app

    with TestClient(create_app(store_db[0], config=CONFIG), base_url=BASE) as c:
        yield c


@pytest.fixture(scope="module")
def server(store_db: tuple[Path, dict[str, str]]) -> Iterator[tuple[str, dict[str, str]]]:
    """The app served on a local port, for the browser tests: (base URL, the store's ids)."""
    from tests.web.serving import serve

    db, ids = store_db
    with serve(db) as base:
        yield base, ids
