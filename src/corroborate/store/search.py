"""Full-text search over the stored articles (title and text) and the statements of cached story reports.

SQLite FTS5, in three objects that triggers keep current, so the writers (``Store.add``, the report cache) index
without knowing about search:

* ``article_search``: an external-content FTS5 index over ``articles(title, text)`` (rowid = the article's
  seq); it stores only the index, the text stays in ``articles``.
* ``story_statements``: the statements of the latest cached report of each story, one row each; a trigger on
  ``reports`` replaces a story's rows whenever one of its reports is cached.
* ``statement_search``: an external-content FTS5 index over ``story_statements(text)``.

:func:`ensure` runs on every connection the store opens: a database made before search existed gets the
objects and is backfilled once (``rebuild`` for the articles, the cached reports' statements for the rest).
Where this SQLite lacks FTS5, nothing is created and :func:`search` falls back to a substring scan.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from corroborate.store.db import retrying, write

# Porter stemming on Unicode words, diacritics folded: "injured" finds "injured", "Gdańsk" finds "Gdansk".
TOKENIZE = "porter unicode61 remove_diacritics 2"
#: Words of a query that are used (the rest are ignored): a search box, not a query language.
MAX_WORDS = 16
#: Hits read per index and query, best first; a story's rank is its best hit.
MAX_HITS = 2000
#: Snippet markers around matching words (ASCII STX/ETX, which news text does not use); the web app escapes the
#: snippet, then turns them into <mark>, so a snippet can never carry markup.
OPEN, CLOSE = "\x02", "\x03"

_STATEMENTS_OF_REPORT = """
SELECT {story}, json_extract(st.value, '$.text') AS text
FROM json_each({doc}, '$.stories') AS s, json_each(s.value, '$.statements') AS st
WHERE json_extract(st.value, '$.text') IS NOT NULL"""

SCHEMA = f"""
CREATE VIRTUAL TABLE article_search USING fts5(
    title, text, content='articles', content_rowid='seq', tokenize='{TOKENIZE}');
CREATE TABLE story_statements (id INTEGER PRIMARY KEY, story_id TEXT NOT NULL, text TEXT NOT NULL);
CREATE INDEX story_statements_story ON story_statements(story_id);
CREATE VIRTUAL TABLE statement_search USING fts5(
    text, content='story_statements', content_rowid='id', tokenize='{TOKENIZE}');
WITH latest AS (SELECT story_id, json, row_number() OVER (
        PARTITION BY story_id ORDER BY created_at DESC, rowid DESC) AS n FROM reports)
INSERT INTO story_statements(story_id, text)
    {_STATEMENTS_OF_REPORT.format(story="latest.story_id", doc="latest.json").replace("FROM ", "FROM latest, ", 1)}
    AND latest.n = 1;
INSERT INTO article_search(article_search) VALUES ('rebuild');
INSERT INTO statement_search(statement_search) VALUES ('rebuild');
CREATE TRIGGER article_search_ai AFTER INSERT ON articles BEGIN
    INSERT INTO article_search(rowid, title, text) VALUES (new.seq, new.title, new.text);
