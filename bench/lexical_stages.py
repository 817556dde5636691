"""Where the lexical path spends its time, stage by stage, against an earlier revision (issue 21).

    nice -n 10 .venv/bin/python -m bench.lexical_stages [--baseline REV] [--limit 100] [--rounds 4] [--dry-run]

``bench/speed.py`` times whole cold processes, where imports and model loads blur a change of a few hundred
milliseconds in one stage, and its ``now`` tree overlays only issue 21's files. This script runs the whole
working tree and the whole ``--baseline`` revision (a ``git archive``, nothing laid over it) in alternating
fresh processes, each warmed on three articles before the clock starts, with the persistent cache off, and
keeps per stage the median over the rounds. The machine's speed drifts from minute to minute; alternating the
two trees spreads that drift over both. Writes the section ``lexical-stages`` of bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
from pathlib import Path

from bench.results import write_section
from bench.speed import _python, _tree

CHILD = r"""
import json, sys, time
from bench.check import load_ecb
from corroborate.config import Config
from corroborate.pipeline import Checker
spec = json.loads(sys.argv[1])
articles = load_ecb(spec["limit"])
checker = Checker(config=Config(semantic="off", cache="off"))
checker.run_articles(articles[:3])  # imports and the parser's load, off the clock
checker.timings.stages.clear()
start = time.perf_counter()
checker.run_articles(articles)
print(json.dumps({"wall": time.perf_counter() - start, "stages": checker.timings.stages}))
"""

STAGES = ("clean+segment", "parse", "repeats", "stories", "cross-check")


def _median(runs: list[dict], key: str) -> float:
    return statistics.median(r["wall"] if key == "wall" else r["stages"].get(key, 0.0) for r in runs)


def render(rows: dict[str, list[dict]], baseline: str, limit: int) -> str:
    lines = ["## Lexical path by stage (`bench/lexical_stages.py`, issue 21)", "",
             f"`Checker(semantic=\"off\", cache=\"off\")` on {limit} ECB+ documents in a warm process, the working "
             f"tree against {baseline} (whole trees), {len(rows['now'])} alternating rounds, median seconds per stage. "
             "The machine (2 cores) drifts from minute to minute; compare the two rows of one run only.", "",
             "| tree | wall s | articles/s | " + " | ".join(STAGES) + " |",
             "|---|---:|---:|" + "---:|" * len(STAGES)]
    for name, runs in rows.items():
        wall = _median(runs, "wall")
        cells = " | ".join(f"{_median(runs, s):.2f}" for s in STAGES)
        lines.append(f"| {name} | {wall:.2f} | {limit / wall:.1f} | {cells} |")
    now, base = _median(rows["now"], "wall"), _median(rows["baseline"], "wall")
    lines += ["", f"Now / baseline wall: **{now / base:.2f}x**."]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--baseline", default="HEAD~1")
    ap.add_argument("--limit", type=int, default=100)
    ap.add_argument("--rounds", type=int, default=4)
    ap.add_argument("--dry-run", action="store_true")
    args = ap.parse_args(argv)
    rows: dict[str, list[dict]] = {"baseline": [], "now": []}
    with tempfile.TemporaryDirectory() as tmp:
        base = _tree(args.baseline, None, Path(tmp))
        for _ in range(args.rounds):
            rows["baseline"].append(_python(base, CHILD, {"limit": args.limit}))
            rows["now"].append(_python(None, CHILD, {"limit": args.limit}))
    text = render(rows, args.baseline, args.limit)
    print(text)
    if not args.dry_run:
        write_section("lexical-stages", text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
