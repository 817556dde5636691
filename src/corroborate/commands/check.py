"""`corroborate check PATH...`: read, clean, find repeats, group stories, cross-check, write the report.

Exit status: 0 every input was read; 1 usage error or nothing could be read; 2 some inputs failed
(each listed on stderr, one line, and in the JSON ``errors``) and the rest were processed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from corroborate.commands import add_ingest_arguments, add_nlp_argument, config_from_args, note

EXIT_OK, EXIT_USAGE, EXIT_PARTIAL = 0, 1, 2


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("check", help="cross-check articles and write a report",
                       description="Read articles (folders, files, globs, '-' for stdin), find repeated and "
                       "spun passages, group stories, count independent sources, flag conflicts.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files, folders, globs, or - for stdin")
    p.add_argument("--format", "-f", choices=["text", "json", "jsonl", "markdown", "html"], default="text",
                   help="text (terminal), json (the contract document), jsonl (one line per story), markdown, html")
    p.add_argument("-o", "--output", metavar="FILE", help="write the report here instead of stdout")
    p.add_argument("--semantic", choices=["auto", "on", "off"], default=None,
                   help="paraphrase detection with MiniLM embeddings (auto: when installed)")
    add_nlp_argument(p)
    p.add_argument("--engine", choices=["local", "dask"], default=None)
    p.add_argument("--scheduler", metavar="ADDRESS", help="Dask scheduler address (default: a LocalCluster)")
    add_ingest_arguments(p)
    # -q/--quiet and -v/--verbose (counters and stage timings) are added to every command by corroborate.cli.
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    p.add_argument("--no-cache", action="store_true",
                   help="neither read nor write the cache of sentence vectors and parses (default: "
                   "$CORROBORATE_CACHE, else ~/.cache/corroborate/check-cache.sqlite; setting 'cache')")
    p.add_argument("--explain", action="store_true",
                   help="keep the conflict candidates the judge dropped, each with its reason and spans, in each "
                   "story's 'dropped' list (JSON), to audit what was not flagged")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from contextlib import nullcontext

    from corroborate.api import run as run_check
    from corroborate.render import render

    try:
        config = config_from_args(args)
        if args.no_cache:
            config = config.with_(cache="off")
    except (OSError, ValueError) as exc:
        where = f"{args.config}: " if args.config else ""  # a bad flag value is not the settings file's fault
        print(f"corroborate: error: {where}{exc}", file=sys.stderr)
        return EXIT_USAGE
    show_progress = not args.no_progress and not args.quiet and sys.stderr.isatty()
    progress_ctx, callback = _progress() if show_progress else (nullcontext(), None)
    with progress_ctx:
        # The Python API's path (corroborate.check): the same report for the same input and settings.
        report, timings = run_check(args.paths, config=config, stdin=sys.stdin if "-" in args.paths else None,
                                    progress=callback)
    for err in report.errors:
        print(f"corroborate: {err.path}: {err.error}", file=sys.stderr)
    if args.verbose:
        _print_verbose(report, timings)
    if not report.articles:
        print("corroborate: error: no article could be read", file=sys.stderr)
        return EXIT_USAGE
    to_terminal = args.output is None and args.format == "text" and sys.stdout.isatty()
    document = render(report, args.format, color=to_terminal)
    if args.output:
        Path(args.output).write_text(document, encoding="utf-8")
        note(args, f"wrote {args.format} report to {args.output}")
    else:
        sys.stdout.write(document)
    return EXIT_PARTIAL if report.errors else EXIT_OK


def _progress():
    """A rich progress bar on stderr, driven by the pipeline's (stage, done, total) callback."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                   console=Console(stderr=True), transient=True)
    tasks: dict[str, int] = {}

    def callback(stage: str, done: int, total: int) -> None:
        if stage not in tasks:
            tasks[stage] = bar.add_task(stage, total=max(total, 1))
        bar.update(tasks[stage], completed=done, total=max(total, 1))

    return bar, callback


def _print_verbose(report, timings) -> None:
    for key, value in sorted(report.counters.items()):
        print(f"  {key}: {value}", file=sys.stderr)
    for stage, seconds in timings.stages.items():
        print(f"  time {stage}: {seconds:.2f}s", file=sys.stderr)
    print(f"  time embedding (inside the stages): {timings.embedding:.2f}s", file=sys.stderr)
