"""The speaker pool outside the gold: scoring on made-up quotes, and the labels themselves (locators, no text)."""

from __future__ import annotations

from collections import Counter

from bench.speaker_pool import (
    FNC,
    FNC2_LABELS,
    FNC3,
    FNC3_LABELS,
    FNC4_LABELS,
    FNC5,
    FNC5_LABELS,
    FNC6_LABELS,
    FNC7,
    FNC8,
    FNC_LABELS,
    FRANK,
    FRANK_LABELS,
    events_for,
    load_labels,
    main,
    markdown,
    merge,
    resolve,
    score_event,
    summarize,
)

from corroborate.model import Quote, Span
from tests.conftest import shared_path


def _quote(speaker: str | None, start: int, end: int, article: str = "a1") -> Quote:
    return Quote(speaker, "said", "x", [Span(article, start, end, "x" * (end - start))], "direct", None)


def test_a_label_is_scored_against_the_quote_that_overlaps_it_most() -> None:
    labels = [
        {"event": "e", "doc": "d", "start": 10, "end": 50, "speaker": "Paul D. Ryan", "aliases": ["Ryan"]},
        {"event": "e", "doc": "d", "start": 60, "end": 90, "speaker": "unattributed"},
        {"event": "e", "doc": "d", "start": 100, "end": 120, "speaker": "Acme Corp", "aliases": ["Acme"]},
        {"event": "e", "doc": "d", "start": 130, "end": 140, "speaker": None, "quote": False},
        {"event": "e", "doc": "d", "start": 200, "end": 230, "speaker": "Ann Vale"},
    ]
    where = dict.fromkeys(range(len(labels)), ("a1", "x"))
    quotes = [_quote("Paul Ryan", 5, 30), _quote("Ryan", 20, 50),  # the second overlaps the first label most
              _quote(None, 60, 90), _quote("Mr. Smith", 100, 120), _quote("Acme", 130, 140)]
    t = score_event(labels, quotes, where)
    s = summarize(t)
    assert (t["quotes"], t["found"], t["correct"]) == (4, 3, 2)
    assert s["speaker_accuracy"] == 2 / 3 and s["recall"] == 3 / 4
    assert (t["non_quotes"], t["non_quotes_reported"]) == (1, 1)
    assert t["predicted_speakers"] == 2 and t["not_names"] == 1  # "Mr. Smith" is no labelled name
    assert [e["error"] for e in t["errors"]] == ["speaker", "missed"]


def test_the_labels_are_locators_into_the_data() -> None:
    data = shared_path("data")
    labels = load_labels()
    quotes = [lab for lab in labels if lab.get("quote", True) is not False]
    assert len(quotes) >= 200 and len({(lab["dataset"], lab["event"]) for lab in quotes}) >= 90
    for lab in labels:
        assert len(lab.get("note", "")) <= 160  # a note in the labeller's words, never a copied passage
        assert lab["speaker"] is None or len(lab["speaker"].split()) <= 8
    kinds = Counter("unattributed" if lab["speaker"] == "unattributed" else "named" for lab in quotes)
    assert kinds["named"] > kinds["unattributed"] > 0
    by_event = {(ev.dataset, ev.event): ev for ev in events_for(labels, data)}
    for lab in labels:  # every locator still holds the labelled words (their hash)
        assert resolve(lab, by_event[(lab["dataset"], lab["event"])])[1]


def test_the_second_pool_is_locators_into_the_fnc1_bodies() -> None:
    data = shared_path("data")
    labels = load_labels(FNC_LABELS)
    quotes = [lab for lab in labels if lab.get("quote", True) is not False]
    assert len(labels) == 150 and len({lab["event"] for lab in labels}) == 84 and len(quotes) >= 120
    assert {lab["dataset"] for lab in labels} == {FNC}
    for lab in labels:
        assert len(lab.get("note", "")) <= 160  # the labeller's words, never a copied passage
        assert lab["speaker"] is None or len(lab["speaker"].split()) <= 10  # names only
    kinds = Counter("unattributed" if lab["speaker"] == "unattributed" else "named" for lab in quotes)
    assert kinds["named"] > kinds["unattributed"] > 0
    by_event = {ev.event: ev for ev in events_for(labels, data)}
    assert set(by_event) == {lab["event"] for lab in labels}
    for lab in labels:  # every locator still holds the labelled words (their hash)
        assert resolve(lab, by_event[lab["event"]])[1]


