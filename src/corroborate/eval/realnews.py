"""``corroborate eval conflicts|quotes|entities|timeline|brief``: the checker on real news (BASIL, ECB+) scored
against the project's own gold labels (``bench/gold``, see its GUIDELINE.md).

The checker runs once per gold event on all of the event's articles (:class:`Runner` keeps the reports, so
``bench/realnews.py`` scores five tasks on one run); predictions are collected over every story of the run.
Scores are given per split (``tune``, ``test`` and ``all``, or the one ``--split``); the matching rules are in
:mod:`corroborate.eval.realnews_scores`. Iteration is sorted throughout, so the output is deterministic.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from corroborate.errors import CorroborateError, InputFormatError
from corroborate.eval.gold import DEFAULT_DATA, DEFAULT_GOLD, SPLITS, GoldEvent, load_events
from corroborate.eval.metrics import rounded
from corroborate.eval.realnews_facts import (
    score_brief,
    score_entities,
    score_timeline,
    summarize_brief,
    summarize_entities,
    summarize_timeline,
)
from corroborate.eval.realnews_scores import merge, score_conflicts, score_quotes, summarize_conflicts, summarize_quotes
from corroborate.model import Report, Story

TASKS = ("conflicts", "quotes", "entities", "timeline", "brief")
Scorer = Callable[[GoldEvent, list[Story]], dict[str, Any]]
SCORERS: dict[str, tuple[Scorer, Callable[[dict[str, Any]], dict[str, Any]]]] = {
    "conflicts": (score_conflicts, summarize_conflicts),
    "quotes": (score_quotes, summarize_quotes),
    "entities": (score_entities, summarize_entities),
    "timeline": (score_timeline, summarize_timeline),
    "brief": (score_brief, summarize_brief),
}
# The audit rows of each task's tally, shown with --explain.
AUDIT = {"conflicts": ("unmatched", "missed"), "quotes": ("missed", "unmatched", "wrong_speaker"),
         "entities": ("impure", "missed_pairs"), "timeline": ("missed", "wrong_date"), "brief": ("first", "unnamed")}


class Runner:
    """Runs the checker once per event and keeps its report, so that several tasks share one run."""

    def __init__(self, semantic: str = "auto", *, checker: Any = None,
                 progress: Callable[[str], None] | None = None) -> None:
        self.semantic = semantic
        self._checker = checker
        self.progress = progress or (lambda _msg: None)
        self.reports: dict[tuple[str, str], Report] = {}
        self.seconds: dict[tuple[str, str], float] = {}
        self.method: dict[str, str] = {}

    def checker(self) -> Any:
        if self._checker is None:
            from corroborate.config import Config
            from corroborate.pipeline import Checker

            self._checker = Checker(config=Config(semantic=self.semantic))
        return self._checker

    def report(self, event: GoldEvent) -> Report:
        key = (event.dataset, event.event)
        if key not in self.reports:
            self.progress(f"checking {event.dataset} {event.event} ({len(event.articles)} articles)")
            start = time.perf_counter()
            self.reports[key] = self.checker().run_articles(event.articles)
            self.seconds[key] = time.perf_counter() - start
            # A story whose cross-check failed keeps only its articles: its quotes, entities and conflicts are
            # missing from every score, so the failure is said where a benchmark's reader sees it.
            for err in self.reports[key].errors:
                print(f"warning: {event.dataset} {event.event}: {err.path}: {err.error}", file=sys.stderr)
            self.method = dict(self.reports[key].method)
        return self.reports[key]

    def cosine(self) -> Callable[[str, str], float] | None:
        """The checker's sentence-vector similarity when it runs the semantic path, else None."""
        embedder = getattr(self.checker(), "embedder", None)
        if embedder is None:
            return None

        def cosine(x: str, y: str) -> float:
            u, v = embedder.encode([x, y])
            return float(u @ v)
        return cosine

    def close(self) -> None:
        if self._checker is not None:
            self._checker.close()


def split_groups(events: list[GoldEvent], split: str | None = None) -> dict[str, list[GoldEvent]]:
    """The event groups scored: the one split asked for, else each split present and ``all``."""
    if split is not None:
        return {split: [e for e in events if e.split == split]}
    groups = {s: [e for e in events if e.split == s] for s in SPLITS}
    return {**{s: g for s, g in groups.items() if g}, "all": list(events)}


