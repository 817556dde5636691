"""Lower-case words that may join the capitalised words of one name."""

from __future__ import annotations

_CONNECTORS = frozenset({"of", "and", "for", "de", "du", "la", "le", "von", "van", "der", "al", "bin", "el"})

# Words that make a run of capitalised words a title plus a name, not a name ("Weekly Standard Editor Bill
# Kristol", "Senate Majority Leader Harry Reid"): a person's canonical name avoids them when it can.
NAME_TITLES = frozenset((
    "editor", "chairman", "chairwoman", "chair", "president", "senator", "sen", "rep", "representative",
    "governor", "gov", "mayor", "secretary", "minister", "leader", "spokesman", "spokeswoman", "director",
    "chief", "judge", "justice", "general", "commissioner", "ambassador", "speaker", "whip", "founder",
    "executive", "host", "anchor", "correspondent", "columnist", "professor", "dr", "mr", "mrs", "ms",
))
