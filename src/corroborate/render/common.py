"""Small helpers shared by the human-readable renderers (text, Markdown, HTML)."""

from __future__ import annotations

from corroborate.model import Report, Span


def short(text: str, limit: int = 160) -> str:
    """One line of at most ``limit`` characters: renderers quote passages, they don't dump articles."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def outlet_of(report: Report, article_id: str) -> str:
    try:
        return report.article(article_id).outlet
    except KeyError:
        return article_id


def cite(report: Report, span: Span) -> str:
    """A compact citation: outlet and character range, enough to find the passage again."""
    return f"{outlet_of(report, span.article)}:{span.start}-{span.end}"
