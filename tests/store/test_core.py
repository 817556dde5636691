"""The SQLite store: idempotent adds, crash safety (kill -9), concurrent writers, full disk, caches, stories."""

from __future__ import annotations

import json
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from corroborate.config import BriefConfig, Config
from corroborate.ingest.common import article_id
from corroborate.model import Article, Report, Story, to_json
from corroborate.store import Store, StoreError, StoreFull
from corroborate.store.incremental import _decode_doc
from corroborate.store.story_vectors import FOLD_BATCHES, stored

REPO = Path(__file__).resolve().parents[2]
LEXICAL = Config(semantic="off")
_SYLLABLES = ["ka", "lo", "mir", "ten", "zu", "bra", "vel", "on", "dri", "sa", "quo", "ris", "tam", "pe", "gor"]
_COMMON = ["the", "officials", "said", "on", "the", "day", "that", "plan", "would", "be", "reviewed", "again",
           "by", "council", "after", "a", "long", "meeting", "where", "residents", "asked", "questions", "about",
           "costs", "and", "timetable", "for", "work"]


def _name(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(3)).capitalize()


def synthetic_articles(n_events: int, per_event: int, *, seed: int = 0) -> list[Article]:
    """Articles about ``n_events`` invented events: each event has its own names, words and date; its
    articles share sentences in varied order. Deterministic; no real text involved."""
    rng = random.Random(seed)
    out: list[Article] = []
    start = date(2024, 1, 1)
    for e in range(n_events):
        names = [_name(rng) for _ in range(4)]
        words = ["".join(rng.choice(_SYLLABLES) for _ in range(2)) for _ in range(25)]
        sentences = []
        for _ in range(12):
            body = rng.sample(words, 6) + rng.sample(_COMMON, 5)
            rng.shuffle(body)
            sentences.append(f"{rng.choice(names)} {' '.join(body)} {rng.choice(names)} {rng.randint(2, 99)}.")
        day = start + timedelta(days=3 * e)
        for k in range(per_event):
            picked = rng.sample(sentences, 10)
            text = " ".join(picked) + f" Reported by desk {k}."
            out.append(Article(article_id(text), f"outlet-{k % 5}", f"{names[0]} and {names[1]} ({k})",
                               (day + timedelta(days=k % 2)).isoformat(), f"event{e}/{k}.txt", text,
                               url=f"https://example.org/{e}/{k}", meta={"event": str(e)}))
    return out


def write_folder(articles: list[Article], folder: Path) -> Path:
    """The articles as .txt files with headers, the way `corroborate add` reads them."""
    folder.mkdir(parents=True, exist_ok=True)
    for i, a in enumerate(articles):
        (folder / f"{i:05d}.txt").write_text(
            f"title: {a.title}\ndate: {a.published}\noutlet: {a.outlet}\n\n{a.text}\n", encoding="utf-8")
    return folder


def check_consistent(db: Path) -> int:
    """Every stored article is whole: fingerprint, features and story membership; story sizes add up."""
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        n = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        for table in ("fingerprints", "lsh", "story_features", "story_members"):
            assert conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == n, table
        assert conn.execute("SELECT value FROM counters WHERE name = 'story_docs'").fetchone()[0] == n
        # One lsh row per stored article (no orphan of a rolled-back batch), with one bucket per band.
        assert conn.execute("SELECT count(*) FROM lsh l JOIN articles a ON a.seq = l.seq "
                            "JOIN fingerprints f ON f.seq = l.seq WHERE length(l.buckets) = 32 * 8").fetchone()[0] == n
        # Document frequencies are summed per batch in memory: what is stored must be exactly the count over
        # the stored articles' features (a lost or doubled batch would show here).
        df: Counter[str] = Counter()
        name_df: Counter[str] = Counter()
        for article_id, blob, day in conn.execute("SELECT a.id, f.doc, f.day FROM story_features f "
                                                  "JOIN articles a ON a.seq = f.seq"):
            doc = _decode_doc(article_id, blob, day)
            df.update(doc.words.keys())
            name_df.update(doc.names.keys())
        # term_df plus the batches still in term_df_log (folded every FOLD_BATCHES).
        assert stored(conn) == (df, name_df)
        assert conn.execute("SELECT count(*) FROM term_df_log").fetchone()[0] < FOLD_BATCHES
        bad = conn.execute("SELECT s.id FROM stories s LEFT JOIN story_members m ON m.story_id = s.id "
                           "GROUP BY s.id HAVING count(m.seq) != s.size").fetchall()
        assert not bad, bad
        return n
    finally:
        conn.close()


