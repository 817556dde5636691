"""Train and measure the conflict judge (src/corroborate/crosscheck/judge.py) on the project's real-news gold.

    python -m bench.conflict_judge collect [--semantic auto|off]   # every detector candidate, with features
    python -m bench.conflict_judge train                           # fit on tune, report on test, write the model

``collect`` runs the checker with the judge off on every gold event (bench/gold) and writes each candidate
conflict's features and its gold label (1 conflict, 0.5 debatable, 0 otherwise; whether it lands on a labelled
near-miss) to .corroborate/conflict_candidates.jsonl (not committed: it quotes values of the articles).
``collect`` also runs the two audit pools of bench/conflict_audit.py (ECB+ sub-topics outside the gold, the
Clust-McMs dev clusters) and keeps the candidates the learned part decides there (split ``pool``), each with
the label an editor gave the pair of sentences the judge reads (bench/gold/audit_conflicts.json, GUIDELINE.md
section 7); a candidate no label covers is kept as unreviewed and not trained on.

``train`` fits a logistic regression on the **tune** half and the labelled pool candidates, on the candidates
the judge's rules leave to it (``route_model``, recorded by the judge itself), picks the score threshold on
them (the lowest whose precision is >= 0.85, debatable counted as half; else the most precise with at least 3
kept), measures the precision of score buckets on them for the calibrated confidence, and writes
src/corroborate/data/conflict_judge.json. It then prints candidate-level precision and recall on tune, the
pool and test; the end-to-end figures come from bench/realnews.py.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
CANDIDATES = REPO / ".corroborate" / "conflict_candidates.jsonl"
MODEL = REPO / "src" / "corroborate" / "data" / "conflict_judge.json"
TARGET_PRECISION = 0.85
BUCKETS = (0.0, 0.3, 0.5, 0.7, 0.85, 1.0)


def collect(semantic: str) -> None:
    from corroborate.config import Config, ConflictConfig
    from corroborate.eval.gold import load_events
    from corroborate.eval.realnews_scores import WEIGHT, pair_hit
    from corroborate.pipeline import Checker

    events = load_events()
    checker = Checker(config=Config(semantic=semantic, conflicts=ConflictConfig(judge="off")))
    CANDIDATES.parent.mkdir(exist_ok=True)
    start = time.perf_counter()
    with CANDIDATES.open("w", encoding="utf-8") as out:
        for n, event in enumerate(events, 1):
            report = checker.run_articles(event.articles)
            gold = [(k, WEIGHT[r.get("label", "conflict")], event.sentence_span(r["a"]), event.sentence_span(r["b"]))
                    for k, r in enumerate(event.gold["conflicts"])]
            near = [(event.sentence_span(r["a"]), event.sentence_span(r["b"])) for r in event.gold["near_misses"]]
            out.write(json.dumps({"event": event.event, "split": event.split, "gold": [[k, w] for k, w, _, _ in gold],
                                  "articles": len(event.articles)}) + "\n")
            for story in report.stories:
                for c in story.conflicts:
                    hits = [(k, w) for k, w, a, b in gold if pair_hit(c.spans, a, b)]
                    out.write(json.dumps({
                        "event": event.event, "split": event.split, "kind": c.kind, "values": c.values[:4],
                        "features": c.features, "hits": hits, "label": max((w for _, w in hits), default=0.0),
                        "near_miss": any(pair_hit(c.spans, a, b) for a, b in near)}) + "\n")
            print(f"{n}/{len(events)} {event.dataset} {event.event} {time.perf_counter() - start:.0f}s", flush=True)
        _collect_pools(checker, out)
    print(f"wrote {CANDIDATES}")


def _collect_pools(checker: Any, out: Any) -> None:
    """The audit pools' candidates that reach the learned part, labelled by the pair of sentences it reads."""
    from bench.conflict_audit import LABELS, WEIGHT, label_of, mcms_pool, pool
    from corroborate.eval.gold import DEFAULT_DATA

    labels = json.loads(LABELS.read_text(encoding="utf-8"))["labels"]
    events = pool(DEFAULT_DATA) + mcms_pool(DEFAULT_DATA)
    unreviewed = 0
    for event in events:
        report = checker.run_articles(event.articles)
        out.write(json.dumps({"event": event.event, "split": "pool", "gold": [], "articles": len(event.articles)})
                  + "\n")
        for story in report.stories:
            for c in story.conflicts:
                f = c.features or {}
                if f.get("route_model") != 1.0:
                    continue
                sides = [{"doc": loc["doc"], "s": loc.get("s")}
                         for loc in (event.locate(c.spans[int(f[k])]) for k in ("route_side_a", "route_side_b"))]
                lab = label_of({"event": event.event, "kind": c.kind, "sides": sides}, labels)
                unreviewed += lab is None
                out.write(json.dumps({
                    "event": event.event, "split": "pool", "kind": c.kind, "values": c.values[:4], "features": f,
                    "hits": [], "label": WEIGHT[lab["label"]] if lab else None, "near_miss": False,
                    "sides": sides}) + "\n")
    print(f"pools: {len(events)} events, {unreviewed} model candidates without a label (label them, then rerun)")


