"""JSON Lines exports: configurable fields, and one error per bad line while good lines still read."""

from __future__ import annotations

import json
from pathlib import Path

from corroborate.config import IngestConfig
from corroborate.ingest import read_sources
from corroborate.model import Article, InputError
from tests.conftest import REPO


def _read(tmp_path: Path, lines: list[str], *, config: IngestConfig | None = None) -> list[Article | InputError]:
    path = tmp_path / "export.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return list(read_sources([str(path)], config=config))


def _row(**fields: object) -> str:
    return json.dumps(fields, ensure_ascii=False)


def test_good_lines(tmp_path: Path) -> None:
    items = _read(tmp_path, [
        _row(id="x1", outlet="Bay Post", title="Pier reopens", published="2025-03-04", url="https://bay.example/p",
             text="The pier reopened on Monday."),
        _row(text="Harbour dues will rise in April.", url="https://www.baypost.example/d"),
    ])
    first, second = items
    assert isinstance(first, Article) and isinstance(second, Article)
    assert (first.outlet, first.title, first.published) == ("Bay Post", "Pier reopens", "2025-03-04")
    assert first.meta == {"format": "jsonl", "encoding": "utf-8", "line": "1", "source_id": "x1"}
    assert (second.outlet, second.title, second.published) == ("baypost.example", None, None)
    assert second.meta["line"] == "2"


def test_bad_lines_are_errors_and_the_rest_still_read(tmp_path: Path) -> None:
    items = _read(tmp_path, [
        _row(text="Line one is fine."),
        "{not json",
        _row(text="Line three is fine.", title=7),
        "[1, 2]",
        _row(title="No text here"),
        _row(text="   "),
        _row(text=["a", ["list", 3]]),
        _row(text="Line eight is fine.", id=True),
        "",
        _row(text="Line ten is fine.", published=20250304),
        _row(text="Line eleven is fine."),
    ])
    path = str(tmp_path / "export.jsonl")
    errors = [(e.path, e.error) for e in items if isinstance(e, InputError)]
    assert errors == [
        (path, "line 2: not valid JSON (Expecting property name enclosed in double quotes at column 2)"),
        (path, "line 3: field 'title' must be a string, got int"),
        (path, "line 4: record 1: expected a JSON object, got int"),
        (path, "line 4: record 2: expected a JSON object, got int"),
        (path, "line 5: missing text field 'text' (fields here: title; name the text field with --jsonl-text-field)"),
        (path, "line 6: text field 'text' is empty"),
        (path, "line 7: field 'text' must hold strings or lists of strings"),
        (path, "line 8: field 'id' must be a string or an integer, got bool"),
        (path, "line 10: field 'published' must be a string, got int"),
    ]
    texts = [a.text for a in items if isinstance(a, Article)]
    assert texts == ["Line one is fine.", "Line eleven is fine."]


def test_configurable_field_names(tmp_path: Path) -> None:
    config = IngestConfig(jsonl_text_field="body", jsonl_title_field="headline", jsonl_date_field="date",
                          jsonl_outlet_field="source", jsonl_url_field="link", jsonl_id_field="uid")
    [a] = _read(tmp_path, [_row(body="The lamp was restored.", headline="Lamp restored", date="4 March 2025",
                                source="Skerry Times", link="https://s.example/l", uid=42)], config=config)
    assert isinstance(a, Article)
    assert (a.text, a.title, a.published, a.outlet, a.url) == (
        "The lamp was restored.", "Lamp restored", "2025-03-04", "Skerry Times", "https://s.example/l")
    assert a.meta["source_id"] == "42"


def test_unparseable_date_is_kept_in_meta(tmp_path: Path) -> None:
    [a] = _read(tmp_path, [_row(text="The ferry sailed.", published="last Tuesday-ish")])
    assert isinstance(a, Article)
    assert a.published is None
    assert a.meta["published_raw"] == "last Tuesday-ish"


def test_line_separator_inside_a_string_does_not_split_the_line(tmp_path: Path) -> None:
    [a] = _read(tmp_path, [_row(text="First part\u2028second part, same article.")])
    assert isinstance(a, Article)
    assert "\u2028" in a.text


