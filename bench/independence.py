"""Independent sources on the real-news gold's tune half: which articles count as one source, by the share of
every kind of repeat (the rule before) and by the word-for-word share (the rule now).

    nice -n 10 .venv/bin/python -m bench.independence [--split tune] [--write]

One ``check`` per gold event (all its articles). For every pair of articles that ``reuse`` relates, the table
gives both shares and whether each rule makes them one source; BASIL's three outlets per event are separate
newsrooms, so a merge there needs a copy (a wire story run by two of them). Writes the "independence" section
of bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from bench.results import write_section
from corroborate.crosscheck.independence import REUSE_THRESHOLD, REWRITE_SHARE
from corroborate.eval.gold import load_events
from corroborate.eval.realnews import Runner


def pairs(split: str) -> tuple[list[dict[str, Any]], int]:
    runner = Runner()
    rows: list[dict[str, Any]] = []
    events = [e for e in load_events() if e.split == split]
    try:
        for ev in events:
            report = runner.report(ev)
            outlet = {a.id: a.outlet for a in report.articles}
            for r in report.reuse:
                verbatim = r.share if r.verbatim is None else r.verbatim
                rows.append({"dataset": ev.dataset, "event": ev.event, "copy": outlet[r.copy],
                             "original": outlet[r.original], "share": r.share, "verbatim": verbatim,
                             "before": r.share >= REUSE_THRESHOLD,
                             "now": verbatim >= REUSE_THRESHOLD or r.share >= REWRITE_SHARE})
    finally:
        runner.close()
    return rows, len(events)


def markdown(rows: list[dict[str, Any]], events: int, split: str) -> str:
    lines = ["## Independent sources: copies against reports of one event (`bench/independence.py`)", "",
             f"The {split} half of the real-news gold ({events} events): every pair of articles that `reuse` relates, "
             "with the share of the copy's text in any repeat of the other (exact, near or paraphrase) and the share "
             f"word for word (exact or near). Before: one source at {REUSE_THRESHOLD:.0%} of any repeat. Now: at "
             f"{REUSE_THRESHOLD:.0%} word for word, or {REWRITE_SHARE:.0%} of any repeat (a rewrite of the whole "
             "article).", "",
             "| dataset | pairs related | one source before | one source now | merged before, not now "
             "(share / word for word) |",
             "|---|---:|---:|---:|---|"]
    for dataset in sorted({r["dataset"] for r in rows}):
        group = [r for r in rows if r["dataset"] == dataset]
        split_now = [f"{r['copy']}←{r['original']} {r['share']:.2f} / {r['verbatim']:.2f}"
                     for r in group if r["before"] and not r["now"]]
        lines.append(f"| {dataset} | {len(group)} | {sum(r['before'] for r in group)} | "
                     f"{sum(r['now'] for r in group)} | {'; '.join(split_now) or '–'} |")
    kept = sorted(r["verbatim"] for r in rows if r["now"])
    lines += ["", f"Pairs that are one source now repeat {kept[0]:.2f}-{kept[-1]:.2f} of their text word for word."
              if kept else ""]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", default="tune", choices=("tune", "test"))
    parser.add_argument("--write", action="store_true", help="write the table to bench/RESULTS.md")
    args = parser.parse_args(argv)
    rows, events = pairs(args.split)
    table = markdown(rows, events, args.split)
    print(table)
    if args.write:
        write_section("independence", table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
