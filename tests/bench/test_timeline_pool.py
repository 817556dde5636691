"""The timeline pool outside the gold: scoring on made-up articles, and the labels themselves (locators, no text)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bench.timeline_pool import (
    LABELS2,
    LABELS3,
    STRATA,
    PoolEvent,
    fingerprint,
    load_labels,
    pool_events,
    precision_of,
    run,
    score_event,
    summarize,
)

from corroborate.errors import InputFormatError
from corroborate.model import Article
from tests.conftest import shared_path

TEXT = "The ferry sank on Wednesday off the coast. She appeared on 'Tonight' later. Rescue ended yesterday."


def _label(text: str, expression: str, date: str) -> dict[str, object]:
    start = text.index(expression)
    return {"dataset": "made-up", "event": "e", "doc": "d1", "start": start, "end": start + len(expression),
            "check": fingerprint(expression), "date": date}


def _event(labels: list[dict[str, object]], text: str = TEXT) -> PoolEvent:
    ev = PoolEvent("made-up", "e", [Article("a1", "o", None, "2021-11-26", None, text)], {"d1": "a1"})
    for row in labels:
        (ev.nones if row["date"] == "none" else ev.gold["timeline"]).append(row)
    return ev


def test_labels_are_scored_by_the_gold_timeline_scorer() -> None:
    ev = _event([_label(TEXT, "Wednesday", "2021-11-24"), _label(TEXT, "yesterday", "2021-11-24")])
    s = summarize(score_event(ev))
    # "on Wednesday" (past: the 24th) is right; "yesterday" is the 25th, so its label is dated wrong.
    assert (s["gold"], s["matched"]) == (2, 2)
    assert s["coverage"] == 1.0 and s["date_accuracy"] == 0.5


def test_a_date_reported_on_a_none_label_lowers_precision() -> None:
    text = "The ferry sank on Wednesday off the coast."
    right = summarize(score_event(_event([_label(text, "Wednesday", "2021-11-24")], text)))
    wrong = summarize(score_event(_event([_label(text, "Wednesday", "none")], text)))
    assert right["precision"] == 1.0 and right["false_dates"] == 0
    assert wrong["precision"] == 0.0 and wrong["false_dates"] == 1 and wrong["gold"] == 0


def test_a_locator_whose_text_changed_fails_loudly() -> None:
    row = _label(TEXT, "Wednesday", "2021-11-24")
    row["check"] = fingerprint("Thursday")
    with pytest.raises(InputFormatError, match="no longer names"):
        score_event(_event([row]))


@pytest.mark.parametrize(("value", "kind"), [("2021-11-24", "day"), ("2021-11", "month"), ("2021", "year"),
                                             ("1930/1939", "range"), ("none", "none"), ("2021-W47", "other")])
def test_label_precision(value: str, kind: str) -> None:
    assert precision_of(value) == kind


def test_a_week_is_no_label(tmp_path: Path) -> None:
    path = tmp_path / "labels.json"
    path.write_text(json.dumps({"labels": [{**_label(TEXT, "Wednesday", "2021-W47")}]}), encoding="utf-8")
    with pytest.raises(InputFormatError, match="no ISO day"):
        load_labels(path)


def test_the_labels_are_locators_into_the_data() -> None:
    data = shared_path("data")
    labels = load_labels()
    assert len(labels) >= 150 and len({(r["dataset"], r["event"]) for r in labels}) >= 70
    for row in labels:
        assert 0 < len(row["note"]) <= 160  # a note in the labeller's words, never a copied passage
        assert row["end"] - row["start"] <= 40  # an expression, not a passage
    events = pool_events(data, labels)
    for ev in events:
        for row in ev.gold["timeline"] + ev.nones:
            ev.span(row)  # raises when the offsets no longer name the labelled expression


def test_pool_2_is_fresh_locators_in_three_strata() -> None:
    data = shared_path("data")
    first, second = load_labels(), load_labels(LABELS2)
    assert 120 <= len(second) <= 150 and {r["stratum"] for r in second} == set(STRATA) - {"deictic"}
    taken = {(r["doc"], r["start"], r["end"]) for r in first}
    for row in second:
        assert 0 < len(row["note"]) <= 160 and row["end"] - row["start"] <= 40
        # no expression of pool 1 again: pool 2 is read fresh
        assert not any(d == row["doc"] and s < row["end"] and row["start"] < e for d, s, e in taken)
    for ev in pool_events(data, second, LABELS2):
        assert ev.source == LABELS2
        for row in ev.gold["timeline"] + ev.nones:
            ev.span(row)


def test_pool_3_is_fresh_locators_in_four_strata() -> None:
    data = shared_path("data")
    third = load_labels(LABELS3)
    assert 120 <= len(third) <= 170 and {r["stratum"] for r in third} == set(STRATA)
    assert sum(r["date"] == "none" for r in third) >= 20  # undated words were drawn too: rhetoric, titles, habits
    taken = [(r["doc"], r["start"], r["end"]) for r in load_labels() + load_labels(LABELS2)]
    for k, row in enumerate(third):
        assert 0 < len(row["note"]) <= 160 and row["end"] - row["start"] <= 40
        # no expression of pools 1-2 again, and none twice within pool 3
        others = taken + [(r["doc"], r["start"], r["end"]) for r in third[:k]]
        assert not any(d == row["doc"] and s < row["end"] and row["start"] < e for d, s, e in others)
    for ev in pool_events(data, third, LABELS3):
        for row in ev.gold["timeline"] + ev.nones:
            ev.span(row)


def test_each_pool_scores_on_its_own_rows() -> None:
    rows = run(shared_path("data"), "all")
    assert {"1|all", "2|all", "2|relative", "2|reported", "2|scan", "3|all", "3|deictic"} <= set(rows)
    assert "1|relative" not in rows and "2|deictic" not in rows  # pool 1 has no strata, pool 2 three
