"""Plain-text articles: header blocks, the scraper's inline date header, headline titles, outlets."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from corroborate.ingest import read_sources
from corroborate.ingest.text import parse_header
from corroborate.model import Article, InputError
from corroborate.text.mojibake import repair_mojibake
from tests.conftest import REPO, shared_path


def _one(path: Path) -> Article:
    items = list(read_sources([str(path)]))
    assert len(items) == 1 and isinstance(items[0], Article), items
    return items[0]


def test_header_block_fills_fields_and_text_is_unchanged(tmp_path: Path) -> None:
    raw = ("Title: Lighthouse lamp restored\nOutlet: Skerry Times\nDate: 2025-06-01\n"
           "URL: https://skerrytimes.example/lamp\nAuthor: R. Vance\n\n"
           "The lamp at Gannet Head shone again on Saturday.\n\nVolunteers spent two years on it.\n")
    path = tmp_path / "lamp.txt"
    path.write_text(raw, encoding="utf-8")
    a = _one(path)
    assert a.text == raw  # the header stays: clean records it as removals instead
    assert (a.title, a.outlet, a.published) == ("Lighthouse lamp restored", "Skerry Times", "2025-06-01")
    assert a.url == "https://skerrytimes.example/lamp"
    assert a.meta == {"format": "text", "encoding": "utf-8", "author": "R. Vance"}
    assert a.path == str(path)


def test_header_fields_point_into_the_text() -> None:
    raw = "Title: Quay repaired\r\nDate: 4 March 2025\r\n\r\nThe quay was repaired."
    fields = parse_header(raw)
    assert [(f.field, f.value) for f in fields] == [("title", "Quay repaired"), ("published", "4 March 2025")]
    for f in fields:
        assert raw[f.start:f.end].endswith(f.value)
        assert f.reason == "metadata header"
        assert "\n" not in raw[f.start:f.end] and "\r" not in raw[f.start:f.end]


def test_inline_date_header_sets_published(tmp_path: Path) -> None:
    raw = " date 2024-10-02 The council has approved a new sea wall for the north beach.\n\nWork starts in May.\n"
    path = tmp_path / "wall.txt"
    path.write_text(raw, encoding="utf-8")
    a = _one(path)
    assert a.published == "2024-10-02"
    assert a.text == raw
    [field] = parse_header(raw)
    assert (field.reason, raw[field.start:field.end]) == ("date header", "date 2024-10-02")


def test_date_line_that_is_not_a_date_is_prose(tmp_path: Path) -> None:
    raw = "Date: to be confirmed, organisers said on Friday.\n\nThe regatta may move.\n"
    assert parse_header(raw) == []
    path = tmp_path / "regatta.txt"
    path.write_text(raw, encoding="utf-8")
    assert _one(path).published is None


def test_word_date_inside_prose_is_not_a_header() -> None:
    assert parse_header("The date 2025-01-01 was chosen for the launch.") == []
    assert parse_header("Sources said the ferry was late.") == []  # "Sources", not "Source:"


def test_headline_first_line_becomes_title(tmp_path: Path) -> None:
    path = tmp_path / "storm.txt"
    path.write_text("Storm closes coastal road\n\nThe coast road was shut on Sunday after waves hit it.\n",
                    encoding="utf-8")
    assert _one(path).title == "Storm closes coastal road"


def test_sentence_first_line_is_not_a_title(tmp_path: Path) -> None:
    path = tmp_path / "storm.txt"
    path.write_text("The coast road was shut on Sunday.\n\nWaves hit it twice.\n", encoding="utf-8")
    assert _one(path).title is None


def test_outlet_falls_back_to_url_host_then_file_stem(tmp_path: Path) -> None:
    a_path = tmp_path / "story-a.txt"
    a_path.write_text("URL: https://www.tidewatch.example/x\n\nBoats returned early.\n", encoding="utf-8")
    b_path = tmp_path / "story-b.txt"
    b_path.write_text("Boats returned early today.\n", encoding="utf-8")
    assert _one(a_path).outlet == "tidewatch.example"
    assert _one(b_path).outlet == "story-b"


def test_same_text_in_two_files_has_one_id(tmp_path: Path) -> None:
    for name in ("one.txt", "two.txt"):
        (tmp_path / name).write_text("The pier reopened after repairs.\n", encoding="utf-8")
    ids = {a.id for a in read_sources([str(tmp_path)]) if isinstance(a, Article)}
    assert len(ids) == 1


def test_latin1_file_records_encoding(tmp_path: Path) -> None:
    path = tmp_path / "cafe.txt"
    path.write_bytes("Le café du port a rouvert à midi, a déclaré la propriétaire.\n".encode("latin-1"))
    a = _one(path)
    assert "café" in a.text and "à midi" in a.text
    assert a.meta["encoding"] == "cp1252"


def test_utf16_bom_file(tmp_path: Path) -> None:
    path = tmp_path / "u16.txt"
    path.write_bytes("\ufeffThe ferry timetable changes on Monday.\n".encode("utf-16-le"))
    a = _one(path)
    assert a.text == "The ferry timetable changes on Monday.\n"
    assert a.meta["encoding"] == "utf-16"


def test_seed_date_header_and_outlets() -> None:
    seeds = shared_path("seeds")
    articles = [a for a in read_sources([str(seeds)]) if isinstance(a, Article)]
    by_outlet = {a.outlet: a for a in articles}
    assert set(by_outlet) == {p.stem for p in seeds.glob("*.txt")}
    dated = [a for a in articles if a.outlet.startswith("001_")]
    assert dated and dated[0].published == "2021-11-26"
    for a in articles:
        assert a.text == Path(a.path).read_text(encoding="utf-8")  # never modified


def test_example_gazette() -> None:
    a = _one(REPO / "examples" / "harbour-gazette.txt")
    assert a.outlet == "Harbour Gazette"
    assert a.title == "Ferry runs aground on Sennock Reef off Port Elin"
    assert a.published == "2025-03-04T13:05:00+00:00"


def test_example_scrape_has_inline_date_and_file_outlet() -> None:
    a = _one(REPO / "examples" / "daily-buzz.txt")
    assert (a.outlet, a.published) == ("daily-buzz", "2025-03-05")
    assert not isinstance(a, InputError)


def test_mojibake_is_repaired_before_the_article_is_built(tmp_path: Path) -> None:
    # UTF-8 read once as cp1252, then saved as UTF-8 again: "é" became "Ã©", "£" "Â£", "’" "â€™".
    raw = ("Ferry fares rise in RenÃ©e Bay\n\nCarla RenÃ©e paid Â£40 for a ticket, up from Â£32.\n"
           "The harbourmasterâ€™s office said fuel costs more. Señora Müller, in São Paulo, agreed: «½ price» "
           "at 5°C.\n")
    path = tmp_path / "fares.txt"
    path.write_text(raw, encoding="utf-8")
    a = _one(path)
    assert a.title == "Ferry fares rise in Renée Bay"
    assert a.text == ("Ferry fares rise in Renée Bay\n\nCarla Renée paid £40 for a ticket, up from £32.\n"
                      "The harbourmaster’s office said fuel costs more. Señora Müller, in São Paulo, agreed: "
                      "«½ price» at 5°C.\n")
    spans = [tuple(map(int, part.split(":"))) for part in a.meta["mojibake"].split()]
    assert [a.text[s:e] for s, e in spans] == ["é", "é", "£", "£", "’"]  # the correct accents stay as they are



def test_mojibake_without_ftfy_is_an_error_naming_the_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "ftfy", None)  # as if it were not installed
    path = tmp_path / "fares.txt"
    path.write_text("Carla RenÃ©e paid for a ticket.\n", encoding="utf-8")
    (item,) = read_sources([str(path)])
    assert isinstance(item, InputError) and "pip install ftfy" in item.error
    clean_path = tmp_path / "plain.txt"
    clean_path.write_text("Carla Renée paid for a ticket.\n", encoding="utf-8")
    assert isinstance(_one(clean_path), Article)  # text without mojibake never needs it


_WORDS = ("André", "Åsa", "£40", "café", "naïve", "São", "Zürich", "—", "…", "“quote”", "it’s", "plain", "5°C",
          "½", "Œuvre", "€5", "Łódź", "日本", "😀")


@given(st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from(("", "cp1252", "latin-1")),
                          st.sampled_from((" ", "\n", "\n\n", ", ", "\r\n", "\xa0"))), min_size=1, max_size=12))
@example([("—", "cp1252", "\xa0"), ("—", "latin-1", "\xa0")])  # ftfy's mixed repair: left as read
@settings(max_examples=300, deadline=None)
def test_each_mojibake_repair_says_what_stood_where(parts: list[tuple[str, str, str]]) -> None:
    # Put back what each repair replaced and the text as read comes back exactly: the spans are right.
    text = "".join((w.encode().decode(codec, errors="replace") if codec else w) + sep for w, codec, sep in parts)
    repaired, repairs = repair_mojibake(text)
    rebuilt, pos = [], 0
    for r in repairs:
        assert pos <= r.start < r.end <= len(repaired)
        rebuilt += [repaired[pos:r.start], r.was]
        pos = r.end
    assert "".join([*rebuilt, repaired[pos:]]) == text
    if all(codec == "" for _, codec, _ in parts):
        assert (repaired, repairs) == (text, ())
