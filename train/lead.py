"""Train the brief's lead scorer (issue 24): how likely a lead sentence states the event, from its MiniLM vector.

    nice -n 10 .venv/bin/python -m train.lead [--write]

The brief-lead pools (bench/gold/pool_brief*.json, GUIDELINE.md sections 9, 14, 17 and 26) label every lead
sentence of their events 'event' (acceptable as a brief's first sentence) or why not. Each labelled sentence is
encoded by the checker's own embedder (all-MiniLM-L6-v2, :class:`corroborate.ingest.embed.Embedder`, the vectors
``check`` computes for the same text), joined with a few cheap features of its wording
(:func:`corroborate.crosscheck.lead_model.features`), and a logistic regression with an L2 penalty is fitted by
Newton's method (no seed needed: the fit is deterministic). Pools 1-4 train it; the penalty is chosen by
leave-one-pool-out AUC on them, and each left-out pool is also scored by precision at 1 per event (how often the
event's top-scored labelled sentence is an 'event' one). Pool 4 was first held out (model of 2026-12-05: AUC 0.762
on it); the brief now asks the model about the wording it shows (``lead_model.doubtful_lead``), checked by
cross-fitting (each pool scored by the model trained without it) before all four trained it. ``--write`` stores
the weights, rounded to 1e-6, with what they were trained on and the cross-validated figures, in
src/corroborate/data/lead_model.json.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np

from corroborate.crosscheck.lead_model import MODEL_PATH, features

TRAIN_POOLS = (1, 2, 3, 4)
PENALTIES = (0.01, 0.03, 0.1, 0.3, 1.0, 3.0)


def pool_rows(which: int, data: Path) -> list[tuple[str, str, str]]:
    """(event id, sentence text, label) for every labelled sentence of a brief pool."""
    from bench.brief_pool import load_labels, pool_events, sentence_labels

    path, events = pool_events(data, which)
    labels = load_labels(path)
    rows = []
    for ev in events:
        row = labels.get((ev.dataset, ev.event))
        if row is None:
            continue
        for key, label in sorted(sentence_labels(row, ev).items()):
            rows.append((f"{ev.dataset}:{ev.event}", ev.sentences[key][2], label))
    return rows


def design(texts: list[str], embedder: Any) -> np.ndarray:
    vectors = np.asarray(embedder.encode(texts), dtype=np.float64)
    return np.hstack([vectors, np.array([features(t) for t in texts], dtype=np.float64)])


def fit(x: np.ndarray, y: np.ndarray, penalty: float, steps: int = 30) -> tuple[np.ndarray, float]:
    """L2-penalised logistic regression (the intercept unpenalised) by Newton's method."""
    xb = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(xb.shape[1])
    reg = np.full(xb.shape[1], penalty)
    reg[-1] = 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(xb @ w)))
        grad = xb.T @ (p - y) + reg * w
        hess = (xb * (p * (1 - p))[:, None]).T @ xb + np.diag(reg) + 1e-9 * np.eye(len(w))
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-10:
            break
    return w[:-1], float(w[-1])


def auc(scores: np.ndarray, y: np.ndarray) -> float:
    """Probability that an 'event' sentence scores above another (ties count half)."""
    pos, neg = scores[y == 1], scores[y == 0]
    greater = (pos[:, None] > neg[None, :]).sum() + 0.5 * (pos[:, None] == neg[None, :]).sum()
    return float(greater / (len(pos) * len(neg)))


def precision_at_1(events: list[str], scores: np.ndarray, y: np.ndarray) -> tuple[float, int]:
    """Share of the events with an 'event' sentence whose top-scored sentence is one (ties: the first)."""
    best: dict[str, tuple[float, int]] = {}
    has: set[str] = set()
    for e, s, t in zip(events, scores, y, strict=True):
        if t:
            has.add(e)
        if e not in best or s > best[e][0]:
            best[e] = (float(s), int(t))
    return sum(best[e][1] for e in has) / len(has), len(has)


def main(argv: list[str] | None = None) -> int:
    from corroborate.eval.gold import DEFAULT_DATA
    from corroborate.ingest.embed import Embedder

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default=str(DEFAULT_DATA))
    parser.add_argument("--write", action="store_true", help=f"store the weights in {MODEL_PATH}")
    args = parser.parse_args(argv)
    embedder = Embedder()
    pools = {p: pool_rows(p, Path(args.data)) for p in TRAIN_POOLS}
    xs = {p: design([t for _, t, _ in rows], embedder) for p, rows in pools.items()}
    ys = {p: np.array([lab == "event" for _, _, lab in rows], dtype=np.float64) for p, rows in pools.items()}
    for p, rows in pools.items():
        print(f"pool {p}: {len(rows)} sentences, {int(ys[p].sum())} event, {len({e for e, _, _ in rows})} events")
    cv: dict[float, float] = {}
    held: dict[float, list[tuple[float, float]]] = {}
    for penalty in PENALTIES:
        held[penalty] = []
        for out in TRAIN_POOLS:
            rest = [p for p in TRAIN_POOLS if p != out]
            w, b = fit(np.vstack([xs[p] for p in rest]), np.concatenate([ys[p] for p in rest]), penalty)
            scores = xs[out] @ w + b
            p1, _n = precision_at_1([e for e, _, _ in pools[out]], scores, ys[out])
            held[penalty].append((auc(scores, ys[out]), p1))
        cv[penalty] = float(np.mean([a for a, _ in held[penalty]]))
        print(f"penalty {penalty}: leave-one-pool-out AUC {cv[penalty]:.4f} "
              f"({', '.join(f'{a:.3f}' for a, _ in held[penalty])}; precision@1 "
              f"{', '.join(f'{p:.3f}' for _, p in held[penalty])})")
    penalty = max(PENALTIES, key=lambda k: (cv[k], -k))
    x = np.vstack([xs[p] for p in TRAIN_POOLS])
    y = np.concatenate([ys[p] for p in TRAIN_POOLS])
    w, b = fit(x, y, penalty)
    w, b = np.round(w, 6), round(b, 6)
    figures = {"cv_auc": round(cv[penalty], 4), "train_auc": round(auc(x @ w + b, y), 4),
               **{f"pool {p} left out": {"auc": round(a, 4), "precision_at_1": round(p1, 4)}
                  for p, (a, p1) in zip(TRAIN_POOLS, held[penalty], strict=True)}}
    print(f"penalty {penalty}: {json.dumps(figures)}")
    if args.write:
        model = {
            "about": "Lead scorer (issue 24): logistic regression on the all-MiniLM-L6-v2 vector of a lead sentence "
                     "and the wording features of corroborate.crosscheck.lead_model.features; trained by "
                     "train/lead.py on the labelled lead sentences of the brief pools 1-4 "
                     "(bench/gold/pool_brief.json, pool_brief2.json, pool_brief3.json, pool_brief4.json; label "
                     "'event' = 1); figures by leaving one pool out.",
            "trained_on": {f"pool {p}": {"sentences": len(pools[p]), "event": int(ys[p].sum())} for p in TRAIN_POOLS},
            "penalty": penalty, "cross_validated": figures,
            "features": ["minilm:384", "quote_marks", "future", "first_person", "words/40"],
            "coef": [float(v) for v in w], "intercept": b,
        }
        MODEL_PATH.write_text(json.dumps(model, separators=(",", ":")) + "\n", encoding="utf-8")
        print(f"wrote {MODEL_PATH}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
