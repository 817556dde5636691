"""The ``corroborate`` command line: a thin dispatcher.

Each subcommand lives in its own module, which defines ``register(subparsers)`` and ``run(args) -> int``.
Modules are imported only when their command runs, so ``corroborate --help`` stays fast and a missing
optional dependency only affects the command that needs it.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import time

from corroborate import __version__
from corroborate.commands import add_verbosity_arguments
from corroborate.errors import EXTRA_OF_MODULE, CorroborateError, install_hint

# command name -> module that implements it
COMMANDS: dict[str, str] = {
    "check": "corroborate.commands.check",
    "add": "corroborate.commands.store",
    "stories": "corroborate.commands.store",
    "show": "corroborate.commands.store",
    "cache": "corroborate.commands.cache",
    "serve": "corroborate.web.cli",
    "eval": "corroborate.eval.cli",
    "nlp-eval": "corroborate.nlp.evaluate",
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="corroborate",
        description="Cross-check the news: group stories, find copied and spun passages, "
        "count independent sources, flag conflicts, write a cited brief.",
    )
    parser.add_argument("--version", action="version", version=f"corroborate {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    seen: set[str] = set()
    for module_name in COMMANDS.values():
        if module_name in seen:
            continue
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            # A command whose module is absent in this build is simply not offered.
            if exc.name and module_name.startswith(exc.name):
                continue
            raise
        module.register(sub)
        seen.add(module_name)
    # -q/--quiet and -v/--verbose on every command, defined once (see commands.add_verbosity_arguments).
    for command in dict.fromkeys(sub.choices.values()):
        add_verbosity_arguments(command)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        # argparse exits 2 on a usage error, but 2 means "some inputs failed" here: usage errors are 1.
        return 1 if exc.code == 2 else int(exc.code or 0)
    if not getattr(args, "command", None):
        parser.print_help(sys.stderr)
        return 1
    # A module may bind its handler with set_defaults(func=...); otherwise its ``run`` handles the command.
    handler = getattr(args, "func", None) or importlib.import_module(COMMANDS[args.command]).run
    start = time.perf_counter()
    try:
        return int(handler(args))
    except CorroborateError as exc:
        print(f"corroborate: error: {exc}", file=sys.stderr)
        return 1
    except ModuleNotFoundError as exc:
        # An optional dependency imported without a ``require`` guard (scikit-learn in `eval`): say which extra.
        root = (exc.name or "").split(".")[0]
        if root not in EXTRA_OF_MODULE:
            raise
        hint = install_hint(root, EXTRA_OF_MODULE[root], f"`corroborate {args.command}`")
        print(f"corroborate: error: {hint}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("corroborate: interrupted", file=sys.stderr)
        return 130
    finally:
        if getattr(args, "verbose", False):
            print(f"  time total ({args.command}): {time.perf_counter() - start:.2f}s", file=sys.stderr)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
