"""`corroborate add`, `stories` and `show`: a growing corpus in a SQLite database.

The database is ``--db FILE``, else ``$CORROBORATE_DB``, else ``./corroborate.db``.

Exit status of ``add``: 0 every input was read and stored; 1 usage or storage error, or nothing could be read;
2 some inputs failed (one line each on stderr) and the rest were stored. ``stories`` and ``show``: 0, or 1
with a one-line error (unknown story, bad date, unreadable database).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator

from corroborate.commands import Stages, add_ingest_arguments, add_nlp_argument, config_from_args

EXIT_OK, EXIT_USAGE, EXIT_PARTIAL = 0, 1, 2
_DB_HELP = "SQLite database (default: $CORROBORATE_DB, else ./corroborate.db)"


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("add", help="store articles in the database and assign them to stories",
                       description="Read articles (folders, files, globs, '-' for stdin) and store them in the "
                       "database with their fingerprints; each joins an existing story or starts a new one. "
                       "Adding the same text twice stores it once. Safe to interrupt and rerun.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files, folders, globs, or - for stdin")
    p.add_argument("--db", metavar="FILE", help=_DB_HELP)
    p.add_argument("--semantic", choices=["auto", "on", "off"], default=None,
                   help="story similarity with MiniLM embeddings (auto: when installed); fixed by a database's "
                   "first add")
    p.add_argument("--engine", choices=["local", "dask"], default=None, help="who computes the fingerprints")
    p.add_argument("--scheduler", metavar="ADDRESS", help="Dask scheduler address (default: a LocalCluster)")
    p.add_argument("--reports", action="store_true",
                   help="also cross-check every story that changed (or has no cached result) and keep the result, "
                   "so `show` and the web app open it at once (seconds per story; resumable)")
    add_ingest_arguments(p)
    # -q/--quiet (no summary line: only errors) and -v/--verbose come from corroborate.cli, as for every command.
    p.set_defaults(func=run_add)

    p = sub.add_parser("stories", help="list the stories in the database",
                       description="List stored stories, most recently updated first.")
    p.add_argument("--db", metavar="FILE", help=_DB_HELP)
    p.add_argument("--since", metavar="DATE", help="only stories with an article published on or after DATE")
    p.add_argument("--query", metavar="TEXT", help="only stories whose title (or a member's) contains TEXT")
    p.add_argument("--json", action="store_true", help="JSON lines instead of a table")
    p.set_defaults(func=run_stories)

    p = sub.add_parser("show", help="cross-check one stored story",
                       description="Print the cross-check of one story (see `corroborate stories` for ids). "
                       "The result is cached in the database until the story changes.")
    p.add_argument("story", metavar="STORY", help="story id, e.g. s12")
    p.add_argument("--db", metavar="FILE", help=_DB_HELP)
    p.add_argument("--format", "-f", choices=["text", "json", "jsonl", "markdown", "html"], default="text")
    p.add_argument("--semantic", choices=["auto", "on", "off"], default=None,
                   help="paraphrase detection with MiniLM embeddings (auto: when installed)")
    add_nlp_argument(p)
    p.set_defaults(func=run_show)


def _open(args: argparse.Namespace, *, must_exist: bool):
    from pathlib import Path

    from corroborate.store import Store, StoreError, default_db_path

    path = Path(args.db) if args.db else default_db_path()
    if must_exist and not path.exists():
        raise StoreError(f"{path}: no such database; create it with `corroborate add PATH --db {path}`")
    try:
        config = config_from_args(args)
    except (OSError, ValueError) as exc:
        from corroborate.errors import CorroborateError

        raise CorroborateError(f"{getattr(args, 'config', None) or 'settings'}: {exc}") from exc
    return Store(path, config=config)


def run_add(args: argparse.Namespace) -> int:
    from corroborate.ingest import read_sources
    from corroborate.model import Article, InputError

    errors: list[InputError] = []
    stages = Stages()
    store = _open(args, must_exist=False)
    try:
        def articles() -> Iterator[Article]:
            stdin = sys.stdin if "-" in args.paths else None
            for item in read_sources(args.paths, config=store.config.ingest, stdin=stdin):
                if isinstance(item, InputError):
                    errors.append(item)
                    print(f"corroborate: {item.path}: {item.error}", file=sys.stderr)
                else:
                    yield item

        with stages.time("read+store"):
            result = store.add(articles())
        checked: list[str] = []
        if args.reports:
            from corroborate.commands import note
            from corroborate.store.views import compute_missing

            def progress(done: int, total: int, story_id: str) -> None:
                if args.verbose:
                    note(args, f"cross-checked {story_id} ({done}/{total})")

            with stages.time("cross-check stories"):
                checked = compute_missing(store, progress=progress)
        counts = store.count()
    finally:
        store.close()
    stages.print(args)
    if args.verbose and result.added:
        per = 1000 * stages.seconds["read+store"] / len(result.added)
        print(f"  time per added article: {per:.1f} ms", file=sys.stderr)
    if not args.quiet:
        print(f"added {len(result.added)} article(s), {len(result.skipped)} already stored; "
              f"{counts['articles']} article(s) in {counts['stories']} story(ies) in {store.path}"
              + (f"; {len(checked)} story(ies) cross-checked" if args.reports else ""))
    if not result.added and not result.skipped:
        print("corroborate: error: no article could be read", file=sys.stderr)
        return EXIT_USAGE
    return EXIT_PARTIAL if errors else EXIT_OK


def run_stories(args: argparse.Namespace) -> int:
    stages = Stages()
    store = _open(args, must_exist=True)
    try:
        try:
            with stages.time("query"):
                stories = store.stories(since=args.since, query=args.query)
        except ValueError as exc:
            print(f"corroborate: error: {exc}", file=sys.stderr)
            return EXIT_USAGE
        # An untitled story (plain-text sources often have no title) is shown by its first words instead.
        leads = {s.id: _lead(store, s.articles[0]) for s in stories if not s.title and s.articles}
    finally:
        store.close()
    stages.print(args)
    if args.json:
        for s in stories:
            print(json.dumps({"id": s.id, "title": s.title, "articles": s.articles, "outlets": s.outlets,
                              "first_published": s.first_published, "last_published": s.last_published},
                             ensure_ascii=False))
        return EXIT_OK
    for s in stories:
        dates = s.first_published or "undated"
        if s.last_published and s.last_published != s.first_published:
            dates += f" .. {s.last_published}"
        title = " ".join((s.title or leads.get(s.id) or "(untitled)").split())
        print(f"{s.id}\t{len(s.articles)} article(s)\t{dates}\t{', '.join(s.outlets)}\t{title}")
    return EXIT_OK


def _lead(store, article_id: str, width: int = 70) -> str | None:
    article = store.article(article_id)
    if article is None:
        return None
    words = " ".join(article.text.split())
    return f"“{words[:width].rstrip()}…”" if len(words) > width else f"“{words}”"


def run_show(args: argparse.Namespace) -> int:
    from corroborate.render import render

    stages = Stages()
    store = _open(args, must_exist=True)
    try:
        try:
            with stages.time("cross-check (or the cached report)"):
                report = store.story_report(args.story)
        except KeyError:
            print(f"corroborate: error: no story {args.story!r} in {store.path}; see `corroborate stories`",
                  file=sys.stderr)
            return EXIT_USAGE
    finally:
        store.close()
    with stages.time("render"):
        document = render(report, args.format, color=args.format == "text" and sys.stdout.isatty())
    stages.print(args)
    sys.stdout.write(document)
    return EXIT_OK


def run(args: argparse.Namespace) -> int:
    """Dispatch by command name, for callers that do not use the ``func`` default."""
    return {"add": run_add, "stories": run_stories, "show": run_show}[args.command](args)
