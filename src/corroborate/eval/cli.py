"""``corroborate eval TASK --data FILE``: score story clustering or a pair judge on a dataset file, read in its
original published format (see ``corroborate/eval/datasets.py`` for the formats and how they are detected).

``corroborate eval conflicts|quotes|entities|timeline|brief [--gold DIR] [--data ROOT]``: score the whole check
job on real news against the project's gold labels (``bench/gold``; see ``corroborate/eval/realnews.py``)."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from corroborate.errors import CorroborateError, InputFormatError
from corroborate.eval.metrics import rounded

REALNEWS_TASKS = ("conflicts", "quotes", "entities", "timeline", "brief")
TASKS = ("stories", "paraphrase", "contradiction", "consistency", *REALNEWS_TASKS)
# Keys printed in the text output, in this order, when present.
_SHOWN = ("n", "bcubed_precision", "bcubed_recall", "bcubed_f1", "ari", "predicted_clusters", "gold_clusters",
          "accuracy", "accuracy_3way", "f1", "precision", "recall", "contradiction_precision",
          "contradiction_recall", "contradiction_f1", "balanced_accuracy", "ranking_accuracy", "seconds", "method")


def register(subparsers: Any) -> None:
    from corroborate.eval.datasets import READERS
    from corroborate.eval.realnews import add_arguments

    p = subparsers.add_parser(
        "eval", help="score corroborate on an evaluation dataset (stories, paraphrase, contradiction, consistency) "
        "or on the real-news gold (conflicts, quotes, entities, timeline, brief)",
        description=__doc__)
    p.add_argument("task", choices=TASKS)
    p.add_argument("--data", metavar="FILE", help="dataset file (or BASIL folder); real-news tasks: the shared data "
                   "root (default ../shared/data beside the repository)")
    p.add_argument("--format", dest="fmt", choices=sorted(READERS), help="force the dataset format")
    p.add_argument("--split", help="score only this split (SICK: TRAIN/TRIAL, ECB+: train/dev/test, SummEdits: "
                   "evaluation/test, FRANK: valid/test; MRPC: heldout = the 20%% the paraphrase head never saw; "
                   "real-news gold: tune/test)")
    p.add_argument("--limit", type=int, metavar="N", help="score the first N rows")
    p.add_argument("--sample", type=int, metavar="N", help="score a seeded random sample of N rows "
                   "(stories: whole gold clusters until N documents)")
    p.add_argument("--seed", type=int, default=7, help="seed of --sample (default 7)")
    p.add_argument("--semantic", choices=("auto", "on", "off"), default="auto",
                   help="auto: MiniLM when installed; off: lexical features only")
    p.add_argument("--json", action="store_true", help="print the scores as JSON")
    add_arguments(p)


def run(args: argparse.Namespace) -> int:
    if args.task in REALNEWS_TASKS:
        from corroborate.eval import realnews

        return realnews.run(args)
    if not args.data:
        print(f"corroborate: error: eval {args.task} needs --data FILE", file=sys.stderr)
        return 2
    from corroborate.eval.datasets import read
    from corroborate.eval.run import Selection, evaluate, select, training_overlap

    try:
        fmt, rows = read(args.data, task=args.task, fmt=args.fmt)
        rows = select(rows, fmt, Selection(split=args.split, limit=args.limit, sample=args.sample, seed=args.seed))
    except (InputFormatError, ValueError) as exc:
        print(f"corroborate: error: {args.data}: {exc}", file=sys.stderr)
        return 1
    try:
        scores = evaluate(args.task, rows, semantic=args.semantic)
    except CorroborateError as exc:
        print(f"corroborate: error: {exc}", file=sys.stderr)
        return 1
    warning = training_overlap(fmt, rows, path=str(args.data), split=args.split)
    scores = {"task": args.task, "data": str(args.data), "format": fmt, "split": args.split, **scores,
              "warning": warning}
    if warning:
        print(f"corroborate: warning: {args.data}: {warning}", file=sys.stderr)
    if args.json:
        print(json.dumps(rounded(scores), sort_keys=False))
    else:
        print(f"{args.task} on {args.data} ({fmt}{', split ' + args.split if args.split else ''})")
        for key in _SHOWN:
            if key in scores and scores[key] is not None:
                value = scores[key]
                print(f"  {key:24s} {value:.4f}" if isinstance(value, float) else f"  {key:24s} {value}")
    return 0


