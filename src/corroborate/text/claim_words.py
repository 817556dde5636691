"""Closed word lists and word-shape helpers for the rule-based statement extractor.

Grammatical and general-news vocabulary only (auxiliaries, prepositions, titles, weekdays, number words,
event frames), never words taken from a particular article: the rules must work on news they have not seen.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _wordlist(text: str) -> list[str]:
    return text.split()



# --- closed word lists (why: these are grammatical, not topical, so they generalise) -----------------------
AUXILIARIES = _words("is are was were be been being am has have had having do does did will would shall "
                        "should can could may might must")
DETERMINERS = _words("the a an this that these those his her its their our my your some any each every "
                        "no another")
PREPOSITIONS = _words("in on at by for with from to of into onto over under about after before during "
                         "since until near off via against between among across through without within "
                         "towards toward upon amid as")
CONJUNCTIONS = _words("and or but nor so yet while when because although though if that which who whom "
                         "whose where whether than")
PRONOUNS = _words("he she it they we i you him her them us me who which that this these those")
NEGATORS = _words("not no never n't nobody nothing none neither nor cannot")
TITLES = _words("mr mrs ms miss dr prof sir dame lord lady president minister secretary premier king queen "
                   "prince chancellor senator sen gov governor mayor judge general gen col capt sgt rev pm mp "
                   "counterpart spokesman spokeswoman spokesperson chief")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# Words that name one day: a weekday, or the report's own day and its neighbours ("said Tuesday", "apologized today").
DAY_WORDS = frozenset((*WEEKDAYS, "today", "yesterday", "tonight"))
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december")
RELATIVE_TIMES = _words("today yesterday tomorrow tonight overnight weekend")
REPORTING = _words("say said says tell told add added claim claimed state stated insist insisted reveal "
                      "revealed report reported announce announced warn warned confirm confirmed deny denied "
                      "tweet tweeted write wrote")
# Verbs whose object is given a quoted characterisation: "calling him 'not serious'".
LABEL_VERBS = _words("call calls called calling label labels labelled labeled labelling branded brand "
                        "brands branding dub dubbed dubs describe described describes describing")
IRREGULAR_PAST = {
    "said": "say", "told": "tell", "met": "meet", "sank": "sink", "sunk": "sink", "made": "make", "took": "take",
    "held": "hold", "led": "lead", "left": "leave", "went": "go", "came": "come", "gave": "give", "won": "win",
    "lost": "lose", "began": "begin", "brought": "bring", "built": "build", "bought": "buy", "sold": "sell",
    "caught": "catch", "drew": "draw", "drove": "drive", "fell": "fall", "fought": "fight", "found": "find",
    "flew": "fly", "forgot": "forget", "got": "get", "grew": "grow", "hit": "hit", "kept": "keep",
    "knew": "know", "laid": "lay", "paid": "pay", "ran": "run", "rang": "ring", "rose": "rise", "saw": "see",
    "sent": "send", "set": "set", "shot": "shoot", "shut": "shut", "spoke": "speak", "spent": "spend",
    "stood": "stand", "struck": "strike", "swam": "swim", "thought": "think", "threw": "throw", "wrote": "write",
    "penned": "pen", "snorted": "snort", "died": "die", "hid": "hide", "broke": "break", "chose": "choose",
    "fled": "flee", "heard": "hear", "meant": "mean", "put": "put", "quit": "quit", "sought": "seek",
    "withdrew": "withdraw", "became": "become", "overtook": "overtake", "undertook": "undertake",
}
NOT_VERBS = _words("red bed need speed hundred seed feed shed breed indeed weed united embed based "
                      "related detailed limited armed aged alleged so-called advanced skilled wicked "
                      "naked sacred")
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
}
# Vague quantifiers: the lower bound they imply (why: "dozens" is compatible with 27, "multiple" is not with 1).
VAGUE = {"multiple": 2, "several": 3, "many": 2, "numerous": 2, "dozens": 24, "scores": 40, "hundreds": 200,
         "thousands": 2000}
IRREGULAR_PLURAL = {"women": "woman", "men": "man", "children": "child", "people": "person", "lives": "life",
                    "feet": "foot", "teeth": "tooth", "mice": "mouse", "wives": "wife", "police": "police"}
# Event frames of counts that reporters disagree on most. A count whose sentence evokes a frame is comparable
# across sources even when the head noun differs ("27 people" killed = "27 lives" claimed).
FRAMES = {
    "death": ("die", "died", "dies", "dead", "death", "deaths", "kill", "killed", "killing", "drown", "drowned",
              "drowning", "lives", "life", "victims", "toll", "fatalities", "perished", "bodies"),
    "injury": ("injured", "injuries", "injuring", "wounded", "hurt", "hospitalised", "hospitalized"),
    "arrest": ("arrested", "arrests", "detained", "charged"),
    "missing": ("missing",),
    "rescue": ("rescued", "survivors", "saved"),
}
FRAME_OF = {w: f for f, words in FRAMES.items() for w in words}
# Nouns that are not counted things (ages, times, money units are compared by their own head).
NOT_COUNTED = _words("year old percent per cent minut minute hour day week month point time")
# Event nouns and their verb, so "her meeting" and "met" denote the same kind of event.
EVENT_NOUNS = {"meeting": "meet", "summit": "meet", "talks": "meet", "talk": "meet", "conference": "meet",
               "visit": "visit", "trip": "visit", "attack": "attack", "crash": "crash", "election": "elect"}

TOKEN = re.compile(r"(?:Mr|Mrs|Ms|Dr|Prof|St|Jr|Sr|Gen|Sen|Rep|Gov|Lt|Col|Capt|Sgt|Rev)\.|[A-Z]\.(?=\s?[A-Z])"
                    r"|[A-Za-z]+(?:[-'’][A-Za-z]+)*|\d+(?:[.,]\d+)*(?:-[A-Za-z]+)*|n['’]t|[‘’'\"“”]|[^\sA-Za-z\d]")
QUOTED = re.compile(r"[‘'“\"]([^‘’'“”\"]{2,80})[’'”\"]")


@dataclass(slots=True, frozen=True)
class Token:
    text: str
    start: int  # offsets into the article text
    end: int

    @property
    def lower(self) -> str:
        return self.text.lower().rstrip(".").replace("’", "'")


@functools.lru_cache(maxsize=65536)  # pure function of the word; news repeats its vocabulary a lot
def lemma(word: str) -> str:
    """A crude English lemma key: enough to match "deaths"/"death", "cancelled"/"cancel", "women"/"woman".
    A final "e" is dropped so "urge" and "urged" meet at "urg" (a matching key, not a display form)."""
    w = base_lemma(word)
    return w[:-1] if len(w) > 3 and w.endswith("e") and not w.endswith("ee") else w


def base_lemma(word: str) -> str:
    w = word.lower().replace("’", "'").rstrip(".")
    if w in IRREGULAR_PLURAL:
        return IRREGULAR_PLURAL[w]
    if w in IRREGULAR_PAST:
        return IRREGULAR_PAST[w]
    if len(w) > 5 and w.endswith("ing"):
        w = w[:-3]
        return w[:-1] if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "ls" else w
    if len(w) > 4 and w.endswith("ied"):
        return w[:-3] + "y"
    if len(w) > 4 and w.endswith("ed"):
        w = w[:-2]
        if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "ls":
            return w[:-1]
        return w[:-1] if w.endswith("ll") else w
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


def negates(word: str) -> bool:
    """A lower-cased token that negates: a negator, or a contraction the tokenizer keeps whole ("couldn't",
    "won’t"), which must read as its "could not" spelling or one outlet's contraction becomes a denial."""
    return word in NEGATORS or word.endswith(("n't", "n’t"))


