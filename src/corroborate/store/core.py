"""The :class:`Store`: articles, fingerprints, incremental stories and cached story reports in one SQLite file."""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import partial
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from corroborate import __version__
from corroborate.config import Config
from corroborate.model import Article, Report, to_json
from corroborate.store import db, digests, reports, search
from corroborate.store.caches import EmbeddingCache
from corroborate.store.codec import report_from_json
from corroborate.store.incremental import Features, MatchConfig, PersistedStoryIndex, featurize

if TYPE_CHECKING:
    import sqlite3

    from corroborate.engines import Engine
    from corroborate.ingest.embed import Embedder
    from corroborate.pipeline import Checker
    from corroborate.stories.cluster import StoriesConfig

#: Environment variable naming the default database; without it the default is ./corroborate.db.
DB_ENV = "CORROBORATE_DB"
DEFAULT_DB = "corroborate.db"


def default_db_path() -> Path:
    """``$CORROBORATE_DB`` when set, else ``corroborate.db`` in the current directory."""
    return Path(os.environ.get(DB_ENV) or DEFAULT_DB)


@dataclass(slots=True)
class AddResult:
    """Ids stored by one :meth:`Store.add` call, and ids that were already there (same content hash)."""

    added: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


@dataclass(slots=True)
class StorySummary:
    id: str
    title: str | None
    articles: list[str]  # chronological (undated last), then by id
    outlets: list[str]  # sorted, distinct
    first_published: str | None
    last_published: str | None


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _like(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _article(row: tuple[Any, ...]) -> Article:
    aid, outlet, title, published, path, url, text, meta = row
    return Article(aid, outlet, title, published, path, text, url=url, meta=json.loads(meta))


_ARTICLE_COLUMNS = "id, outlet, title, published, path, url, text, meta"


class Store:
    """An embedded SQLite database of articles and their stories. Thread-safe: one connection per thread.

    ``add`` is idempotent (articles are keyed by content hash) and crash-safe: each small batch of articles is
    stored together with its fingerprints and story assignment in one transaction, so a killed process
    leaves whole articles only, and rerunning the same ``add`` completes the job.
    """

    def __init__(self, path: str | os.PathLike[str] | None = None, *, config: Config | None = None,
                 engine: Engine | None = None, match: MatchConfig | None = None,
                 stories_config: StoriesConfig | None = None, batch_size: int = 32,
                 pragmas: Mapping[str, int | str] | None = None) -> None:
        if batch_size < 1:
            raise ValueError(f"batch_size must be >= 1, got {batch_size}")
        self.path = Path(path) if path is not None else default_db_path()
        self.config = config or Config()
        self.match = match or MatchConfig(num_perm=self.config.repeats.num_perm, seed=self.config.repeats.seed,
                                          shingle_size=self.config.repeats.shingle_size)
        self.stories_config = stories_config if stories_config is not None else self.config.stories
        self.batch_size = batch_size
        self._pragmas = dict(pragmas or {})
        self._engine = engine
        self._own_engine = engine is None
        self._local = threading.local()
        self._connections: list[sqlite3.Connection] = []
        self._lock = threading.RLock()  # guards the connection list, lazy resources and report computation
        self._embedder: Embedder | None = None
        self._embedder_ready = False
        self._checker: Checker | None = None
        self._closed = False
        self._conn()  # fail now, with a clear message, when the file cannot be opened

    # -- connections -----------------------------------------------------------------------------
    def _conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            return conn
        if self._closed:
            raise db.StoreError(f"{self.path}: store is closed")
        import sqlite3

        if self.path.parent and not self.path.parent.exists():
            raise db.StoreError(f"{self.path}: folder {self.path.parent} does not exist")
        try:
            conn = db.connect(self.path, pragmas=self._pragmas)
        except sqlite3.Error as exc:
            raise db.translate(exc, self.path) from exc
        db.init(conn, self.path)
        search.ensure(conn, self.path)  # the full-text index and the list's digests: made for older files too
        digests.ensure(conn, self.path)
        with self._lock:
            self._connections.append(conn)
        self._local.conn = conn
        return conn

    def _read(self, fn: Callable[[sqlite3.Connection], Any]) -> Any:
        import sqlite3

        try:
            return fn(self._conn())
        except sqlite3.Error as exc:
            raise db.translate(exc, self.path) from exc

    @property
    def engine(self) -> Engine:
        with self._lock:
            if self._engine is None:
                from corroborate.engines import make_engine

                self._engine = make_engine(self.config.engine, scheduler=self.config.scheduler)
            return self._engine

    def embedding_cache(self) -> EmbeddingCache:
        """A mutable mapping text key -> vector over the ``embeddings`` table: ``Embedder(cache=...)``."""
        return EmbeddingCache(self._conn, self.path)

    # -- semantic mode ---------------------------------------------------------------------------
    def stories_method(self) -> str:
        """``lexical`` or ``semantic``: fixed by the first ``add``, so a database's stories stay comparable."""
        row = self._read(lambda c: c.execute("SELECT value FROM meta WHERE key = 'stories_method'").fetchone())
        if row is not None:
            requested = self.config.semantic
            if requested != "auto" and (requested == "on") != (row[0] == "semantic"):
                raise db.StoreError(f"{self.path}: this database groups stories with the {row[0]} similarity; "
                                    f"use --semantic {'on' if row[0] == 'semantic' else 'off'} or another --db")
            return str(row[0])
        from corroborate.ingest.embed import semantic_available

        if self.config.semantic == "on" or (self.config.semantic == "auto" and semantic_available()):
            return "semantic"
        return "lexical"

    def _story_embedder(self) -> Embedder | None:
        with self._lock:
            if not self._embedder_ready:
                if self.stories_method() == "semantic":
                    from corroborate.ingest.embed import make_embedder

                    self._embedder = make_embedder("on")
                    if self._embedder is not None:
                        self._embedder.cache = self.embedding_cache()
                self._embedder_ready = True
            return self._embedder

    # -- writing ---------------------------------------------------------------------------------
    def add(self, articles: Iterable[Article], *, progress: Callable[[int, int], None] | None = None
            ) -> AddResult:
        """Store articles not stored yet, with fingerprints, near-duplicates and story assignment.

        Articles are fingerprinted by the engine in chunks; each ``batch_size`` articles are committed together.
        ``progress(added, skipped)`` is called after every commit.
        """
        result = AddResult()
        method = self.stories_method()
        index = PersistedStoryIndex(stories=self.stories_config, match=self.match,
                                    embedder=self._story_embedder() if method == "semantic" else None)
        fingerprint = partial(featurize, match=self.match, lead_chars=self.stories_config.lead_chars)
        # Remote workers pay a per-task overhead: hand them bigger chunks than one commit's worth.
        chunk_size = self.batch_size * (8 if self.engine.name != "local" else 1)
        iterator = iter(articles)
        while chunk := list(islice(iterator, chunk_size)):
            fresh = self._new(chunk, result)
            features: list[Features] = self.engine.map(fingerprint, fresh)
            for start in range(0, len(features), self.batch_size):
                batch = features[start:start + self.batch_size]
                added, skipped = db.retrying(partial(self._write, batch, index, method), path=self.path)
                result.added.extend(added)
                result.skipped.extend(skipped)
                if progress:
                    progress(len(result.added), len(result.skipped))
            if progress and not features:
                progress(len(result.added), len(result.skipped))
        return result

    def _new(self, chunk: list[Article], result: AddResult) -> list[Article]:
        """Articles of ``chunk`` not stored yet (the rest are recorded as skipped), first copy of each id."""
        ids = sorted({a.id for a in chunk})
        marks = ",".join("?" * len(ids))
        stored = {r[0] for r in self._read(lambda c: c.execute(
            f"SELECT id FROM articles WHERE id IN ({marks})", ids).fetchall())}
        fresh: list[Article] = []
        for a in chunk:
            if a.id in stored:
                result.skipped.append(a.id)
            else:
                stored.add(a.id)
                fresh.append(a)
        return fresh

    def _write(self, batch: list[Features], index: PersistedStoryIndex, method: str) -> tuple[list[str], list[str]]:
        added: list[str] = []
        skipped: list[str] = []
        conn = self._conn()
        with db.write(conn):
            conn.execute("INSERT OR IGNORE INTO meta(key, value) VALUES ('stories_method', ?)", (method,))
            with index.batch(conn):
                for f in batch:
                    a = f.article
                    row = conn.execute(
                        "INSERT INTO articles(id, outlet, title, published, path, url, text, meta, added_at) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING RETURNING seq",
                        (a.id, a.outlet, a.title, a.published, a.path, a.url, a.text,
                         json.dumps(a.meta, sort_keys=True), _now())).fetchone()
                    if row is None:  # another process stored it since we looked
                        skipped.append(a.id)
                        continue
                    index.add(conn, f, row[0])
                    added.append(a.id)
        return added, skipped

    # -- reading ---------------------------------------------------------------------------------
    def article(self, article_id: str) -> Article | None:
        row = self._read(lambda c: c.execute(
            f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id = ?", (article_id,)).fetchone())
        return _article(row) if row else None

    def articles(self, ids: list[str] | None = None) -> list[Article]:
        """The given articles in the given order (unknown ids are left out), or all in insertion order."""
        if ids is None:
            rows = self._read(lambda c: c.execute(f"SELECT {_ARTICLE_COLUMNS} FROM articles ORDER BY seq").fetchall())
            return [_article(r) for r in rows]
        sql = f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id IN ({{marks}})"
        found = {r[0]: _article(r) for r in self._read(lambda c: list(db.rows_in(c, sql, ids)))}
        return [found[i] for i in ids if i in found]

    def iter_articles(self) -> Iterator[Article]:
        """All articles in insertion order, streamed (for corpora too large for a list)."""
        yield from (_article(r) for r in self._read(
            lambda c: c.execute(f"SELECT {_ARTICLE_COLUMNS} FROM articles ORDER BY seq")))

    def count(self) -> dict[str, int]:
        def run(c: sqlite3.Connection) -> dict[str, int]:
            return {"articles": c.execute("SELECT count(*) FROM articles").fetchone()[0],
                    "stories": c.execute("SELECT count(*) FROM stories").fetchone()[0],
                    "near_duplicates": c.execute("SELECT count(*) FROM near_duplicates").fetchone()[0]}
        return self._read(run)

    def near_duplicates(self, article_id: str) -> list[tuple[str, float]]:
        """Stored articles whose text nearly repeats this one's (MinHash Jaccard estimate), most similar first."""
        rows = self._read(lambda c: c.execute(
            "WITH me(seq) AS (SELECT seq FROM articles WHERE id = ?) "
            "SELECT a.id, n.jaccard FROM near_duplicates n JOIN articles a ON a.seq = n.other "
            "WHERE n.seq = (SELECT seq FROM me) UNION ALL "
            "SELECT a.id, n.jaccard FROM near_duplicates n JOIN articles a ON a.seq = n.seq "
            "WHERE n.other = (SELECT seq FROM me)", (article_id,)).fetchall())
        return sorted(((r[0], float(r[1])) for r in rows), key=lambda x: (-x[1], x[0]))

    def stories(self, *, since: str | None = None, query: str | None = None) -> list[StorySummary]:
        """Stories, most recently updated first (undated last). ``since``: last article published on or after
        this date. ``query``: case-insensitive text in the story's or a member's title."""
        if since is not None:
            from corroborate.ingest.common import iso_date

            normal = iso_date(since)
            if normal is None:
                raise ValueError(f"since must be a date such as 2025-03-04, got {since!r}")
            since = normal
        pattern = _like(query) if query else None
        sql = ("SELECT id, title, first_published, last_published FROM stories s "
               "WHERE (:since IS NULL OR last_published >= :since) AND (:q IS NULL OR title LIKE :q ESCAPE '\\' "
               "OR EXISTS (SELECT 1 FROM story_members m JOIN articles a ON a.seq = m.seq "
               "WHERE m.story_id = s.id AND a.title LIKE :q ESCAPE '\\')) "
               "ORDER BY last_published IS NULL, last_published DESC, seq")
        rows = self._read(lambda c: c.execute(sql, {"since": since, "q": pattern}).fetchall())
        return self._summaries(rows)

    def story(self, story_id: str) -> StorySummary | None:
        rows = self._read(lambda c: c.execute(
            "SELECT id, title, first_published, last_published FROM stories WHERE id = ?", (story_id,)).fetchall())
        summaries = self._summaries(rows)
        return summaries[0] if summaries else None

    def story_of(self, article_id: str) -> str | None:
        row = self._read(lambda c: c.execute(
            "SELECT m.story_id FROM articles a JOIN story_members m ON m.seq = a.seq WHERE a.id = ?",
            (article_id,)).fetchone())
        return row[0] if row else None

    def _summaries(self, rows: list[tuple[Any, ...]]) -> list[StorySummary]:
        if not rows:
            return []
        # A long listing: one pass over all members is cheaper than IN lists.
        wanted = None if len(rows) > 500 else [r[0] for r in rows]
        members = self._read(lambda c: digests.story_members(c, wanted))
        return [StorySummary(sid, title, *members.get(sid, ([], [])), first, last) for sid, title, first, last in rows]

    # -- story reports ---------------------------------------------------------------------------
    def _default_checker(self) -> Checker:
        if self._checker is None:
            from corroborate.engines import LocalEngine
            from corroborate.pipeline import Checker

            checker = Checker(config=self.config, engine=LocalEngine())
            if checker.embedder is not None:
                checker.embedder.cache = self.embedding_cache()
            self._checker = checker
        return self._checker

    def story_report(self, story_id: str, *, checker: Checker | None = None) -> Report:
        """The cross-check of one stored story (``Checker.run_articles`` with the stored grouping), whose one
        story carries ``story_id``; cached in the database by the story id and its article-id set, the corroborate
        version, the alignment method, the NLP pipeline and the settings."""
        summary = self.story(story_id)
        if summary is None:
            raise KeyError(story_id)
        with self._lock:
            checker = checker or self._default_checker()
            parts = reports.settings_parts(checker)
            key = reports.report_key(story_id, summary.articles, parts)
            digest = {"story_id": story_id, "size": len(summary.articles), "settings": reports.settings_id(parts)}
            cached = reports.cached_json(self._read, key)
            if cached is not None:
                report = report_from_json(cached)
                if not self._read(lambda c: digests.has(c, **digest)):  # a report cached before digests existed
                    digests.record(self._conn(), self.path, report=report, **digest)
                return report
            # The stored grouping is the story (not a re-clustering of its members), under its stored id.
            report = checker.run_articles(self.articles(summary.articles), stories=[(story_id, summary.articles)],
                                          stories_method="stored story (corroborate add)")
            document = json.dumps(to_json(report), ensure_ascii=False, separators=(",", ":"))
            conn = self._conn()

            def save() -> None:
                with db.write(conn):
                    conn.execute("INSERT OR REPLACE INTO reports(key, story_id, version, json, created_at) "
                                 "VALUES (?, ?, ?, ?, ?)", (key, story_id, __version__, document, _now()))
                    digests.record(conn, self.path, report=report, **digest)

            db.retrying(save, path=self.path)
            # The cached and the fresh report must render identically: both come from the JSON.
            return report_from_json(json.loads(document))

    # -- lifecycle -------------------------------------------------------------------------------
    def close(self) -> None:
        with self._lock:
            if self._closed:
                return
            self._closed = True
            for conn in self._connections:
                conn.close()
            self._connections.clear()
            self._local = threading.local()
            if self._checker is not None and self._checker.engine is not self._engine:
                self._checker.close()
            if self._own_engine and self._engine is not None:
                self._engine.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
