"""What a sentence's wording says about its place in an article, for the brief's first sentence (issue 24).

A brief opens with an article's lead; these tests tell a lead that starts a story from a line that only reads
as one because a page was cut or segmented badly."""

from __future__ import annotations

import re

# A connective inside the sentence's opening words ("Consumers will, however, be able ..."): it answers a
# sentence before it, which a brief's first sentence does not have.
_INNER_LINKS = frozenset(("however", "meanwhile", "instead", "nonetheless", "nevertheless"))
_INNER_SPAN = 6
# What usually happens, not what did: "Interpol would typically issue a red notice after a request".
_HABITUAL = re.compile(r"\b(?:would|will|can|may|does|do)\s+(?:typically|usually|normally|generally|ordinarily)\b"
                       r"|\b(?:typically|usually|normally|ordinarily)\s+(?:issues?|takes?|gets?|comes?|happens?)\b",
                       re.I)


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


def habitual(text: str) -> bool:
    """Whether a sentence tells what usually happens ("Interpol would typically issue a red notice ..."): the
    background of a story, never its event."""
    return bool(_HABITUAL.search(text))