def negation_at(lowers: list[str], k: int) -> bool:
    """Whether lower-cased token ``k`` negates, counting a contraction tokenised apart ("hadn ’ t", as ECB+
    prints it: "hadn", a quote mark, "t") and not counting the number sign ("No. 1 Tar Heels", "No 5 seed")."""
    w = lowers[k]
    nxt = lowers[k + 1:k + 3]
    if w == "no":
        # (a punctuation token's lower form is empty)
        return not (nxt and (nxt[0][:1].isdigit() or (nxt[0] in ("", ".") and len(nxt) > 1 and nxt[1][:1].isdigit())))
    if w.endswith("n") and len(nxt) == 2 and nxt[0] in ("", "'", "’") and nxt[1] == "t":
        return True
    return negates(w)


def tokenize(text: str, offset: int = 0) -> list[Token]:
    return [Token(m.group(0), m.start() + offset, m.end() + offset) for m in TOKEN.finditer(text)]


def number_value(word: str) -> int | None:
    w = word.lower().replace(",", "")
    if w.isdigit():
        return int(w)
    if "-" in w:
        parts = w.split("-")
        if all(p in NUMBER_WORDS for p in parts) and len(parts) == 2 and NUMBER_WORDS[parts[0]] >= 20:
            return NUMBER_WORDS[parts[0]] + NUMBER_WORDS[parts[1]]
        return None
    return NUMBER_WORDS.get(w)


