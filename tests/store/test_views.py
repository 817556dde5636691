"""Cached story reports: the cache key stays what it was (existing caches stay valid), cached reports are read
without computing, `add --reports` fills the cache, and every cached report files its story's digest."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from corroborate import __version__
from corroborate.model import SCHEMA_VERSION
from corroborate.nlp import describe
from corroborate.store import Store
from corroborate.store.digests import listing
from corroborate.store.reports import report_key, settings_parts
from corroborate.store.views import StoredReports, compute_missing
from tests.web.storefix import CONFIG, build_store


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    path = tmp_path_factory.mktemp("reports") / "r.db"
    return path, build_store(path, reports=False)


def test_the_key_is_the_one_earlier_releases_cached_under(db) -> None:
    with Store(db[0], config=CONFIG) as store:
        checker = store._default_checker()
        summary = store.story(db[1]["story"])
        variant = checker.nlp_variant()
        # The formula of Store.story_report before it moved to store/reports.py.
        old = hashlib.sha256(json.dumps([summary.id, sorted(summary.articles), __version__, SCHEMA_VERSION,
                                         "lexical", "off" if variant == "off" else describe(variant),
                                         checker.config.fingerprint()], separators=(",", ":")).encode()).hexdigest()
        assert report_key(summary.id, summary.articles, settings_parts(checker)) == old


def test_cached_reports_are_read_without_computing_and_compute_missing_fills_them(db) -> None:
    story = db[1]["story"]
    with Store(db[0], config=CONFIG) as store:
        reads = StoredReports(store)
        assert reads.cached(story) is None and story in reads.missing()
        assert all(r.digest is None for r in reads.listing().rows)
        seen: list[tuple[int, int, str]] = []
        done = compute_missing(store, progress=lambda k, n, sid: seen.append((k, n, sid)))
        assert sorted(done) == sorted(s.id for s in store.stories()) and reads.missing() == []
        assert [k for k, _n, _s in seen] == list(range(1, len(done) + 1))
        report = reads.cached(story)
        assert report is not None and report.stories[0].id == story
        assert report.to_json() == store.story_report(story).to_json()
        rows = {r.id: r for r in reads.listing().rows}
        expected = len({a.outlet for a in report.articles})  # the example's four outlets, no copy above half
        assert rows[story].digest is not None and rows[story].digest.conflicts == len(report.stories[0].conflicts)
        assert rows[story].digest.independent <= expected
        assert compute_missing(store) == []  # nothing left: a second run does no work
        with pytest.raises(KeyError):
            reads.cached("s999")


def test_a_report_cached_before_digests_existed_gets_its_digest_when_read(db) -> None:
    story = db[1]["story"]
    with Store(db[0], config=CONFIG) as store:
        store.story_report(story)
        store._conn().execute("DELETE FROM story_digests")
        reads = StoredReports(store)
        assert {r.id: r.digest for r in listing(store._conn(), settings=reads.settings).rows}[story] is None
        store.story_report(story)  # a cache hit
        assert {r.id: r.digest for r in reads.listing().rows}[story] is not None
