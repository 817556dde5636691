"""What kind of name a run of capitalised words is, by the rules: PER, ORG, LOC, OTH, UNK (one word, decided
later against the story's full names), ``PER?`` (a person unless the model says otherwise), or None (no name).

Evidence, strongest first: an honorific; a party word; the head (last) word ("Ministry", "Channel", "Act");
a country or capital; a demonym; a vessel's prefix or the noun before it ("INS Sukanya", "the ferry Morwen
Star"); a title followed by a name ("Senate Majority Leader Harry Reid" is a person although "Senate" is an
organisation word); any organisation or place word; a place preposition before it.
"""

from __future__ import annotations

import re

from corroborate.attribution.names import bare, person_parts
from corroborate.text.common_acronyms import common_acronym
from corroborate.text.known_orgs import KNOWN_ORGANISATIONS
from corroborate.text.lexicon import (
    CAPITALS,
    COMMON_CAPITALISED,
    COUNTRIES,
    DEMONYMS,
    DIRECTIONS,
    LOC_WORDS,
    ORG_WORDS,
    OTH_WORDS,
)
from corroborate.text.name_variants import PARTIES
from corroborate.text.name_words import (
    EXTRA_LOC_HEADS,
    EXTRA_ORG_HEADS,
    EXTRA_OTH_HEADS,
    VESSEL_CUES,
    VESSEL_PREFIXES,
)

_CONTRACTION = re.compile(r"['’](?:ve|re|ll|t|d|m)$", re.I)
# Prepositions that make an otherwise unmarked multi-word name a place ("from", "to", "at" take people too).
_PLACE_CUES = frozenset({"in", "near", "off", "outside", "inside", "across"})
# Institutions whose names read like a person's ("Albert Museum"); a name's head word as the lists above are.
# Not "society": "the Humane Society of Tampa Bay ... told" is read as its spokesman by the speaker rules only
# while it is typed as a person (speaker pool 5), and the entity pool reads "Law Society of Singapore" as the country.
INSTITUTION_HEADS = frozenset({"museum", "gallery", "galleries", "library", "zoo", "orchestra"})
ORG_HEADS = ORG_WORDS | EXTRA_ORG_HEADS | INSTITUTION_HEADS
_HEADS = ((ORG_HEADS, "ORG"), (LOC_WORDS | EXTRA_LOC_HEADS, "LOC"),
          (OTH_WORDS | EXTRA_OTH_HEADS, "OTH"))


def is_acronym(word: str) -> bool:
    core = word.replace(".", "")
    return len(core) >= 2 and core.isupper() and core.isalpha()


def name_kind(names: list[str], honorific: str | None, prev: str | None, story_lower: set[str]) -> str | None:
    """The kind of the name ``names`` (honorific removed); ``prev`` is the lower-case word before it."""
    words = [w.lower() for w in names]
    if honorific:
        return "PER"
    joined = " ".join(words)
    if len(words) == 1 and "-" in words[0]:
        parts = words[0].split("-")
        if any(p in DEMONYMS or p in COUNTRIES for p in parts):
            return None  # "British-French", "UK-EU": adjectives
    last = words[-1]
    if bare(last) in PARTIES or (len(words) > 1 and last == "party"):
        return "ORG"  # "Republicans", "Senate GOP", "Democratic Party": a party, never a person
    if joined == "islamic state":
        return "ORG"  # the militant group, though "State" heads places ("Washington State")
    if joined in KNOWN_ORGANISATIONS:
        return "ORG"  # a brand with no head word: "Facebook said", "posted on YouTube"
    link = next((k for k in range(1, len(words) - 1) if words[k] in ("of", "for", "on")), None)
    if link is not None:
        # "Humane Society of Tampa Bay", "Bay of Biscay", "Foundation for Relief ... in the Middle East": the head
        # is the word before the first "of", "for" or "on", not the last one.
        head = words[link - 1]
        kind = next((kind for pool, kind in _HEADS[:2] if head in pool or _singular(head, words) in pool), None)
        if kind:
            return kind
    for pool, kind in _HEADS:
        # A plural head names bodies or places as the singular does ("Defense and Interior Ministries"); not a
        # law's or an event's ("Buffalo Bills" is a team). A hyphenated last word ends in its head ("St. Louis
        # Post-Dispatch").
        if last in pool or (kind != "OTH" and _singular(last, words) in pool) \
                or (len(words) > 1 and "-" in last and last.rsplit("-", 1)[1] in pool):
            return kind
    if words[0] == "daily" and len(words) > 1:
        return "ORG"  # "Daily RFT", "Daily Beast": a newspaper or news site
    parts = person_parts(names) if len(words) > 1 else None
    if parts is not None and 0 < parts[0] < parts[1] < len(words) and words[0] in DIRECTIONS:
        return "PER"  # "South Carolina Republican Sen. Tim Scott": a title and a name after a place, no place
    if joined in COUNTRIES or joined in CAPITALS or (len(words) > 1 and (words[0] in DIRECTIONS
                                                                          or last in DIRECTIONS)):
        return "LOC"  # "Northern Ireland", "Middle East"
    if words[0] in DEMONYMS or (len(words) == 1 and words[0].endswith("s") and words[0][:-1] in DEMONYMS):
        return None if len(words) == 1 else "OTH"  # "French"; "British People"
    if len(words) > 1 and ((names[0].isupper() and bare(words[0]) in VESSEL_PREFIXES) or prev in VESSEL_CUES):
        return "OTH"  # "INS Sukanya", "the ferry Morwen Star": a vessel
    if parts is not None and parts[0] < parts[1] < len(words):
        return "PER"  # a title, then a name: "Senate Majority Leader Harry Reid"
    for pool, kind in _HEADS[:2]:
        if any(w in pool for w in words):
            return kind
    if len(words) == 1:
        return _one_word(names[0], story_lower)
    if any(w in COMMON_CAPITALISED for w in words[1:] if not (len(w) == 1 and w.isalpha())):
        return "OTH"
    if prev in _PLACE_CUES:
        return "LOC"  # "in San Francisco", "near Grande Synthe": a person is rarely "in" anywhere
    return "PER?"


def _singular(word: str, words: list[str]) -> str:
    """The singular of a plural head: "-ies" always ("Ministries"); a plain "-s" only for the heads of bodies no
    surname looks like ("Intelligence Committees"), after another word: "Philip Rivers", "Tyra Banks" are people."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    return word[:-1] if word[:-1] in _BODY_PLURALS and word.endswith("s") and len(words) > 1 else word


# Heads whose plain plural names bodies ("Defense and State Departments"); not "banks", "rivers", "bridges".
_BODY_PLURALS = frozenset({"committee", "council", "department", "force", "service", "court", "union", "office",
                           "commission", "government", "magazine"})


def _one_word(word: str, story_lower: set[str]) -> str | None:
    if _CONTRACTION.search(word) or len(word.rstrip(".")) == 1:
        return None  # "We’ve", "Don't": contractions, not names; "X", "S": letters
    if common_acronym(word):
        return None  # "a DJ", "the virus's RNA", "pupils in P6": common nouns and codes, no names
    if word.isupper() and len(word) > 3 and word.lower() in story_lower:
        return None  # "FREE", "VERY": shouting a word the text also writes in lower case
    if is_acronym(word):
        return None if word.endswith("s") and word[:-1].isupper() else "ORG"
    if word.endswith("s") and word[:-1].isupper():
        return None  # "MPs"
    return "UNK"
