"""Full-text search in the store (SQLite FTS5): article titles and texts, statements of cached reports, stores made
before search existed, and queries typed by people (quotes, operators)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from corroborate.config import Config
from corroborate.ingest.common import article_id
from corroborate.model import Article
from corroborate.store import Store
from corroborate.store.search import CLOSE, OPEN, match_expression, search

LEXICAL = Config(semantic="off")


def _article(title: str, text: str, outlet: str = "gazette", day: str = "2025-03-04") -> Article:
    return Article(article_id(text), outlet, title, day, None, text)


FERRY = _article("Ferry aground off Port Elin", "The ferry struck Sennock Reef at night. Salvage tugs are due "
                 "from Kellsport on Wednesday to refloat the ship.")
BRIDGE = _article("Council approves bridge", "The town council approved the new bridge over the Elin river. "
                  "Work starts in May.", outlet="town-news", day="2025-06-01")


def _report_json(story_id: str, statements: list[str]) -> str:
    # The shape of a cached report, as far as the statement index reads it.
    return json.dumps({"version": 1, "stories": [{"id": story_id, "statements": [{"text": t} for t in statements]}]})


def _cache(store: Store, story_id: str, statements: list[str], key: str) -> None:
    conn = store._conn()
    conn.execute("INSERT OR REPLACE INTO reports(key, story_id, version, json, created_at) VALUES (?, ?, ?, ?, ?)",
                 (key, story_id, "test", _report_json(story_id, statements), f"2025-01-01T00:00:0{key[-1]}"))


@pytest.fixture()
def store(tmp_path: Path):
    with Store(tmp_path / "s.db", config=LEXICAL) as s:
        s.add([FERRY, BRIDGE])
        yield s


def _stories(store: Store, text: str) -> list[str]:
    return [h.story_id for h in search(store._conn(), text)]


def test_words_of_the_article_text_find_its_story_not_only_title_words(store: Store) -> None:
    ferry, bridge = store.story_of(FERRY.id), store.story_of(BRIDGE.id)
    assert ferry != bridge
    # "tugs" and "Kellsport" are in the ferry article's text, in no title: a title search finds nothing.
    assert store.stories(query="tugs") == []
    assert _stories(store, "tugs") == [ferry]
    assert _stories(store, "salvage Kellsport") == [ferry]
    assert _stories(store, "bridge") == [bridge]
    assert _stories(store, "refloating") == [ferry]  # stemmed: refloat / refloating
    assert _stories(store, "kells") == [ferry]  # the last word is a prefix: results while typing
    assert _stories(store, "tugs bridge") == []  # every word must occur in the one article
    hit = search(store._conn(), "tugs")[0]
    assert hit.where == "text" and f"{OPEN}tugs{CLOSE}" in hit.snippet.lower()
    assert search(store._conn(), "ferry")[0].where == "title"


def test_statements_of_cached_reports_are_searchable_and_replaced(store: Store) -> None:
    ferry = store.story_of(FERRY.id)
    _cache(store, ferry, ["Four lifeboats rescued every passenger."], "k1")
    assert _stories(store, "lifeboats") == [ferry]  # a word of a statement only (not of any article)
    assert search(store._conn(), "lifeboats")[0].where == "statement"
    _cache(store, ferry, ["Coastguards rescued every passenger."], "k2")  # a newer report of the story
    assert _stories(store, "lifeboats") == [] and _stories(store, "coastguards") == [ferry]


@pytest.mark.parametrize("typed", ['"unbalanced', "ferry OR", "NEAR(ferry", "col:ferry", "ferry -reef", "*",
                                   "ferry AND (", "'; DROP TABLE articles; --", "^ferry"])
def test_anything_typed_is_a_query_not_an_error(store: Store, typed: str) -> None:
    search(store._conn(), typed)  # no sqlite3.OperationalError (FTS5 syntax) whatever the text
    assert match_expression("   ") is None and search(store._conn(), "  ") == []


def test_a_store_made_before_search_is_indexed_when_opened(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with Store(path, config=LEXICAL) as s:
        s.add([FERRY, BRIDGE])
        ferry = s.story_of(FERRY.id)
        _cache(s, ferry, ["Four lifeboats rescued every passenger."], "k1")
    conn = sqlite3.connect(path)
    # What a store of the previous release holds: no search objects at all.
    for trigger in ("article_search_ai", "article_search_ad", "article_search_au", "story_statements_ai",
                    "story_statements_ad", "reports_statements"):
        conn.execute(f"DROP TRIGGER {trigger}")
    for table in ("article_search", "statement_search", "story_statements"):
        conn.execute(f"DROP TABLE {table}")
    conn.commit()
    assert [h.story_id for h in search(conn, "tugs")] == [ferry]  # without the index: a substring scan
    conn.close()
    with Store(path, config=LEXICAL) as s:
        assert _stories(s, "tugs") == [ferry] and _stories(s, "lifeboats") == [ferry]
        later = _article("Tugs arrive", "Two tugs reached the ferry at dawn and pulled it free.", day="2025-03-05")
        s.add([later])  # the triggers are back: a new article is found at once
        assert s.story_of(later.id) in _stories(s, "dawn")
