"""Evidence from the words around a name that it names a team or firm.

British news writes a club or a company with a plural verb ("Chester have been reinstated", "Swansea want a new
boss"): a singular place name with "have/are/were/want/need" after it is the collective, an organisation, not
the place. So is a name before a club noun ("Swansea boss", "a Salisbury equaliser") and a side in a fixture list
("Shrewsbury (away to Cheltenham)", "(home to Wigan)").

A lone first name after a relation noun ("his wife Nikki") is a person by mentions.Mention.given (text/mention_words),
only after "his/her/their": "my wife Portia", in a tweet quoted in a gold tune article, became the speaker of the
next quote when any relation noun counted.
"""

from __future__ import annotations

import re

from corroborate.text.lexicon import COUNTRIES, DEMONYMS
from corroborate.text.name_words import CLUB_NOUNS
from corroborate.text.quote_words import RELATION_NOUNS

# Lower-case only: a title-case headline ("Paris Attacks Have ...") proves nothing.
_PLURAL_VERB = re.compile(r"\s+(?:have|are|were|want|need)\b")
_NEXT_WORD = re.compile(r"\s+([a-z]+)\b")
_FIXTURE_AFTER = re.compile(r"\s*\((?:home|away) to\s")
_FIXTURE_BEFORE = re.compile(r"\((?:home|away) to\s+$")
# Before a name, words that make a plural verb agree with more than that name ("Smith and Jones have") or with
# another noun ("the Duke of X have", "states served by the X River are", "areas such as X were").
_JOINED_BEFORE = re.compile(r"(?:\band|&|,|\bboth|\b(?:of|by|for|with|to|from|in|at|on|as|like|including|than|"
                            r"into|against|outside|inside|within|across|near|over|under|between|among)"
                            r"(?:\s+the)?)\s*$", re.I)
_RELATION_BEFORE = re.compile(r"\b([a-z]+),?\s+$")


def is_collective(text: str, start: int, end: int, words: tuple[str, ...], *, verb: bool = True) -> bool:
    """Whether the name at ``text[start:end]`` (its words ``words``) is written as a club or firm here; a plural
    verb counts only with ``verb`` (a common word opening a sentence takes one too: "Researchers have"). A
    country ("England are") is left alone: a national side is read as its country; so is a plural-looking name
    ("Wolves", "Williams"), which takes a plural verb anyway."""
    last = words[-1].lower()
    joined = " ".join(w.lower() for w in words)
    if joined in COUNTRIES or joined in DEMONYMS or last.endswith("s"):
        return False
    after, before = text[end:end + 40], text[max(0, start - 40):start]
    if _FIXTURE_AFTER.match(after) or _FIXTURE_BEFORE.search(before):
        return True
    nxt = _NEXT_WORD.match(after)
    if nxt and nxt.group(1) in CLUB_NOUNS:
        return True
    return verb and bool(_PLURAL_VERB.match(after)) and not _JOINED_BEFORE.search(before) \
        and not after_relation(text, start)  # "He and wife Stacy have"


def after_relation(text: str, start: int) -> bool:
    """Whether a relation noun stands right before ``start`` ("his wife Nikki", "his son, Jett")."""
    m = _RELATION_BEFORE.search(text[max(0, start - 30):start])
    return bool(m) and m.group(1) in RELATION_NOUNS
