"""The same-fact cross-encoder (train/same_fact.py, not shipped): pair layout, symmetry, batch independence,
and what it says of made-up pairs."""

from __future__ import annotations

import numpy as np
import pytest

from corroborate.ingest.embed import semantic_available
from train import same_fact

needs_model = pytest.mark.skipif(not (semantic_available() and same_fact.available()),
                                 reason="MiniLM (corroborate[semantic]) not installed, or "
                                        "train/work/same_fact.safetensors not built (python -m train.nli)")

SAME = ("The ferry carrying 200 passengers sank off Calais on Monday, officials said.",
        "Officials said the ferry, which had 200 passengers on board, went down near Calais on Monday.")
CHANGED = ("The ferry carrying 200 passengers sank off Calais on Monday, officials said.",
           "The ferry carrying 450 passengers sank off Calais on Monday, officials said.")
DENIED = ("The minister resigned after the vote on Tuesday.",
          "The minister did not resign after the vote on Tuesday.")
OTHER = ("The ferry carrying 200 passengers sank off Calais on Monday, officials said.",
         "The port of Dover will reopen on Friday after repairs, the company announced.")


@needs_model
def test_a_pair_is_one_input_with_both_sides_cut_to_their_share() -> None:
    from corroborate.ingest import encoder

    _torch, tok, _model = encoder.load(1)
    long = " ".join(["word"] * 200)
    ids = same_fact.pair_ids([("Short one.", long)])[0]
    assert ids[0] == tok.cls_token_id and ids[-1] == tok.sep_token_id
    assert ids.count(tok.sep_token_id) == 2
    assert len(ids) == 3 + len(tok(["Short one."], add_special_tokens=False)["input_ids"][0]) + same_fact.MAX_SIDE


@needs_model
def test_probabilities_are_symmetric_rounded_and_independent_of_the_batch() -> None:
    together = same_fact.probabilities([SAME, CHANGED, DENIED, OTHER])
    alone = np.stack([same_fact.probabilities([p])[0] for p in (SAME, CHANGED, DENIED, OTHER)])
    assert np.array_equal(together, alone)
    swapped = same_fact.probabilities([(b, a) for a, b in (SAME, CHANGED, DENIED, OTHER)])
    assert np.array_equal(together, swapped)
    assert np.allclose(together.sum(axis=1), 1.0, atol=2e-4)
    assert np.array_equal(together, np.round(together, 4))


@needs_model
def test_a_changed_figure_or_a_denial_reads_as_a_contradiction_and_a_rewording_does_not() -> None:
    same, changed, denied, other = same_fact.probabilities([SAME, CHANGED, DENIED, OTHER])
    contradiction = same_fact.LABELS.index("contradiction")
    entailment = same_fact.LABELS.index("entailment")
    assert changed[contradiction] > 0.5 and denied[contradiction] > 0.5
    assert changed[contradiction] > same[contradiction] and denied[contradiction] > same[contradiction]
    assert other.argmax() == same_fact.LABELS.index("neutral")  # another fact: neither alike nor at odds
    reworded, = same_fact.probabilities([("Police said 27 people died in the fire on Tuesday.",
                                           "Officials said 27 people were killed in Tuesday's fire.")])
    assert reworded[entailment] > reworded[contradiction]


def test_no_pairs_no_model_load() -> None:
    assert same_fact.probabilities([]).shape == (0, 3)