def test_the_second_pool_is_scored_apart_from_the_first() -> None:
    first = {"dataset": "ecbplus", "event": "e", "doc": "d", "start": 0, "end": 10, "speaker": "Ann Vale"}
    second = {"dataset": FNC, "event": "fnc-1", "doc": "fnc_1", "start": 0, "end": 10, "speaker": "unattributed"}
    where = {0: ("a1", "x")}
    merged = {"ecbplus": merge([score_event([first], [_quote("Ann Vale", 0, 10)], where)])}
    merged["all"] = merge(list(merged.values()))
    merged[FNC] = merge([score_event([second], [_quote("Ann Vale", 0, 10)], where)])
    assert summarize(merged["all"])["speaker_accuracy"] == 1.0 and summarize(merged[FNC])["speaker_accuracy"] == 0.0
    assert "pool 2: FNC-1 bodies" in markdown(merged, 1, {}, 0.0)


def test_the_third_pool_uses_fnc1_bodies_the_second_did_not() -> None:
    data = shared_path("data")
    second, third = load_labels(FNC_LABELS, FNC), load_labels(FNC2_LABELS, FNC3)
    assert len(third) == 100 and len({lab["event"] for lab in third}) == 58
    assert not {lab["event"] for lab in second} & {lab["event"] for lab in third}
    assert {lab["dataset"] for lab in third} == {FNC} and {lab["_row"] for lab in third} == {FNC3}
    _holds_locators(third, FNC3, "pool 3: FNC-1 bodies", data)


def test_the_fifth_pool_uses_fnc1_bodies_no_earlier_pool_did() -> None:
    data = shared_path("data")
    earlier = [*load_labels(FNC_LABELS), *load_labels(FNC2_LABELS), *load_labels(FNC3_LABELS)]
    fifth = load_labels(FNC4_LABELS, FNC5)
    quotes = [lab for lab in fifth if lab.get("quote", True) is not False]
    assert len(fifth) == 115 and len({lab["event"] for lab in fifth}) == 60 and len(quotes) >= 100
    assert not {lab["event"] for lab in earlier} & {lab["event"] for lab in fifth}
    assert {lab["dataset"] for lab in fifth} == {FNC} and {lab["_row"] for lab in fifth} == {FNC5}
    _holds_locators(fifth, FNC5, "pool 5: FNC-1 bodies", data)


def _holds_locators(labels: list[dict], row: str, title: str, data) -> None:
    """Names and short notes only (no text), every locator still on its labelled words, and the pool's table row."""
    for lab in labels:
        assert len(lab.get("note", "")) <= 160 and len(lab["speaker"].split()) <= 10
    by_event = {ev.event: ev for ev in events_for(labels, data)}
    for lab in labels:  # the hash of the labelled words still matches
        assert resolve(lab, by_event[lab["event"]])[1]
    merged = {row: merge([score_event([labels[0]], [], {0: ("a1", "x")})])}
    assert title in markdown(merged, 0, {}, 0.0)


def test_the_sixth_pool_is_frank_articles_of_both_outlets() -> None:
    """Pool 6: locators into FRANK's CNN/DM and BBC articles (one event each), about half the spans from each outlet,
    names and short notes only, every locator on its labelled words, and a row of its own."""
    from bench.frank_articles import articles, candidates, sample

    data = shared_path("data")
    sixth = load_labels(FRANK_LABELS)
    quotes = [lab for lab in sixth if lab.get("quote", True) is not False]
    assert len(sixth) == 145 and len(quotes) >= 110 and {lab["dataset"] for lab in sixth} == {FRANK}
    # The labels are exactly the sample the loader draws: every candidate of the first articles in hash order.
    assert [(lab["event"], lab["start"], lab["end"]) for lab in sixth] == \
        [(f"frank-{h}", s, e) for h, _, s, e in sample(data, 70)]
    outlets = Counter(articles(data)[lab["event"].removeprefix("frank-")][0] for lab in sixth)
    assert outlets["bbc"] >= 60 and outlets["cnndm"] >= 60
    for lab in sixth:
        assert len(lab.get("note", "")) <= 160 and len(lab["speaker"].split()) <= 10
    by_event = {ev.event: ev for ev in events_for(sixth, data)}
    assert set(by_event) == {lab["event"] for lab in sixth}
    for lab in sixth:
        assert resolve(lab, by_event[lab["event"]])[1]
    merged = {FRANK: merge([score_event([sixth[0]], [], {0: ("a1", "x")})])}
    assert "pool 6: FRANK CNN/DM and BBC articles" in markdown(merged, 0, {}, 0.0)
    # Daily Mail copy quotes in single marks; an apostrophe inside a word opens and closes nothing.
    assert candidates("She said: 'It was Ann's idea to go there,' and left.") == [(11, 41)]



