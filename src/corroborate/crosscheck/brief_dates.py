"""Relative days in the brief, dated: "… ran aground at about 9.40pm yesterday [3 March 2025]".

Why: a brief is read and forwarded after the day its sources were written, and "yesterday", "on Monday" or "this
morning" then point at the wrong day or at none. The timeline (:mod:`corroborate.crosscheck.timeline`) has
already placed those words against their article's date; the brief sentence that cites the same sentence gets
that date in square brackets, an editor's insertion, right after the words. Only a relative expression that the
timeline resolved to one day is dated, and only when the brief sentence holds it once: the sentence's words stay
as the outlet wrote them, and its citations are unchanged.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from corroborate.model import BriefSentence, TimelineEvent

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")  # (English whatever the machine's locale: the same bytes everywhere)
_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_PART = r"(?:\s+(?:morning|afternoon|evening|night))?"
# Words whose day depends on when they were written: "yesterday", "last night", "on Monday", "this morning".
_RELATIVE = re.compile(rf"(?:(?:on|last|this|next)\s+)?(?:yesterday|today|tonight|tomorrow|{_WEEKDAY}){_PART}"
                       r"|last\s+night|this\s+(?:morning|afternoon|evening)", re.I)


def dated_brief(brief: list[BriefSentence], timeline: list[TimelineEvent]) -> list[BriefSentence]:
    """``brief`` with each relative day a cited sentence holds followed by its date, as the timeline read it."""
    out = []
    for sentence in brief:
        text = sentence.text
        # (Not a "Sources disagree — 'Monday' vs 'Tuesday'" line: its words are the values in dispute.)
        first = sentence.citations[0] if sentence.citations and not text.startswith("Sources disagree") else None
        for event in timeline if first is not None else ():
            expression = event.expression or ""
            if event.date is None or len(event.date) != 10 or not _RELATIVE.fullmatch(expression.strip()):
                continue
            if not any(s.article == first.article and s.start <= first.start < s.end for s in event.spans):
                continue
            found = list(re.finditer(rf"\b{re.escape(expression)}\b", text))
            if len(found) != 1 or text[found[0].end():found[0].end() + 2] == " [":
                continue
            day = date.fromisoformat(event.date)
            text = f"{text[:found[0].end()]} [{day.day} {_MONTHS[day.month - 1]} {day.year}]{text[found[0].end():]}"
        out.append(sentence if text == sentence.text else replace(sentence, text=text))
    return out
