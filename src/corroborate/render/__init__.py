"""Renderers: every format is drawn from the same :class:`~corroborate.model.Report`.

``render(report, fmt)`` returns the document as a string; formats are imported lazily so that, say,
the HTML report's Jinja2 is only loaded when asked for.
"""

from __future__ import annotations

import importlib

from corroborate.model import Report

FORMATS: dict[str, str] = {
    "json": "corroborate.render.json",
    "jsonl": "corroborate.render.jsonl",
    "text": "corroborate.render.text",
    "markdown": "corroborate.render.markdown",
    "html": "corroborate.render.html",
}


def render(report: Report, fmt: str, *, color: bool = False) -> str:
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
    module = importlib.import_module(FORMATS[fmt])
    if fmt == "text":
        return module.render(report, color=color)
    return module.render(report)
