"""Word lists of the quote reader: determiners and adjectives of speaker noun phrases, cue fillers, prepositions."""

from __future__ import annotations

from typing import Any

from corroborate.text.body_nouns import GENERIC_BODIES
from corroborate.text.lexicon import (
    DEMONYMS,
    ORG_WORDS,
    SPEAKER_NOUNS,
)

_DETS = frozenset({"the", "a", "an", "his", "her", "their", "its", "our", "one", "another", "some", "two", "three"})


_NP_ADJ = frozenset({"senior", "former", "junior", "fellow", "top", "chief", "close", "leading", "government",
                     "ministry", "home", "foreign", "interior", "unnamed", "anonymous", "local",
                     "labour", "tory", "conservative", "opposition", "party", "police", "security", "defence",
                     "no10", "downing", "street", "white", "house"}) | DEMONYMS


_SKIP_BEFORE_VERB = frozenset({"has", "have", "had", "also", "then", "later", "previously", "reportedly",
                               "once", "again", "further", "himself", "herself", "just", "already", "yesterday",
                               "today", "would", "will", "is", "was", "last", "night"})


# Lower-case words a speaker phrase is made of: "a senior government source", "a spokesman for the council".
_NP_WORDS = SPEAKER_NOUNS | _NP_ADJ | ORG_WORDS | GENERIC_BODIES


_PASSIVE_AUX = frozenset({"was", "were", "been", "being", "is", "are", "be"})


# Prepositions after which a name right before a speech verb is no subject ("the home in Tulsa told"); not "for",
# "of", "to", "by", "from", which tie a speaker to the body it speaks for ("a spokesman for Microsoft said").
PLACED_IN = frozenset({"in", "into", "at", "against", "with", "about", "like", "than", "on", "near", "amid", "beside",
                       "behind", "alongside"})


_CUE_FILLER = frozenset({"was", "were", "is", "are", "has", "have", "had", "been", "reported", "quoted", "as",
                         "also", "later", "reportedly", "then", "once", "again", "previously"})


# Words after which a name is an object, not the sentence's subject ("rebuked Ms Patel", "to Mr Macron").
_PREPOSITIONS = frozenset({"to", "with", "by", "for", "of", "from", "at", "on", "against", "about", "meet",
                           "meeting", "than", "like", "rebuked", "criticised", "accused", "told", "warned"})


_LEAD_SKIP = frozenset({"but", "and", "however", "so", "yet", "then", "meanwhile", "today", "also"})


_PERSON_PRONOUNS = frozenset({"he", "she"})


# Verbs that report a clause without "that" ("He said the plan …"); others need "that".
_BARE_CLAUSE_VERBS = frozenset({"said", "says", "added", "adds", "insisted", "insists", "claimed", "claims",
                                "argued", "argues", "admitted", "admits", "revealed", "reveals", "stated",
                                "suggested", "confirmed", "acknowledged", "maintained"})


# What carries a speaker's words, not a speaker ("a statement saying", "in an e-mail", "the report said").
DOCUMENT_NOUNS = frozenset({"statement", "statements", "e-mail", "email", "letter", "tweet", "post", "release",
                            "memo", "message", "interview", "op-ed", "report"})

# Nouns a name modifies to make a group of people ("the Vale family", "the Obama administration", "the Rubio
# campaign"): the group is the subject, not the person the name is.
NAMED_GROUPS = frozenset({"family", "families", "administration", "campaign", "camp", "household", "clan"})

# Nouns a person's name modifies ("the Arnold Schwarzenegger cult favorite", "the Vale family", "an Ann Vale song"):
# the name is no subject of its sentence.
NAME_MODIFIED = NAMED_GROUPS | frozenset({
    "film", "films", "movie", "movies", "show", "song", "songs", "album", "book", "cult", "classic", "hit",
    "era", "fans", "supporters", "voters", "presidency", "biopic", "franchise",
})