def _load() -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    rows, events = [], []
    for line in CANDIDATES.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        (rows if "features" in row else events).append(row)
    return rows, events


def _judged(row: dict[str, Any]) -> bool:
    """Candidates the learned part decides: the judge's own rules (crosscheck/judge.py ``rule``) sent them on,
    as recorded by ``collect`` with the judge off."""
    return row["features"]["route_model"] == 1.0


def _metrics(kept: list[dict[str, Any]], events: list[dict[str, Any]], split: str) -> dict[str, Any]:
    gold_weight = sum(w for e in events if e["split"] == split for _, w in e["gold"])
    articles = sum(e["articles"] for e in events if e["split"] == split)
    credit = sum(r["label"] for r in kept)
    matched = {(r["event"], k): w for r in kept for k, w in r["hits"]}
    return {"kept": len(kept), "precision": credit / len(kept) if kept else None,
            "recall": sum(matched.values()) / gold_weight if gold_weight else None,
            "false_per_article": sum(1 for r in kept if not r["label"]) / articles if articles else None}


def train() -> None:
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    from corroborate.crosscheck.judge import score

    rows, events = _load()
    names = sorted(n for n in rows[0]["features"] if not n.startswith("route_"))
    fit = ("tune", "pool")
    tune = [r for r in rows if r["split"] in fit and _judged(r) and r["label"] is not None]
    x = np.array([[r["features"][n] for n in names] for r in tune])
    # A debatable pair is half a conflict: it appears once as a positive and once as a negative, weight 0.5.
    xs, ys, ws = [], [], []
    for vec, r in zip(x, tune, strict=True):
        if r["label"] > 0:
            xs.append(vec), ys.append(1), ws.append(r["label"])
        if r["label"] < 1:
            xs.append(vec), ys.append(0), ws.append(1 - r["label"])
    lr = LogisticRegression(C=1.0, max_iter=2000, fit_intercept=False, class_weight="balanced")
    lr.fit(np.array(xs), np.array(ys), sample_weight=np.array(ws))
    model: dict[str, Any] = {"weights": {n: round(float(w), 6) for n, w in zip(names, lr.coef_[0], strict=True)}}
    scored = {split: sorted(((score(r["features"], model), r) for r in rows
                             if r["split"] == split and _judged(r) and r["label"] is not None),
                            key=lambda t: -t[0]) for split in ("tune", "pool", "test")}
    fitted = sorted(scored["tune"] + scored["pool"], key=lambda t: -t[0])
    # Threshold on what it was fit on: the lowest score whose kept set is precise enough.
    threshold, best = 1.0, None
    for p, _ in fitted:
        kept = [r for q, r in fitted if q >= p]
        prec = sum(r["label"] for r in kept) / len(kept)
        if prec >= TARGET_PRECISION:
            threshold = p
        if len(kept) >= 3 and (best is None or prec > best[1]):
            best = (p, prec)
    if threshold == 1.0 and best is not None:
        threshold = best[0]
    calibration = []
    for low, high in zip(BUCKETS, BUCKETS[1:], strict=False):  # noqa: RUF007
        inside = [r for q, r in fitted if low <= q < high or (q == 1.0 and high == 1.0)]
        calibration.append({"low": low, "high": high, "n": len(inside),
                            "precision": round(sum(r["label"] for r in inside) / len(inside), 4) if inside else 0.0})
    model.update({"threshold": threshold, "calibration": calibration,
                  "trained_on": "bench/gold tune half and the labelled audit pools (bench/gold/audit_conflicts.json)",
                  "candidates": len(tune), "positives": sum(1 for r in tune if r["label"] > 0)})
    MODEL.write_text(json.dumps(model, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(json.dumps({k: v for k, v in model.items() if k != "weights"}, indent=1))
    for split in ("tune", "pool", "test"):
        kept_model = [r for q, r in scored[split] if q >= threshold]
        kept_rules = [r for r in rows if r["split"] == split and r["features"]["route_keep"]]
        labelled = [r for r in rows if r["split"] == split and r["label"] is not None]
        print(split, "judged", len(scored[split]), "all candidates", len(labelled),
              "off:", _metrics(labelled, events, split),
              "on:", _metrics(kept_model + kept_rules, events, split))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("collect")
    c.add_argument("--semantic", default="auto", choices=("auto", "on", "off"))
    sub.add_parser("train")
    args = parser.parse_args()
    if args.cmd == "collect":
        collect(args.semantic)
    else:
        train()


if __name__ == "__main__":
    main()
