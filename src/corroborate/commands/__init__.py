"""CLI subcommands, one module each (see corroborate.cli), and the options they share."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from corroborate.config import Config


def add_ingest_arguments(p: argparse.ArgumentParser) -> None:
    """Options of every command that reads articles, so `check` and `add` read them the same way."""
    p.add_argument("--config", metavar="TOML", help="settings file (see README)")
    p.add_argument("--jsonl-text-field", metavar="NAME", help="JSONL field holding the article text")
    p.add_argument("--max-article-chars", metavar="N", type=int, default=None,
                   help="refuse articles with more text than this (default 500,000 characters; at most 1,000,000)")


def add_verbosity_arguments(p: argparse.ArgumentParser) -> None:
    """``-q``/``--quiet`` and ``-v``/``--verbose``: every command has them (``corroborate.cli`` adds them)."""
    group = p.add_mutually_exclusive_group()
    group.add_argument("-q", "--quiet", action="store_true",
                       help="no progress or notes on stderr (errors and warnings are still printed)")
    group.add_argument("-v", "--verbose", action="store_true", help="also print stage timings to stderr")


def note(args: argparse.Namespace, message: str) -> None:
    """A note on stderr (``corroborate: ...``), left out under ``--quiet``."""
    if not getattr(args, "quiet", False):
        print(f"corroborate: {message}", file=sys.stderr)


class Stages:
    """Wall-clock seconds of a command's stages, printed to stderr under ``--verbose``."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    @contextmanager
    def time(self, stage: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[stage] = self.seconds.get(stage, 0.0) + time.perf_counter() - start

    def print(self, args: argparse.Namespace) -> None:
        if getattr(args, "verbose", False):
            for stage, seconds in self.seconds.items():
                print(f"  time {stage}: {seconds:.2f}s", file=sys.stderr)


def add_nlp_argument(p: argparse.ArgumentParser) -> None:
    p.add_argument("--nlp", choices=["auto", "cnn", "minilm", "off"], default=None,
                   help="NLP pipeline for statements, quotes and entities (auto: MiniLM when the semantic path "
                   "runs, else CNN; off: rules only)")


def config_from_args(args: argparse.Namespace) -> Config:
    """Settings from ``--config`` (when the command has it), overridden by the command-line options given.
    Raises OSError or ValueError with a message fit for one line."""
    from corroborate.config import Config

    path = getattr(args, "config", None)
    config = Config.from_toml(path) if path else Config()
    changes = {k: v for k in ("semantic", "nlp", "engine", "scheduler") if (v := getattr(args, k, None)) is not None}
    config = config.with_(**changes) if changes else config
    if getattr(args, "jsonl_text_field", None):
        config = config.with_(ingest=replace(config.ingest, jsonl_text_field=args.jsonl_text_field))
    if getattr(args, "max_article_chars", None) is not None:
        config = config.with_(ingest=replace(config.ingest, max_article_chars=args.max_article_chars))
    if getattr(args, "explain", False):
        config = config.with_(conflicts=replace(config.conflicts, explain=True))
    return config