END;
CREATE TRIGGER article_search_ad AFTER DELETE ON articles BEGIN
    INSERT INTO article_search(article_search, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
END;
CREATE TRIGGER article_search_au AFTER UPDATE OF title, text ON articles BEGIN
    INSERT INTO article_search(article_search, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
    INSERT INTO article_search(rowid, title, text) VALUES (new.seq, new.title, new.text);
END;
CREATE TRIGGER story_statements_ai AFTER INSERT ON story_statements BEGIN
    INSERT INTO statement_search(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER story_statements_ad AFTER DELETE ON story_statements BEGIN
    INSERT INTO statement_search(statement_search, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER reports_statements AFTER INSERT ON reports BEGIN
    DELETE FROM story_statements WHERE story_id = new.story_id;
    INSERT INTO story_statements(story_id, text)
    {_STATEMENTS_OF_REPORT.format(story="new.story_id", doc="new.json")};
END
"""


@dataclass(slots=True, frozen=True)
class Hit:
    """The best match of a search in one story: where it was found and a snippet with :data:`OPEN`/:data:`CLOSE`
    around the matching words. ``rank``: FTS5's bm25 (lower is better); 0 for the substring fallback."""

    story_id: str
    rank: float
    where: str  # "title", "text" or "statement"
    snippet: str


def has_fts5(conn: sqlite3.Connection) -> bool:
    options = {r[0] for r in conn.execute("PRAGMA compile_options")}
    return "ENABLE_FTS5" in options


def _present(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'reports_statements'").fetchone() is not None


def ensure(conn: sqlite3.Connection, path: Path) -> None:
    """Create the search index and its triggers if missing, filling them from what is stored (one transaction)."""
    if _present(conn) or not has_fts5(conn):
        return

    def run() -> None:
        with write(conn):
            if _present(conn):  # another process made it while this one waited for the lock
                return
            for statement in _statements(SCHEMA):
                conn.execute(statement)

    retrying(run, path=path)


def _statements(script: str) -> list[str]:
    """The statements of ``script``; a trigger body's own semicolons do not end its CREATE TRIGGER."""
    out, buffer = [], ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            out.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        out.append(buffer.strip() + ";")
    return out


def match_expression(text: str) -> str | None:
    """A safe FTS5 query from what someone typed: every word must occur, the last one as a prefix (so results
    come while typing). Quotes and operators typed are just text. None when there is no word."""
    words = re.findall(r"\w+", text)[:MAX_WORDS]
    if not words:
        return None
    return " ".join(f'"{w}"' for w in words) + "*"


def search(conn: sqlite3.Connection, text: str) -> list[Hit]:
    """Stories whose articles (title or text) or statements match ``text``, best first, one :class:`Hit` each."""
    expression = match_expression(text)
    if expression is None:
        return []
    if not _present(conn):
        return _scan(conn, text)
    # Column weights: a word in a title says more about the story than the same word in a long text.
    articles = conn.execute(
        "SELECT m.story_id, bm25(article_search, 4.0, 1.0) AS r, "
        "snippet(article_search, 0, char(2), char(3), '…', 16), snippet(article_search, 1, char(2), char(3), '…', 16) "
        "FROM article_search JOIN story_members m ON m.seq = article_search.rowid "
        "WHERE article_search MATCH ? ORDER BY r LIMIT ?", (expression, MAX_HITS)).fetchall()
    statements = conn.execute(
        "SELECT s.story_id, bm25(statement_search) AS r, snippet(statement_search, 0, char(2), char(3), '…', 16) "
        "FROM statement_search JOIN story_statements s ON s.id = statement_search.rowid "
        "WHERE statement_search MATCH ? ORDER BY r LIMIT ?", (expression, MAX_HITS)).fetchall()
    best: dict[str, Hit] = {}
    for story, rank, title, body in articles:
        where, snippet = ("title", title) if OPEN in (title or "") else ("text", body)
        _keep(best, Hit(story, float(rank), where, snippet or ""))
    for story, rank, snippet in statements:
        _keep(best, Hit(story, float(rank), "statement", snippet or ""))
    return sorted(best.values(), key=lambda h: (h.rank, h.story_id))


def _keep(best: dict[str, Hit], hit: Hit) -> None:
    if hit.story_id not in best or hit.rank < best[hit.story_id].rank:
        best[hit.story_id] = hit


def _scan(conn: sqlite3.Connection, text: str) -> list[Hit]:
    """Without FTS5: stories with an article whose title or text contains the text (case-insensitive)."""
    needle = text.strip().lower()
    rows = conn.execute("SELECT m.story_id, a.title, a.text FROM articles a JOIN story_members m ON m.seq = a.seq "
                        "WHERE instr(lower(a.title), ?) OR instr(lower(a.text), ?) ORDER BY a.seq LIMIT ?",
                        (needle, needle, MAX_HITS)).fetchall()
    best: dict[str, Hit] = {}
    for story, title, body in rows:
        source, where = ((title, "title") if needle in (title or "").lower() else (body, "text"))
        at = source.lower().index(needle)
        lo = max(0, at - 60)
        snippet = ("…" if lo else "") + source[lo:at] + OPEN + source[at:at + len(needle)] + CLOSE \
            + source[at + len(needle):at + len(needle) + 60] + "…"
        best.setdefault(story, Hit(story, 0.0, where, snippet))
    return list(best.values())