def partition(store: Store) -> set[frozenset[str]]:
    return {frozenset(s.articles) for s in store.stories()}


@pytest.fixture
def corpus() -> list[Article]:
    return synthetic_articles(6, 5)


def test_add_stores_each_article_once(tmp_path: Path, corpus: list[Article]) -> None:
    with Store(tmp_path / "c.db", config=LEXICAL) as store:
        first = store.add(corpus)
        again = store.add(corpus + corpus[:3])
        assert sorted(first.added) == sorted(a.id for a in corpus) and not first.skipped
        assert not again.added and len(again.skipped) == len(corpus) + 3
        assert store.count()["articles"] == len(corpus)
    assert check_consistent(tmp_path / "c.db") == len(corpus)


def test_duplicate_within_one_batch_is_stored_once(tmp_path: Path, corpus: list[Article]) -> None:
    with Store(tmp_path / "c.db", config=LEXICAL) as store:
        result = store.add([corpus[0], corpus[0], corpus[1]])
    assert result.added == [corpus[0].id, corpus[1].id] and result.skipped == [corpus[0].id]


def test_articles_round_trip(tmp_path: Path, corpus: list[Article]) -> None:
    with Store(tmp_path / "c.db", config=LEXICAL) as store:
        store.add(corpus)
        assert store.article(corpus[3].id) == corpus[3]
        assert store.article("nope") is None
        ids = [corpus[5].id, "missing", corpus[1].id]
        assert [a.id for a in store.articles(ids)] == [corpus[5].id, corpus[1].id]
        assert [a.id for a in store.articles()] == [a.id for a in corpus]


def test_stories_group_events(tmp_path: Path) -> None:
    corpus = synthetic_articles(8, 4, seed=3)
    events = {frozenset(a.id for a in corpus if a.meta["event"] == str(e)) for e in range(8)}
    with Store(tmp_path / "c.db", config=LEXICAL) as store:
        store.add(corpus)
        assert partition(store) == events
        summary = store.story(store.story_of(corpus[0].id))
        assert summary is not None and corpus[0].id in summary.articles
        assert summary.title == corpus[0].title  # the earliest member's title
        assert summary.outlets == sorted({a.outlet for a in corpus if a.meta["event"] == "0"})
        assert summary.first_published == corpus[0].published <= summary.last_published


def test_persisted_index_agrees_with_story_index(tmp_path: Path) -> None:
    """Below the candidate caps, the persisted index assigns exactly as the in-memory StoryIndex."""
    from corroborate.stories.cluster import StoriesConfig, StoryIndex

    corpus = synthetic_articles(10, 3, seed=5)
    rng = random.Random(1)
    rng.shuffle(corpus)
    memory = StoryIndex(config=StoriesConfig(semantic="off"))
    expected = {a.id: memory.add(a) for a in corpus}
    with Store(tmp_path / "c.db", config=LEXICAL) as store:
        store.add(corpus)
        assert {a.id: store.story_of(a.id) for a in corpus} == expected


def test_persisted_index_agrees_on_real_news(tmp_path: Path) -> None:
    from corroborate.stories.cluster import StoriesConfig, StoryIndex
    from tests.conftest import shared_path

    path = shared_path("data", "ecbplus", "ecbplus_docs.jsonl")
    corpus = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            doc = json.loads(line)
            if doc["topic"] in (1, 3, 4, 6):
                text = " ".join(s["text"] for s in doc["sentences"])
                corpus.append(Article(article_id(text), doc["doc_id"], None, None, None, text))
    memory = StoryIndex(config=StoriesConfig(semantic="off"))
    expected = {a.id: memory.add(a) for a in corpus}
    with Store(tmp_path / "c.db", config=LEXICAL) as store:
        store.add(corpus)
        assert {a.id: store.story_of(a.id) for a in corpus} == expected


