"""The Python API: ``corroborate.check(paths_or_articles, **settings) -> Report``.

``corroborate check`` on the command line runs through :func:`run` too, so a script and the command give the same
report for the same input and settings (``report.to_json()`` is byte for byte ``--format json``). See docs/API.md.

Nothing heavy is imported here: the pipeline, and with it spaCy or torch, loads when :func:`check` runs.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import fields, is_dataclass, replace
from typing import TYPE_CHECKING, Any, TextIO

from corroborate.config import Config
from corroborate.model import Article, Report

if TYPE_CHECKING:
    from corroborate.pipeline import Timings

Source = str | os.PathLike[str] | Article
Progress = Callable[[str, int, int], None]

__all__ = ["check", "make_config", "run"]


def make_config(config: Config | None = None, **settings: Any) -> Config:
    """``config`` (default: the defaults) with ``settings`` applied: top-level fields (``semantic="off"``,
    ``nlp="cnn"``, ``engine="dask"``) and whole sections, as a dataclass or a dict of its fields
    (``repeats={"paraphrase_threshold": 0.8}``). An unknown name raises ValueError listing the known ones."""
    config = config or Config()
    known = {f.name: f for f in fields(Config)}
    changes: dict[str, Any] = {}
    for key, value in settings.items():
        if key not in known:
            raise ValueError(f"unknown setting {key!r}; known: {', '.join(sorted(known))}")
        current = getattr(config, key)
        if is_dataclass(current) and isinstance(value, dict):
            section = {f.name for f in fields(current)}
            unknown = sorted(set(value) - section)
            if unknown:
                raise ValueError(f"unknown setting(s) in {key}: {', '.join(unknown)}; "
                                 f"known: {', '.join(sorted(section))}")
            value = replace(current, **value)
        changes[key] = value
    return config.with_(**changes) if changes else config


def _sources(paths_or_articles: Source | Iterable[Source]) -> list[Source]:
    if isinstance(paths_or_articles, (str, os.PathLike, Article)):
        return [paths_or_articles]
    return list(paths_or_articles)


def run(paths_or_articles: Source | Iterable[Source], *, config: Config | None = None, stdin: TextIO | None = None,
        progress: Progress | None = None) -> tuple[Report, Timings]:
    """The check job, and how long each stage took (timings are kept out of the report, which must be
    byte-identical from run to run)."""
    from corroborate.pipeline import Checker

    checker = Checker(config=config or Config(), progress=progress)
    try:
        report = checker.run(_sources(paths_or_articles), stdin=stdin)
    finally:
        checker.close()
    return report, checker.timings


def check(paths_or_articles: Source | Iterable[Source], *, config: Config | None = None, stdin: TextIO | None = None,
          progress: Progress | None = None, **settings: Any) -> Report:
    """Cross-check articles: group stories, find repeats and reuse, count independent sources, flag conflicts,
    write each story's cited brief.

    ``paths_or_articles``: a file, folder, glob or ``"-"`` (read from ``stdin``, else ``sys.stdin``), an
    :class:`~corroborate.model.Article`, or a list of those. ``settings``: :class:`~corroborate.config.Config`
    fields, e.g. ``semantic="off"`` (lexical path, no torch) or ``ingest={"jsonl_text_field": "body"}``;
    ``config`` is the starting point they change. ``progress(stage, done, total)`` is called as stages advance.

    Inputs that cannot be read do not raise: they are listed in ``report.errors``. ``report.to_json()`` is the
    JSON contract document, the same bytes as ``corroborate check --format json``.
    """
    report, _ = run(paths_or_articles, config=make_config(config, **settings), stdin=stdin, progress=progress)
    return report
