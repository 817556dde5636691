"""Story digests: what the story list shows and sorts by (independent sources, conflicts), kept per story.

A digest is taken from a story's cross-check when its report is cached (``Store.story_report``), and filed under
the story id, the settings it was computed with (:func:`corroborate.store.reports.settings_id`) and the story's
size; a story that has grown since, or a list under other settings, shows "not checked yet" instead of stale
numbers. :func:`listing` filters, sorts and pages the stories with their digests in one query.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from corroborate.store.db import execute_write, retrying, rows_in, write

if TYPE_CHECKING:
    from corroborate.model import Report

SCHEMA = """CREATE TABLE IF NOT EXISTS story_digests (
    story_id TEXT NOT NULL, settings TEXT NOT NULL, size INTEGER NOT NULL, independent INTEGER NOT NULL,
    conflicts INTEGER NOT NULL, top_confidence REAL, events INTEGER NOT NULL,
    PRIMARY KEY (story_id, settings)) WITHOUT ROWID"""

_LATEST = "s.last_published IS NULL, s.last_published DESC, s.seq"
#: Orders of the story list. Stories not checked yet have no counts: they come after the checked ones.
ORDERS = {
    "updated": _LATEST,
    "oldest": "s.first_published IS NULL, s.first_published, s.seq",
    "conflicts": f"d.conflicts IS NULL, d.conflicts DESC, d.top_confidence DESC, {_LATEST}",
    "sources": f"d.independent IS NULL, d.independent DESC, {_LATEST}",
    "outlets": f"outlets DESC, {_LATEST}",
    "articles": f"s.size DESC, {_LATEST}",
}


@dataclass(slots=True, frozen=True)
class Digest:
    independent: int
    conflicts: int
    top_confidence: float | None
    events: int


@dataclass(slots=True)
class StoryRow:
    """One story of the list: its summary and, when its current cross-check is cached, its digest."""

    id: str
    title: str | None
    first_published: str | None
    last_published: str | None
    size: int
    articles: list[str] = field(default_factory=list)  # ids, chronological (undated last), then by id
    outlets: list[str] = field(default_factory=list)
    digest: Digest | None = None
    match: str = ""  # snippet of a search hit (with search.OPEN/CLOSE around the words)
    match_where: str = ""


@dataclass(slots=True)
class Listing:
    total: int
    rows: list[StoryRow]


def ensure(conn: sqlite3.Connection, path: Path) -> None:
    if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'story_digests'").fetchone() is None:
        def run() -> None:
            with write(conn):
                conn.execute(SCHEMA)

        retrying(run, path=path)


def digest_of(report: Report) -> Digest:
    """The counts a story header shows: independent sources (the cross-check's one definition), conflicts."""
    from corroborate.crosscheck.independence import source_of

    sources, _why = source_of(report.articles, report.reuse)
    conflicts = [c for s in report.stories for c in s.conflicts]
    return Digest(independent=len(set(sources.values())), conflicts=len(conflicts),
                  top_confidence=max((c.confidence for c in conflicts), default=None),
                  events=sum(len(s.timeline) for s in report.stories))


def record(conn: sqlite3.Connection, path: Path, *, story_id: str, size: int, settings: str, report: Report) -> None:
    """File the digest of a story's report; inside the caller's transaction when one is open."""
    d = digest_of(report)
    row = (story_id, settings, size, d.independent, d.conflicts, d.top_confidence, d.events)
    sql = ("INSERT OR REPLACE INTO story_digests(story_id, settings, size, independent, conflicts, top_confidence, "
           "events) VALUES (?, ?, ?, ?, ?, ?, ?)")
    execute_write(conn, path, sql, row)


def has(conn: sqlite3.Connection, *, story_id: str, size: int, settings: str) -> bool:
    return conn.execute("SELECT 1 FROM story_digests WHERE story_id = ? AND settings = ? AND size = ?",
                        (story_id, settings, size)).fetchone() is not None


def listing(conn: sqlite3.Connection, *, settings: str, sort: str = "updated", since: str | None = None,
            ranked: list[str] | None = None, outlet: str | None = None, min_conflicts: int | None = None,
            min_sources: int | None = None, limit: int = 100, offset: int = 0) -> Listing:
    """Stories with their digests, filtered and sorted. ``ranked``: only these stories (search hits, best first);
    with ``sort="relevance"`` they keep that order. ``min_conflicts``/``min_sources`` leave out the stories
    not checked yet (their counts are unknown)."""
    if sort not in ORDERS and not (sort == "relevance" and ranked is not None):
        raise ValueError(f"sort must be one of {', '.join(sorted(ORDERS))}" + (", relevance" if ranked else ""))
    order = f"r.key, {_LATEST}" if sort == "relevance" else ORDERS[sort]
    outlets = ("(SELECT count(DISTINCT a.outlet) FROM story_members m JOIN articles a ON a.seq = m.seq "
               "WHERE m.story_id = s.id)") if sort == "outlets" else "0"
    join = "JOIN json_each(:ranked) AS r ON r.value = s.id" if ranked is not None else ""
    # count(*) OVER (): the number of matches comes with the page, in one query that reads only the page's rows.
    matching = (f"SELECT s.id, s.title, s.first_published, s.last_published, s.size, d.independent, d.conflicts, "
                f"d.top_confidence, d.events, {outlets} AS outlets, count(*) OVER () FROM stories s {join} "
                "LEFT JOIN story_digests d ON d.story_id = s.id AND d.settings = :settings AND d.size = s.size "
                "WHERE (:since IS NULL OR s.last_published >= :since) "
                "AND (:min_conflicts IS NULL OR d.conflicts >= :min_conflicts) "
                "AND (:min_sources IS NULL OR d.independent >= :min_sources) "
                "AND (:outlet IS NULL OR EXISTS (SELECT 1 FROM story_members m JOIN articles a ON a.seq = m.seq "
                "WHERE m.story_id = s.id AND a.outlet = :outlet))")
    params = {"settings": settings, "since": since, "min_conflicts": min_conflicts, "min_sources": min_sources,
              "outlet": outlet, "ranked": json.dumps(ranked) if ranked is not None else None, "limit": limit,
              "offset": offset}
    page = conn.execute(f"{matching} ORDER BY {order} LIMIT :limit OFFSET :offset", params).fetchall()
    # Past the last page (or when nothing matches) the count comes from a query of its own.
    total = page[0][-1] if page else conn.execute(f"SELECT count(*) FROM ({matching})", params).fetchone()[0]
    rows = [StoryRow(sid, title, first, last, size,
                     digest=Digest(ind, con, top, ev) if ind is not None else None)
            for sid, title, first, last, size, ind, con, top, ev, _n, _total in page]
    _fill_members(conn, rows)
    return Listing(total=total, rows=rows)


def _fill_members(conn: sqlite3.Connection, rows: list[StoryRow]) -> None:
    members = story_members(conn, [r.id for r in rows]) if rows else {}
    for row in rows:
        row.articles, row.outlets = members.get(row.id, ([], []))


def story_members(conn: sqlite3.Connection, story_ids: list[str] | None) -> dict[str, tuple[list[str], list[str]]]:
    """Story id -> (its article ids, dated first by publication then undated, by id; its outlets, sorted) for
    ``story_ids``, or for every story when None (one pass, cheaper than IN lists for a long listing)."""
    sql = "SELECT m.story_id, a.id, a.outlet, a.published FROM story_members m JOIN articles a ON a.seq = m.seq"
    rows = conn.execute(sql) if story_ids is None else rows_in(conn, sql + " WHERE m.story_id IN ({marks})",
                                                              story_ids)
    found: dict[str, list[tuple[str, str, str | None]]] = defaultdict(list)
    for story_id, article_id, outlet, published in rows:
        found[story_id].append((article_id, outlet, published))
    out = {}
    for story_id, ms in found.items():
        ms.sort(key=lambda m: (m[2] is None, m[2] or "", m[0]))
        out[story_id] = ([m[0] for m in ms], sorted({m[1] for m in ms}))
    return out


def outlets(conn: sqlite3.Connection) -> list[str]:
    """Every outlet in the store, for the list's filter."""
    return [r[0] for r in conn.execute("SELECT DISTINCT outlet FROM articles ORDER BY outlet")]
