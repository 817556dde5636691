"""Drift on repeated passages, on news outside the gold: is a pair that carries drift a passage and its rewrite?

    nice -n 10 .venv/bin/python -m bench.drift_pool [--semantic auto|off] [--dump N] [--write]

One ``check`` per event of the flag-audit pools (GUIDELINE.md section 7: the ECB+ sub-topics no gold file uses
and the Clust-McMs dev clusters). Every paraphrase or near pair that the drift detector marks is counted twice:
as the detector proposes it, and after the rewrite rule (corroborate/repeats/rewrites.py) that keeps drift
only between a passage and its rewrite. A labelled sample of both sides (bench/gold/pool_drift.json,
GUIDELINE.md section 18) gives the share of real rewrites among the kept pairs (precision) and among the
cleared ones (what the rule lost). ``--dump N`` prints the first N unlabelled pairs in hash order, to label.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from pathlib import Path
from typing import Any

from bench.pools import cell, fingerprint
from bench.results import write_section
from corroborate.eval.gold import DEFAULT_DATA

LABELS = Path(__file__).parent / "gold" / "pool_drift.json"


def collect(semantic: str) -> tuple[list[dict[str, Any]], int, int]:
    """Every drift pair of the pools, kept or cleared by the rewrite rule: (pairs, events, articles)."""
    import corroborate.repeats.find as find
    from bench.conflict_audit import mcms_pool, pool
    from corroborate.config import Config
    from corroborate.pipeline import Checker
    from corroborate.repeats import rewrites

    cleared: list[Any] = []
    rule = rewrites.rewrite_drift_only

    def watched(groups: list[Any], sizes: dict[str, int], config: Any, **kw: Any) -> int:
        marked = [(g, g.drift) for g in groups if g.drift is not None]
        n = rule(groups, sizes, config, **kw)
        cleared.extend((g, d) for g, d in marked if g.drift is None)
        return n

    find.rewrite_drift_only = watched  # observe the rule without changing it
    events = pool(DEFAULT_DATA) + mcms_pool(DEFAULT_DATA)
    checker = Checker(config=Config(semantic=semantic))
    pairs: list[dict[str, Any]] = []
    n_articles = 0
    try:
        for ev in events:
            cleared.clear()
            report = checker.run_articles(ev.articles)
            n_articles += len(ev.articles)
            text = {a.id: a.text for a in report.articles}
            found = [(g, g.drift, True) for g in report.repeats if g.drift is not None]
            found += [(g, d, False) for g, d in cleared]
            for g, drift, kept in found:
                a, b = g.members[:2]
                sides = [{"doc": ev.article_doc.get(m.article, m.article), "start": m.start, "end": m.end,
                          "check": fingerprint(text[m.article][m.start:m.end])} for m in (a, b)]
                pairs.append({"event": ev.event, "kind": g.kind, "scope": g.scope, "similarity": g.similarity,
                              "drift": list(drift.kinds), "kept": kept, "a": sides[0], "b": sides[1],
                              "texts": [text[m.article][m.start:m.end] for m in (a, b)]})
    finally:
        find.rewrite_drift_only = rule
        checker.close()
    return pairs, len(events), n_articles


def key(item: dict[str, Any]) -> tuple[Any, ...]:
    return (item["event"], item["a"]["doc"], item["a"]["start"], item["b"]["doc"], item["b"]["start"])


def order(item: dict[str, Any]) -> str:
    """The sample order: a hash of the locator, so the sample does not follow input order."""
    return hashlib.sha1(repr(key(item)).encode()).hexdigest()


def score(pairs: list[dict[str, Any]], labels: list[dict[str, Any]]) -> dict[str, Any]:
    by_key = {key(x): x for x in labels}
    out: dict[str, Any] = {"pairs": len(pairs), "kept": sum(p["kept"] for p in pairs), "moved": 0}
    for side, kept in (("kept", True), ("cleared", False)):
        read = []
        for p in pairs:
            label = by_key.get(key(p))
            if p["kept"] != kept or label is None:
                continue
            if (label["a"]["check"], label["b"]["check"]) != (p["a"]["check"], p["b"]["check"]):
                out["moved"] += 1  # the locator no longer holds the words it was labelled on
                continue
            read.append(label)
        out[f"{side}_read"] = len(read)
        out[f"{side}_rewrites"] = sum(x["rewrite"] for x in read)
        out[f"{side}_changed"] = sum(x["rewrite"] and x["change"] == "meaning" for x in read)
    return out


def markdown(results: dict[str, dict[str, Any]], events: int, articles: int, seconds: float) -> str:
    lines = ["## Drift on repeated passages outside the gold (`bench/drift_pool.py`)", "",
             f"{events} events of the flag-audit pools, {articles} articles (GUIDELINE.md section 7); one `check` "
             f"per event, {seconds:.0f} s. A pair *carries drift* when the detector marks words that changed "
             "between two repeated passages; the rewrite rule (corroborate/repeats/rewrites.py) keeps it only "
             "between a passage and its rewrite. The read sample (GUIDELINE.md section 18) was drawn in hash "
             "order from both sides on the default path; the rule's bars were chosen on the seeds and on these "
             "pools, so its figures are tune figures.", "",
             "| path | drift pairs proposed | kept | per article, proposed → kept | kept read | of them rewrites "
             "| with a meaning change | cleared read | of them rewrites |",
             "|---|---:|---:|---|---:|---:|---:|---:|---:|"]
    for path, r in results.items():
        lines.append(
            f"| {path} | {r['pairs']} | {r['kept']} | {r['pairs'] / articles:.2f} → {r['kept'] / articles:.2f} | "
            f"{r['kept_read']} | {cell(r['kept_rewrites'] / r['kept_read'] if r['kept_read'] else None)} | "
            f"{r['kept_changed']} | {r['cleared_read']} | "
            f"{cell(r['cleared_rewrites'] / r['cleared_read'] if r['cleared_read'] else None)} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--semantic", default="both", choices=("auto", "off", "both"))
    parser.add_argument("--dump", type=int, default=0, help="print N unlabelled pairs of each side to label")
    parser.add_argument("--write", action="store_true", help="write the table to bench/RESULTS.md")
    args = parser.parse_args(argv)
    labels = json.loads(LABELS.read_text(encoding="utf-8"))["labels"] if LABELS.exists() else []
    start = time.perf_counter()
    results: dict[str, dict[str, Any]] = {}
    events = articles = 0
    for semantic in (("auto", "off") if args.semantic == "both" else (args.semantic,)):
        pairs, events, articles = collect(semantic)
        results["default" if semantic == "auto" else "lexical"] = score(pairs, labels)
        if args.dump:
            done = {key(x) for x in labels}
            for kept in (True, False):
                todo = sorted((p for p in pairs if p["kept"] == kept and key(p) not in done), key=order)
                for p in todo[:args.dump]:
                    print(json.dumps({k: v for k, v in p.items() if k != "texts"}))
                    print("   |", p["texts"][0][:220].replace("\n", " "))
                    print("   |", p["texts"][1][:220].replace("\n", " "))
    table = markdown(results, events, articles, time.perf_counter() - start)
    print(table)
    if args.write:
        write_section("drift-pool", table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