# What a person is to someone named before it ("Lung's 21-year-old lover", "Vale's mother"): the subject is that
# relative or aide, whom the name does not name.
RELATION_NOUNS = frozenset({
    "wife", "husband", "mother", "father", "son", "daughter", "brother", "sister", "lover", "girlfriend",
    "boyfriend", "partner", "mistress", "widow", "widower", "fiancee", "fiancée", "fiance", "mom", "dad", "uncle",
    "aunt", "cousin", "grandmother", "grandfather", "nephew", "niece", "friend", "lawyer", "attorney", "aide",
})

# Words that open no reported clause after "said": a preposition or a time clause ("said when asked to ...").
NO_REPORTED_CLAUSE = frozenset(("to", "by", "in", "on", "as", "of", "at", "with", "during", "for", "about", "from",
                                "when", "while", "after", "before", "if", "because", "since", "upon", "through"))

# Plural person nouns that open a sentence capitalised ("Detectives said …", "Relatives insisted …"): a generic
# collective speaks, not someone named (GUIDELINE.md section 8: such speakers are unattributed).
COLLECTIVE_SPEAKERS = frozenset({
    "detectives", "investigators", "relatives", "bankers", "residents", "neighbours", "neighbors", "doctors",
    "nurses", "prosecutors", "lawyers", "attorneys", "researchers", "scientists", "economists", "traders",
    "investors", "protesters", "protestors", "activists", "organisers", "organizers", "observers", "authorities",
    "firefighters", "rescuers", "paramedics", "medics", "students", "teachers", "parents", "villagers", "locals",
    "survivors", "victims", "fans", "workers", "employees", "passengers", "soldiers", "troops", "militants",
    "rebels", "officials", "analysts", "experts", "witnesses", "sources", "critics", "diplomats", "campaigners",
    "lawmakers", "officers", "police", "families", "friends", "colleagues", "insiders", "aides",
})

# "which locals said had lain …", "that Apple claims has been …": a finite verb right after the cue means the
# clause's subject is the relative pronoun before it, so the reported span would be a fragment.
GAP_VERBS = frozenset({"was", "were", "is", "are", "had", "has", "have", "would", "will", "could", "should", "can",
                       "may", "might", "did", "does", "do"})

# Short function words a title in marks writes in lower case ("Lady and the Tramp", "Time for Beany"): the words in
# marks are a title, not a quote, when every other word is capitalised.
TITLE_LOWER = frozenset({"a", "an", "the", "of", "on", "in", "to", "for", "and", "at", "by", "as", "or", "with"})


def noun_before_of(words: list[str]) -> bool:
    """"a lawyer for Ann Vale", "the mother of Ann Vale": a determiner, a lower-case noun, then "for" or "of". The
    noun heads the phrase: the lawyer or the mother speaks (unnamed), not the person named after it."""
    return len(words) > 3 and words[0].lower() in ("a", "an", "the") and words[1].isalpha() and words[1].islower() \
        and words[2].lower() in ("for", "of")


# Words that open a phrase between a speech verb and its "that" ("said on Monday that", "said in a statement
# that", "said at a briefing that"), and the words after "that" that make it a relative pronoun instead ("said in a
# statement that was released on Monday").
_PHRASE_OPENERS = frozenset({"on", "in", "at", "during", "after", "before", "to", "of", "with", "from"})
_RELATIVE_VERBS = frozenset({"was", "is", "were", "are", "has", "had", "have", "will", "would", "could", "can"})


def clause_after_phrase(text: str, toks: list[Any], v: int, k: int, that: int | None) -> bool:
    """Whether the words after the speech verb ``toks[v]`` are a short phrase (opened by ``toks[k]``) and then
    "that" and the reported clause: "Ann Vale said on Monday that the party would …". Not past a comma ("said,
    in a statement that was deleted, …") nor a "that" followed by a verb (a relative pronoun)."""
    return that is not None and toks[k].lower in _PHRASE_OPENERS and that + 1 < len(toks) \
        and toks[that + 1].lower not in _RELATIVE_VERBS and "," not in text[toks[v].end:toks[that].start]
