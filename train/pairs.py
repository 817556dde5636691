"""Rebuild ``src/corroborate/data/pairs_model.json``: the pair judge's logistic-regression heads.

Training rows only (held-out rows are scored and printed, never fitted):

* contradiction (3-way NLI: ENTAILMENT / NEUTRAL / CONTRADICTION): SICK rows with ``SemEval_set == TRAIN``;
  held out: SICK ``TRIAL`` (the TEST split is not in ../shared).
* paraphrase: MRPC train minus a seeded 20 % (``random.Random(SEED)`` shuffle of the row indices);
  held out: that 20 %. The official MRPC test file is not in ../shared.
* consistency (supported / not): SummEdits news rows with ``split == "evaluation"``; held out: ``test``.

Each head is fitted twice, on the semantic features (MiniLM + lexical) and on the lexical ones alone, with the
regularisation strength C chosen by 3-fold cross-validation on the training rows. Usage::

    nice -n 10 .venv/bin/python -m train.pairs [--shared ../shared] [--out src/corroborate/data/pairs_model.json]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

from corroborate.eval.datasets import MRPC_SEED, mrpc_split, read
from corroborate.eval.pairs import CONSISTENCY_FEATURES, LEXICAL_FEATURES, PairJudge

SEED = MRPC_SEED
REPO = Path(__file__).resolve().parents[1]
CS = (0.003, 0.01, 0.05, 0.25, 1.0)


def fit_head(x: np.ndarray, y: list[str], *, features: str, widths: tuple[int, ...],
             balanced: bool = False) -> tuple[dict, str]:
    """Standardise, pick the feature width (leading columns) and C by stratified 3-fold CV log-loss on the
    training rows, fit on all of them; JSON-ready numbers."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold, cross_val_score

    weight = "balanced" if balanced else None
    cv = StratifiedKFold(n_splits=3, shuffle=True, random_state=SEED)
    scores = {}
    for w in widths:
        z = _standardise(x[:, :w])[0]
        for c in CS:
            scores[(w, c)] = cross_val_score(LogisticRegression(C=c, max_iter=500, class_weight=weight), z, y,
                                             cv=cv, scoring="neg_log_loss").mean()
    width, best = max(scores, key=lambda k: (scores[k], -k[0], -k[1]))
    z, mean, scale = _standardise(x[:, :width])
    model = LogisticRegression(C=best, max_iter=1000, class_weight=weight).fit(z, y)
    head = {"features": features, "classes": [str(c) for c in model.classes_], "C": best, "width": width,
            "class_weight": weight or "none",
            "mean": _num(mean), "scale": _num(scale),
            "coef": [_num(row) for row in model.coef_], "intercept": _num(model.intercept_)}
    return head, f"width={width} C={best}"


def _standardise(x: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-9] = 1.0
    return (x - mean) / scale, mean, scale


def _num(values: np.ndarray) -> list[float]:
    """Seven significant digits: small but exact enough (relative rounding keeps tiny scales non-zero)."""
    return [float(f"{float(v):.7g}") for v in values]


