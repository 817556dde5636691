"""`corroborate add`, `stories` and `show` through the CLI, with a database in tmp_path."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from corroborate.cli import main
from corroborate.store import db as store_db
from tests.store.test_core import check_consistent, synthetic_articles, write_folder

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return write_folder(synthetic_articles(4, 3, seed=21), tmp_path / "in")


def _add(paths: list[str], db: Path, *extra: str) -> int:
    return main(["add", *paths, "--db", str(db), "--semantic", "off", *extra])


def test_add_then_list_stories(tmp_path: Path, folder: Path, capsys: pytest.CaptureFixture) -> None:
    db = tmp_path / "c.db"
    assert _add([str(folder)], db) == 0
    out = capsys.readouterr().out
    assert "added 12 article(s), 0 already stored; 12 article(s) in 4 story(ies)" in out
    assert _add([str(folder)], db) == 0
    assert "added 0 article(s), 12 already stored" in capsys.readouterr().out
    assert main(["stories", "--db", str(db)]) == 0
    rows = capsys.readouterr().out.strip().splitlines()
    assert len(rows) == 4 and all(r.startswith("s") and "3 article(s)" in r for r in rows)
    assert main(["stories", "--db", str(db), "--json"]) == 0
    stories = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert sorted(len(s["articles"]) for s in stories) == [3, 3, 3, 3]
    assert {"id", "title", "articles", "outlets", "first_published", "last_published"} <= set(stories[0])
    check_consistent(db)


def test_stories_since(tmp_path: Path, folder: Path, capsys: pytest.CaptureFixture) -> None:
    db = tmp_path / "c.db"
    _add([str(folder)], db)
    capsys.readouterr()
    assert main(["stories", "--db", str(db), "--json", "--since", "2024-01-07"]) == 0
    recent = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert recent and all(s["last_published"] >= "2024-01-07" for s in recent) and len(recent) < 4
    assert main(["stories", "--db", str(db), "--since", "whenever"]) == 1
    assert "since must be a date" in capsys.readouterr().err


def test_default_database_from_environment(tmp_path: Path, folder: Path, monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture) -> None:
    monkeypatch.setenv("CORROBORATE_DB", str(tmp_path / "env.db"))
    assert main(["add", str(folder), "--semantic", "off", "-q"]) == 0
    assert (tmp_path / "env.db").exists()
    monkeypatch.delenv("CORROBORATE_DB")
    monkeypatch.chdir(tmp_path)
    assert main(["stories"]) == 1  # ./corroborate.db does not exist yet
    assert "no such database" in capsys.readouterr().err


def test_add_exit_codes(tmp_path: Path, folder: Path, capsys: pytest.CaptureFixture) -> None:
    db = tmp_path / "c.db"
    assert _add([str(tmp_path / "nothing-here")], db) == 1
    err = capsys.readouterr().err
    assert "nothing-here" in err and "no article could be read" in err
    assert _add([str(folder), str(tmp_path / "missing.txt")], db) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "missing.txt" in err[0]


def test_add_with_dask_engine(tmp_path: Path, folder: Path, capsys: pytest.CaptureFixture) -> None:
    pytest.importorskip("distributed")
    local, dask = tmp_path / "local.db", tmp_path / "dask.db"
    assert _add([str(folder)], local, "-q") == 0
    assert _add([str(folder)], dask, "-q", "--engine", "dask") == 0
    dump = {}
    for path in (local, dask):
        conn = sqlite3.connect(path)
        dump[path] = (conn.execute("SELECT a.id, m.story_id, m.score FROM story_members m JOIN articles a "
                                   "ON a.seq = m.seq ORDER BY 1").fetchall(),
                      conn.execute("SELECT a.id, f.signature, l.buckets FROM fingerprints f JOIN articles a "
                                   "ON a.seq = f.seq JOIN lsh l ON l.seq = f.seq ORDER BY 1").fetchall())
        conn.close()
    assert dump[local] == dump[dask]


def test_full_disk_is_one_line(tmp_path: Path, folder: Path, monkeypatch: pytest.MonkeyPatch,
                               capsys: pytest.CaptureFixture) -> None:
    real_connect = store_db.connect

    def tiny(path: Path, *, pragmas=None):
        conn = real_connect(path, pragmas=pragmas)
        conn.execute("PRAGMA max_page_count = 40")  # a ~160 KB "disk"
        return conn

    monkeypatch.setattr(store_db, "connect", tiny)
    big = write_folder(synthetic_articles(30, 5, seed=22), tmp_path / "big")
    assert _add([str(big)], tmp_path / "full.db") == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "database or disk is full" in err[0] and err[0].startswith("corroborate: error:")


def test_show_unknown_story_and_missing_db(tmp_path: Path, folder: Path, capsys: pytest.CaptureFixture) -> None:
    db = tmp_path / "c.db"
    assert main(["show", "s1", "--db", str(db)]) == 1
    assert "no such database" in capsys.readouterr().err
    _add([str(folder)], db)
    assert main(["show", "s99", "--db", str(db)]) == 1
    assert "no story 's99'" in capsys.readouterr().err


def test_show_renders_the_cross_check(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    if not EXAMPLES.exists():
        pytest.skip("examples/ not found")
    db = tmp_path / "ex.db"
    assert _add([str(EXAMPLES)], db, "-q") == 0
    assert main(["stories", "--db", str(db), "--json"]) == 0
    stories = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    biggest = max(stories, key=lambda s: len(s["articles"]))
    assert len(biggest["articles"]) >= 2  # the ferry grounding, reported by several outlets
    assert main(["show", biggest["id"], "--db", str(db), "--format", "json", "--semantic", "off"]) == 0
    first = capsys.readouterr().out
    report = json.loads(first)
    assert sorted(a["id"] for a in report["articles"]) == sorted(biggest["articles"])
    assert [s["id"] for s in report["stories"]] == [biggest["id"]]  # the stored id, in every view
    for other in stories:
        assert main(["show", other["id"], "--db", str(db), "-f", "json", "--semantic", "off", "--nlp", "off"]) == 0
        assert [s["id"] for s in json.loads(capsys.readouterr().out)["stories"]] == [other["id"]]
    for a in report["articles"]:
        text = a["text"]
        for story in report["stories"]:
            for statement in story["statements"]:
                for span in statement["spans"]:
                    if span["article"] == a["id"]:
                        assert text[span["start"]:span["end"]] == span["text"]
    # Second time: served from the database's cache, byte for byte the same document.
    assert main(["show", biggest["id"], "--db", str(db), "--format", "json", "--semantic", "off"]) == 0
    assert capsys.readouterr().out == first
    assert main(["show", biggest["id"], "--db", str(db), "--format", "markdown", "--semantic", "off"]) == 0
    assert capsys.readouterr().out.strip()


def test_add_refuses_an_article_over_max_article_chars(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    (tmp_path / "long.txt").write_text("The harbour reopened today after the storm. " * 40, encoding="utf-8")
    (tmp_path / "short.txt").write_text("The ferry sailed again on Friday morning after repairs.", encoding="utf-8")
    db = tmp_path / "c.db"
    assert main(["add", str(tmp_path / "long.txt"), str(tmp_path / "short.txt"), "--db", str(db),
                 "--semantic", "off", "--max-article-chars", "500"]) == 2
    err = capsys.readouterr().err
    assert "long.txt" in err and "article too long" in err
    assert main(["add", str(tmp_path / "short.txt"), "--db", str(db), "--config", str(tmp_path / "nope.toml")]) == 1
    assert "nope.toml" in capsys.readouterr().err


def test_quiet_and_verbose_on_the_store_commands(tmp_path: Path, folder: Path, capsys: pytest.CaptureFixture) -> None:
    db = tmp_path / "c.db"
    assert _add([str(folder)], db, "-q") == 0
    assert capsys.readouterr() == ("", "")  # -q: no summary, no notes
    assert _add([str(folder)], db, "-v") == 0
    captured = capsys.readouterr()
    assert "already stored" in captured.out and "  time read+store: " in captured.err
    assert main(["stories", "--db", str(db), "-v"]) == 0
    assert "  time query: " in capsys.readouterr().err
    assert main(["stories", "--db", str(db), "-q"]) == 0
    assert capsys.readouterr().err == ""
    assert main(["show", "s1", "--db", str(db), "-f", "jsonl", "--semantic", "off", "--nlp", "off", "-v"]) == 0
    captured = capsys.readouterr()
    (line,) = captured.out.splitlines()
    assert json.loads(line)["id"] == "s1"
    assert "  time render: " in captured.err and "time total (show):" in captured.err