def score_event(task: str, event: GoldEvent, report: Report,
                cosine: Callable[[str, str], float] | None = None) -> dict[str, Any]:
    """One event's tally; the brief's citation check is re-run with ``cosine`` (the checker's sentence vectors)
    when the check ran on the semantic path, so its precision and recall are the shipped check's."""
    if task == "brief":
        return score_brief(event, list(report.stories), cosine=cosine)
    return SCORERS[task][0](event, list(report.stories))


def summarize(task: str, tallies: Iterable[dict[str, Any]]) -> dict[str, Any]:
    return SCORERS[task][1](merge(tallies))


def evaluate(task: str, events: list[GoldEvent], runner: Runner, *, split: str | None = None,
             explain: bool = False) -> dict[str, Any]:
    """Scores of one task per split, with the audit rows of every event scored when ``explain``."""
    if task not in SCORERS:
        raise ValueError(f"unknown task {task!r}; expected one of {', '.join(TASKS)}")
    tallies = {(e.dataset, e.event): score_event(task, e, runner.report(e), runner.cosine()) for e in events}
    scores = {}
    for name, group in split_groups(events, split).items():
        if group:
            summary = summarize(task, [tallies[(e.dataset, e.event)] for e in group])
            scores[name] = {"events": len(group), "articles": sum(len(e.articles) for e in group), **summary}
    out: dict[str, Any] = {"task": task, "method": dict(runner.method), "scores": scores}
    if explain:
        chosen = [tallies[(e.dataset, e.event)] for e in events if split is None or e.split == split]
        merged = merge(chosen)
        out["explain"] = {key: merged.get(key, []) for key in AUDIT[task]}
    return out


# -- command line ------------------------------------------------------------------------------------------

def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--gold", metavar="DIR", help=f"real-news gold folder (default {DEFAULT_GOLD})")
    p.add_argument("--dataset", choices=("basil", "ecbplus"), help="real-news tasks: score one dataset only")
    p.add_argument("--explain", action="store_true",
                   help="real-news tasks: list every error (unmatched predictions, missed gold) in JSON "
                   "output (implies --json)")


def run(args: argparse.Namespace) -> int:
    gold = Path(args.gold) if args.gold else DEFAULT_GOLD
    data = Path(args.data) if args.data else DEFAULT_DATA
    start = time.perf_counter()
    try:
        events = load_events(gold, data, dataset=args.dataset, split=args.split)
        if not events:
            where = f" in split {args.split}" if args.split else ""
            raise InputFormatError(f"{gold}: no gold events{where}{' of ' + args.dataset if args.dataset else ''}")
    except (InputFormatError, ValueError) as exc:
        print(f"corroborate: error: {exc}", file=sys.stderr)
        return 1
    runner = Runner(args.semantic)
    try:
        result = evaluate(args.task, events, runner, split=args.split, explain=args.explain)
    except CorroborateError as exc:
        print(f"corroborate: error: {exc}", file=sys.stderr)
        return 1
    finally:
        runner.close()
    result = {"task": args.task, "gold": str(gold), "data": str(data), "dataset": args.dataset, "split": args.split,
              **{k: v for k, v in result.items() if k != "task"}, "seconds": time.perf_counter() - start}
    if args.json or args.explain:
        print(json.dumps(rounded(result), ensure_ascii=False))
    else:
        print("\n".join(text_lines(result)))
    return 0


def _fmt(value: Any) -> str:
    if value is None:
        return "-"
    return f"{value:.4f}" if isinstance(value, float) else str(value)


def text_lines(result: dict[str, Any]) -> list[str]:
    method = result.get("method", {})
    lines = [f"{result['task']} on {result['gold']} ({result['dataset'] or 'basil+ecbplus'}; alignment "
             f"{method.get('alignment', '?')}, nlp {method.get('nlp', '?')})"]
    for split, scores in result["scores"].items():
        lines.append(f"split {split}:")
        for key, value in scores.items():
            if isinstance(value, dict) and value and all(isinstance(v, dict) for v in value.values()):
                lines.append(f"  {key}:")
                for sub, row in value.items():
                    lines.append(f"    {sub:24s} " + "  ".join(f"{k} {_fmt(v)}" for k, v in row.items()))
            elif isinstance(value, dict):
                lines.append(f"  {key:26s} " + ("  ".join(f"{k} {_fmt(v)}" for k, v in value.items()) or "-"))
            else:
                lines.append(f"  {key:26s} {_fmt(value)}")
    lines.append(f"  {'seconds':26s} {result['seconds']:.1f}")
    return lines
