"""Run one evaluation task on rows read by :mod:`corroborate.eval.datasets` and return its scores."""

from __future__ import annotations

import random
import time
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

import numpy as np

from corroborate.eval.datasets import ClusterDoc, PairRow, mrpc_split
from corroborate.eval.metrics import ari, bcubed, binary_scores
from corroborate.model import Article

SAMPLE_SEED = 7


@dataclass(slots=True, frozen=True)
class Selection:
    """Which rows to score: a named split, the first ``limit`` rows, or a seeded ``sample``."""

    split: str | None = None
    limit: int | None = None
    sample: int | None = None
    seed: int = SAMPLE_SEED

    def __post_init__(self) -> None:
        for name in ("limit", "sample"):
            value = getattr(self, name)
            if value is not None and value < 1:
                raise ValueError(f"{name} must be >= 1, got {value}")


def _split_of(row: Any) -> str:
    if isinstance(row, ClusterDoc):
        return row.split
    return row.meta.get("split", "")


def select(rows: list[Any], fmt: str, selection: Selection) -> list[Any]:
    """Apply a selection. Clustering samples whole gold clusters, so sampled stories stay complete."""
    if selection.split:
        if fmt == "mrpc" and selection.split in {"heldout", "fit"}:
            fit, held = mrpc_split(len(rows))
            rows = [rows[i] for i in (held if selection.split == "heldout" else fit)]
        else:
            wanted = selection.split.lower()
            rows = [r for r in rows if _split_of(r).lower() == wanted]
        if not rows:
            raise ValueError(f"no rows in split {selection.split!r}")
    if selection.sample is not None and selection.sample < len(rows):
        rng = random.Random(selection.seed)
        if rows and isinstance(rows[0], ClusterDoc):
            by_gold: dict[str, list[ClusterDoc]] = defaultdict(list)
            for r in rows:
                by_gold[r.gold].append(r)
            labels = sorted(by_gold)
            rng.shuffle(labels)
            picked: list[ClusterDoc] = []
            for label in labels:
                if len(picked) >= selection.sample:
                    break
                picked.extend(by_gold[label])
            rows = picked
        else:
            keep = sorted(rng.sample(range(len(rows)), selection.sample))
            rows = [rows[i] for i in keep]
    if selection.limit is not None:
        rows = rows[: selection.limit]
    return rows


# Rows the shipped model or thresholds were fitted on (train/pairs.py, StoriesConfig): scores that include them
# are not held-out results, so the output says so.
_FITTED = {"sick": ("train", "--split TRIAL"), "summedits": ("evaluation", "--split test"),
           "ecbplus": ("train", "--split dev")}


def training_overlap(fmt: str, rows: list[Any], *, path: str, split: str | None) -> str | None:
    """A warning when the scored rows include rows corroborate was fitted on, else None."""
    if fmt == "mrpc":
        if "train" in path.rsplit("/", 1)[-1].lower() and split != "heldout":
            return "includes MRPC train rows the paraphrase head was fitted on; use --split heldout"
        return None
    if fmt in _FITTED:
        fitted, advice = _FITTED[fmt]
        if any(_split_of(r).lower() == fitted for r in rows):
            return f"includes {fmt} {fitted} rows that corroborate was fitted on; use {advice}"
    return None


def eval_stories(docs: list[ClusterDoc], *, semantic: str = "auto", config: Any = None,
                 embedder: Any = None) -> dict[str, Any]:
    from corroborate.stories.cluster import StoriesConfig, cluster_articles, method

    config = config or StoriesConfig(semantic=semantic)
    articles = [Article(d.id, d.outlet, d.title, d.published, None, d.text, url=d.url) for d in docs]
    start = time.perf_counter()
    name = method(config, embedder)
    clusters = cluster_articles(articles, config=config, embedder=embedder)
    seconds = time.perf_counter() - start
    predicted = {a: str(k) for k, c in enumerate(clusters) for a in c}
    gold = {d.id: d.gold for d in docs}
    p, r, f = bcubed(predicted, gold)
    return {"n": len(docs), "bcubed_precision": p, "bcubed_recall": r, "bcubed_f1": f, "ari": ari(predicted, gold),
            "predicted_clusters": len(clusters), "gold_clusters": len(set(gold.values())),
            "seconds": seconds, "method": name}


def eval_pairs(task: str, rows: list[PairRow], *, semantic: str = "auto", judge: Any = None) -> dict[str, Any]:
    """Score a pair task with the pair judge; the decision threshold is 0.5 on the head's probability."""
    from corroborate.eval.pairs import PairJudge

    judge = judge or PairJudge(semantic=semantic)
    a, b = [r.a for r in rows], [r.b for r in rows]
    start = time.perf_counter()
    out: dict[str, Any] = {"n": len(rows)}
    if task == "paraphrase":
        prob = judge.paraphrase(a, b)
        gold = [r.label == "1" for r in rows]
        s = binary_scores(list(prob >= 0.5), gold)
        out.update(accuracy=s["accuracy"], f1=s["f1"], precision=s["precision"], recall=s["recall"])
    elif task == "contradiction":
        proba = judge.nli(a, b)
        classes = judge.nli_classes()
        prob = proba[:, classes.index("CONTRADICTION")]
        gold = [r.label == "CONTRADICTION" for r in rows]
        s = binary_scores(list(prob >= 0.5), gold)
        out.update(accuracy=s["accuracy"], contradiction_precision=s["precision"],
                   contradiction_recall=s["recall"], contradiction_f1=s["f1"],
                   balanced_accuracy=s["balanced_accuracy"])
        labels = {r.label for r in rows}
        if labels <= set(classes) and len(labels) == 3:
            pred3 = [classes[i] for i in np.argmax(proba, axis=1)]
            out["accuracy_3way"] = float(np.mean([p == r.label for p, r in zip(pred3, rows, strict=True)]))
    elif task == "consistency":
        prob = judge.consistency(a, b)
        gold = [r.label == "1" for r in rows]
        s = binary_scores(list(prob >= 0.5), gold)
        out.update(balanced_accuracy=s["balanced_accuracy"], accuracy=s["accuracy"])
        pairs = _ranking_pairs(rows, prob)
        if pairs:
            out["ranking_accuracy"] = pairs  # Falke: is the correct sentence scored above the incorrect one?
    else:
        raise ValueError(f"unknown pair task {task!r}")
    out["positive_share_gold"] = float(np.mean(gold)) if rows else 0.0
    out["seconds"] = time.perf_counter() - start
    out["method"] = judge.method
    return out


def _ranking_pairs(rows: list[PairRow], prob: np.ndarray) -> float | None:
    """Share of groups holding exactly one consistent and one inconsistent claim where the consistent one
    scores higher (ties count half). None when the data has no such groups."""
    groups: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(rows):
        if r.group:
            groups[r.group].append(i)
    wins = []
    for idx in groups.values():
        labels = [rows[i].label for i in idx]
        if len(idx) == 2 and sorted(labels) == ["0", "1"]:
            good, bad = (idx[0], idx[1]) if labels[0] == "1" else (idx[1], idx[0])
            wins.append(1.0 if prob[good] > prob[bad] else 0.5 if prob[good] == prob[bad] else 0.0)
    return float(np.mean(wins)) if len(wins) >= max(len(rows) // 4, 1) else None


def evaluate(task: str, rows: list[Any], *, semantic: str = "auto") -> dict[str, Any]:
    if task == "stories":
        return eval_stories(rows, semantic=semantic)
    return eval_pairs(task, rows, semantic=semantic)
