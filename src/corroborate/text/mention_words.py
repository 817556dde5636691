"""Words around a capitalised run that tell the mention reader (attribution/mentions.py) what the run is: a day's
name, a newspaper, a place, a body's name that goes on after "on", a person by a relation noun, an adjective.

General knowledge only; split from the reader to keep it short.
"""

from __future__ import annotations

import re

from corroborate.text.conflict_words import REGIONS
from corroborate.text.given_names import GIVEN_NAMES
from corroborate.text.lexicon import COMMON_CAPITALISED, DEMONYMS
from corroborate.text.quote_words import RELATION_NOUNS

# First words of days' names ("Black Friday", "Cyber Monday"), kept with their weekday.
DAY_NAMES = frozenset({"good", "black", "cyber", "super", "ash", "holy", "maundy", "bloody", "palm", "easter"})
# The words around a newspaper's name that make it one ("... columnist", "the daily ...").
PRESS_AFTER = frozenset({"columnist", "columnists", "editorial", "editorials", "op-ed"})
PRESS_BEFORE = frozenset({"daily", "tabloid", "broadsheet", "newspaper"})
# Lower-case nouns that make the name beside them a place ("the town of X", "the X region").
PLACE_NOUNS = frozenset({"town", "city", "village", "province", "region", "district", "county", "island"})
# Bodies whose names go on after "on" ("Commission on Local Tax Reform", "Committee on Foreign Affairs").
# Not "center" or "institute": a venue's name is followed by its broadcaster ("the Highland Center on ABC").
ON_HEADS = frozenset({"commission", "committee", "council", "conference", "panel", "forum", "inquiry", "taskforce"})
# A relation noun of a third person right before a lone name ("his wife Nikki", "her teen son, Jett"); not "my
# wife Portia", written in a tweet or a quote, where the name is often the next quote's addressee.
RELATION_BEFORE = re.compile(r"\b(?:his|her|their)\s+(?:[a-z-]+\s+)?([a-z]+),?\s+$", re.I)
# A name's word made an adjective ("Tolkien-inspired", "Bieber-loving", "Ivy League-educated", "Russian-speaking"):
# the run names nothing ("X-based" names the place X: see mentions._based).
ADJECTIVE = re.compile(r"-(?:style|themed|esque|like|(?!based$)[a-z]{2,}(?:ed|ing))$")
# "Republican-led", "Saudi-backed", "London-based": a modifier before a name, no part of it.
LED = re.compile(r"[A-Z][\w.]*-(?:led|controlled|backed|based|owned|run|dominated|funded)")


def given_person(text: str, start: int, word: str, *, initial: bool, story_lower: set[str]) -> bool:
    """Is the lone word ``word`` at ``text[start:]`` (which the model calls a person) a person by its own evidence:
    a well-known given name ("Nikki"), or a word right after a relation noun ("his son, Jett")? The model's label
    alone is not enough for a lone word ("Having", a club by its town)."""
    if (initial and word.lower() in story_lower) or word.lower() in REGIONS:
        return False  # a common word opening a sentence; a state or region that is also a name ("Virginia")
    before = RELATION_BEFORE.search(text, max(0, start - 40), start)
    return word.lower() in GIVEN_NAMES or (before is not None and before.group(1).lower() in RELATION_NOUNS)


def based_place(word: str, story_lower: set[str]) -> str | None:
    """The place of "Stockholm-based", or None: "Home-based", "American-based" and other common words and
    adjectives name no place."""
    place = word[:-len("-based")] if word.endswith("-based") else ""
    if place[:1].isupper() and place.isalpha() and place.lower() not in story_lower \
            and place.lower() not in COMMON_CAPITALISED and place.lower() not in DEMONYMS:
        return place
    return None