def _binary_report(pred: np.ndarray, gold: np.ndarray) -> str:
    tp = int(np.sum(pred & gold))
    p = tp / max(int(pred.sum()), 1)
    r = tp / max(int(gold.sum()), 1)
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return f"acc {np.mean(pred == gold):.4f}  P {p:.4f} R {r:.4f} F1 {f1:.4f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--cache", type=Path, default=None,
                        help="an .npz of MiniLM vectors by text key, read and updated: reruns skip the encoding")
    parser.add_argument("--only-consistency", action="store_true",
                        help="keep the paraphrase and contradiction heads of --out; refit the consistency heads")
    parser.add_argument("--out", type=Path, default=REPO / "src/corroborate/data/pairs_model.json")
    args = parser.parse_args(argv)
    data = args.shared / "data"
    started = time.perf_counter()

    _, sick = read(data / "sick/SICK.txt", task="contradiction")
    _, mrpc = read(data / "mrpc/msr_paraphrase_train.txt", task="paraphrase")
    _, summedits = read(data / "summedits_news/summedits_news.json", task="consistency")
    sick_train = [r for r in sick if r.meta["split"] == "TRAIN"]
    sick_held = [r for r in sick if r.meta["split"] != "TRAIN"]
    tr, ho = mrpc_split(len(mrpc))
    mrpc_train, mrpc_held = [mrpc[i] for i in tr], [mrpc[i] for i in ho]
    se_train = [r for r in summedits if r.meta["split"] == "evaluation"]
    se_held = [r for r in summedits if r.meta["split"] != "evaluation"]

    heads: dict[str, dict] = {}
    report: list[str] = []
    if args.only_consistency:
        heads = {k: v for k, v in json.loads(args.out.read_text(encoding="utf-8"))["heads"].items()
                 if not k.startswith("consistency")}
    for mode in ("semantic", "lexical"):
        embedder = None
        if mode == "semantic":
            from corroborate.ingest.embed import Embedder

            embedder = Embedder(cache=_read_cache(args.cache))
        judge = PairJudge(semantic="on" if mode == "semantic" else "off", embedder=embedder)
        judge.__dict__["heads"] = _loaded(heads)
        for task, train_rows, held_rows, positive in (
            ("contradiction", sick_train, sick_held, "CONTRADICTION"),
            ("paraphrase", mrpc_train, mrpc_held, "1"),
        ):
            if args.only_consistency:
                continue
            x = judge.features([r.a for r in train_rows], [r.b for r in train_rows])
            if embedder is not None and args.cache is not None:
                np.savez(args.cache, **embedder.cache)
            print(f"{task} {mode}: features {x.shape} after {time.perf_counter() - started:.0f} s", flush=True)
            nlex = len(LEXICAL_FEATURES)
            widths = (nlex, nlex + 1, x.shape[1]) if mode == "semantic" else (nlex,)
            head, c = fit_head(x, [r.label for r in train_rows], features=mode, widths=widths)
            heads[f"{task}_{mode}"] = head
            judge.__dict__["heads"] = _loaded(heads)
            xh = judge.features([r.a for r in held_rows], [r.b for r in held_rows])
            p = judge._head(task).positive(xh, positive)
            gold = np.array([r.label == positive for r in held_rows])
            report.append(f"{task:13s} {mode:8s} {c:18s} train {len(train_rows)} held-out {len(held_rows)}: "
                          + _binary_report(p >= 0.5, gold))
        # The consistency head reads features built with this mode's contradiction head, so it comes last.
        x = judge.consistency_features([r.a for r in se_train], [r.b for r in se_train])
        head, c = fit_head(x, [r.label for r in se_train], features=mode, widths=(2, 4, x.shape[1]), balanced=True)
        heads[f"consistency_{mode}"] = head
        judge.__dict__["heads"] = _loaded(heads)
        p = judge.consistency([r.a for r in se_held], [r.b for r in se_held])
        gold = np.array([r.label == "1" for r in se_held])
        pred = p >= 0.5
        bacc = (np.mean(pred[gold]) + np.mean(~pred[~gold])) / 2
        report.append(f"consistency   {mode:8s} {c:18s} train {len(se_train)} held-out {len(se_held)}: "
                      f"balanced acc {bacc:.4f}")

    model = {
        "version": 1,
        "seed": SEED,
        "lexical_features": list(LEXICAL_FEATURES),
        "consistency_features": list(CONSISTENCY_FEATURES),
        "semantic_features": "lexical features, then cosine, |u-v| (384), u*v (384) of all-MiniLM-L6-v2 vectors",
        "training_rows": {
            "contradiction": "SICK.txt rows with SemEval_set == TRAIN",
            "paraphrase": f"msr_paraphrase_train.txt minus a seeded 20% (random.Random({SEED}).shuffle)",
            "consistency": "summedits_news.json rows with split == evaluation",
        },
        "heads": heads,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    tmp = args.out.with_suffix(".tmp")
    tmp.write_text(json.dumps(model, separators=(",", ":"), sort_keys=True) + "\n", encoding="utf-8")
    tmp.replace(args.out)  # atomic: a running evaluation never reads half a file
    print("\n".join(report))
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KiB) in {time.perf_counter() - started:.0f} s")
    return 0


def _read_cache(path: Path | None) -> dict:
    if path is None or not path.exists():
        return {}
    with np.load(path) as data:
        return {k: data[k] for k in data.files}


def _loaded(heads: dict[str, dict]) -> dict:
    from corroborate.eval.pairs import Head

    return {name: Head.from_json(name, h) for name, h in heads.items()}


if __name__ == "__main__":
    sys.exit(main())
