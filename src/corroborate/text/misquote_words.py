"""Words of misquote matching: first words of a described, unnamed speaker; one word spelt two ways."""

from __future__ import annotations

import difflib
import re

_ARTICLES = frozenset({"the", "a", "an"})


# First words of a described, unnamed speaker ("A source", "The statement", "One senior Labour MP").
_DESCRIPTIVE = frozenset({"a", "an", "the", "one", "some", "two", "three", "several", "his", "her", "their",
                          "its", "our", "another", "many", "other", "he", "she", "they", "we", "i"})


_SPELLING = 0.8  # character similarity of two single words that are one word spelt two ways


def spelling_variant(a: str, b: str) -> bool:
    """One word spelt two ways ("neighbourhood"/"neighborhood", "fibre"/"fiber", "cant"/"can't"); never a
    negation ("lawful"/"unlawful", "should"/"shouldn't")."""
    a, b = (re.sub(r"['’]", "", w.lower()) for w in (a, b))
    if a[:1] != b[:1] or abs(len(a) - len(b)) > 2 or a.endswith("nt") != b.endswith("nt"):
        return False
    return difflib.SequenceMatcher(a=a, b=b).ratio() >= _SPELLING


# Title abbreviations a quote may spell out ("Sen." / "Senator"): the same word to the misquote test.
QUOTE_ABBREVIATIONS = {"sen": "senator", "rep": "representative", "gov": "governor", "gen": "general",
                       "pres": "president", "dept": "department"}
