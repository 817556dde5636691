"""The FNC-1 flag pool: groups, label matching by sentence offsets, and the labels themselves (locators)."""

from __future__ import annotations

import pytest
from bench.conflict_fnc import GROUPS, check_labels, events, groups, label_of, load_labels, score

from tests.conftest import shared_path


def _flag(event: str, kind: str, *where: tuple[str, int]) -> dict:
    return {"event": event, "kind": kind, "sides": [{"doc": d, "s": 0, "start": at, "value": "v"} for d, at in where]}


def test_a_flag_takes_the_label_whose_sentences_hold_its_spans() -> None:
    labels = [{"event": "fncg-1", "kind": "number", "label": "false",
               "sides": [{"doc": "fnc_5", "start": 100, "end": 180}, {"doc": "fnc_9", "start": 0, "end": 60}]}]
    assert label_of(_flag("fncg-1", "number", ("fnc_9", 10), ("fnc_5", 120)), labels) is not None
    assert label_of(_flag("fncg-1", "number", ("fnc_9", 10), ("fnc_5", 180)), labels) is None  # past the sentence
    assert label_of(_flag("fncg-1", "date", ("fnc_9", 10), ("fnc_5", 120)), labels) is None  # another kind
    result = score([_flag("fncg-1", "number", ("fnc_9", 10), ("fnc_5", 120)), _flag("fncg-2", "date")], labels, 8)
    assert (result["labelled"], result["unreviewed"], result["false"], result["precision"]) == (1, 1, 1, 0.0)
    # A natural disagreement is found by a flag of any kind that holds both its sentences.
    natural = [{**labels[0], "kind": "entity"}, {**labels[0], "event": "fncg-3"}]
    result = score([_flag("fncg-1", "number", ("fnc_9", 10), ("fnc_5", 120))], labels, 8, natural)
    assert (result["natural"], result["natural_found"]) == (2, 1)


def test_the_pool_and_its_labels_resolve_in_the_data() -> None:
    data = shared_path("data")
    if not (data / "fnc1" / "competition_test_stances.csv").is_file():
        pytest.skip("the FNC-1 data in ../shared is needed to build the pool")
    pool = groups(data)
    assert len(pool) == GROUPS
    bodies = [b for _, bs in pool for b, _ in bs]
    assert len(bodies) == len(set(bodies))  # a body serves one group only
    assert all(3 <= len(bs) <= 8 for _, bs in pool) and sum(any(s == "disagree" for _, s in bs) for _, bs in pool) >= 30
    labels, natural = load_labels(), load_labels(section="natural")
    check_labels([*labels, *natural], events(data))  # every locator still holds the words it was labelled on
    assert natural and all(nat["why"] for nat in natural)
    for lab in labels:
        assert lab["label"] in {"true", "debatable", "false"} and lab["why"]
        assert all(len(side["value"].split()) <= 5 for side in lab["sides"])  # a value, never a sentence


def test_pool_2_is_the_next_groups_of_the_same_order_with_its_own_labels() -> None:
    from bench.conflict_fnc import POOLS

    data = shared_path("data")
    if not (data / "fnc1" / "competition_test_stances.csv").is_file():
        pytest.skip("the FNC-1 data in ../shared is needed to build the pool")
    first, end, path, _, _ = POOLS[2]
    assert groups(data, end)[:first] == groups(data)  # asking for more groups never changes the earlier ones
    evs = events(data, end, first)
    assert [ev.event for ev in evs] == [f"fncg-{k}" for k in range(first, end)]
    assert not {d for ev in evs for d in ev.gold["stances"]} & {d for ev in events(data) for d in ev.gold["stances"]}
    labels, natural = load_labels(path), load_labels(path, section="natural")
    check_labels([*labels, *natural], evs, path)
    assert len(natural) >= 20 and all(nat["why"] and len(nat["sides"]) == 2 for nat in natural)
    for lab in [*labels, *natural]:
        assert all(len(side["value"].split()) <= 5 for side in lab["sides"])
