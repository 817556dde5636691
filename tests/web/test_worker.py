"""Story pages never hang on a cross-check: a loading page that reloads itself, then the story, and a cross-check
that fails is told once and tried again."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed")
from fastapi.testclient import TestClient

from corroborate.errors import CorroborateError
from corroborate.store import Store
from corroborate.store.views import StoredReports
from corroborate.web.app import create_app
from corroborate.web.worker import ReportWorker
from tests.web.storefix import CONFIG, build_store


@pytest.fixture()
def fresh(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    path = tmp_path / "fresh.db"
    return path, build_store(path, reports=False)  # `add` without --reports: nothing cross-checked yet


def test_loading_page_then_the_story(fresh) -> None:
    db, ids = fresh
    with TestClient(create_app(db, config=CONFIG, page_wait=0.0), base_url="http://127.0.0.1") as client:
        assert "not cross-checked yet" in client.get("/").text
        started = time.monotonic()
        first = client.get(f"/stories/{ids['story']}")
        assert time.monotonic() - started < 1.0  # the page answers at once
        assert first.status_code == 202 and '<meta http-equiv="refresh" content="2">' in first.text
        assert 'aria-busy="true"' in first.text and "Cross-checking 4 articles" in first.text
        deadline = time.monotonic() + 300
        while (r := client.get(f"/stories/{ids['story']}")).status_code == 202:
            assert time.monotonic() < deadline, "the cross-check never finished"
            time.sleep(0.5)
        assert r.status_code == 200 and 'class="story"' in r.text
        assert f'data-story="{ids["story"]}"' in client.get("/", params={"conflicts": 1}).text  # counts now known
        started = time.monotonic()
        assert client.get(f"/stories/{ids['story']}").status_code == 200
        assert time.monotonic() - started < 1.0  # cached: opens at once


def test_a_failed_cross_check_is_told_once_then_retried(fresh) -> None:
    db, ids = fresh
    with Store(db, config=CONFIG) as store:
        calls: list[str] = []

        def failing(story_id: str):
            calls.append(story_id)
            time.sleep(0.3)  # a cross-check takes a while: the first request does not see it end
            raise CorroborateError("the NLP model could not load")

        store.story_report = failing  # type: ignore[method-assign]
        worker = ReportWorker(store, StoredReports(store))
        try:
            assert worker.get(ids["story"], wait=0.0) is None  # started in the background
            deadline = time.monotonic() + 30
            while worker.pending(ids["story"]):
                assert time.monotonic() < deadline
                time.sleep(0.05)
            with pytest.raises(CorroborateError, match="could not load"):
                worker.get(ids["story"], wait=0.0)
            with pytest.raises(CorroborateError):
                worker.get(ids["story"], wait=5.0)  # tried again (and failing again), told to this request
            assert calls == [ids["story"], ids["story"]]
        finally:
            worker.close()
