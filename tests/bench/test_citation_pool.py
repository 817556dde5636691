"""The citation pool outside the gold: scoring on made-up sentences, and the labels themselves (locators, no
text)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from bench.citation_pool import VALUE, check_row, fingerprint, key, load_labels, score_event, summarize

from corroborate.errors import InputFormatError
from corroborate.model import Span
from tests.conftest import shared_path

OWN = "The bridge over the river closed on Monday after a crack was found."
SAME = "The river bridge was closed on Monday when engineers found a crack."
SIDE = "The bridge was built in 1962 and last repaired in 2004."


class _Event:
    """Three one-sentence documents, located as the gold's events locate spans."""

    event = "e"
    dataset = "made-up"

    def __init__(self) -> None:
        self.sentences = {("d1", 0): (0, len(OWN), OWN), ("d2", 0): (0, len(SAME), SAME),
                          ("d3", 0): (0, len(SIDE), SIDE)}

    def locate(self, span: Span) -> dict[str, Any]:
        doc = {"a1": "d1", "a2": "d2", "a3": "d3"}[span.article]
        return {"doc": doc, "s": 0, "start": span.start, "end": span.end}


OWN_SPAN, SAME_SPAN, SIDE_SPAN = Span("a1", 0, len(OWN), OWN), Span("a2", 0, len(SAME), SAME), \
    Span("a3", 0, len(SIDE), SIDE)


def _row(cited: Span, text: str, label: str) -> dict[str, Any]:
    doc = {"a2": "d2", "a3": "d3"}[cited.article]
    return {"event": "e", "own": key({"doc": "d1", "s": 0, "start": 0, "end": len(OWN)}),
            "wording": fingerprint(OWN), "cited": key({"doc": doc, "s": 0, "start": 0, "end": len(text)}),
            "check": fingerprint(text), "label": label, "note": "made up"}


def _labels(*rows: dict[str, Any]) -> dict[tuple[str, str, str], dict[str, Any]]:
    return {(r["event"], r["own"], r["cited"]): r for r in rows}


def test_shown_citations_are_scored_and_the_own_span_supports() -> None:
    labels = _labels(_row(SAME_SPAN, SAME, "supports"), _row(SIDE_SPAN, SIDE, "partial"))
    sent = {"text": OWN, "own": OWN_SPAN, "shown": [OWN_SPAN, SAME_SPAN, SIDE_SPAN],
            "candidates": [OWN_SPAN, SAME_SPAN, SIDE_SPAN]}
    s = summarize(score_event(_Event(), [sent], labels)["t"])
    assert (s["labelled"], s["others"], s["bare"]) == (3, 2, 0)
    assert s["support"] == pytest.approx(2.5 / 3) and s["strict"] == pytest.approx(2 / 3)
    assert s["others_support"] == pytest.approx(0.75)


def test_a_dropped_supporting_citation_lowers_recall_and_leaves_the_sentence_bare() -> None:
    labels = _labels(_row(SAME_SPAN, SAME, "supports"), _row(SIDE_SPAN, SIDE, "unsupported"))
    sent = {"text": OWN, "own": OWN_SPAN, "shown": [OWN_SPAN], "candidates": [OWN_SPAN, SAME_SPAN, SIDE_SPAN]}
    s = summarize(score_event(_Event(), [sent], labels)["t"])
    assert (s["labelled"], s["bare"], s["support"]) == (1, 1, 1.0)
    assert s["check_recall"] == 0.0 and s["check_precision"] is None


def test_an_unlabelled_shown_citation_is_counted_not_guessed() -> None:
    sent = {"text": OWN, "own": OWN_SPAN, "shown": [OWN_SPAN, SIDE_SPAN], "candidates": [OWN_SPAN, SIDE_SPAN]}
    s = summarize(score_event(_Event(), [sent], {})["t"])
    assert (s["labelled"], s["unlabelled"]) == (1, 1)


def test_a_locator_whose_sentence_changed_fails_loudly() -> None:
    row = _row(SAME_SPAN, SAME, "supports")
    row["check"] = fingerprint("Another sentence.")
    with pytest.raises(InputFormatError, match="no longer names"):
        check_row(_Event(), row)


def test_a_label_off_the_scale_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "labels.json"
    path.write_text(json.dumps({"labels": [{**_row(SAME_SPAN, SAME, "maybe")}]}), encoding="utf-8")
    with pytest.raises(InputFormatError, match="label must be one of"):
        load_labels(path)


def test_the_labels_are_locators_into_the_data() -> None:
    from bench.brief_pool import sample

    data = shared_path("data")
    labels = load_labels()
    assert len(labels) >= 180 and len({e for e, _o, _c in labels}) >= 40
    assert {r["label"] for r in labels.values()} == set(VALUE)
    events = {ev.event: ev for ev in sample(data)}
    for row in labels.values():
        assert 0 < len(row["note"]) <= 120  # a note in the labeller's words, never a copied sentence
        check_row(events[row["event"]], row)  # raises when the locator no longer names the labelled sentence


def test_pool_3_labels_are_locators_into_its_own_events() -> None:
    from bench.citation_pool import LABELS3, pool_events

    data = shared_path("data")
    labels = load_labels(LABELS3)
    assert len(labels) >= 200 and len({e for e, _o, _c in labels}) >= 40
    assert {r["label"] for r in labels.values()} == set(VALUE)
    events = {ev.event: ev for ev in pool_events(data, 3)}
    assert not set(events) & {ev.event for ev in pool_events(data, 1)}  # no event of pool 1 is drawn again
    for row in labels.values():
        assert 0 < len(row["note"]) <= 120 and (row["label"] == "supports") == ("class" not in row)
        check_row(events[row["event"]], row)