def test_the_seventh_pool_is_the_draw_of_unread_fnc1_bodies() -> None:
    """Pool 7: exactly the draw of bench/fnc_quote_sample.py over bodies after pool 5's that no other file of bench/gold
    names (so no body anyone read while fixing), names and short notes only, every locator on its labelled words."""
    from bench.fnc_quote_sample import draw, taken

    data = shared_path("data", "fnc1").parent
    seventh = load_labels(FNC5_LABELS, FNC7)
    quotes = [lab for lab in seventh if lab.get("quote", True) is not False]
    assert len(seventh) == 100 and len({lab["event"] for lab in seventh}) == 60 and len(quotes) >= 90
    kinds = Counter("unattributed" if lab["speaker"] == "unattributed" else "named" for lab in quotes)
    assert kinds["named"] > kinds["unattributed"] > 0
    read = taken(data, own=FNC5_LABELS)
    assert not read & {int(lab["event"].removeprefix("fnc-")) for lab in seventh}
    sample, last = draw(data, 389, 60, 100, read)
    assert [(f"fnc-{b}", s, e) for b, s, e in sample] == [(lab["event"], lab["start"], lab["end"]) for lab in seventh]
    assert last == 634
    # The same draw rebuilds pool 5 (from index 301, nothing skipped but repeated bodies).
    fifth = load_labels(FNC4_LABELS)
    assert [(f"fnc-{b}", s, e) for b, s, e in draw(data, 301, 60, 115)[0]] == \
        [(lab["event"], lab["start"], lab["end"]) for lab in fifth]
    assert {lab["dataset"] for lab in seventh} == {FNC} and {lab["_row"] for lab in seventh} == {FNC7}
    _holds_locators(seventh, FNC7, "pool 7: unread FNC-1 bodies after pool 5's", data)


def test_the_eighth_pool_is_the_next_draw_after_the_held_out_pool() -> None:
    """Pool 8: the same draw as pool 7's, from the body after pool 7's last, so no body of pool 7 or of any other file
    of bench/gold; names and short notes only, every locator on its labelled words, a row of its own."""
    from bench.fnc_quote_sample import draw, taken

    data = shared_path("data", "fnc1").parent
    eighth = load_labels(FNC6_LABELS, FNC8)
    quotes = [lab for lab in eighth if lab.get("quote", True) is not False]
    assert len(eighth) == 80 and len({lab["event"] for lab in eighth}) == 50 and len(quotes) >= 70
    read = taken(data, own=FNC6_LABELS)
    assert {int(lab["event"].removeprefix("fnc-")) for lab in load_labels(FNC5_LABELS)} <= read
    sample, last = draw(data, 635, 50, 80, read)
    assert [(f"fnc-{b}", s, e) for b, s, e in sample] == [(lab["event"], lab["start"], lab["end"]) for lab in eighth]
    assert last == 756 and {lab["_row"] for lab in eighth} == {FNC8}
    _holds_locators(eighth, FNC8, "pool 8: FNC-1 bodies after pool 7's (tune)", data)


def test_a_run_over_all_pools_does_not_explain_the_held_out_pool(monkeypatch, capsys) -> None:
    """--explain prints pool 7's errors only when pool 7 is asked for alone: it is a held-out check."""
    import bench.speaker_pool as sp

    def fake_run(labels, data, semantic):
        rows = {lab.get("_row", lab["dataset"]) for lab in labels}
        out = {row: {**score_event([], [], {}), "errors": [{"event": f"made-up-{row}"}]} for row in rows}
        return out, {}, 0.0

    monkeypatch.setattr(sp, "run", fake_run)
    main(["--explain", "--pool", "all"])
    printed = capsys.readouterr().out
    assert "made-up-fnc1-pool5" in printed and "made-up-fnc1-pool7" not in printed
    assert "made-up-fnc1-pool8" in printed  # the tune pool after it is explained like pools 1-6
    main(["--explain", "--pool", "7"])
    assert "made-up-fnc1-pool7" in capsys.readouterr().out


def test_the_fnc_draw_pairs_double_marks_within_a_line() -> None:
    from bench.fnc_quote_sample import candidates

    text = 'He said "we will be there by noon" and left.\nShe wrote "it was Ann\'s idea all along\nNext "a b c" day.'
    assert candidates(text) == [(9, 33), (56, 83)]  # the open mark runs to the end of its line only