def name_key(phrase: str) -> frozenset[str]:
    """Words that identify a named participant ("Ms. Patel" and "Priti Patel" share {"patel"})."""
    words = [w.lower().rstrip(".").replace("’s", "").replace("'s", "") for w in re.findall(r"[A-Za-z’'.]+", phrase)]
    return frozenset(w for w in words if w and w not in TITLES and w not in DETERMINERS and len(w) > 1)


def same_participant(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    ka, kb = name_key(a), name_key(b)
    return bool(ka & kb)


def phrase_head(phrase: str | None) -> str | None:
    """Lemma of a phrase's last content word ("her meeting" -> "meet"): what an action was done to."""
    if not phrase:
        return None
    words = [w for w in phrase.lower().replace("’", "'").split() if w.isalpha() and w not in PRONOUNS]
    return lemma(words[-1]) if words else None


def is_capitalised(tok: Token) -> bool:
    return tok.text[:1].isupper() and tok.text[:1].isalpha()


def is_verb(tok: Token, prev: Token | None) -> bool:
    """Past-tense/participle verbs by shape; present tense only for the closed reporting/label lists."""
    w = tok.lower
    if is_capitalised(tok) and prev is not None:
        return False
    if w in IRREGULAR_PAST and w not in ("set", "hit", "put", "left", "lost"):
        return True
    if w in LABEL_VERBS or w in ("says", "tells", "tweets"):
        return True
    if prev is not None and prev.lower in DETERMINERS:
        return False  # "the alleged", "a fit"
    return len(w) > 4 and w.endswith("ed") and w not in NOT_VERBS and w.isalpha()


FUNCTION = DETERMINERS | PREPOSITIONS | CONJUNCTIONS | AUXILIARIES | PRONOUNS | NEGATORS | frozenset(
    ("including", "other", "more", "less", "such", "last", "first", "next", "previous", "own", "few"))
PERSON_NOUNS = _words("woman man child boy girl baby person migrant victim survivor officer soldier "
                          "passenger worker student teenager pilot civilian")
PLURAL_PERSONS = _words("women men children boys girls babies persons migrants victims survivors officers "
                            "soldiers passengers workers students teenagers pilots civilians")


MOTION = frozenset(lemma(w) for w in _wordlist(
    "head travel go fly send return move sail cross flee deport come drive take bring dispatch summon "
    "invite"
))


STOP = _words("the and for with from that this these those was were are has have had been being will would "
                  "said says its his her their they them who whom which what when where while after before into "
                  "onto over under about than then also not but just last night more most some any all one two "
                  "such very only other there here our your him she he")


SKIP_BEFORE_VERB = _words("also already then reportedly just longer last night yesterday today morning "
                              "previously once again still")


