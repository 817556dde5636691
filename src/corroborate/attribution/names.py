"""How a run of capitalised words divides into descriptor, title and name, and how names compare.

Used by :mod:`corroborate.attribution.mentions` (which words of "Senate Majority Leader Harry Reid" are the
person) and :mod:`corroborate.attribution.entities` (which keys of a story are one person, one party or one
organisation). Pure functions over lower-case words; no model, no story state.
"""

from __future__ import annotations

import re

from corroborate.text.abbreviations import TITLE_ABBREVIATIONS
from corroborate.text.given_names import GIVEN_NAMES
from corroborate.text.lexicon import COUNTRIES, DEMONYMS, ORG_WORDS, SPEECH_VERBS
from corroborate.text.name_variants import PARTIES, PARTY_TAILS, same_first_name
from corroborate.text.name_words import NAME_SUFFIXES, TITLE_MODIFIERS
from corroborate.text.name_words import PERSON_TITLE_WORDS as _SHARED_TITLE_WORDS
from corroborate.text.stopwords import STOPWORDS

# "General Manager A. J. Smith", "Campaign Manager Robby Mook": "manager" heads a title as "director" does
# (the shared list lacks it; without it "Manager A. J. Smith" would be the name); "Command Sgt. Maj. John
# Kurak": the abbreviated rank "Maj." is a title as "major" is.
PERSON_TITLE_WORDS = _SHARED_TITLE_WORDS | frozenset({"manager", "maj"})

# Lower-case words that initials skip ("Defense of Marriage Act" is DOMA with them, "Academy of Motion
# Picture Arts and Sciences" is AMPAS without them).
_FUNCTION = frozenset({"of", "and", "the", "for", "on", "in", "to", "at", "&"})


def opening_verb(word: str) -> bool:
    """Is the lower-case word a verb that can open a sentence before a name, and so no part of it: a speech
    verb ("Added Gibbs: …") or a function-word participle ("Having Jackman host the show …", "Being Smith's
    friend …")? Other words in "-ing" can be names ("Sterling Brown", "Irving Berlin")."""
    return word in SPEECH_VERBS or (word in STOPWORDS and word.endswith("ing"))


def bare(word: str) -> str:
    """A word as a key part: lower case, without dots ("F.B.I." and "FBI" are one key)."""
    return word.lower().replace(".", "")


# The lower-case particles glued to a name's last part ("al-Suri", "bin-Laden"): one list for the mention, speaker
# and key readers.
_GLUED = r"(?:al|el|bin|ibn|abu|ad|as|ash|ar|at|az)-"
# A name's last part joined to such a particle.
JOINED_PARTICLE = re.compile(_GLUED + r"[A-Z][\w'’]*")
_ARTICLE = re.compile("^" + _GLUED + r"(?=\w)")


