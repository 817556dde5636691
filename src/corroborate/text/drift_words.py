"""Word lists of drift detection: antonym, distortion and harmless-change tables, and the function words the actor
and number readers skip.
"""

from __future__ import annotations

#: Substitutions that flip meaning. Symmetric.
ANTONYMS: tuple[tuple[str, str], ...] = (
    ("defence", "attack"), ("defend", "attack"), ("rise", "fall"), ("rose", "fell"), ("risen", "fallen"),
    ("rise", "drop"), ("rose", "dropped"), ("rise", "decline"), ("grow", "shrink"), ("grew", "shrank"),
    ("increase", "decrease"), ("win", "lose"),
    ("won", "lost"), ("victory", "defeat"), ("accept", "reject"), ("approve", "reject"), ("support", "oppose"),
    ("allow", "ban"), ("allow", "forbid"), ("guilty", "innocent"), ("alive", "dead"), ("survive", "die"),
    ("survivor", "victim"), ("arrive", "depart"), ("open", "close"), ("start", "stop"), ("begin", "end"),
    ("gain", "loss"), ("higher", "lower"), ("success", "failure"), ("confirm", "deny"), ("praise", "criticise"),
    ("praise", "condemn"), ("agree", "refuse"), ("agree", "disagree"), ("include", "exclude"),
    ("welcome", "reject"), ("legal", "illegal"), ("majority", "minority"), ("friend", "enemy"),
    ("ally", "enemy"), ("ally", "opponent"), ("first", "last"), ("cause", "prevent"), ("acquit", "convict"),
    ("hire", "fire"), ("buy", "sell"), ("bought", "sold"), ("lend", "borrow"), ("import", "export"),
    ("north", "south"), ("east", "west"), ("maximum", "minimum"), ("invite", "ban"), ("help", "hinder"),
    ("raise", "cut"), ("boost", "cut"), ("expand", "cut"), ("rescue", "abandon"), ("release", "arrest"),
    ("lift", "impose"), ("strengthen", "weaken"), ("cooperate", "refuse"), ("rebuke", "praise"),
)


#: Substitutions that distort: a specific, loaded or escalated word for a neutral one. Symmetric.
DISTORTIONS: tuple[tuple[str, str], ...] = (
    ("disaster", "tsunami"), ("tragedy", "tsunami"), ("accident", "attack"), ("incident", "attack"),
    ("death", "murder"), ("die", "murder"), ("kill", "murder"), ("protest", "riot"), ("criticise", "attack"),
    ("criticism", "attack"), ("dispute", "war"), ("row", "war"), ("spat", "war"), ("disagreement", "war"),
    ("suspect", "culprit"), ("allege", "prove"), ("claim", "prove"), ("say", "admit"), ("sink", "crash"),
    ("sank", "crashed"), ("capsize", "crash"), ("criticise", "explode"), ("rebuff", "reject"),
    ("letter", "tweet"), ("migrant", "illegal"), ("some", "all"), ("injure", "kill"), ("injured", "killed"),
)


#: Swaps that keep the meaning in news text; not reported even as weak substitutions. Symmetric.
HARMLESS: tuple[tuple[str, str], ...] = (
    ("boat", "dinghy"), ("dingy", "dinghy"), ("boat", "dingy"), ("die", "drown"), ("died", "drowned"),
    ("disaster", "tragedy"), ("meet", "meeting"), ("talk", "meeting"),
    ("summit", "meeting"), ("minister", "secretary"), ("pm", "minister"), ("premier", "minister"),
    ("victim", "dead"), ("victim", "death"), ("drown", "victim"), ("die", "victim"), ("big", "large"),
    ("large", "huge"), ("start", "begin"), ("end", "finish"), ("buy", "purchase"), ("help", "assist"),
    ("tell", "inform"), ("because", "since"), ("vessel", "boat"), ("ship", "boat"), ("kid", "child"),
    ("woman", "female"), ("man", "male"), ("people", "person"), ("nation", "country"), ("criticise", "rebuke"),
)


_VAGUE_QUANTITIES: dict[str, tuple[float, float]] = {
    "multiple": (2, float("inf")), "several": (2, float("inf")), "many": (2, float("inf")),
    "numerous": (2, float("inf")), "various": (2, float("inf")), "few": (2, 10), "couple": (2, 3),
    "dozens": (24, 199), "scores": (40, 199), "hundreds": (200, 1999), "thousands": (2000, 1_999_999),
    "millions": (2_000_000, float("inf")), "both": (2, 2), "single": (1, 1), "lone": (1, 1),
}


_NEGATION_WORDS = frozenset({"not", "no", "never", "nobody", "nothing", "none", "neither", "nor", "nowhere",
                             "cannot"})


_TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "lord", "lady", "mr.", "mrs.", "ms.",
                     "dr.", "prof."})


_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "its", "our"})


_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "who", "which", "that", "this", "one",
                       "someone", "somebody", "everyone"})


# Words skipped when looking left from a verb for its actor: auxiliaries, time phrases, adverbs.
_ACTOR_SKIP = frozenset({"had", "has", "have", "was", "were", "is", "are", "been", "be", "also", "then", "later",
                         "reportedly", "already", "last", "night", "yesterday", "today", "tonight", "morning",
                         "evening", "afternoon", "earlier", "just", "finally", "once", "again", "previously",
                         "allegedly", "apparently", "now", "still", "longer", "did", "does", "do", "will",
                         "would", "could", "may", "might"})


_CLAUSE_WORDS = frozenset({"but", "and", "or", "after", "before", "when", "while", "as", "because", "since",
                           "if", "then", "by", "of", "for", "with", "to", "from", "in", "on", "at", "into",
                           "than", "so", "where", "whom", "whose", "said", "says", "told", "that"})


_IRREGULAR_PAST = frozenset({
    "said", "told", "met", "sank", "sunk", "took", "gave", "made", "went", "came", "saw", "left", "held", "led",
    "won", "lost", "began", "wrote", "struck", "hit", "shot", "fled", "found", "kept", "sent", "spent", "put",
    "set", "ran", "rose", "fell", "broke", "chose", "drove", "flew", "knew", "threw", "thought", "brought",
    "bought", "caught", "fought", "taught", "sought", "stood", "understood", "paid", "laid", "sold", "cut",
    "beat", "bit", "hid", "shut", "spoke", "stole", "swore", "tore", "wore", "upheld", "withdrew", "overtook",
})
