"""Real-news gold: corroborate's conflicts, quotes, entities, timeline and brief on BASIL and ECB+ events, scored
against the project's own labels in bench/gold (what was labelled: bench/gold/GUIDELINE.md).

    nice -n 10 .venv/bin/python -m bench.realnews [--semantic auto|off] [--gold DIR] [--data ROOT]

The checker runs once per event (all its articles) and that one report is scored for the five tasks; scores are
given for the ``tune`` and ``test`` splits (thresholds may be tuned on ``tune`` only; ``test`` is the figure to
quote). Writes the "realnews-gold" section of bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

from bench.results import write_section
from corroborate.eval.gold import DEFAULT_DATA, DEFAULT_GOLD, SPLITS, GoldEvent, load_events
from corroborate.eval.realnews import TASKS, Runner, evaluate
from corroborate.eval.realnews_scores import BUCKET_LABELS


def _f(value: Any) -> str:
    if value is None:
        return "–"
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def _table(header: list[str], rows: list[list[Any]]) -> list[str]:
    out = ["| " + " | ".join(header) + " |", "|---|" + "---:|" * (len(header) - 1)]
    out += ["| " + " | ".join(_f(v) for v in row) + " |" for row in rows]
    return [*out, ""]


def gold_table(events: list[GoldEvent], splits: list[str]) -> list[str]:
    rows = []
    for split in splits:
        group = [e for e in events if e.split == split]
        conflicts = [c for e in group for c in e.gold["conflicts"]]
        debatable = sum(c.get("label") == "debatable" for c in conflicts)
        rows.append([split, f"{len(group)} ({sum(e.dataset == 'basil' for e in group)} / "
                            f"{sum(e.dataset == 'ecbplus' for e in group)})",
                     sum(len(e.articles) for e in group),
                     f"{len(conflicts)} ({len(conflicts) - debatable} + {debatable})",
                     *(sum(e.count(s) for e in group) for s in ("near_misses", "quotes", "entities", "timeline",
                                                               "brief_facts"))])
    return _table(["split", "events (BASIL / ECB+)", "articles", "conflicts (clear + debatable)", "near-misses",
                   "quotes", "entities", "timeline items", "brief facts"], rows)


def _rows(results: dict[str, Any], task: str, splits: list[str], keys: list[str]) -> list[list[Any]]:
    return [[split, *(results[task]["scores"][split].get(k) for k in keys)] for split in splits
            if split in results[task]["scores"]]


def report(results: dict[str, Any], events: list[GoldEvent], splits: list[str], seconds: float) -> list[str]:
    method = results["conflicts"]["method"]
    lines = ["## Real-news gold (bench/realnews.py)", "",
             "The whole check job on BASIL and ECB+ events, scored against the project's own labels (bench/gold, "
             "bench/gold/GUIDELINE.md). One checker run per event (all its articles); predictions from every story "
             f"of the run. Alignment {method.get('alignment', '?')}, NLP {method.get('nlp', '?')}; "
             f"{seconds:.0f} s for {len(events)} events. `test` is the held-out figure; `tune` may be tuned on.", "",
             "Gold items per split:", "", *gold_table(events, splits)]
    lines += ["**Conflicts** (a debatable gold pair counts half; a prediction matches when two of its spans overlap "
              "the two gold sentences; near-miss hits are false conflicts that fall on a labelled near-miss):", ""]
    lines += _table(["split", "gold", "predicted", "precision", "recall", "F1", "false / article",
                     "near-miss hits", "kind agreement"],
                    _rows(results, "conflicts", splits, ["gold", "predicted", "precision", "recall", "f1",
                                                         "false_per_article", "near_miss_hits", "kind_agreement"]))
    scores = results["conflicts"]["scores"]
    kinds = sorted({k for s in splits for table in ("by_gold_kind", "by_predicted_kind")
                    for k in scores.get(s, {}).get(table, {})})
    rows = []
    for kind in kinds:
        row: list[Any] = [kind]
        for split in splits:
            sc = results["conflicts"]["scores"].get(split, {})
            g = sc.get("by_gold_kind", {}).get(kind, {})
            p = sc.get("by_predicted_kind", {}).get(kind, {})
            row += [g.get("gold", 0), g.get("recall"), p.get("predicted", 0), p.get("precision")]
        rows.append(row)
    lines += ["By kind (gold kind: its recall; predicted kind: its precision):", ""]
    lines += _table(["kind", *(f"{s} {c}" for s in splits for c in ("gold", "recall", "predicted", "precision"))],
                    rows)
    rows = []
    for b in BUCKET_LABELS:
        row = [b]
        for split in splits:
            cal = results["conflicts"]["scores"].get(split, {}).get("calibration", {}).get(b, {})
            row += [cal.get("predicted", 0), cal.get("precision")]
        rows.append(row)
    lines += ["Calibration (precision of the predicted conflicts by their confidence):", ""]
    lines += _table(["confidence", *(f"{s} {c}" for s in splits for c in ("predicted", "precision"))], rows)
    lines += ["**Quotes** (direct quotes; span match at character Jaccard ≥ 0.5; speaker correct when it is the gold "
              "name or one of its aliases, middle initials and suffixes aside ('Paul D. Ryan' for 'Paul Ryan'); "
              "'exact form': without that allowance; 'not names': predicted speakers matching no gold alias; "
              "'name precision': of the found quotes given a name, the share whose name is right; 'name recall': of "
              "the found quotes whose article names the speaker, the share given that name; 'named, left "
              "unattributed': of those, the share given no name):", ""]
    lines += _table(["split", "gold", "predicted", "precision", "recall", "F1", "speaker accuracy",
                     "speaker accuracy, exact form", "speakers not names", "name precision", "name recall",
                     "named, left unattributed"],
                    _rows(results, "quotes", splits, ["gold", "predicted", "precision", "recall", "f1",
                                                      "speaker_accuracy", "speaker_accuracy_exact_form",
                                                      "speakers_not_names", "name_precision", "name_recall",
                                                      "named_left_unattributed"]))
    lines += ["**Entities** (alias groups: predicted entities with ≥ 2 gold surface forms; a group is pure when one "
              "gold entity holds all its forms; pair recall over gold same-entity pairs whose forms were both "
              "found):", ""]
    lines += _table(["split", "gold entities", "alias groups", "group precision", "gold pairs", "pair recall",
                     "entity coverage", "type precision", "type recall"],
                    _rows(results, "entities", splits, ["gold", "alias_groups", "group_precision", "gold_pairs",
                                                        "pair_recall", "entity_coverage", "type_precision",
                                                        "type_recall"]))
    lines += ["**Timeline** (a gold time expression is matched by the predicted event mention overlapping it; "
              "precision: predicted mentions on a gold expression that carry its date; a predicted ISO week counts "
              "when all its days lie in the gold month or year, since the guideline resolves to a day, a month or "
              "a year):", ""]
    lines += _table(["split", "gold", "predicted mentions", "coverage", "date accuracy", "precision"],
                    _rows(results, "timeline", splits, ["gold", "predicted", "coverage", "date_accuracy",
                                                        "precision"]))
    lines += ["**Brief** (the brief of the story holding most of the event's articles; first-sentence hit: it cites "
              "the sentence of a support span of the rank-1 fact; coverage: ranked facts cited by the first 5 "
              "sentences; unnamed quotes: brief sentences with a quotation mark and no gold name; citation support: "
              "labelled citations of the first 5 sentences that state their sentence's fact, partial half, and "
              "strictly (GUIDELINE.md section 6); check: the citation check re-run on every labelled citation to "
              "another span, precision of what it keeps and recall of the supporting ones; tune was labelled "
              "before the check and chose its threshold, test on the shipped briefs, where the check has already "
              "dropped what it drops, so its test precision and recall say little):", ""]
    lines += _table(["split", "events", "facts", "first-sentence hit", "fact coverage (top 5)", "brief sentences",
                     "unnamed quotes", "labelled citations", "citation support", "strict", "check precision",
                     "check recall"],
                    _rows(results, "brief", splits, ["events", "facts", "first_sentence_hit", "fact_coverage_top5",
                                                     "brief_sentences", "unnamed_quotes", "citations_labelled",
                                                     "citation_support", "citation_support_strict",
                                                     "check_precision", "check_recall"]))
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--semantic", choices=("auto", "on", "off"), default="auto")
    parser.add_argument("--no-write", action="store_true", help="print the tables, leave RESULTS.md alone")
    args = parser.parse_args(argv)
    events = load_events(args.gold, args.data)
    if not events:
        raise SystemExit(f"no gold events under {args.gold}")
    splits = [s for s in SPLITS if any(e.split == s for e in events)]
    runner = Runner(args.semantic, progress=lambda msg: print(msg, file=sys.stderr, flush=True))
    start = time.perf_counter()
    try:
        results = {task: evaluate(task, events, runner) for task in TASKS}
    finally:
        runner.close()
    lines = report(results, events, splits, time.perf_counter() - start)
    if not args.no_write:
        write_section("realnews-gold", "\n".join(lines))
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
