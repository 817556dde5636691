"""Loading the real-news gold: article texts, locator resolution, and one-line errors naming the file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bench.gold import label_tool

from corroborate.cli import main
from corroborate.errors import InputFormatError
from corroborate.eval.gold import DEFAULT_GOLD, build_event, gold_files, load_events, locators
from tests.conftest import shared_path
from tests.eval import goldfixture as fx


def test_basil_text_joins_sentences_and_paragraphs() -> None:
    ev = fx.event()
    nyt = ev.article("nyt")
    assert nyt.text == ("Sen. Jane Doe said 27 people died on Tuesday. “We will rebuild the town together,” "
                        "Ms. Doe said.\n\nThe storm hit Ohio in 2013 and again this year.")
    assert (nyt.outlet, nyt.title, nyt.published) == ("nyt", "Storm kills 27", "2014-03-26")
    assert [a.outlet for a in ev.articles] == ["fox", "nyt"]  # sorted by document name
    assert len({a.id for a in ev.articles}) == 2
    assert fx.event().articles[0].id == ev.articles[0].id  # stable ids


def test_locator_resolves_to_sentence_substring() -> None:
    ev = fx.event()
    s = fx.span(ev, "nyt", 1, 0, "Ohio")
    assert s.text == "Ohio" and ev.article("nyt").text[s.start:s.end] == "Ohio"
    sent = fx.sentence(ev, "nyt", 0, 1)
    assert sent.text == "“We will rebuild the town together,” Ms. Doe said."
    assert ev.locate(s) == {"doc": "nyt", "p": 1, "s": 0, "start": 14, "end": 18}


def test_quote_over_two_sentences_spans_both() -> None:
    ev = fx.event()
    q = ev.range_span(fx.loc("nyt", 0, 0, "27 people"), fx.loc("nyt", 0, 1, "We will"))
    assert q.text == "27 people died on Tuesday. “We will"


def test_bad_locator_names_the_file() -> None:
    data = fx.gold()
    data["timeline"][0]["end"] = 999
    with pytest.raises(InputFormatError, match=r"fake/basil/ev-1\.json"):
        fx.event(data)
    data = fx.gold()
    data["conflicts"][0]["a"]["value"] = "28"  # the stored value must be the text the offsets name
    with pytest.raises(InputFormatError, match=r"ev-1\.json.*not its value"):
        fx.event(data)
    data = fx.gold()
    data["quotes"][0]["start"]["p"] = 7
    with pytest.raises(InputFormatError, match="names no sentence"):
        fx.event(data)


def test_missing_document_and_missing_section() -> None:
    with pytest.raises(InputFormatError, match="document 'hpo'"):
        build_event({**fx.gold(), "docs": {"hpo": "x", "nyt": "u-nyt"}}, fx.DOCS, Path("g.json"))
    data = fx.gold()
    del data["entities"]
    with pytest.raises(InputFormatError, match=r"g\.json: gold file without entities"):
        build_event(data, fx.DOCS, Path("g.json"))
    data = fx.gold()
    del data["quotes"][1]["speaker"]
    with pytest.raises(InputFormatError, match=r"g\.json: quotes\[1\] without speaker"):
        build_event(data, fx.DOCS, Path("g.json"))


def test_ecbplus_drops_url_sentence_and_takes_host() -> None:
    docs = {"9_1ecbplus": {"doc_id": "9_1ecbplus", "corpus_part": "ecbplus", "source_url": "http://www.ex.com/a",
                           "sentences": [{"sent_id": 0, "text": "http : / / www . ex . com / a"},
                                         {"sent_id": 1, "text": "Title line"},
                                         {"sent_id": 2, "text": "Ms . Doe said so ."}]},
            "9_1ecb": {"doc_id": "9_1ecb", "corpus_part": "ecb", "source_url": None,
                       "sentences": [{"sent_id": 0, "text": "First sentence ."}]}}
    data = {"dataset": "ecbplus", "event": "9ecbplus", "split": "tune", "docs": ["9_1ecb", "9_1ecbplus"],
            "conflicts": [], "near_misses": [], "quotes": [], "entities": [], "brief_facts": [],
            "timeline": [{"doc": "9_1ecbplus", "s": 2, "start": 0, "end": 7, "value": "Ms . Do", "date": "2000"}]}
    ev = build_event(data, docs, Path("e.json"))
    plus = ev.article("9_1ecbplus")
    assert plus.text == "Title line\nMs . Doe said so ." and plus.outlet == "ex.com" and plus.published is None
    assert ev.article("9_1ecb").outlet == "9_1ecb" and ev.article("9_1ecb").text == "First sentence ."
    assert ev.span(data["timeline"][0]).text == "Ms . Do"
    with pytest.raises(InputFormatError, match="names no sentence"):
        ev.span({"doc": "9_1ecbplus", "s": 0, "start": 0, "end": 4})


def test_bad_gold_file_exits_1_with_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "basil" / "broken.json"
    bad.parent.mkdir()
    bad.write_text("{\"dataset\": ", encoding="utf-8")
    assert main(["eval", "conflicts", "--gold", str(tmp_path), "--data", str(tmp_path)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and str(bad) in err
    assert main(["eval", "quotes", "--gold", str(tmp_path / "nowhere")]) == 1
    assert "nowhere" in capsys.readouterr().err


def test_gold_without_data_names_the_data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "basil").mkdir()
    (tmp_path / "basil" / "ev-1.json").write_text(json.dumps(fx.gold()), encoding="utf-8")
    assert main(["eval", "entities", "--gold", str(tmp_path), "--data", str(tmp_path / "nodata")]) == 1
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "nodata" in err


def test_every_gold_file_resolves_against_the_data() -> None:
    """Each locator of every gold file present names the same text as the sentence it points into."""
    data = shared_path("data")
    if not gold_files(DEFAULT_GOLD):
        pytest.skip(f"no gold files under {DEFAULT_GOLD}")
    sources = {"basil": label_tool.basil_events(data / "basil"), "ecbplus": label_tool.ecb_events(data / "ecbplus")}
    events = load_events(DEFAULT_GOLD, data)
    assert len(events) == len(gold_files(DEFAULT_GOLD))
    for ev in events:
        docs = sources[ev.dataset][ev.event]
        for lo in locators(ev.gold):
            sentence = label_tool.sentence(ev.dataset, docs, lo)
            assert ev.span(lo).text == sentence[lo["start"]:lo["end"]], (ev.path, lo)
            assert ev.sentence_span(lo).text == sentence, (ev.path, lo)
        for a in ev.articles:
            assert a.text and a.id == ev.doc_article[ev.article_doc[a.id]]
