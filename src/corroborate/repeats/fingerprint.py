"""Text fingerprints: a normal form, exact keys, word shingles, MinHash, and light content terms.

Everything here is deterministic and model-free, so it runs the same in every worker:

* :func:`normalise` is what "exact repeat" means: two passages are exact repeats when their normal forms
  are equal, i.e. they differ only in case, quote style (’ vs '), dash style (- vs –), non-breaking
  spaces, punctuation and spacing. A caption scraped once with "-" and once with "–" is one text.
* :func:`shingles` feed MinHash LSH for near-duplicates (:mod:`corroborate.repeats.lsh`).
* :func:`content_terms` (stop words dropped, suffixes stripped, number words turned into digits) is shared
  by the lexical paraphrase fallback and by drift detection, so "cancelled"/"cancels" and
  "twenty-seven"/"27" compare equal in both.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

from corroborate.text.stopwords import _NUMBER_WORDS, _SCALES, _TENS, _UNITS, NEGATIONS, STOPWORDS

_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "`": "'", "´": "'",
                         "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"', "«": '"', "»": '"'})
_DASHES = re.compile(r"[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]")
_SPACES = re.compile(r"[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_WORD_APOSTROPHE = re.compile(r"(?<=\w)'(?=\w)")
_DIGIT_COMMA = re.compile(r"(?<=\d),(?=\d{3}\b)")
_DIGIT_DOT = re.compile(r"(?<=\d)\.(?=\d)")
_PUNCT = re.compile(r"[^\w\s\x00]|_")


def normalise(text: str) -> str:
    """Casefolded text with quotes, dashes and spaces unified and punctuation removed.

    Apostrophes inside words are dropped ("don't" -> "dont") rather than split, and decimal points and
    thousands separators inside numbers are kept as one token ("2.5", "1,000" -> "1000").
    """
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    text = _DASHES.sub("-", text).casefold()
    text = _WORD_APOSTROPHE.sub("", text)
    text = _DIGIT_COMMA.sub("", text)
    text = _DIGIT_DOT.sub("\x00", text)  # protect decimal points from the punctuation sweep
    text = _PUNCT.sub(" ", text).replace("\x00", ".")
    return _SPACES.sub(" ", text).strip()


def words(text: str) -> list[str]:
    """Words of the normal form."""
    return normalise(text).split()


def exact_key(text: str) -> str:
    """Stable key of the normal form: equal keys mean an exact repeat."""
    return hashlib.blake2b(normalise(text).encode("utf-8"), digest_size=16).hexdigest()


def shingles(text: str, k: int) -> set[str]:
    """Word k-shingles of the normal form; a text shorter than k words is one shingle."""
    if k < 1:
        raise ValueError(f"k must be >= 1, got {k}")
    ws = words(text)
    if len(ws) < k:
        return {" ".join(ws)} if ws else set()
    return {" ".join(ws[i:i + k]) for i in range(len(ws) - k + 1)}


def jaccard(a: set[str], b: set[str]) -> float:
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


# --- light lexical analysis shared by the lexical paraphrase path and drift ----------------------------

_NUMERIC = re.compile(r"^\$?£?€?(\d+(?:[.,]\d+)*)(?:%|st|nd|rd|th|s|m|bn|k)?$")
_TOKEN = re.compile(r"[\w][\w'’\-.,]*[\w]|\w")


@lru_cache(maxsize=1 << 16)
def number_value(word: str) -> float | None:
    """The value of a written or spelled number ("27", "1,000", "twenty-seven", "seven"), else None."""
    w = word.casefold().replace("’", "'")
    m = _NUMERIC.match(w)
    if m:
        try:
            return float(m.group(1).replace(",", ""))
        except ValueError:
            return None
    parts = [p for p in re.split(r"[-\s]+", w) if p]
    if not parts or any(p not in _NUMBER_WORDS for p in parts):
        return None
    total, current = 0, 0
    for p in parts:
        if p in _UNITS:
            current += _UNITS[p]
        elif p in _TENS:
            current += _TENS[p]
        elif p == "dozen":
            current = max(current, 1) * 12
        else:
            current = max(current, 1) * _SCALES[p]
            if _SCALES[p] >= 1000:
                total, current = total + current, 0
    return float(total + current)


# (suffix, the word must be longer than this, replacement); the first that applies wins.
_SUFFIXES: tuple[tuple[str, int, str], ...] = (
    ("ies", 4, "y"), ("ied", 4, "y"), ("sses", 0, "ss"), ("ches", 0, "ch"), ("shes", 0, "sh"), ("xes", 0, "x"),
    ("zes", 0, "z"), ("ing", 5, ""), ("ed", 4, ""), ("ly", 6, ""), ("s", 3, ""),
)
_KEEP_S = ("ss", "is", "us")  # "boss", "crisis", "bus" are not plurals


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A light, deterministic suffix stripper: inflections and simple derivations meet
    ("cancelled", "cancels", "cancelling" -> "cancel"; "migrants" -> "migrant"; "handling" -> "handl")."""
    w = word.casefold().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    w = w.strip("'")
    if len(w) <= 3 and not (len(w) == 3 and w.endswith("s")):
        return w
    for suffix, min_len, replacement in _SUFFIXES:
        if w.endswith(suffix) and len(w) > min_len and not (suffix == "s" and w.endswith(_KEEP_S)):
            w = w[: len(w) - len(suffix)] + replacement
            stripped = True
            break
    else:
        stripped = False
        if len(w) == 3 and w.endswith("s") and not set(w[:2]) & set("aeiouy"):
            w = w[:-1]  # "MPs" -> "mp"
    if stripped and len(w) > 3 and w[-1] == w[-2] and w[-1] not in "aeiousz":
        w = w[:-1]  # "cancell" -> "cancel", "stopp" -> "stop"
    if len(w) > 3 and w.endswith("e"):
        w = w[:-1]  # "handle"/"handl", "use"/"us"
    # British and American spellings meet ("defence"/"defense", "behaviour"/"behavior").
    if w.endswith("our") and len(w) > 5:
        w = w[:-3] + "or"
    if w.endswith("enc") and len(w) > 5:
        w = w[:-3] + "ens"
    return w


def tokens(text: str) -> list[str]:
    """Word tokens in their original form (hyphenated words and numbers kept whole), quotes unified."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    text = _DASHES.sub("-", text)
    out: list[str] = []
    for m in _TOKEN.finditer(text):
        tok = m.group(0).rstrip(".,")
        if "," in tok and not re.fullmatch(r"\d{1,3}(,\d{3})+", tok):
            out.extend(p for p in tok.split(",") if p)
        elif "." in tok and not re.fullmatch(r"\d+\.\d+|(\w\.)+\w?", tok):
            out.extend(p for p in tok.split(".") if p)
        else:
            out.append(tok)
    return out


def content_terms(text: str) -> list[str]:
    """Stems of the content words, in order; numbers become their value ("twenty-seven" -> "27")."""
    out: list[str] = []
    for tok in tokens(text):
        low = tok.casefold()
        value = number_value(low)
        if value is not None:
            out.append(f"{value:g}")
            continue
        if low in STOPWORDS or low in NEGATIONS or low.endswith("n't"):
            continue
        if "-" in low:  # "Grande-Synthe", "working-class": each part counts
            for part in low.split("-"):
                part_value = number_value(part)
                if part_value is not None:
                    out.append(f"{part_value:g}")
                elif part and part not in STOPWORDS:
                    out.append(stem(part))
            continue
        out.append(stem(low))
    return out