def person_key(names: tuple[str, ...] | list[str], *, juniors: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """A person's key words: bare, without a generational suffix ("Joseph R. Biden Jr." -> joseph r biden),
    unless the surname before it is one of ``juniors``: a story that says "Trump Jr." on its own tells a son
    from his father, so "Donald Trump Jr." keeps its suffix there."""
    # "Bashar al-Assad" and "Assad" share a surname: the glued Arabic article is no part of the key.
    words = tuple(_ARTICLE.sub("", bare(w)) if k else bare(w) for k, w in enumerate(names))
    if len(words) > 2 and words[-1] in NAME_SUFFIXES and words[-2] in juniors:
        return words
    while len(words) > 2 and words[-1] in NAME_SUFFIXES:
        words = words[:-1]
    return words


def spelling(word: str) -> str:
    """One spelling for British and American forms of a word of a name ("Recognised" / "Recognized",
    "Theatre" / "Theater", "Defence" / "Defense")."""
    for uk, us in (("ised", "ized"), ("isation", "ization"), ("ise", "ize"), ("tre", "ter"), ("ence", "ense")):
        if word.endswith(uk) and len(word) > len(uk) + 2:
            return word[:-len(uk)] + us
    return word


def person_parts(words: list[str]) -> tuple[int, int] | None:
    """Split the words of a person-like run into descriptor, title and name: ``(ts, ns)`` with
    ``words[:ts]`` a descriptor of its own (an organisation, place or party: "White House", "Florida",
    "Republican"), ``words[ts:ns]`` the title ("Press Secretary", "Sen"), ``words[ns:]`` the name.

    ``None`` when the run is a title fragment with no name ("Florida Sen", "Gov"): its descriptor, if any,
    is ``words[:ts]`` of the fragment, which :func:`fragment_descriptor` gives.
    """
    lw = [bare(w) for w in words]
    # A hyphenated title is a title when its parts are ("Secretary-General", "Attorney-General").
    lw = [w.split("-")[0] if "-" in w and w.split("-")[0] in PERSON_TITLE_WORDS
          and all(p in PERSON_TITLE_WORDS or p in TITLE_MODIFIERS for p in w.split("-")) else w for w in lw]
    titles = [k for k, w in enumerate(lw) if w in PERSON_TITLE_WORDS]
    if titles and titles[-1] == len(lw) - 1:
        # The last word is a title: a fragment ("Florida Sen") when it is abbreviated or the run is one word;
        # else it may be a surname ("Martin Luther King"), so the run is kept whole.
        if lw[-1] in TITLE_ABBREVIATIONS or lw[-1] in _ABBREVIATED or len(lw) == 1 \
                or lw[-2] in PERSON_TITLE_WORDS or lw[-2] in TITLE_MODIFIERS or words[0].isupper():
            return None  # "Florida Sen", "DNC Communications Director": a title, no name after it
        titles = titles[:-1]
    if titles:
        last = titles[-1]
        ts = last
        while ts > 0 and (lw[ts - 1] in PERSON_TITLE_WORDS or lw[ts - 1] in TITLE_MODIFIERS):
            ts -= 1
        return ts, last + 1
    ns = 0
    while ns < len(lw) - 1 and (lw[ns] in PARTIES or lw[ns] in DEMONYMS or lw[ns] in COUNTRIES):
        ns += 1  # "Republican Mitt Romney", "French Michel Barnier": a descriptor, then the name
    # "(Director of) National Intelligence James Clapper", "(Secretary for) Diplomatic Security Charlene Lamb":
    # the tail of a title cut at its "of"/"for", then a name of two words or more.
    heads = [k for k in range(ns, len(lw) - 2) if lw[k] in _DEPARTMENT_HEADS]
    if heads:
        ns = heads[-1] + 1
    given = next((k for k in range(1, len(lw) - 1) if lw[k] in GIVEN_NAMES), None)
    if ns == 0 and given is not None and len(words[0]) > 1 and words[0].isupper():
        # "(former) NSA Contractor Edward Snowden": a body's acronym, then a job no title list holds, then a
        # well-known given name: the body is a descriptor and the job a title, not the person's first names.
        return 1, given
    return ns, ns


_DEPARTMENT_HEADS = frozenset({"security", "intelligence", "affairs", "relations", "defense", "defence"})
_ABBREVIATED = frozenset({"reps", "sens", "govs", "sec", "amb", "pres", "atty", "det", "supt"})


def fragment_descriptor(words: list[str]) -> int:
    """How many leading words of a title fragment ("Florida Sen", "Maine Gov") name its place or party."""
    lw = [bare(w) for w in words]
    ts = len(lw)
    while ts > 0 and (lw[ts - 1] in PERSON_TITLE_WORDS or lw[ts - 1] in TITLE_MODIFIERS):
        ts -= 1
    return ts


def party_key(words: tuple[str, ...]) -> tuple[str, ...] | None:
    """The key of a party name: "GOP", "Republicans", "Republican Party" -> ("republican",); "Senate GOP" ->
    ("senate", "republican"); None when no word is a party word or the name goes on past it."""
    if not words or (bare(words[-1]) not in PARTIES and not (
            len(words) > 1 and bare(words[-1]) in PARTY_TAILS and bare(words[-2]) in PARTIES)):
        return None
    core = words[:-1] if bare(words[-1]) in PARTY_TAILS else words
    return tuple(PARTIES.get(bare(w), bare(w)) for w in core)


def initials(words: tuple[str, ...]) -> set[str]:
    """The acronyms a multi-word name may be written as: its initials with and without function words."""
    if len(words) < 2:
        return set()
    every = "".join(w[0] for w in words if w)
    content = "".join(w[0] for w in words if w and w not in _FUNCTION)
    return {every, content} - {""}


def same_person(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Are two full-name keys one person: the same surname, first names that are variants (Liz /
    Elizabeth), and middle names that agree where both have them ("Hillary Clinton" / "Hillary Rodham
    Clinton", "Edward M Kennedy" / "Ted Kennedy")?"""
    if len(a) < 2 or len(b) < 2 or a[-1] != b[-1] or not same_first_name(a[0], b[0]):
        return False
    short, long_ = sorted((a[1:-1], b[1:-1]), key=len)
    k = 0
    for w in short:
        while k < len(long_) and not _same_middle(w, long_[k]):
            k += 1
        if k == len(long_):
            return False
        k += 1
    return True


def _same_middle(a: str, b: str) -> bool:
    return a == b or ((len(a) == 1 or len(b) == 1) and a[:1] == b[:1])


def body_goes_on(words: list[str], k: int) -> bool:
    """Does a body's name (lower-case ``words``, opened by a body's head word, "the" aside: "union", "foundation")
    go on past the connector at ``k``: "of the"/"in the" ("Union of Commissioners of the National Police", "...
    in the Middle East"; the word after "the" must be capitalised, which the caller checks) or "and" after an
    "of"/"for" ("Foundation for Relief and Reconciliation"), but not "and the" (a second body begins)?"""
    if words[:1] == ["the"]:
        words, k = words[1:], k - 1
    if k < 1 or not words or words[0] not in ORG_WORDS:
        return False
    if words[k] == "and":
        # (Not "and the": "Ministry of Defence and the Foreign Office" names two bodies.)
        return any(w in ("of", "for") for w in words[1:k]) and len(words) > k + 1 and words[k + 1] != "the"
    return len(words) > k + 2 and words[k] in ("of", "for", "in") and words[k + 1] == "the"


_SPELLED_BEFORE = re.compile(r"((?:[a-z][a-z-]*\s+){1,6})\($")


def spelled_out(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is an acronym in brackets after the lower-case words it abbreviates ("a
    personal service unit (PSU)"): the short form of a common noun, no name."""
    word = text[start:end]
    if not (word.isupper() and word.isalpha() and 2 <= len(word) <= 6) or text[end:end + 1] != ")":
        return False
    m = _SPELLED_BEFORE.search(text[max(0, start - 80):start])
    if not m:
        return False
    initials = "".join(w[0] for w in m.group(1).split())
    return initials.endswith(word.lower())
