"""The drift pool outside the gold: scoring on made-up pairs, and the labels themselves (locators, no text)."""

from __future__ import annotations

import json

from bench.drift_pool import LABELS, key, score


def _side(doc: str, start: int, check: str) -> dict[str, object]:
    return {"doc": doc, "start": start, "end": start + 10, "check": check}


def _pair(start: int, kept: bool, check: str = "aaaa") -> dict[str, object]:
    return {"event": "e", "kept": kept, "a": _side("d1", start, check), "b": _side("d2", start, check)}


def _label(start: int, rewrite: bool, change: str | None = None, check: str = "aaaa") -> dict[str, object]:
    return {"event": "e", "a": _side("d1", start, check), "b": _side("d2", start, check), "rewrite": rewrite,
            "change": change}


def test_score_counts_rewrites_on_each_side_and_moved_locators() -> None:
    pairs = [_pair(0, True), _pair(10, True), _pair(20, False), _pair(30, False, check="bbbb"), _pair(40, True)]
    labels = [_label(0, True, "meaning"), _label(10, False), _label(20, False), _label(30, True, "wording")]
    out = score(pairs, labels)
    assert out["pairs"] == 5 and out["kept"] == 3
    assert (out["kept_read"], out["kept_rewrites"], out["kept_changed"]) == (2, 1, 1)
    assert (out["cleared_read"], out["cleared_rewrites"]) == (1, 0)
    assert out["moved"] == 1  # the pair at 30 no longer holds the words it was labelled on


def test_the_labels_are_locators_without_text() -> None:
    data = json.loads(LABELS.read_text(encoding="utf-8"))
    labels = data["labels"]
    assert len(labels) == 80 and len({key(x) for x in labels}) == 80
    for x in labels:
        assert set(x) == {"event", "a", "b", "rewrite", "change"}
        assert set(x["a"]) == set(x["b"]) == {"doc", "start", "end", "check"}
        assert len(x["a"]["check"]) == 10
        assert (x["change"] is None) == (not x["rewrite"])
        assert x["change"] in (None, "meaning", "wording", "none")