def test_only_blank_lines(tmp_path: Path) -> None:
    path = tmp_path / "blank.jsonl"
    path.write_text("\n\n", encoding="utf-8")
    [err] = read_sources([str(path)])
    assert isinstance(err, InputError)
    assert err.error == "empty file (only whitespace)"


def test_jsonl_sniffed_without_extension(tmp_path: Path) -> None:
    path = tmp_path / "export.dat"
    path.write_text(_row(text="Sniffed as JSON Lines.") + "\n", encoding="utf-8")
    [a] = read_sources([str(path)])
    assert isinstance(a, Article) and a.meta["format"] == "jsonl"


def test_example_island_herald() -> None:
    items = list(read_sources([str(REPO / "examples" / "island-herald.jsonl")]))
    assert [type(a) for a in items] == [Article, Article]
    assert {a.outlet for a in items if isinstance(a, Article)} == {"Island Herald"}


def test_a_pretty_printed_json_document_is_one_article_not_a_hundred_bad_lines(tmp_path: Path) -> None:
    # The shape of a BASIL article file: one object over many lines, the body as paragraphs of sentences,
    # the date under "date".
    record = {"source": "bay", "title": "Pier reopens", "date": "2025-03-04", "url": "https://bay.example/p",
              "body-paragraphs": [["The pier reopened on Monday.", "Crowds came early."], ["Fees rise in April."]]}
    path = tmp_path / "article.json"
    path.write_text(json.dumps(record, indent=4), encoding="utf-8")
    for config in (IngestConfig(), IngestConfig(jsonl_text_field="body-paragraphs")):
        (item,) = read_sources([str(path)], config=config)
        assert isinstance(item, Article)
        assert item.text == "The pier reopened on Monday. Crowds came early.\n\nFees rise in April."
        assert item.published == "2025-03-04" and item.title == "Pier reopens" and item.meta["format"] == "json"
    # found without being named, and said so; named, nothing to say
    assert item.meta.get("text_field") is None
    (found,) = read_sources([str(path)])
    assert isinstance(found, Article) and found.meta["text_field"] == "body-paragraphs"


def test_a_record_with_no_text_field_or_two_candidate_bodies_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "two.jsonl"
    path.write_text(json.dumps({"title": "Pier", "summary": "x"}) + "\n"
                    + json.dumps({"body": "The pier reopened.", "content": "The pier reopened on Monday."}) + "\n",
                    encoding="utf-8")
    none, two = read_sources([str(path)])
    assert isinstance(none, InputError) and "missing text field 'text'" in none.error and "summary" in none.error
    assert isinstance(two, InputError) and "line 2" in two.error and "body, content" in two.error


def test_a_json_array_of_articles_reads_each_and_names_the_bad_record(tmp_path: Path) -> None:
    path = tmp_path / "articles.json"
    path.write_text(json.dumps([{"text": "The pier reopened on Monday."}, {"title": "no text"}], indent=2),
                    encoding="utf-8")
    good, bad = read_sources([str(path)])
    assert isinstance(good, Article) and good.text == "The pier reopened on Monday."
    assert isinstance(bad, InputError) and bad.error.startswith("record 2: missing text field 'text'")


def test_a_compact_json_array_on_one_line_reads_each_article(tmp_path: Path) -> None:
    # `json.dump(list_of_articles, f)` writes the whole array on one line: each object is an article.
    path = tmp_path / "articles.json"
    path.write_text(json.dumps([{"text": "The pier reopened on Monday."}, {"title": "no text"}, 7]), encoding="utf-8")
    good, bad, odd = read_sources([str(path)])
    assert isinstance(good, Article) and good.text == "The pier reopened on Monday."
    assert isinstance(bad, InputError) and bad.error.startswith("line 1: record 2: missing text field 'text'")
    assert isinstance(odd, InputError) and odd.error == "line 1: record 3: expected a JSON object, got int"
    (empty,) = _read(tmp_path, ["[]"])
    assert isinstance(empty, InputError) and empty.error == "line 1: empty JSON array"
