"""Exports of a story's conflicts and statements: CSV a spreadsheet opens safely, JSON in the contract's shapes."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from corroborate.model import Conflict, to_json
from corroborate.web.export import ConflictRow, StatementRow, conflict_rows, export
from tests.render.builders import sample_report


def _csv(text: str) -> list[dict[str, str]]:
    assert text.startswith("\ufeff")  # spreadsheets read the file as UTF-8
    return list(csv.DictReader(io.StringIO(text[1:])))


def test_conflicts_csv_has_one_row_per_side_most_confident_first() -> None:
    report = sample_report()
    story = report.stories[0]
    story.conflicts = list(reversed(story.conflicts))  # the cross-check's order: least confident first here
    rows = _csv(export(report, "s1", "conflicts", "csv")[0])
    assert [r["conflict"] for r in rows] == ["1", "1", "2", "2"]
    assert [r["kind"] for r in rows[::2]] == ["number", "drift"]  # 0.86 before 0.74
    first = rows[:2]
    assert [r["value"] for r in first] == ["two", "four"] and [r["outlet"] for r in first] == ["harbour-gazette",
                                                                                                "coast-wire"]
    article = report.article(first[0]["article"])
    assert article.text[int(first[0]["start"]):int(first[0]["end"])] == first[0]["passage"]
    assert first[0]["what"] == "different numbers" and list(rows[0]) == [f for f in ConflictRow.__slots__]


def test_statements_csv_and_json() -> None:
    report = sample_report()
    rows = _csv(export(report, "s1", "statements", "csv")[0])
    assert len(rows) == sum(len(s.statements) for s in report.stories) and list(rows[0]) == list(
        StatementRow.__slots__)
    assert rows[0]["outlets"] == "harbour-gazette; coast-wire; daily-echo" and rows[0]["independent_sources"] == "2"
    document = json.loads(export(report, "s1", "statements", "json")[0])
    assert document["story"] == "s1" and document["statements"] == [
        to_json(st) for s in report.stories for st in s.statements]
    conflicts = json.loads(export(report, "s1", "conflicts", "json")[0])["conflicts"]
    assert [c["confidence"] for c in conflicts] == sorted((c["confidence"] for c in conflicts), reverse=True)
    for c in conflicts:
        for span in c["spans"]:
            assert report.article(span["article"]).text[span["start"]:span["end"]] == span["text"]
    with pytest.raises(ValueError):
        export(report, "s1", "articles", "csv")


def test_a_cell_a_spreadsheet_would_run_is_defused() -> None:
    report = sample_report()
    template = report.stories[0].conflicts[0]
    report.stories[0].conflicts = [Conflict("number", template.spans, ["=HYPERLINK(\"http://x\")", "@SUM(1)"],
                                            "-2+3", 0.9)]
    text = export(report, "s1", "conflicts", "csv")[0]
    rows = _csv(text)
    assert [r["value"] for r in rows] == ["'=HYPERLINK(\"http://x\")", "'@SUM(1)"]
    assert rows[0]["explanation"] == "'-2+3" and len(conflict_rows(report)) == 2


def test_download_endpoints(store_db: tuple[Path, dict[str, str]]) -> None:
    pytest.importorskip("fastapi", reason="the web extra is not installed")
    from fastapi.testclient import TestClient

    from corroborate.web.app import create_app
    from tests.web.storefix import CONFIG

    db, ids = store_db
    story = ids["story"]
    with TestClient(create_app(db, config=CONFIG), base_url="http://127.0.0.1") as client:
        api = client.get(f"/api/stories/{story}").json()
        for table in ("conflicts", "statements"):
            r = client.get(f"/api/stories/{story}/{table}.csv")
            assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
            assert r.headers["content-disposition"] == f'attachment; filename="{story}-{table}.csv"'
            assert r.headers["x-content-type-options"] == "nosniff"
            expected = sum(len(c["spans"]) for c in api["stories"][0]["conflicts"]) if table == "conflicts" \
                else len(api["stories"][0]["statements"])
            assert len(_csv(r.text)) == expected
            js = client.get(f"/api/stories/{story}/{table}.json")
            assert js.headers["content-type"] == "application/json" and len(js.json()[table]) == len(
                api["stories"][0][table])
        page = client.get(f"/stories/{story}").text
        assert f'href="/api/stories/{story}/conflicts.csv" download' in page
        assert f'href="/api/stories/{story}/statements.json" download' in page
        assert client.get(f"/api/stories/{story}/conflicts.xlsx").status_code == 422
        assert client.get("/api/stories/s999/conflicts.csv").status_code == 404