def test_restart_gives_the_same_stories(tmp_path: Path) -> None:
    corpus = synthetic_articles(6, 4, seed=9)
    with Store(tmp_path / "one.db", config=LEXICAL) as store:
        store.add(corpus)
        whole = {a.id: store.story_of(a.id) for a in corpus}
    for part in (corpus[:7], corpus[7:15], corpus[15:]):
        with Store(tmp_path / "parts.db", config=LEXICAL, batch_size=3) as store:
            store.add(part)
    with Store(tmp_path / "parts.db", config=LEXICAL) as store:
        assert {a.id: store.story_of(a.id) for a in corpus} == whole


def test_document_frequencies_fold_from_the_log(tmp_path: Path) -> None:
    """Each write transaction appends its document frequencies to term_df_log, and every FOLD_BATCHES rows they
    are summed into term_df. Across a fold and a restart, the stored sums stay exact (check_consistent) and
    the stories are those of one big batch."""
    corpus = synthetic_articles(10, 7, seed=5)
    assert len(corpus) > FOLD_BATCHES
    with Store(tmp_path / "one.db", config=LEXICAL) as store:
        store.add(corpus)
        whole = {a.id: store.story_of(a.id) for a in corpus}
    for part in (corpus[:40], corpus[40:]):
        with Store(tmp_path / "parts.db", config=LEXICAL, batch_size=1) as store:
            store.add(part)
    with Store(tmp_path / "parts.db", config=LEXICAL) as store:
        assert {a.id: store.story_of(a.id) for a in corpus} == whole
    conn = sqlite3.connect(tmp_path / "parts.db")
    assert conn.execute("SELECT count(*) FROM term_df_log").fetchone()[0] == len(corpus) - FOLD_BATCHES
    assert conn.execute("SELECT count(*) FROM term_df").fetchone()[0] > 100
    conn.close()
    assert check_consistent(tmp_path / "parts.db") == len(corpus)


def test_fold_of_interleaved_writers_reads_the_log(tmp_path: Path) -> None:
    """A writer folds the document frequencies it summed in memory only while every row of term_df_log is its
    own. Here writer A sums 10 rows; B then folds and leaves 10 rows of its own, so the log holds as many rows
    as A expects, none of them A's. A must read the log at its next fold: what it stores stays exact."""
    corpus = synthetic_articles(20, 7, seed=3)
    assert len(corpus) > 2 * FOLD_BATCHES
    db = tmp_path / "two.db"
    with Store(db, config=LEXICAL, batch_size=1) as a, Store(db, config=LEXICAL, batch_size=1) as b:

        def feed() -> Iterator[Article]:
            # One add of A (one story index, one memory of its rows) with B's whole add in the middle.
            yield from corpus[:10]
            b.add(corpus[10:10 + FOLD_BATCHES])  # B folds at its 54th row, and 10 rows of its own wait after it
            yield from corpus[10 + FOLD_BATCHES:]  # A's next fold comes 54 rows later

        a.add(feed())
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM term_df_log").fetchone()[0] == len(corpus) - 2 * FOLD_BATCHES
    conn.close()
    assert check_consistent(db) == len(corpus)


def _refile(conn: sqlite3.Connection, name: str, columns: str, rows: list[tuple], *, index: str | None = None) -> None:
    """Replace table ``name`` (and its indexes) by an older schema's: ``columns`` and ``index`` as its CREATE
    statements wrote them, holding ``rows``."""
    conn.execute(f"DROP TABLE {name}")
    conn.execute(f"CREATE TABLE {name} {columns}")
    if index:
        conn.execute(f"CREATE INDEX {index}")
    if rows:
        conn.executemany(f"INSERT INTO {name} VALUES ({', '.join('?' * len(rows[0]))})", rows)


