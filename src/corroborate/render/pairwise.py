"""A conflict's side-by-side view: for each side, just the sentence its span sits in, the differing value marked.

A conflict's spans are often a few words ("212 passengers"); a reader judges a disagreement from the whole
sentence, so each side shows the sentence (or sentences) around its span, cut from the article's text by the same
splitter as the pipeline's passages, and never the whole article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from corroborate.errors import require
from corroborate.model import Article, Span

#: The longest passage shown on one side; a longer sentence is cut around the span.
MAX_CHARS = 600


@dataclass(slots=True, frozen=True)
class PairSide:
    """One side of a conflict's side-by-side view."""

    ref: Any  # html.Ref: the span and its outlet, and the token of its marks in the article column
    value: str
    article: Article | None
    passage: Any  # Markup: the sentence around the span, the value (else the span) marked


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of the sentence(s) of ``text`` that contain ``text[start:end]``; the span itself when the text
    cannot be cut (a span across paragraphs)."""
    from corroborate.ingest.segment import paragraphs, split_sentences

    for p_start, p_end in paragraphs(text):
        if p_start <= start < p_end:
            if end > p_end:
                break
            inside = split_sentences(text, p_start, p_end)
            lo = max((s for s, _e in inside if s <= start), default=p_start)
            hi = min((e for _s, e in inside if e >= end), default=p_end)
            return lo, hi
    return start, end


def passage(article: Article | None, span: Span, value: str) -> Any:
    """Escaped markup of the span's sentence with the value marked (its first whole-word occurrence inside the
    span, else the whole span)."""
    ms = require("markupsafe", None, purpose="the HTML report")
    if article is None or article.text[span.start:span.end] != span.text:
        text, start, end = span.text, 0, len(span.text)
    else:
        text, start, end = article.text, span.start, span.end
    found = re.search(rf"(?<!\w){re.escape(value.strip())}(?!\w)", text[start:end], re.IGNORECASE) \
        if value.strip() else None
    mark_lo, mark_hi = (start + found.start(), start + found.end()) if found else (start, end)
    s_lo, s_hi = sentence_bounds(text, start, end)
    lo, hi = s_lo, s_hi
    if hi - lo > MAX_CHARS:  # a run-on "sentence" (a list, a table row): keep the span and what is nearest it
        room = max(0, MAX_CHARS - (end - start)) // 2
        lo, hi = max(lo, start - room), min(hi, end + room)
    lead, tail = ("…" if lo > s_lo else ""), ("…" if hi < s_hi else "")
    return ms.Markup('{}{}<mark class="m-value">{}</mark>{}{}').format(
        lead, text[lo:mark_lo], text[mark_lo:mark_hi], text[mark_hi:hi], tail)


def sides(pairs: list[tuple[Any, str]], articles: dict[str, Article]) -> list[PairSide]:
    """The sides of one conflict from its (ref, value) pairs."""
    return [PairSide(ref, value, articles.get(ref.span.article), passage(articles.get(ref.span.article), ref.span,
                                                                      value)) for ref, value in pairs]
