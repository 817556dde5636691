"""SQLite plumbing of the store: schema, connections, write transactions that survive contention and crashes.

* WAL journal with ``synchronous=NORMAL``: a commit is durable against a killed process (``kill -9``), and
  readers never block the writer or each other.
* Every write is one ``BEGIN IMMEDIATE`` transaction that takes the write lock up front (no lock upgrade, so no
  deadlock between two writers); ``busy_timeout`` waits for the other writer, and a transaction that still
  meets ``SQLITE_BUSY`` is retried from the start with backoff.
* "database or disk is full" and other storage failures become :class:`StoreError` with a one-line message.
"""

from __future__ import annotations

import random
import sqlite3
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from itertools import groupby
from operator import itemgetter
from pathlib import Path
from typing import Any, TypeVar

from corroborate.errors import CorroborateError

T = TypeVar("T")

SCHEMA_VERSION = 5  # 2: postings by day; 3: fingerprints, lsh, near-duplicates by seq; 4: term_df_log;
# 5: story features and members by seq. Migrated on open
BUSY_TIMEOUT_MS = 30_000
RETRY_SECONDS = 120.0  # give up on a write lock after this long, with a clear error
CACHE_KIB = 256 * 1024  # page cache per connection; it fills only as pages are read
MMAP_BYTES = 2 * 1024**3  # the first 2 GiB of the file are read through mmap (mapped pages are the OS's cache)

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
INSERT OR IGNORE INTO counters(name, value) VALUES ('stories', 0), ('story_docs', 0);
CREATE TABLE IF NOT EXISTS articles (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,  -- insertion order: recency for the candidate caps
    id TEXT NOT NULL UNIQUE,                -- content hash of the text (ingest.common.article_id)
    outlet TEXT NOT NULL,
    title TEXT,
    published TEXT,
    path TEXT,
    url TEXT,
    text TEXT NOT NULL,
    meta TEXT NOT NULL DEFAULT '{}',
    added_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_published ON articles(published);
-- Keyed by the article's seq, so an add appends at the end of both tables. The lsh row holds the article's
-- band buckets (int64 little-endian, one per band), and the look-up index over them is built in memory
-- (bucket_index.py): one row per (band, bucket), as schema 2 had, put 32 inserts per article on random pages.
CREATE TABLE IF NOT EXISTS fingerprints (seq INTEGER PRIMARY KEY, signature BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS lsh (seq INTEGER PRIMARY KEY, buckets BLOB NOT NULL);
-- A pair is filed under the later-stored article (seq) and the earlier one (other): an add appends its pairs,
-- and only the index on other takes a random insert (schema 2 keyed pairs by two content hashes: two).
CREATE TABLE IF NOT EXISTS near_duplicates (
    seq INTEGER NOT NULL, other INTEGER NOT NULL, jaccard REAL NOT NULL, PRIMARY KEY (seq, other)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS near_duplicates_other ON near_duplicates(other);
CREATE TABLE IF NOT EXISTS term_df (
    term TEXT PRIMARY KEY, df INTEGER NOT NULL, name_df INTEGER NOT NULL) WITHOUT ROWID;
-- Document frequencies of the latest write transactions, one row each (a marshalled list of (term, df,
-- name_df)), summed into term_df every 64 rows: a batch's ~1,500 terms upserted into term_df dirtied pages all
-- over it (story_vectors.Frequencies.persist). The stored frequencies are term_df plus this log.
CREATE TABLE IF NOT EXISTS term_df_log (seq INTEGER PRIMARY KEY, terms BLOB NOT NULL);
-- Keyed by the article's seq, like fingerprints and lsh: schema 4 keyed both by the article's content hash, so
-- each add inserted into two indexes at a random page (at 60k articles, one add wrote 9.7 pages, now 7.1).
CREATE TABLE IF NOT EXISTS story_features (seq INTEGER PRIMARY KEY, doc BLOB NOT NULL, day INTEGER);
-- Day first: a crawl adds articles day by day, so one batch's postings land on a few neighbouring pages
-- instead of one page per key (random inserts dirtied ~25 pages per article once the table outgrew a batch).
-- Undated articles are filed under day -1 (a primary key column cannot be NULL in a WITHOUT ROWID table).
CREATE TABLE IF NOT EXISTS postings (
    day INTEGER NOT NULL, key TEXT NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY (day, key, seq)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS stories (
    id TEXT PRIMARY KEY, seq INTEGER NOT NULL UNIQUE, title TEXT,
    first_published TEXT, last_published TEXT, size INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS stories_last ON stories(last_published);
CREATE TABLE IF NOT EXISTS story_members (seq INTEGER PRIMARY KEY, story_id TEXT NOT NULL, score REAL);
CREATE INDEX IF NOT EXISTS story_members_story ON story_members(story_id);
CREATE TABLE IF NOT EXISTS embeddings (key TEXT PRIMARY KEY, dim INTEGER NOT NULL, vector BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS reports (
    key TEXT PRIMARY KEY, story_id TEXT NOT NULL, version TEXT NOT NULL, json TEXT NOT NULL,
    created_at TEXT NOT NULL);
"""


class StoreError(CorroborateError):
    """The database could not be opened, read or written; the message names the file and the cause."""


class StoreFull(StoreError):
    """SQLite reported "database or disk is full"."""


def translate(exc: sqlite3.Error, path: Path) -> StoreError:
    """A one-line, user-facing error for a SQLite failure."""
    message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    if "full" in message:
        return StoreFull(f"{path}: database or disk is full; free some space or use --db on another disk")
    if "locked" in message or "busy" in message:
        return StoreError(f"{path}: database is locked by another process (waited {RETRY_SECONDS:.0f} s)")
    if "not a database" in message or "malformed" in message:
        return StoreError(f"{path}: not a corroborate database or it is damaged ({message})")
    return StoreError(f"{path}: {message}")


def connect(path: Path, *, pragmas: Mapping[str, int | str] | None = None) -> sqlite3.Connection:
    """Open a connection in autocommit mode (transactions are explicit) with the store's settings."""
    # check_same_thread=False: each thread gets its own connection, but close() may run on another thread.
    conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA synchronous = NORMAL")  # with WAL: durable against a crashed process
    # 256 MiB of page cache (default 2 MiB): every add touches a few hundred random index pages (LSH buckets,
    # term frequencies, postings); past ~100k articles they no longer fit a small cache and each add got dearer.
    conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    # Reads through a memory map skip a read() call and a copy per page: ~9% less CPU per add at 40k articles
    # (bench: a fresh process adding 2,000 articles to a 620 MB database). Writes still go through the cache.
    conn.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
    conn.execute("PRAGMA wal_autocheckpoint = 16384")
    for name, value in (pragmas or {}).items():
        if not name.replace("_", "").isalnum():
            raise ValueError(f"bad pragma name {name!r}")
        conn.execute(f"PRAGMA {name} = {int(value) if isinstance(value, int) else repr(str(value))}")
    return conn


def _busy(exc: sqlite3.OperationalError) -> bool:
    text = str(exc)
    return "locked" in text or "busy" in text


@contextmanager
def write(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One IMMEDIATE transaction: committed when the block ends, rolled back (fully) when it raises."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def retrying(fn: Callable[[], T], *, path: Path) -> T:
    """Run a whole transaction ``fn``, again from the start while another writer holds the lock."""
    deadline = time.monotonic() + RETRY_SECONDS
    delay = 0.05
    while True:
        try:
            return fn()
        except sqlite3.OperationalError as exc:
            if not _busy(exc) or time.monotonic() > deadline:
                raise translate(exc, path) from exc
            time.sleep(delay * (1 + random.random()))  # jitter: two retrying writers do not collide again
            delay = min(delay * 2, 1.0)
        except sqlite3.DatabaseError as exc:
            raise translate(exc, path) from exc


def rows_in(conn: sqlite3.Connection, sql: str, keys: Sequence[T], *before: object) -> Iterator[tuple[Any, ...]]:
    """The rows of ``sql``, whose ``{marks}`` stands for an IN list, for ``keys`` (after the parameters
    ``before``): 500 keys per statement, below SQLite's limit on bound parameters."""
    for i in range(0, len(keys), 500):
        chunk = keys[i:i + 500]
        yield from conn.execute(sql.format(marks=",".join("?" * len(chunk))), [*before, *chunk])


def execute_write(conn: sqlite3.Connection, path: Path, sql: str, row: tuple[object, ...]) -> None:
    """One write statement: inside the caller's transaction when one is open (it commits or rolls back with
    it), else as a transaction of its own, retried while another writer holds the lock."""
    if conn.in_transaction:
        conn.execute(sql, row)
        return

    def run() -> None:
        with write(conn):
            conn.execute(sql, row)

    retrying(run, path=path)


def init(conn: sqlite3.Connection, path: Path) -> None:
    """Create the schema (idempotent) and switch the file to WAL."""
    def run() -> None:
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(mode).lower() != "wal":
            raise StoreError(f"{path}: could not switch to WAL journal (got {mode})")
        with write(conn):
            # An older file is migrated before the schema's statements run: they name columns it lacks.
            has_meta = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").fetchone()
            row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() if has_meta else None
            if row is not None and int(row[0]) != SCHEMA_VERSION:
                if int(row[0]) not in (1, 2, 3, 4):
                    raise StoreError(f"{path}: database schema {row[0]} is not the supported {SCHEMA_VERSION}")
                if int(row[0]) == 1:
                    _migrate_1_to_2(conn)
                if int(row[0]) <= 2:
                    _migrate_2_to_3(conn)
                # 3 -> 4 adds term_df_log, which _create makes (schema 3's term_df is already complete).
                _migrate_4_to_5(conn)
                conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION),))
            _create(conn)
            if row is None:
                conn.execute("INSERT INTO meta(key, value) VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
    retrying(run, path=path)


def _create(conn: sqlite3.Connection) -> None:
    """Every table and index of the schema that does not exist yet."""
    for statement in SCHEMA.split(";"):
        if statement.strip():
            conn.execute(statement)


def _migrate_1_to_2(conn: sqlite3.Connection) -> None:
    """Schema 1 filed postings by key, with NULL for undated articles: refile them by day (undated: -1).
    -1 is day_postings.UNDATED. Runs inside the caller's write transaction, so a killed migration leaves
    schema 1 intact. Schema 1's WITHOUT ROWID blob tables stay as they are: the same queries work on both."""
    conn.execute("ALTER TABLE postings RENAME TO postings_v1")
    conn.execute(_table("postings"))
    conn.execute("INSERT INTO postings(day, key, seq) SELECT COALESCE(day, -1), key, seq FROM postings_v1")
    conn.execute("DROP TABLE postings_v1")  # and its index postings_day
    conn.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")


def _table(name: str) -> str:
    """The current schema's CREATE TABLE statement of ``name``."""
    start = SCHEMA.index(f"CREATE TABLE IF NOT EXISTS {name} ")
    return SCHEMA[start:].split(";")[0]


def _migrate_2_to_3(conn: sqlite3.Connection) -> None:
    """Schema 2 keyed fingerprints and near-duplicate pairs by article ids and filed LSH buckets one row per
    (band, bucket, article): rekey all three by the articles' seq. Inside the caller's write transaction."""
    for name in ("fingerprints", "lsh", "near_duplicates"):
        conn.execute(f"ALTER TABLE {name} RENAME TO {name}_v2")  # its index (near_duplicates_b) goes along
    _create(conn)
    conn.execute("INSERT INTO fingerprints(seq, signature) SELECT a.seq, f.signature FROM fingerprints_v2 f "
                 "JOIN articles a ON a.id = f.article_id ORDER BY a.seq")
    rows = conn.execute("SELECT a.seq, l.bucket FROM lsh_v2 l JOIN articles a ON a.id = l.article_id "
                        "ORDER BY a.seq, l.band")
    conn.executemany("INSERT INTO lsh(seq, buckets) VALUES (?, ?)",
                     ((seq, b"".join(bucket.to_bytes(8, "little", signed=True) for _, bucket in group))
                      for seq, group in groupby(rows, key=itemgetter(0))))
    conn.execute("INSERT INTO near_duplicates(seq, other, jaccard) SELECT max(x.seq, y.seq), min(x.seq, y.seq), "
                 "n.jaccard FROM near_duplicates_v2 n JOIN articles x ON x.id = n.a JOIN articles y ON y.id = n.b "
                 "ORDER BY 1, 2")
    for name in ("fingerprints", "lsh", "near_duplicates"):
        conn.execute(f"DROP TABLE {name}_v2")
    conn.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")


def _migrate_4_to_5(conn: sqlite3.Connection) -> None:
    """Schema 4 (and older) keyed story features and memberships by article id: rekey both by seq. Inside the
    caller's write transaction."""
    # The index keeps its name when its table is renamed: dropped first, so that _create makes the new one.
    conn.execute("DROP INDEX IF EXISTS story_members_story")
    for name in ("story_features", "story_members"):
        conn.execute(f"ALTER TABLE {name} RENAME TO {name}_v4")
    _create(conn)
    conn.execute("INSERT INTO story_features(seq, doc, day) SELECT a.seq, f.doc, f.day FROM story_features_v4 f "
                 "JOIN articles a ON a.id = f.article_id ORDER BY a.seq")
    conn.execute("INSERT INTO story_members(seq, story_id, score) SELECT a.seq, m.story_id, m.score "
                 "FROM story_members_v4 m JOIN articles a ON a.id = m.article_id ORDER BY a.seq")
    for name in ("story_features", "story_members"):
        conn.execute(f"DROP TABLE {name}_v4")
