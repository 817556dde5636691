"""Training pairs of the same-fact experiment: the changed side differs in one value the other side states."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from train import nli_data

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
needs_shared = pytest.mark.skipif(not (SHARED / "data" / "mrpc").is_dir(), reason="../shared/data not present")


def test_a_changed_value_is_one_both_sentences_state() -> None:
    rng = random.Random(1)
    a = "Officials said 27 people died in the fire in Ohio on Tuesday."
    b = "Police said 27 people were killed on Tuesday in Ohio."
    number = nli_data.change_number(b, a, rng, [])
    assert number is not None and "27" not in number and number != b
    assert nli_data.change_date(b, a, rng, []).count("Tuesday") == 0
    assert nli_data.change_place(b, a, rng, []).count("Ohio") == 0
    assert nli_data.change_number("No figure here.", a, rng, []) is None  # nothing shared, nothing changed
    assert nli_data.change_negation("The plan was approved.", "", rng, []) == "The plan was not approved."
    assert nli_data.change_negation("The plan was not approved.", "", rng, []) == "The plan was approved."


@needs_shared
def test_training_and_held_out_pairs_do_not_share_a_row() -> None:
    train = nli_data.pairs(SHARED, "train")
    held = nli_data.pairs(SHARED, "heldout")
    assert {p.label for p in train} == {0, 1, 2}
    seen = {(p.a, p.b) for p in train if p.source in {"mnli", "mrpc"}}
    assert not any((p.a, p.b) in seen or (p.b, p.a) in seen for p in held if p.source in {"mnli", "mrpc"})
    changed = [p for p in train if p.source.startswith("mrpc-") and p.source != "mrpc-keep"]
    assert changed and all(p.label == 2 for p in changed)
    assert nli_data.pairs(SHARED, "train") == train  # seeded: the same set on every run
