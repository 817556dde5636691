"""Tense cues and function words of the timeline."""

from __future__ import annotations

import re

# "plans to" is a verb group ("she plans to"), not the noun of "his plans to address".
# "due to" after a verb "to be" only: "is due to appear", not "discharged due to disagreements".
_FUTURE = re.compile(r"\b(?:will|won['’]t|shall|(?<=is |be |['’]s )due to|(?<=was |are )due to|(?<=were |been )due to|"
                     r"set to|going to|expected to|scheduled|"
                     r"(?<!his )(?<!her )(?<!its )(?<!the )(?<!their )(?<!our )plans? to|"
                     r"is to|are to|upcoming|is|are|(?<!\d )(?<!\d)am)\b|['’]ll\b", re.I)


_PAST = re.compile(r"\b(?:was|were|had|did|said|told|met|sank|died|came|went|held|took|made|laid|began|ago|"
                   r"spoke|wrote|sent|saw|left|fell|hit|drowned|\w+ed)\b", re.I)


_FINITE_PAST = frozenset({"was", "were", "had", "did", "ago"})
_PRESENT_AUX = re.compile(r"\b(?:is|are|am|will|be)\s+(?:\w+\s+){0,2}$", re.I)


def tense_at(sentence: str, pos: int, end: int) -> str:
    """'past' or 'future' by the verb-group marker nearest to the expression (default past)."""
    best: tuple[int, str] | None = None
    for pattern, tense in ((_FUTURE, "future"), (_PAST, "past")):
        for m in pattern.finditer(sentence):
            if m.start() >= pos and m.end() <= end:
                continue
            dist = pos - m.end() if m.end() <= pos else m.start() - end
            this = tense
            # "is no longer invited", "will be held": a participle after a present or future auxiliary.
            if tense == "past" and m.group(0).lower() not in _FINITE_PAST \
                    and _PRESENT_AUX.search(sentence[:m.start()]):
                this = "future"
            if best is None or dist < best[0]:
                best = (dist, this)
    return best[1] if best else "past"


_STOP = frozenset({
    "the", "a", "an", "of", "to", "in", "on", "at", "and", "or", "for", "by", "with", "from", "was", "were",
    "is", "are", "had", "has", "have", "been", "be", "that", "this", "it", "its", "their", "his", "her", "as",
    "after", "before", "which", "who",
})
