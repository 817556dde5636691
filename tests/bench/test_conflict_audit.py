"""The ECB+ flag audit: label matching and scoring, and the labels themselves (locators, no text)."""

from __future__ import annotations

import json

import pytest
from bench.conflict_audit import LABELS, label_of, mcms_pool, score

from tests.conftest import shared_path


def _flag(event: str, kind: str, *where: tuple[str, int]) -> dict:
    return {"event": event, "kind": kind, "sides": [{"doc": d, "s": s, "value": "v", "sentence": ""} for d, s in where]}


def test_a_flag_takes_the_label_whose_two_sentences_it_holds() -> None:
    labels = [{"event": "1ecb", "kind": "date", "sides": [{"doc": "1_1ecb", "s": 2}, {"doc": "1_4ecb", "s": 0}],
               "label": "true"},
              {"event": "1ecb", "kind": "number", "sides": [{"doc": "1_1ecb", "s": 3}, {"doc": "1_2ecb", "s": 1}],
               "label": "false"}]
    assert label_of(_flag("1ecb", "date", ("1_4ecb", 0), ("1_9ecb", 5), ("1_1ecb", 2)), labels)["label"] == "true"
    assert label_of(_flag("1ecb", "date", ("1_1ecb", 2)), labels) is None  # one side only
    assert label_of(_flag("1ecb", "place", ("1_1ecb", 2), ("1_4ecb", 0)), labels) is None  # another kind
    flags = [_flag("1ecb", "date", ("1_1ecb", 2), ("1_4ecb", 0)), _flag("1ecb", "number", ("1_1ecb", 3), ("1_2ecb", 1)),
             _flag("2ecb", "date", ("2_1ecb", 0), ("2_2ecb", 0))]
    result = score(flags, labels, articles=20)
    assert (result["flags"], result["labelled"], result["unreviewed"], result["false"]) == (3, 2, 1, 1)
    assert result["precision"] == 0.5 and result["per_article"] == 0.15


def test_the_labels_are_locators_into_the_data() -> None:
    data = shared_path("data", "ecbplus", "ecbplus_docs.jsonl")
    if not data.is_file():
        pytest.skip(f"{data} not found: the ECB+ data in ../shared is needed to resolve the audit labels")
    docs = {}
    for line in data.read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        docs[d["doc_id"]] = d
    labels = json.loads(LABELS.read_text(encoding="utf-8"))["labels"]
    assert len(labels) >= 80
    mcms = {(ev.event, name): {k[1] for k in ev.sentences if k[0] == name}
            for ev in mcms_pool(shared_path("data")) for name in ev.doc_article}
    for lab in labels:
        assert lab["label"] in {"true", "debatable", "false"} and lab["why"]
        for side in lab["sides"]:
            assert len(side["value"].split()) <= 6  # a value, never a sentence
            if lab["event"].startswith("mcms-"):
                assert side["s"] in mcms[(lab["event"], side["doc"])]
                continue
            doc = docs[side["doc"]]
            assert doc["subtopic"] == lab["event"] and 0 <= side["s"] < len(doc["sentences"])
