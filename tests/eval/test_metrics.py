"""BCubed, ARI and binary scores on hand-computed examples."""

from __future__ import annotations

import pytest

from corroborate.eval.metrics import ari, bcubed, binary_scores


def test_bcubed_hand_example() -> None:
    gold = {"a": "x", "b": "x", "c": "y", "d": "y"}
    # a,b,c in one predicted cluster; d alone.
    pred = {"a": "1", "b": "1", "c": "1", "d": "2"}
    p, r, f = bcubed(pred, gold)
    assert p == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1) / 4)
    assert r == pytest.approx((1 + 1 + 1 / 2 + 1 / 2) / 4)
    assert f == pytest.approx(2 * p * r / (p + r))
    assert bcubed(gold, gold) == (1.0, 1.0, 1.0)


def test_bcubed_needs_same_items() -> None:
    with pytest.raises(ValueError):
        bcubed({"a": "1"}, {"b": "1"})


def test_ari_perfect_and_label_free() -> None:
    gold = {"a": "x", "b": "x", "c": "y"}
    assert ari({"a": "7", "b": "7", "c": "3"}, gold) == pytest.approx(1.0)


def test_binary_scores() -> None:
    s = binary_scores([True, True, False, False], [True, False, False, False])
    assert s["accuracy"] == 0.75 and s["precision"] == 0.5 and s["recall"] == 1.0
    assert s["balanced_accuracy"] == pytest.approx((1.0 + 2 / 3) / 2)
