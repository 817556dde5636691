"""Story digests: the counts the story list shows and sorts by, filed with each cached report and never stale."""

from __future__ import annotations

from pathlib import Path

import pytest

from corroborate.config import Config
from corroborate.ingest.common import article_id
from corroborate.model import Article, Conflict, Reuse
from corroborate.store import Store
from corroborate.store.digests import digest_of, listing, record
from tests.render.builders import sample_report

LEXICAL = Config(semantic="off")


TEXTS = {1: "The harbour ferry struck a reef near Port Elin and lifeboats rescued the passengers.",
         2: "The county council approved a budget for new school buildings in Marsby next spring.",
         3: "A violin recital at the Kellsport concert hall sold out within an hour of opening."}


def _article(n: int, outlet: str, day: str) -> Article:
    return Article(article_id(TEXTS[n]), outlet, f"Title {n}", day, None, TEXTS[n])


def test_digest_counts_independent_sources_as_the_story_header_does() -> None:
    report = sample_report()
    ferry = report.stories[0]
    report.stories = [ferry]
    report.articles = [a for a in report.articles if a.id in ferry.articles]
    d = digest_of(report)
    assert d.independent == 2  # daily-echo repeats coast-wire: one source (the HTML header says 2 too)
    assert d.conflicts == 2 and d.top_confidence == pytest.approx(0.86) and d.events == 1
    report.reuse = [Reuse(copy="c3echo", original="b2wire", share=0.2, why="a fifth")]
    assert digest_of(report).independent == 3  # a small share is not a copy


@pytest.fixture()
def store(tmp_path: Path):
    with Store(tmp_path / "d.db", config=LEXICAL) as s:
        s.add([_article(1, "gazette", "2025-03-01"), _article(2, "wire", "2025-03-02"),
               _article(3, "herald", "2025-03-03")])
        yield s


def _record(store: Store, story_id: str, conflicts: list[float], *, size: int = 1, settings: str = "S") -> None:
    report = sample_report()
    story = report.stories[0]
    template = story.conflicts[0]
    story.conflicts = [Conflict(template.kind, template.spans, template.values, "x", c) for c in conflicts]
    report.stories = [story]
    record(store._conn(), store.path, story_id=story_id, size=size, settings=settings, report=report)


def test_listing_sorts_and_filters_by_the_digests(store: Store) -> None:
    ids = {s.title: s.id for s in store.stories()}
    one, two, three = ids["Title 1"], ids["Title 2"], ids["Title 3"]
    _record(store, one, [0.5, 0.9, 0.7])
    _record(store, two, [0.6])
    conn = store._conn()
    newest = [r.id for r in listing(conn, settings="S").rows]
    assert newest == [three, two, one]
    by_conflicts = listing(conn, settings="S", sort="conflicts").rows
    assert [r.id for r in by_conflicts] == [one, two, three]  # the unchecked story comes last
    assert [r.digest.conflicts if r.digest else None for r in by_conflicts] == [3, 1, None]
    assert by_conflicts[0].digest.top_confidence == pytest.approx(0.9)
    assert [r.id for r in listing(conn, settings="S", min_conflicts=2).rows] == [one]
    assert [r.id for r in listing(conn, settings="S", outlet="wire").rows] == [two]
    assert [r.id for r in listing(conn, settings="S", sort="oldest").rows] == [one, two, three]
    page = listing(conn, settings="S", limit=1, offset=1)
    assert page.total == 3 and [r.id for r in page.rows] == [two]
    assert page.rows[0].outlets == ["wire"] and len(page.rows[0].articles) == 1
    ranked = listing(conn, settings="S", ranked=[two, three], sort="relevance")
    assert [r.id for r in ranked.rows] == [two, three] and ranked.total == 2
    with pytest.raises(ValueError, match="sort must be one of"):
        listing(conn, settings="S", sort="relevance")  # only with search results
    with pytest.raises(ValueError):
        listing(conn, settings="S", sort="title; DROP TABLE stories")


def test_a_digest_under_other_settings_or_of_a_smaller_story_is_not_shown(store: Store) -> None:
    one = store.stories()[-1].id
    _record(store, one, [0.5], settings="other")
    _record(store, store.stories()[0].id, [0.5], size=2)  # the story has 1 article now: a digest of another state
    assert all(r.digest is None for r in listing(store._conn(), settings="S").rows)
