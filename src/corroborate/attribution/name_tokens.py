"""Words of an article as the mention reader sees them, and the role titles among them.

Split from :mod:`corroborate.attribution.mentions` to keep modules short: the tokenizer (a word's core without
its possessive "’s", and whether it opens its sentence or a quotation), whether two words are adjacent parts
of one name, and the lexicon's role titles ("Home Secretary") found in a run of words.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from corroborate.attribution.kinds import INSTITUTION_HEADS
from corroborate.attribution.names import body_goes_on
from corroborate.text.abbreviations import TITLE_ABBREVIATIONS as TITLE_ABBREVIATIONS_DOTTED
from corroborate.text.given_names import GIVEN_NAMES
from corroborate.text.lexicon import (
    COMMON_CAPITALISED,
    COUNTRIES,
    DEMONYMS,
    HONORIFICS,
    LOC_WORDS,
    ORG_WORDS,
    OTH_WORDS,
    TITLE_ABBREVIATIONS,
    TITLES,
)
from corroborate.text.name_words import EXTRA_LOC_HEADS, EXTRA_ORG_HEADS, EXTRA_OTH_HEADS, SURNAME_TITLES

# A word: letters/digits with inner hyphens and apostrophes ("Thomas-Symonds", "Johnson’s"), or an acronym ("U.K.").
_WORD = re.compile(r"(?:[A-Z]\.){2,}|[^\W_](?:[\w\-]|['’](?=\w))*")
_POSSESSIVE = re.compile(r"['’]s$", re.I)
_INITIAL_BEFORE = re.compile(r"(?<![\w.])[A-Z] ?\. ?$")  # "A. " or "A . " right before a word
_INITIAL = re.compile(r"[A-Z] ?\.\s")
_MAX_TITLE_WORDS = 5
# First words of the titles: most words start none, and need no window search.
_TITLE_STARTS = frozenset(t.split()[0] for t in TITLES) | frozenset(TITLE_ABBREVIATIONS)


@dataclass(slots=True)
class Token:
    start: int
    end: int  # end of the core word, without a possessive "’s"
    text: str  # the core word
    possessive: bool
    initial: bool  # first word of its sentence or of a quotation

    @property
    def lower(self) -> str:
        return self.text.lower()


def tokens(text: str, start: int, end: int) -> list[Token]:
    out: list[Token] = []
    previous_end = start
    for m in _WORD.finditer(text, start, end):
        word = m.group(0)
        poss = bool(_POSSESSIVE.search(word)) and len(word) > 2
        core_end = m.end() - 2 if poss else m.end()
        # Initial: the first word, or one right after an opening quote, bracket or colon. Only the gap since the
        # previous word is read (reading back to ``start`` made long spans quadratic); a gap of spaces leaves the
        # previous word's last character, a letter, digit or dot, which opens nothing.
        gap = text[previous_end:m.start()].rstrip()
        initial = not out or (bool(gap) and gap[-1] in "“‘\"'(:")
        out.append(Token(m.start(), core_end, text[m.start():core_end], poss, initial))
        previous_end = m.end()
    return out


def _joined(text: str, a: Token, b: Token) -> bool:
    """Are two words adjacent parts of one name: only spaces between them, or the dot of "Ms.", of an
    abbreviated title ("Sen. Marco Rubio") or of a middle initial ("Paul D. Ryan")?"""
    gap = text[a.end:b.start] if not a.possessive else "x"
    if gap.strip() == "":
        return "\n" not in gap
    if gap.strip() != "." or "\n" in gap:
        return False
    if a.lower in HONORIFICS or a.lower in TITLE_ABBREVIATIONS_DOTTED:
        return True
    if a.text in ("St", "Mt", "Ft") and _is_cap(b) and b.lower not in COMMON_CAPITALISED:
        return True  # "St. Louis", "Mt. Everest", "Ft. Worth": the saint, mount or fort opens the place's name
    # An initial: one capital letter after a capitalised word, before a name ("Plan B. The" is no name), or
    # after another initial ("A. J. Smith", and "A . J . Smith" in the tokenised text of some corpora).
    return len(a.text) == 1 and a.text.isupper() and _is_cap(b) and b.lower not in COMMON_CAPITALISED \
        and ((text[max(0, a.start - 2):a.start].strip() != "" and text[a.start - 2:a.start - 1].isalpha())
             or _INITIAL_BEFORE.search(text, max(0, a.start - 6), a.start) is not None
             or (len(b.text) == 1 and _INITIAL.match(text, b.start) is not None))


# Every head word of a name (the kinds' lists): "Australian and New Zealand Army Corps", "Victoria and Albert
# Museum" end in one as "Ministry of Defence" starts with one.
_HEADS = ORG_WORDS | LOC_WORDS | OTH_WORDS | EXTRA_ORG_HEADS | EXTRA_LOC_HEADS | EXTRA_OTH_HEADS | INSTITUTION_HEADS


def _joins(words: list[str], k: int) -> bool:
    """Does the lower-case connector words[k] join one name ("Ministry of Defence", "Nationality and Borders
    Bill", "Charles de Gaulle") rather than sit between two ("Boris Johnson and Emmanuel Macron")?"""
    heads = _HEADS
    left, right, w = words[:k], words[k + 1:], words[k]
    if not left or not right:
        return False
    if w in ("of", "for"):
        # "Ministry of Defence", "Defense of Marriage Act"; not "Martha Raddatz of ABC News" (a person of an
        # organisation): after a name of two words or more, only a head word on the left joins (or body_goes_on).
        return left[-1] in heads or (right[-1] in heads and len(left) == 1) or body_goes_on(words, k)
    if w == "and":
        return body_goes_on(words, k) or (
            right[-1] in heads and left[-1] not in heads and " ".join(left) not in COUNTRIES)
    return True  # name particles: de, von, van, al, bin, ...


def _is_cap(tok: Token) -> bool:
    return tok.text[:1].isupper()


def _surname(text: str, toks: list[Token], i: int) -> bool:
    """Is the title word toks[i] the surname that ends a name: right after a capitalised first name (no
    title, place or demonym: "Saudi King Salman" is a title) and before no further name word?"""
    if toks[i].lower not in SURNAME_TITLES or i == 0 or not _joined(text, toks[i - 1], toks[i]):
        return False
    prev = toks[i - 1]
    if not _is_cap(prev) or prev.initial or prev.lower in _TITLE_STARTS or prev.lower in DEMONYMS \
            or prev.lower in COUNTRIES or prev.lower in COMMON_CAPITALISED or prev.lower in HONORIFICS:
        return False
    return not (i + 1 < len(toks) and _is_cap(toks[i + 1]) and _joined(text, toks[i], toks[i + 1]))


def _titles(text: str, toks: list[Token]) -> list[tuple[int, int, str, str | None, bool]]:
    """Role titles: (first token, last token + 1, title key, nationality, former), longest match first."""
    out = []
    i = 0
    while i < len(toks):
        found = None
        if toks[i].lower not in _TITLE_STARTS or _surname(text, toks, i):
            i += 1
            continue
        for n in range(min(_MAX_TITLE_WORDS, len(toks) - i), 0, -1):
            window = toks[i:i + n]
            if any(not _joined(text, a, b) for a, b in itertools.pairwise(window)):
                continue
            phrase = " ".join(t.lower for t in window)
            key = TITLE_ABBREVIATIONS.get(phrase) if n == 1 and window[0].text.isupper() else None
            if key and phrase == "fm" and i > 0 and _is_cap(toks[i - 1]) and _joined(text, toks[i - 1], toks[i]) \
                    and toks[i - 1].lower not in DEMONYMS and toks[i - 1].lower not in COUNTRIES:
                key = None  # a radio station ("Citi FM", "Capital FM"), not a foreign minister ("Russian FM")
            key = key or (phrase if phrase in TITLES else None)
            if key:
                found = (n, key)
                break
        if not found:
            i += 1
            continue
        n, key = found
        nationality, former = None, False
        if i > 0:
            prev = toks[i - 1]
            if prev.lower in DEMONYMS and not prev.possessive:
                nationality = prev.text.capitalize()
            elif prev.possessive and prev.lower in COUNTRIES:
                nationality = COUNTRIES[prev.lower]
        former = any(t.lower == "former" for t in toks[max(0, i - 3):i])
        out.append((i, i + n, key, nationality, former))
        i += n
    return out


_HEADLINE_LOWER = frozenset({"a", "an", "the", "of", "on", "in", "to", "for", "and", "at", "by", "as"})
# A quoted stretch short enough to be a title, motto or slogan ("In God We Trust", “Angel in a White Coat”).
_QUOTED = re.compile(r"[“\"]([^“”\"\n]{3,90})[”\"]")


def title_case(text: str, toks: list[Token], start: int, end: int, *, opens: bool,
               story_lower: set[str]) -> set[int]:
    """Indices of the words of toks (one passage, text[start:end]) written in title case, where a capital proves
    nothing: the headline that opens an article (``opens``: a line whose only lower-case words are short function
    words) and a quoted title or motto. A stretch is title case when every word of four letters or
    more is capitalised and capitalised words the story also writes in lower case (short common ones aside:
    "To", "The") sit inside it (two in a headline: "Sox Make Offer ...", "Fired Accountant Goes ..."; one in
    quotes, where the common capitalised words of any length count too: "In God We Trust"). A name in such a
    stretch is still read where the article also writes its words capitalised elsewhere (see
    ArticleMentions.build)."""
    stretches: list[tuple[int, int, bool]] = []
    # A headline is a line of its own: a sentence that opens an article ("The Union of Harbour Pilots met on
    # Friday.") has a lower-case word other than these, or ends in a full stop.
    if opens and toks and not text[start:end].rstrip().endswith(".") and all(
            t.lower in _HEADLINE_LOWER for t in toks if t.text[:1].islower()):
        stretches.append((0, len(toks), False))
    for m in _QUOTED.finditer(text, start, end):
        idx = [k for k, t in enumerate(toks) if m.start(1) <= t.start and t.end <= m.end(1)]
        if len(idx) >= 2:
            stretches.append((idx[0], idx[-1] + 1, True))
    out: set[int] = set()
    for a, b, quoted in stretches:
        words = toks[a:b]
        long = [t for t in words if t.text.isalpha() and len(t.text) >= 4]
        capitalised = [t for t in words if t.text.isalpha() and len(t.text) >= 3 and _is_cap(t)]
        if len(long if not quoted else capitalised) < (2 if quoted else 3) or not all(_is_cap(t) for t in long):
            continue
        common = sum(1 for t in words[1:] if _is_cap(t) and t.text.isalpha() and (
            (t.lower in story_lower and (len(t.text) >= 4 or t.lower not in COMMON_CAPITALISED))
            or (quoted and t.lower in COMMON_CAPITALISED)))
        if common >= (1 if quoted else 2):
            out.update(range(a, b))
    return out


def person_of_body(text: str, run: list[Token], k: int) -> bool:
    """Is ``run[:k]`` a person's name before "of"/"for" and a body ("Nanette Lee Miller of Marcum L.L.P."): two
    capitalised words or more, the last of which the story also writes after an honorific ("Ms. Miller") or the
    first a given name? Then the connector sits between a person and where they work, whatever one model span
    over both says."""
    if k < 2 or run[k].lower not in ("of", "for") or not all(_is_cap(t) for t in run[:k]):
        return False
    surname = re.escape(run[k - 1].text)
    return run[0].lower in GIVEN_NAMES \
        or re.search(rf"\b(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+{surname}\b", text) is not None
