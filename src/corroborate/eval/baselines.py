"""Reference baselines that ``bench/eval.py`` sets beside corroborate: majority class, and a cosine threshold on
TF-IDF or MiniLM vectors. Every threshold (and, for pairs, its direction) is chosen on a *tuning* set of rows
that are never the rows scored; the bench says which set it used."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from corroborate.eval.datasets import ClusterDoc, PairRow
from corroborate.eval.metrics import bcubed, binary_scores
from corroborate.eval.pairs import split_sentences

THRESHOLDS = np.round(np.arange(-0.2, 1.0001, 0.01), 2)


@dataclass(slots=True, frozen=True)
class Fitted:
    threshold: float
    above: bool  # positive when the cosine is >= threshold (True) or < threshold (False)


def positive_label(task: str) -> str:
    return "CONTRADICTION" if task == "contradiction" else "1"


def _objective(task: str, pred: list[bool], gold: list[bool]) -> float:
    s = binary_scores(pred, gold)
    return {"paraphrase": s["accuracy"], "contradiction": s["f1"], "consistency": s["balanced_accuracy"]}[task]


def fit_threshold(task: str, scores: np.ndarray, gold: list[bool]) -> Fitted:
    """The threshold and direction that maximise the task's measure on the tuning rows (ties: lower threshold)."""
    best, best_value = Fitted(0.5, True), -1.0
    for above in (True, False):
        for t in THRESHOLDS:
            pred = list(scores >= t) if above else list(scores < t)
            value = _objective(task, pred, gold)
            if value > best_value + 1e-12:
                best, best_value = Fitted(float(t), above), value
    return best


def apply(fitted: Fitted, scores: np.ndarray) -> list[bool]:
    return list(scores >= fitted.threshold) if fitted.above else list(scores < fitted.threshold)


class TfidfCosine:
    """TF-IDF (word unigrams, sublinear tf) fitted on the tuning texts only; cosine of two texts."""

    def __init__(self, texts: list[str]) -> None:
        from sklearn.feature_extraction.text import TfidfVectorizer

        self.vectorizer = TfidfVectorizer(sublinear_tf=True).fit(texts)

    def __call__(self, a: list[str], b: list[str]) -> np.ndarray:
        va, vb = self.vectorizer.transform(a), self.vectorizer.transform(b)
        return np.asarray(va.multiply(vb).sum(axis=1)).ravel()


def minilm_cosine(embed: Callable[[list[str]], np.ndarray]) -> Callable[[list[str], list[str]], np.ndarray]:
    def cosine(a: list[str], b: list[str]) -> np.ndarray:
        return np.sum(embed(a) * embed(b), axis=1) if a else np.zeros(0)

    return cosine


def pair_scores(task: str, rows: list[PairRow], cosine: Callable[[list[str], list[str]], np.ndarray]) -> np.ndarray:
    """Cosine of each pair; for consistency, the best cosine between the claim and any source sentence."""
    if task != "consistency":
        return cosine([r.a for r in rows], [r.b for r in rows])
    out = []
    for r in rows:
        sents = split_sentences(r.a)[:300]
        out.append(float(np.max(cosine(sents, [r.b] * len(sents)))))
    return np.asarray(out)


def majority(task: str, tune: list[PairRow], rows: list[PairRow]) -> dict[str, float]:
    """Predict the tuning rows' most frequent label for every scored row."""
    pos = positive_label(task)
    share = np.mean([r.label == pos for r in tune])
    pred = [bool(share > 0.5)] * len(rows)
    return binary_scores_for(task, pred, [r.label == pos for r in rows])


def cluster_by_threshold(vectors: np.ndarray, ids: list[str], threshold: float) -> dict[str, str]:
    """Average-linkage agglomerative clustering on cosine distance, cut at ``1 - threshold``."""
    from sklearn.cluster import AgglomerativeClustering

    if len(ids) < 2:
        return {i: "0" for i in ids}
    empty = ~np.any(vectors != 0, axis=1)
    if empty.any():  # a text with no known word: give it a dimension of its own so it stays a singleton
        marks = np.zeros((len(ids), int(empty.sum())))
        marks[np.flatnonzero(empty), np.arange(int(empty.sum()))] = 1.0
        vectors = np.hstack([vectors, marks])
    labels = AgglomerativeClustering(n_clusters=None, metric="cosine", linkage="average",
                                     distance_threshold=1.0 - threshold).fit_predict(vectors)
    return {i: str(label) for i, label in zip(ids, labels, strict=True)}


def fit_cluster_threshold(vectors: np.ndarray, docs: list[ClusterDoc]) -> float:
    gold = {d.id: d.gold for d in docs}
    ids = [d.id for d in docs]
    grid = np.round(np.arange(0.05, 0.96, 0.05), 2)
    return float(max(grid, key=lambda t: (bcubed(cluster_by_threshold(vectors, ids, float(t)), gold)[2], -t)))


# The headline measure of each pair task, then a second one (as in bench/RESULTS.md).
MEASURE = {"paraphrase": ("accuracy", "f1"), "contradiction": ("contradiction_f1", "accuracy"),
           "consistency": ("balanced_accuracy", "accuracy")}


def binary_scores_for(task: str, pred: list[bool], gold: list[bool]) -> dict[str, float]:
    """Scores under the same keys ``corroborate eval`` prints."""
    s = binary_scores(pred, gold)
    return {"accuracy": s["accuracy"], "f1": s["f1"], "contradiction_f1": s["f1"],
            "balanced_accuracy": s["balanced_accuracy"]}


def measure(task: str, scores: dict[str, float]) -> tuple[float, float]:
    main, second = MEASURE[task]
    return scores[main], scores[second]
