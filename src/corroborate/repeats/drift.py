"""Drift: the meaning-bearing words that changed between a passage and its rewrite.

A paraphrase may reword freely ("drowned when their boat sank" for "died when their dinghy sank"); what a
reader must be told is when the rewrite changes *what happened*. :func:`detect_drift` aligns the two texts
word by word (difflib over light stems, so "cancelled"/"cancels", "the migrants"/"migrants" and
"twenty-seven"/"27" are the same) and reports only:

* ``negation``: a negation added or removed ("not", "n't", "never", "no longer", ...);
* ``number``: a quantity that cannot be the same one ("27" -> "28"; "one of whom was pregnant" ->
  "multiple pregnant women"); a number that is merely left out is an omission, not drift;
* ``actor``: the one who did a shared action changed ("the French government cancelled" ->
  "Ms Patel cancelled"), which also catches swapped roles;
* ``name``: one proper name put in the place of another;
* ``antonym`` / ``distortion``: a substitution from a small curated table of meaning flips
  ("defence" -> "attack") and of loaded or over-specific words ("disaster" -> "tsunami");
* ``substitution`` (weak): any other content word swapped in the same place, which is not an inflection
  of it nor in the table of harmless swaps. It is reported with the word "possibly" in ``why``.

Reordering is common in rewrites, so a word that moved (present anywhere on the other side) never
counts as changed.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from corroborate.model import Drift
from corroborate.repeats.drift_numbers import _number_changes, _number_of
from corroborate.repeats.fingerprint import stem
from corroborate.text.claim_words import WEEKDAYS
from corroborate.text.drift_words import (
    _ACTOR_SKIP,
    _CLAUSE_WORDS,
    _DETERMINERS,
    _IRREGULAR_PAST,
    _NEGATION_WORDS,
    _PRONOUNS,
    _TITLES,
    ANTONYMS,
    DISTORTIONS,
    HARMLESS,
)
from corroborate.text.misquote_words import spelling_variant
from corroborate.text.quote_words import _PASSIVE_AUX
from corroborate.text.stopwords import STOPWORDS

# --- curated tables (stems are computed once, lazily) ---------------------------------------------------

_TOKEN = re.compile(r"(?:Mr|Mrs|Ms|Dr|Prof|St)\.|\d+(?:[.,]\d+)+|\w[\w'’\-]*\w|\w|[^\w\s]")
_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "«": '"', "»": '"'})
_SENTENCE_END = frozenset({".", "!", "?", '"', "'", ":"})


@cache
def _table(name: str) -> dict[frozenset[str], str]:
    source = {"antonym": ANTONYMS, "distortion": DISTORTIONS, "harmless": HARMLESS}[name]
    return {frozenset((stem(a), stem(b))): name for a, b in source}


@dataclass(slots=True, frozen=True)
class _Tok:
    text: str
    low: str
    stem: str
    index: int
    capital: bool  # capitalised and not the first word of a sentence
    role: str  # punct | negation | number | stop | content


def _tokenise(text: str) -> list[_Tok]:
    text = _prepare(text)
    raw = _TOKEN.findall(text)
    out: list[_Tok] = []
    for i, tok in enumerate(raw):
        low = tok.casefold()
        prev = raw[i - 1] if i else None
        initial = prev is None or prev in _SENTENCE_END or (prev in {'"', "'", "("} and (i < 2 or raw[i - 2] in
                                                                                       _SENTENCE_END))
        if not (tok[0].isalnum()):
            role = "punct"
        elif low in _NEGATION_WORDS or low.endswith("n't"):
            role = "negation"
        elif _number_of(low) is not None:
            role = "number"
        elif low in STOPWORDS or low in _TITLES:
            role = "stop"
        else:
            role = "content"
        capital = tok[0].isupper() and not initial and role == "content"
        out.append(_Tok(tok, low, stem(low), i, capital, role))
    return out


# A clitic split off by a tokenised source ("hadn ' t", "It ' s" in ECB+) is joined back, so that it does not
# read as a negation or a word added against the same text written normally.
_SPLIT_CLITIC = re.compile(r"(?<=\w) ' (?=(?:t|s|re|ve|ll|d|m)\b)")


def _prepare(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).replace("–", "-").replace("—", "-")
    return _SPLIT_CLITIC.sub("'", text)


def _same_word(a: str, b: str) -> bool:
    """Stems equal, or one a short extension of the other ("Iraq"/"Iraqi", "France"/"French" is not)."""
    sa, sb = stem(a), stem(b)
    if sa == sb:
        return True
    short, long_ = sorted((sa, sb), key=len)
    return len(short) >= 4 and long_.startswith(short) and len(long_) - len(short) <= 2


def classify_change(old: str, new: str) -> str | None:
    """What kind of meaning change replacing ``old`` by ``new`` is (words or short phrases), or None when it
    is an inflection, a harmless swap, or between function words."""
    lo, ln = old.casefold().strip(), new.casefold().strip()
    if lo == ln:
        return None
    neg_o = any(w in _NEGATION_WORDS or w.endswith("n't") for w in lo.split())
    neg_n = any(w in _NEGATION_WORDS or w.endswith("n't") for w in ln.split())
    if neg_o != neg_n:
        return "negation"
    ro, rn = _number_of(lo), _number_of(ln)
    if ro is not None and rn is not None:
        return None if ro[0] <= rn[1] and rn[0] <= ro[1] else "number"
    only = ro if rn is None else rn if ro is None else None
    if only is not None and only[0] == only[1]:
        return "number"  # an exact number replaced by a word that is no number
    words_o = [w for w in re.findall(r"[\w'-]+", old) if w.casefold() not in STOPWORDS | _DETERMINERS | _TITLES]
    words_n = [w for w in re.findall(r"[\w'-]+", new) if w.casefold() not in STOPWORDS | _DETERMINERS | _TITLES]
    if not words_o or not words_n:
        return None
    if len(words_o) == len(words_n) and all(_same_word(a, b) or spelling_variant(a, b)
                                            for a, b in zip(words_o, words_n, strict=True)):
        return None  # inflections and house spellings ("Recognised" / "Recognized")
    key = frozenset((stem(" ".join(words_o).casefold()), stem(" ".join(words_n).casefold())))
    for table in ("antonym", "distortion", "harmless"):
        label = _table(table).get(key)
        if label is not None:
            return None if label == "harmless" else label
    caps_o = all(w[0].isupper() for w in words_o)
    caps_n = all(w[0].isupper() for w in words_n)
    if caps_o and caps_n:
        return "name"
    if caps_o or caps_n:
        return None  # a name against a common word: the alignment paired unrelated words
    return "substitution"


def _looks_like_verb(tok: _Tok) -> bool:
    return tok.role == "content" and not tok.capital and (
        (tok.low.endswith("ed") and len(tok.low) > 4) or tok.low in _IRREGULAR_PAST)


def _actor(toks: list[_Tok], verb: int) -> list[_Tok]:
    """The noun phrase left of a verb that is its likely subject: names and "the X Y", skipping
    auxiliaries, time phrases and appositions such as ", 49," or "(49)"."""
    phrase: list[_Tok] = []
    j = verb - 1
    after_number = False  # the last token skipped was an age or a bracket: ", 49," / "(49)"
    while j >= 0 and len(phrase) < 5:
        t = toks[j]
        if not phrase and t.text == ",":
            # A comma is skipped only around an apposed number ("Smith, 49, is"); after a word it closes a
            # relative clause ("X, who was fired from his job, is accused"), whose last noun is not the actor.
            if not (after_number or (j and (toks[j - 1].role == "number" or toks[j - 1].text == ")"))):
                break
            j -= 1
            continue
        if not phrase and t.low in WEEKDAYS:
            j -= 2 if j and toks[j - 1].low == "on" else 1  # a time phrase before the verb ("on Thursday")
            continue
        if not phrase and (t.low in _ACTOR_SKIP or t.role in {"number", "negation"} or t.text in {"(", ")"}
                           or (t.low.endswith("ly") and t.role == "content" and not t.capital)):
            after_number = t.role == "number" or t.text in {"(", ")"}
            j -= 1
            continue
        if t.role == "punct" or t.low in _CLAUSE_WORDS or t.role in {"negation", "number"}:
            break
        if t.role == "stop" and t.low not in _DETERMINERS and t.low not in _TITLES and t.low not in _PRONOUNS:
            break
        phrase.insert(0, t)
        j -= 1
    return phrase


def _before_same_name(ta: list[_Tok], x: _Tok, tb: list[_Tok], y: _Tok) -> bool:
    """A prefix swapped before one name, where the prefix is a title or an acronym ("Warship Sukanya" / "INS
    Sukanya", "Sen. Durbin" / "Senator Durbin"). Another first name ("Dick Durbin" / "Benjamin Durbin") is
    another person and stays a change."""
    nx = ta[x.index + 1] if x.index + 1 < len(ta) else None
    ny = tb[y.index + 1] if y.index + 1 < len(tb) else None
    if nx is None or ny is None or nx.text != ny.text or not nx.text[:1].isupper():
        return False
    return any((t.text.isupper() and len(t.text) > 1) or t.low.rstrip(".") in _TITLES for t in (x, y))


def _passive(toks: list[_Tok], verb: int) -> bool:
    """A passive verb: a form of "be" right before it ("was foiled", "has been charged")."""
    return verb > 0 and toks[verb - 1].low in _PASSIVE_AUX


def _actor_key(phrase: list[_Tok]) -> set[str]:
    return {t.stem for t in phrase if t.low not in _DETERMINERS and t.low not in _TITLES and t.role == "content"}


def _actors_differ(pa: list[_Tok], pb: list[_Tok]) -> bool:
    if not pa or not pb:
        return False
    if any(t.low in _PRONOUNS for t in pa + pb):
        return False  # "she" may well be "Ms Patel": cannot tell
    ka, kb = _actor_key(pa), _actor_key(pb)
    if not ka or not kb:
        return False
    if any(_same_word(x, y) for x in ka for y in kb):
        return False
    return any(t.capital or (t.text[0].isupper() and t.role == "content") for t in pa + pb)


def _phrase(toks: list[_Tok]) -> str:
    return " ".join(t.text for t in toks)


def detect_drift(a: str, b: str) -> Drift | None:
    """The meaning-bearing changes from ``a`` to ``b`` (see the module docstring), or None when the
    rewrite keeps the meaning."""
    ta, tb = _tokenise(a), _tokenise(b)
    changes: list[tuple[int, str, str, str]] = []  # (position in a, kind, old, new)
    used_a: set[int] = set()
    used_b: set[int] = set()

    # Negation: a word both sides share, negated on one side only ("did not resign" / "resigned").
    # Negations of different words ("no longer invited" / "not welcome") say nothing about each other.
    heads_a, heads_b = _negated(ta), _negated(tb)
    shared = {t.stem for t in ta if t.role == "content"} & {t.stem for t in tb if t.role == "content"}
    for head, cue in sorted(heads_a.items(), key=lambda kv: kv[1].index):
        if head in shared and head not in heads_b:
            changes.append((cue.index, "negation", _cue_text(ta, cue), ""))
    for head, cue in sorted(heads_b.items(), key=lambda kv: kv[1].index):
        if head in shared and head not in heads_a:
            pos = next((t.index for t in ta if t.stem == head), len(ta))
            changes.append((pos, "negation", "", _cue_text(tb, cue)))

    # Numbers: match equal or compatible quantities; report only a quantity replaced by another.
    changes.extend(_number_changes(ta, tb))

    ca = [t for t in ta if t.role == "content"]
    cb = [t for t in tb if t.role == "content"]
    stems_a = {t.stem for t in ca}
    stems_b = {t.stem for t in cb}

    # Actor of a shared action.
    first_b = {}
    for t in cb:
        first_b.setdefault(t.stem, t)
    for t in ca:
        other = first_b.get(t.stem)
        if other is None or not (_looks_like_verb(t) or _looks_like_verb(other)):
            continue
        if _passive(ta, t.index) or _passive(tb, other.index):
            # "was foiled by a warship" / "a warship foiled": the subjects are not the same role; and left of
            # a passive ("cables between Italy and Egypt in the Mediterranean Sea were damaged") the nearest
            # noun phrase is often not even the subject.
            continue
        pa, pb = _actor(ta, t.index), _actor(tb, other.index)
        if _actors_differ(pa, pb) and not ({x.index for x in pa} & used_a or {x.index for x in pb} & used_b):
            changes.append((pa[0].index, "actor", _phrase(pa), _phrase(pb)))
            used_a.update(x.index for x in pa)
            used_b.update(x.index for x in pb)

    # Word alignment over content stems; a word present anywhere on the other side has moved, not changed.
    matcher = difflib.SequenceMatcher(None, [t.stem for t in ca], [t.stem for t in cb], autojunk=False)
    blocks: list[tuple[list[_Tok], list[_Tok]]] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        old = [t for t in ca[i1:i2] if t.stem not in stems_b and t.index not in used_a]
        new = [t for t in cb[j1:j2] if t.stem not in stems_a and t.index not in used_b]
        blocks.append((old, new))

    # Curated flips anywhere (a rewrite often moves the flipped word as well).
    unmatched_a = [t for old, _ in blocks for t in old]
    unmatched_b = [t for _, new in blocks for t in new]
    for x in unmatched_a:
        for y in unmatched_b:
            if y.index in used_b or x.index in used_a:
                continue
            kind = classify_change(x.text, y.text)
            if kind in {"antonym", "distortion"}:
                changes.append((x.index, kind, x.text, y.text))
                used_a.add(x.index)
                used_b.add(y.index)

    # Weak substitutions and names: only a one-word replacement in the same place is a swap; a longer one
    # is a restructured clause, where pairing words would be guesswork.
    for old, new in blocks:
        old = [t for t in old if t.index not in used_a]
        new = [t for t in new if t.index not in used_b]
        if len(old) == 1 and len(new) == 1:
            kind = classify_change(old[0].text, new[0].text)
            if kind == "name" and _before_same_name(ta, old[0], tb, new[0]):
                continue  # "Warship Sukanya" / "INS Sukanya": a title or descriptor of one name
            if kind is not None:
                changes.append((old[0].index, kind, old[0].text, new[0].text))

    if not changes:
        return None
    changes.sort(key=lambda c: (c[0], c[1], c[2], c[3]))
    kinds: list[str] = []
    for _, kind, _, _ in changes:
        if kind not in kinds:
            kinds.append(kind)
    return Drift(changed=tuple((old, new) for _, _, old, new in changes), kinds=tuple(kinds),
                 why="; ".join(_describe(kind, old, new) for _, kind, old, new in changes))


def _negated(toks: list[_Tok]) -> dict[str, _Tok]:
    """Stem of the content word each negation applies to (the next one within a few words) -> the cue."""
    out: dict[str, _Tok] = {}
    for i, t in enumerate(toks):
        if t.role != "negation":
            continue
        for nxt in toks[i + 1: i + 5]:
            if nxt.role == "content" and nxt.low != "longer" and not (nxt.low.endswith("ly") and not nxt.capital):
                out.setdefault(nxt.stem, t)
                break
            if nxt.role == "punct" and nxt.text not in {"'", '"'}:
                break
    return out


def _cue_text(toks: list[_Tok], cue: _Tok) -> str:
    nxt = toks[cue.index + 1] if cue.index + 1 < len(toks) else None
    return f"{cue.text} longer" if cue.low == "no" and nxt is not None and nxt.low == "longer" else cue.text


def _describe(kind: str, old: str, new: str) -> str:
    if kind == "negation":
        return f"negation '{old}' removed" if old else f"negation '{new}' added"
    if kind == "substitution":
        return f"'{old}' became '{new}' (possibly a change of meaning)"
    if kind in {"actor", "number", "name"}:
        return f"{kind} '{old}' became '{new}'"
    return f"'{old}' became '{new}'"
