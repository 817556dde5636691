"""One number reader for values as reporters write them: "200", "two hundred", "twenty-seven", "1.2 million",
"$5,687.75", "more than 100", "nearly 200", "dozens", "38-year-old".

:func:`quantity` gives the interval a value commits to. Exact figures give a point; hedged ones ("about",
"nearly", "more than", "dozens") give the range a reader would accept, so "197" and "nearly 200" are
compatible while "27" and "29" are not.
"""

from __future__ import annotations

import math
import re

UNITS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
         "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
         "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
        "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
          "trillion": 1_000_000_000_000, "m": 1_000_000, "bn": 1_000_000_000, "k": 1_000}
# Vague counts: the range a reader takes them to mean.
VAGUE = {"dozens": (24, 144), "hundreds": (200, 2_000), "thousands": (2_000, 20_000), "scores": (40, 200),
         "dozen": (12, 12), "several": (3, 9), "few": (2, 6), "a couple": (2, 3), "millions": (2e6, 2e7)}
# Hedges: how far a hedged figure may sit from the written one.
APPROX = ("about", "around", "approximately", "roughly", "nearly", "almost", "some", "close to", "an estimated",
          "up to", "more than", "over", "at least", "less than", "under", "fewer than", "just over",
          "just under", "upwards of", "as many as")
_LOWER_BOUND = ("more than", "over", "at least", "upwards of", "just over")
# A ceiling, not a hedge: "grows to no more than 10 inches" holds for five (read before "more than").
_AT_MOST = ("no more than", "not more than", "at most", "no bigger than", "no larger than", "up to", "less than",
            "fewer than", "as many as")
HEDGES = tuple(sorted(_AT_MOST + _LOWER_BOUND, key=lambda h: -len(h.split())))  # longest first
_UPPER_BOUND = ("less than", "under", "fewer than", "up to", "as many as", "just under", "nearly", "almost",
                "close to")
_NUMBER = re.compile(r"[$£€]?\d[\d,]*(?:\.\d+)?")
_WORD = re.compile(r"[a-z]+")


def _words_value(words: list[str]) -> float | None:
    """ "two hundred and five" -> 205, "twenty-seven" -> 27, "1.2 million" handled by the caller."""
    total, current, seen = 0.0, 0.0, False
    for w in words:
        if w == "and" and seen:
            continue
        if w in UNITS:
            current += UNITS[w]
        elif w in TENS:
            current += TENS[w]
        elif w in SCALES and w not in ("m", "bn", "k"):
            current = (current or 1) * SCALES[w]
            if SCALES[w] >= 1000:
                total, current = total + current, 0.0
        elif w in ("a", "an") and not seen:
            current = 1
            continue
        else:
            return None
        seen = True
    return total + current if seen else None


def quantity(text: str) -> tuple[float, float] | None:
    """The interval ``text`` commits to, or None when it holds no number. Years and ordinals are numbers too:
    callers decide whether a value is a count."""
    low = " ".join(text.lower().replace("-", " ").replace("–", " ").split())
    for phrase, (lo, hi) in VAGUE.items():
        if re.search(rf"\b{phrase}\b", low) and not _NUMBER.search(low):
            return (float(lo), float(hi))
    value: float | None = None
    m = _NUMBER.search(low)
    before = low[:m.start()] if m else ""
    if m:
        digits = m.group(0).lstrip("$£€").replace(",", "")
        try:
            value = float(digits)
        except ValueError:
            return None
        rest = low[m.end():].split()
        if rest and rest[0] in SCALES:
            value *= SCALES[rest[0]]
    else:
        words = _WORD.findall(low)
        for i, w in enumerate(words):
            if w in UNITS or w in TENS or (w in ("a", "an") and i + 1 < len(words) and words[i + 1] in SCALES):
                j = i
                while j < len(words) and (words[j] in UNITS or words[j] in TENS or words[j] in SCALES
                                          or words[j] in ("and", "a", "an")):
                    j += 1
                value = _words_value(words[i:j])
                before = " ".join(words[:i])
                break
    if value is None:
        return None
    lo, hi = value, value
    if bound(before) == "at most":
        lo, hi = 0.0, value
    elif any(re.search(rf"\b{h}\b", low) for h in _LOWER_BOUND):
        lo, hi = value, math.inf
    elif any(re.search(rf"\b{h}\b", low) for h in _UPPER_BOUND):
        lo, hi = value * 0.8, value
    elif any(re.search(rf"\b{h}\b", low) for h in APPROX):
        lo, hi = value * 0.9, value * 1.1
    return (lo, hi)


def compatible(a: str, b: str) -> bool | None:
    """Whether two written values can describe the same figure ("197" / "nearly 200": yes; "27" / "29":
    no); None when either holds no number."""
    qa, qb = quantity(a), quantity(b)
    if qa is None or qb is None:
        return None
    # A point figure and a rounded one: "5,687.75" vs "5,700" is rounding only when the other is hedged.
    return qa[0] <= qb[1] and qb[0] <= qa[1]


def bound(before: str) -> str | None:
    """'at most' or 'at least' when the words right before a figure bound it ("no more than 10", "up to 10",
    "at least 3", "more than 1,400"), else None."""
    words = " ".join(before.lower().split()[-3:])
    if any(words == h or words.endswith(" " + h) for h in _AT_MOST):
        return "at most"
    if any(words == h or words.endswith(" " + h) for h in _LOWER_BOUND):
        return "at least"
    return None
