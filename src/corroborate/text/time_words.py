"""Tense cues and function words of the timeline."""

from __future__ import annotations

import re

# "plans to" is a verb group ("she plans to"), not the noun of "his plans to address".
_FUTURE = re.compile(r"\b(?:will|won['’]t|shall|due to|set to|going to|expected to|scheduled|"
                     r"(?<!his )(?<!her )(?<!its )(?<!the )(?<!their )(?<!our )plans? to|"
                     r"is to|are to|upcoming|is|are|(?<!\d )(?<!\d)am)\b|['’]ll\b", re.I)


_PAST = re.compile(r"\b(?:was|were|had|did|said|told|met|sank|died|came|went|held|took|made|laid|began|ago|"
                   r"spoke|wrote|sent|saw|left|fell|hit|drowned|\w+ed)\b", re.I)


_FINITE_PAST = frozenset({"was", "were", "had", "did", "ago"})


_STOP = frozenset({
    "the", "a", "an", "of", "to", "in", "on", "at", "and", "or", "for", "by", "with", "from", "was", "were",
    "is", "are", "had", "has", "have", "been", "be", "that", "this", "it", "its", "their", "his", "her", "as",
    "after", "before", "which", "who",
})
