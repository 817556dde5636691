"""The age pool: its labels are locators that still resolve, and a candidate takes the label of its sentences."""

from __future__ import annotations

import json

import pytest
from bench.age_pool import LABELS, label_of


def _found(event: str, person: str, *sides: tuple[str, int, str]) -> dict:
    return {"event": event, "explanation": f"{person}: '41' (a) vs '42' (b)",
            "sides": [{"doc": d, "s": s, "check": c} for d, s, c in sides]}


def test_a_candidate_takes_the_label_of_its_person_and_sentences() -> None:
    labels = [{"event": "e1", "person": "age of Ann Roe", "label": "true",
               "sides": [{"doc": "x", "s": 2, "check": "aa"}, {"doc": "y", "s": 0, "check": "bb"}]}]
    found = _found("e1", "age of Ann Roe", ("y", 0, "bb"), ("x", 2, "aa"), ("z", 1, "cc"))
    assert label_of(found, labels) is labels[0]
    assert label_of(_found("e1", "age of Bo Roe", ("y", 0, "bb"), ("x", 2, "aa")), labels) is None
    with pytest.raises(ValueError):  # a sentence that changed under its locator fails loudly
        label_of(_found("e1", "age of Ann Roe", ("y", 0, "bb"), ("x", 2, "zz")), labels)


def test_the_labels_are_locators_without_text() -> None:
    data = json.loads(LABELS.read_text(encoding="utf-8"))
    for lab in data["labels"]:
        assert lab["label"] in ("true", "false") and lab["why"]
        for side in lab["sides"]:
            assert set(side) <= {"doc", "p", "s", "check", "value"} and len(side["check"]) == 10
            assert side["value"].isdigit()
