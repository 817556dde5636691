"""What a sentence's wording says about its place in an article, for the brief's first sentence (issue 24).

A brief opens with an article's lead; these tests tell a lead that starts a story from a line that only reads
as one because a page was cut or segmented badly."""

from __future__ import annotations

import re

# A wire dateline: the place in capitals, then a colon or a dash ("SEOUL:", "NEW DELHI -", "LONDON/WINDSOR:",
# "WINDSOR, England:").
_DATELINE = re.compile(r"^[A-Z][A-Z.'/-]+(?: [A-Z][A-Z.'/-]+)*(?:, [A-Z][A-Za-z.]+)?\s*(?::|-|–|—)\s")
# A connective inside the sentence's opening words ("Consumers will, however, be able ..."): it answers a
# sentence before it, which a brief's first sentence does not have.
_INNER_LINKS = frozenset(("however", "meanwhile", "instead", "nonetheless", "nevertheless"))
_INNER_SPAN = 6


def opens_with_dateline(text: str) -> bool:
    """Whether a sentence opens with a wire dateline, as an article's first sentence does: a McMs article may
    start at a later line of its story ("Interpol would typically issue a red notice ..."), which has none."""
    return bool(_DATELINE.match(text.lstrip()))


def continues_another(text: str) -> bool:
    """Whether a sentence answers one before it by a connective among its first words, set off by commas."""
    words = [w.lower() for w in re.findall(r"[\w']+|,", text)]
    plain = 0
    for i, w in enumerate(words):
        if w == ",":
            continue
        plain += 1
        if plain > _INNER_SPAN:
            return False
        if w in _INNER_LINKS and 0 < i < len(words) - 1 and words[i - 1] == words[i + 1] == ",":
            return True
    return False


def cut_at_initial(text: str) -> bool:
    """Whether a sentence ends at a lone capital initial ("Colts clinch playoff berth with 20 - 13 win in K ."),
    where segmentation took the abbreviation's period ("K.C.") for the end of a sentence. A run of initials
    ("the U . S .") ends a sentence as well as a word does."""
    tokens = text.replace(".", " . ").split()
    if len(tokens) < 3 or tokens[-1] != "." or not re.fullmatch(r"[A-Z]", tokens[-2]):
        return False
    return tokens[-3] != "."