def _as_schema_2(conn: sqlite3.Connection) -> None:
    """Rewrite fingerprints, LSH buckets and near-duplicate pairs as schema 2 stored them: keyed by article ids,
    one lsh row per (band, bucket, article)."""
    prints = conn.execute("SELECT a.id, f.signature FROM fingerprints f JOIN articles a ON a.seq = f.seq").fetchall()
    buckets = conn.execute("SELECT a.id, l.buckets FROM lsh l JOIN articles a ON a.seq = l.seq").fetchall()
    conn.execute("DROP TABLE fingerprints")
    conn.execute("DROP TABLE lsh")
    conn.execute("CREATE TABLE fingerprints (article_id TEXT PRIMARY KEY, signature BLOB NOT NULL)")
    conn.execute("CREATE TABLE lsh (band INTEGER NOT NULL, bucket INTEGER NOT NULL, article_id TEXT NOT NULL, "
                 "PRIMARY KEY (band, bucket, article_id)) WITHOUT ROWID")
    pairs = conn.execute("SELECT min(x.id, y.id), max(x.id, y.id), n.jaccard FROM near_duplicates n "
                         "JOIN articles x ON x.seq = n.seq JOIN articles y ON y.seq = n.other").fetchall()
    _refile(conn, "near_duplicates", "(a TEXT NOT NULL, b TEXT NOT NULL, jaccard REAL NOT NULL, "
            "PRIMARY KEY (a, b)) WITHOUT ROWID", pairs, index="near_duplicates_b ON near_duplicates(b)")
    conn.executemany("INSERT INTO fingerprints VALUES (?, ?)", prints)
    conn.executemany("INSERT INTO lsh VALUES (?, ?, ?)",
                     [(band, int.from_bytes(blob[8 * band:8 * band + 8], "little", signed=True), aid)
                      for aid, blob in buckets for band in range(len(blob) // 8)])
    conn.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")


def _as_schema_4(conn: sqlite3.Connection) -> None:
    """Schema 4 keyed story features and memberships by article id (WITHOUT ROWID memberships)."""
    features = conn.execute("SELECT a.id, f.doc, f.day FROM story_features f JOIN articles a ON a.seq = f.seq "
                            "ORDER BY a.id").fetchall()
    members = conn.execute("SELECT a.id, m.story_id, m.score FROM story_members m JOIN articles a ON a.seq = m.seq"
                           ).fetchall()
    _refile(conn, "story_features", "(article_id TEXT PRIMARY KEY, doc BLOB NOT NULL, day INTEGER)", features)
    _refile(conn, "story_members", "(article_id TEXT PRIMARY KEY, story_id TEXT NOT NULL, score REAL) WITHOUT ROWID",
            members, index="story_members_story ON story_members(story_id)")
    conn.execute("UPDATE meta SET value = '4' WHERE key = 'schema_version'")


def _as_schema_3(conn: sqlite3.Connection) -> None:
    """Schema 3 kept every batch's document frequencies in term_df itself (no term_df_log)."""
    df, name_df = stored(conn)
    conn.execute("DELETE FROM term_df")
    conn.executemany("INSERT INTO term_df VALUES (?, ?, ?)", [(t, df[t], name_df[t]) for t in set(df) | set(name_df)])
    conn.execute("DROP TABLE term_df_log")
    conn.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")


def _dump(db: Path) -> tuple[list[tuple], list[tuple]]:
    """Fingerprints and buckets by article id, and near-duplicate pairs: what a migration must keep."""
    conn = sqlite3.connect(db)
    try:
        return (conn.execute("SELECT a.id, f.signature, l.buckets FROM articles a JOIN fingerprints f ON "
                             "f.seq = a.seq JOIN lsh l ON l.seq = a.seq ORDER BY a.id").fetchall(),
                conn.execute("SELECT min(x.id, y.id), max(x.id, y.id), n.jaccard FROM near_duplicates n JOIN "
                             "articles x ON x.seq = n.seq JOIN articles y ON y.seq = n.other ORDER BY 1, 2").fetchall())
    finally:
        conn.close()


@pytest.mark.parametrize("version", [1, 2, 3, 4])
def test_old_schema_database_is_migrated(tmp_path: Path, version: int) -> None:
    """A database written by schema 1 (postings filed by key, NULL for undated), 2 (fingerprints by article
    id, one lsh row per band), 3 (no term_df_log) or 4 (story features and members by article id) opens, is
    rewritten to schema 5, and goes on assigning stories and finding near-duplicates exactly as a database
    built by the current schema from the start."""
    from dataclasses import replace

    corpus = [replace(a, published=None) if i % 3 == 0 else a
              for i, a in enumerate(synthetic_articles(6, 4, seed=11))]
    corpus.append(replace(corpus[1], id=article_id(corpus[1].text + " (wire)"), text=corpus[1].text + " (wire)"))
    corpus.append(replace(corpus[2], id=article_id(corpus[2].text + " (wire)"), text=corpus[2].text + " (wire)"))
    with Store(tmp_path / "one.db", config=LEXICAL) as store:
        store.add(corpus)
        whole = {a.id: store.story_of(a.id) for a in corpus}
    old = tmp_path / "old.db"
    with Store(old, config=LEXICAL) as store:
        store.add(corpus[:12])
    conn = sqlite3.connect(old)
    with conn:
        _as_schema_4(conn)
        if version <= 3:
            _as_schema_3(conn)
        if version <= 2:
            _as_schema_2(conn)
        if version == 1:  # and the postings as schema 1 stored them
            rows = conn.execute("SELECT key, seq, NULLIF(day, -1) FROM postings").fetchall()
            assert any(day is None for _, _, day in rows)
            conn.execute("DROP TABLE postings")
            conn.execute("CREATE TABLE postings (key TEXT NOT NULL, seq INTEGER NOT NULL, day INTEGER, "
                         "PRIMARY KEY (key, seq)) WITHOUT ROWID")
            conn.execute("CREATE INDEX postings_day ON postings(key, day)")
            conn.executemany("INSERT INTO postings VALUES (?, ?, ?)", rows)
            conn.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    conn.close()
    with Store(old, config=LEXICAL) as store:
        store.add(corpus[12:])
        assert {a.id: store.story_of(a.id) for a in corpus} == whole
    assert _dump(old) == _dump(tmp_path / "one.db")
    assert _dump(old)[1], "the corpus has near-duplicates, found across the migration"
    assert check_consistent(old) == len(corpus)
    conn = sqlite3.connect(old)
    assert conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() == ("5",)
    assert conn.execute("SELECT count(*) FROM postings WHERE day = -1").fetchone()[0] > 0
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert not {n for n in names if n.endswith(("_v1", "_v2", "_v4"))} and "near_duplicates_b" not in names, names
    # The memberships' index survived the rename: a story's members are found without a scan.
    plan = " ".join(str(r) for r in conn.execute(
        "EXPLAIN QUERY PLAN SELECT seq FROM story_members WHERE story_id = 's1'"))
    assert "story_members_story" in plan, plan
    assert [c[1] for c in conn.execute("PRAGMA table_info(story_members)")] == ["seq", "story_id", "score"]
    conn.close()


def test_near_duplicates(tmp_path: Path, corpus: list[Article]) -> None:
    original = corpus[0]
    copy_text = original.text.replace("Reported by desk 0.", "Syndicated copy.")
    copy = Article(article_id(copy_text), "wire", original.title, original.published, None, copy_text)
    with Store(tmp_path / "c.db", config=LEXICAL) as store:
        store.add([*corpus, copy])
        near = dict(store.near_duplicates(copy.id))
        assert original.id in near and near[original.id] > 0.8
        other_event = next(a for a in corpus if a.meta["event"] == "3")
        assert other_event.id not in near
        assert store.story_of(copy.id) == store.story_of(original.id)


def test_stories_since_and_query(tmp_path: Path) -> None:
    corpus = synthetic_articles(5, 2, seed=2)
    with Store(tmp_path / "c.db", config=LEXICAL) as store:
        store.add(corpus)
        every = store.stories()
        assert len(every) == 5
        assert [s.last_published for s in every] == sorted((s.last_published for s in every), reverse=True)
        recent = store.stories(since="2024-01-07")
        assert recent and all(s.last_published >= "2024-01-07" for s in recent) and len(recent) < 5
        name = corpus[4].title.split()[0]
        hits = store.stories(query=name.lower())
        assert [s.id for s in hits] == [store.story_of(corpus[4].id)]
        assert store.stories(query="100%_nothing") == []
        with pytest.raises(ValueError, match="since must be a date"):
            store.stories(since="last tuesday")
        assert store.story("s999") is None


def test_embedding_cache_backs_the_embedder(tmp_path: Path) -> None:
    import numpy as np

    from corroborate.ingest.embed import Embedder, text_key

    class FakeModel:
        calls = 0

        def encode(self, texts, **_kwargs):
            FakeModel.calls += 1
            return np.array([[len(t), 1.0, 0.5] for t in texts], dtype=np.float32)

    with Store(tmp_path / "c.db", config=LEXICAL) as store:
        embedder = Embedder(cache=store.embedding_cache())
        embedder._model = FakeModel()
        first = embedder.encode(["one sentence", "another one"])
        cache = store.embedding_cache()
        assert len(cache) == 2 and text_key("one sentence") in cache
        assert list(cache) == sorted([text_key("one sentence"), text_key("another one")])
    with Store(tmp_path / "c.db", config=LEXICAL) as store:
        embedder = Embedder(cache=store.embedding_cache())
        embedder._model = FakeModel()
        again = embedder.encode(["another one", "one sentence"])
        assert FakeModel.calls == 1  # served from the database
        assert np.array_equal(again, first[::-1]) and again.dtype == np.float32
        cache = store.embedding_cache()
        del cache[text_key("another one")]
        assert len(cache) == 1
        with pytest.raises(KeyError):
            cache["absent"]


def test_full_disk_is_a_clear_error(tmp_path: Path, corpus: list[Article]) -> None:
    db = tmp_path / "small.db"
    with Store(db, config=LEXICAL) as store:
        used = store._conn().execute("PRAGMA page_count").fetchone()[0]
    with Store(db, config=LEXICAL, pragmas={"max_page_count": used + 4}) as store:
        with pytest.raises(StoreFull) as err:
            store.add(synthetic_articles(20, 5, seed=4))
        message = str(err.value)
        assert "database or disk is full" in message and "\n" not in message and str(db) in message
    check_consistent(db)  # nothing half-stored


def test_a_retried_batch_counts_its_articles_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A batch that meets a busy database halfway is rolled back and retried by the same index: the document
    frequencies it had summed in memory are dropped and reloaded, and so are the LSH buckets it had indexed in
    memory (the retry reuses their row numbers), so stories, term_df and near-duplicates end as in a clean run."""
    from corroborate.store.incremental import PersistedStoryIndex

    corpus = synthetic_articles(8, 4, seed=21)
    for i in (0, 5):  # wire copies, one in the failing batch: near-duplicates to find again
        text = corpus[i].text + " (wire)"
        corpus.insert(i + 1, Article(article_id(text), "wire", corpus[i].title, corpus[i].published, None, text))
    with Store(tmp_path / "clean.db", config=LEXICAL, batch_size=4) as store:
        store.add(corpus)
        clean = partition(store)
    real = PersistedStoryIndex._near_duplicates
    calls = {"n": 0}

    def flaky(self, conn, f, seq):
        calls["n"] += 1
        out = real(self, conn, f, seq)
        if calls["n"] == 7:  # the third article of the second batch, once, after its buckets were indexed
            raise sqlite3.OperationalError("database is locked")
        return out

    monkeypatch.setattr(PersistedStoryIndex, "_near_duplicates", flaky)
    with Store(tmp_path / "retried.db", config=LEXICAL, batch_size=4) as store:
        store.add(corpus)
        assert partition(store) == clean
    assert calls["n"] == len(corpus) + 3  # the batch's first two articles and the failing one, again
    assert check_consistent(tmp_path / "retried.db") == len(corpus)
    assert _dump(tmp_path / "retried.db") == _dump(tmp_path / "clean.db")
    assert len(_dump(tmp_path / "clean.db")[1]) >= 2


def test_unopenable_database(tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.db"
    bogus.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError, match="not a corroborate database"):
        Store(bogus)
    with pytest.raises(StoreError, match="does not exist"):
        Store(tmp_path / "missing" / "x.db")


def test_semantic_mode_is_fixed_by_the_first_add(tmp_path: Path, corpus: list[Article]) -> None:
    with Store(tmp_path / "c.db", config=LEXICAL) as store:
        store.add(corpus[:2])
    with Store(tmp_path / "c.db", config=Config(semantic="on")) as store, \
            pytest.raises(StoreError, match="lexical similarity"):
        store.add(corpus[2:4])
    with Store(tmp_path / "c.db", config=Config(semantic="auto")) as store:
        assert store.stories_method() == "lexical"
        store.add(corpus[2:4])  # auto follows the database


class _CountingChecker:
    """Stands in for Checker: records calls, returns a small real Report."""

    embedder = None

    def __init__(self, config: Config = LEXICAL) -> None:
        self.calls = 0
        self.config = config

    @staticmethod
    def nlp_variant() -> str:
        return "off"

    def run_articles(self, articles: list[Article], *, stories: list[tuple[str, list[str]]] | None = None,
                     stories_method: str | None = None) -> Report:
        self.calls += 1
        groups = stories or [("s1", [a.id for a in articles])]
        return Report(articles=articles, method={"alignment": "lexical"},
                      stories=[Story(sid, ids) for sid, ids in groups], counters={"articles": len(articles)})


def test_story_report_is_cached_by_article_set(tmp_path: Path, corpus: list[Article]) -> None:
    checker = _CountingChecker()
    with Store(tmp_path / "c.db", config=LEXICAL) as store:
        store.add(corpus[:5])
        sid = store.story_of(corpus[0].id)
        first = store.story_report(sid, checker=checker)
        second = store.story_report(sid, checker=checker)
        assert checker.calls == 1
        assert json.dumps(to_json(first)) == json.dumps(to_json(second))
        assert sorted(a.id for a in first.articles) == sorted(store.story(sid).articles)
        store.add(corpus[5:])  # the story grows: a new article set, a new report
        if len(store.story(sid).articles) > 5:
            store.story_report(sid, checker=checker)
            assert checker.calls == 2
        with pytest.raises(KeyError):
            store.story_report("s999", checker=checker)
        # Other settings give another report: the cache key includes them.
        calls = checker.calls
        checker.config = LEXICAL.with_(brief=BriefConfig(max_sentences=3))
        store.story_report(sid, checker=checker)
        assert checker.calls == calls + 1


def test_story_report_carries_the_stored_story_id(tmp_path: Path) -> None:
    """`show s3` and /api/stories/s3 must say s3: the report of a stored story is that story, under its id,
    not a re-clustering of its members numbered from s1."""
    from corroborate.pipeline import Checker

    checker = Checker(config=Config(semantic="off", nlp="off"))
    with Store(tmp_path / "c.db", config=LEXICAL) as store:
        store.add(synthetic_articles(3, 2, seed=5))
        summaries = store.stories()
        assert len(summaries) == 3
        for summary in summaries:
            if summary.id == "s1":
                continue
            report = store.story_report(summary.id, checker=checker)
            assert [(s.id, sorted(s.articles)) for s in report.stories] == [(summary.id, sorted(summary.articles))]
            assert report.method["stories"] == "stored story (corroborate add)"
            cached = store.story_report(summary.id, checker=checker)  # from the database: the same id
            assert [s.id for s in cached.stories] == [summary.id]
    checker.close()


def test_reads_from_many_threads(tmp_path: Path) -> None:
    corpus = synthetic_articles(6, 4, seed=8)
    errors: list[BaseException] = []
    with Store(tmp_path / "c.db", config=LEXICAL) as store:
        store.add(corpus[:8])

        def reader() -> None:
            try:
                for _ in range(20):
                    for s in store.stories():
                        assert store.story(s.id) is not None
                        assert len(store.articles(s.articles)) == len(s.articles)
            except BaseException as exc:  # surfaced below: a thread's failure must fail the test
                errors.append(exc)

        threads = [threading.Thread(target=reader) for _ in range(4)]
        for t in threads:
            t.start()
        store.add(corpus[8:])
        for t in threads:
            t.join()
    assert not errors, errors
    assert check_consistent(tmp_path / "c.db") == len(corpus)


# -- processes: kill -9 and concurrent writers ----------------------------------------------------------
def _add_command(folder: Path, db: Path) -> list[str]:
    return [sys.executable, "-m", "corroborate.cli", "add", str(folder), "--db", str(db), "--semantic", "off",
            "--quiet"]


def _kill_loop(tmp_path: Path, rounds: int, *, events: int = 60) -> int:
    """Kill `add` at random moments, check the database after each kill, then finish; returns how many kills
    landed mid-job."""
    corpus = synthetic_articles(events, 10, seed=11)
    folder = write_folder(corpus, tmp_path / "in")
    db = tmp_path / "k.db"
    rng = random.Random(rounds)
    stored = 0
    partial_rounds = 0
    for _ in range(rounds):
        proc = subprocess.Popen(_add_command(folder, db), cwd=REPO, stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE)
        time.sleep(rng.uniform(0.3, 3.0))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        if db.exists():
            now = check_consistent(db)
            assert now >= stored  # nothing committed is ever lost
            stored = now
            partial_rounds += 0 < now < len(corpus)
    done = subprocess.run(_add_command(folder, db), cwd=REPO, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert check_consistent(db) == len(corpus)
    clean_db = tmp_path / "clean.db"
    subprocess.run(_add_command(folder, clean_db), cwd=REPO, check=True, timeout=600)
    with Store(clean_db, config=LEXICAL) as clean, Store(db, config=LEXICAL) as killed:
        # Deterministic and resumable: the interrupted runs end with the stories of one clean run.
        assert partition(killed) == partition(clean)
    return partial_rounds


def test_kill_9_during_add_loses_nothing(tmp_path: Path) -> None:
    _kill_loop(tmp_path, rounds=5)


@pytest.mark.slow
def test_kill_9_during_add_loses_nothing_many_times(tmp_path: Path) -> None:
    # 3,000 articles: more than one `add` stores between two kills (0.3-3 s apart) on a fast machine, so the
    # kills land while articles are being stored.
    assert _kill_loop(tmp_path, rounds=20, events=300) > 0


def test_two_processes_add_at_once(tmp_path: Path) -> None:
    corpus = synthetic_articles(30, 8, seed=12)
    a = write_folder(corpus[:160], tmp_path / "a")
    b = write_folder(corpus[80:], tmp_path / "b")  # overlapping inputs: both try to store 80 of them
    db = tmp_path / "both.db"
    with Store(db, config=LEXICAL):
        pass  # create the schema first, so both writers meet an existing database
    procs = [subprocess.Popen(_add_command(folder, db), cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True) for folder in (a, b)]
    outputs = [p.communicate(timeout=600) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outputs
    assert check_consistent(db) == len(corpus)


def test_two_processes_create_the_database_at_once(tmp_path: Path) -> None:
    corpus = synthetic_articles(4, 3, seed=13)
    a = write_folder(corpus[:6], tmp_path / "a")
    b = write_folder(corpus[6:], tmp_path / "b")
    db = tmp_path / "fresh.db"
    procs = [subprocess.Popen(_add_command(folder, db), cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True) for folder in (a, b)]
    outputs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outputs
    assert check_consistent(db) == len(corpus)
