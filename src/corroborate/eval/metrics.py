"""Scores: BCubed and ARI for clusterings; accuracy, F1 and balanced accuracy for labelled pairs."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any


def bcubed(predicted: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    """BCubed precision, recall and F1 (Bagga & Baldwin 1998) of item -> cluster maps over the same items."""
    if set(predicted) != set(gold):
        raise ValueError("predicted and gold clusterings must cover the same items")
    if not gold:
        return 0.0, 0.0, 0.0
    pair = Counter((predicted[i], gold[i]) for i in gold)
    pred_size = Counter(predicted.values())
    gold_size = Counter(gold.values())
    # Each item in the cell (p, g) has cell-size correct items among its pred cluster and its gold cluster.
    p = sum(n * n / pred_size[pc] for (pc, _), n in pair.items()) / len(gold)
    r = sum(n * n / gold_size[gc] for (_, gc), n in pair.items()) / len(gold)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def ari(predicted: dict[str, str], gold: dict[str, str]) -> float:
    from sklearn.metrics import adjusted_rand_score

    items = sorted(gold)
    return float(adjusted_rand_score([gold[i] for i in items], [predicted[i] for i in items]))


def binary_scores(pred: Sequence[bool], gold: Sequence[bool]) -> dict[str, float]:
    """Accuracy, and precision / recall / F1 of the positive class; balanced accuracy."""
    if len(pred) != len(gold):
        raise ValueError("pred and gold must have the same length")
    tp = sum(p and g for p, g in zip(pred, gold, strict=True))
    fp = sum(p and not g for p, g in zip(pred, gold, strict=True))
    fn = sum(g and not p for p, g in zip(pred, gold, strict=True))
    tn = len(gold) - tp - fp - fn
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    tnr = tn / (tn + fp) if tn + fp else 0.0
    # With one class absent, balanced accuracy is the recall of the class present.
    parts = [x for x, present in ((recall, tp + fn), (tnr, tn + fp)) if present]
    return {"accuracy": (tp + tn) / len(gold) if gold else 0.0, "precision": precision, "recall": recall,
            "f1": f1, "balanced_accuracy": sum(parts) / len(parts) if parts else 0.0}


def rounded(value: Any) -> Any:
    """Scores for printing: floats to 4 decimals, inside dicts and lists too."""
    if isinstance(value, float):
        return round(value, 4)
    if isinstance(value, dict):
        return {k: rounded(v) for k, v in value.items()}
    if isinstance(value, list):
        return [rounded(v) for v in value]
    return value
