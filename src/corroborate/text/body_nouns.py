"""Common nouns that refer back to a named organisation or site ("the clinic said", "a union spokesman", "the
website reads"), read by :mod:`corroborate.attribution.reported`."""

from __future__ import annotations

# Nouns that name what kind of body an organisation is: "Mayo Clinic" is "the clinic", "Union of Commissioners"
# "the union", "the website Weird Whitstable" "the website".
BODY_NOUNS = frozenset({
    "company", "firm", "ministry", "agency", "carrier", "airline", "bank", "group", "clinic", "hospital", "union",
    "website", "site", "blog", "council", "committee", "foundation", "newspaper", "paper", "tabloid", "magazine",
    "network", "broadcaster", "university", "college", "school", "department", "charity", "organisation",
    "organization", "institute", "museum", "channel", "club", "association", "federation", "league",
})
# Nouns for an organisation that name no kind of body ("the Russian body said", "the watchdog said"): they refer
# back to the one organisation named just before (corroborate.attribution.issuers).
GENERIC_BODIES = frozenset({"body", "watchdog", "regulator"})
# What speaks for a body in "a clinic posting said", "a union spokesman said", "an airline statement said".
BODY_VOICES = frozenset({
    "spokesman", "spokeswoman", "spokesperson", "posting", "post", "statement", "release", "note", "notice",
    "announcement", "message",
})
# Nouns for a newspaper or magazine ("according to the tabloid"), and the last words of their names ("The Post",
# "Daily Mail"): the outlet the noun refers back to.
PRESS_NOUNS = frozenset({"newspaper", "paper", "tabloid", "magazine", "daily", "weekly"})
PRESS_HEADS = frozenset({
    "post", "times", "news", "mail", "herald", "press", "telegraph", "guardian", "journal", "star", "sun",
    "express", "mirror", "tribune", "gazette", "chronicle", "observer", "independent", "standard", "record",
    "magazine", "inquirer", "globe", "today", "examiner", "courier", "bulletin", "register", "dispatch",
})
