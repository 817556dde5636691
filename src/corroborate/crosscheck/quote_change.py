"""Whether two renderings of one remark differ in substance: the judge's misquote test.

Inside the part both quote (a shorter excerpt is no misquote), a content word replaced by another, or a
negation added or removed. Punctuation, contractions, abbreviated titles, inserted function words, house
spellings and spelt-out acronyms are not substance (bench/gold/GUIDELINE.md sections 1 and 7).
"""

from __future__ import annotations

import difflib
import re

from corroborate.text.misquote_words import QUOTE_ABBREVIATIONS, spelling_variant
from corroborate.text.stopwords import NEGATIONS, STOPWORDS

MIN_QUOTE_COVER = 0.6  # share of the shorter quote inside the aligned region: less is two different remarks


def _quote_tokens(text: str) -> list[str]:
    words = re.findall(r"[a-z0-9]+(?:['’][a-z]+)?", text.lower().replace("-", " "))
    out = []
    for w in words:
        w = w.replace("’", "'")
        if w.endswith("n't"):
            out += [w[:-3] or w, "n't"]  # "don't" and "do not" read alike
        else:
            out.append(QUOTE_ABBREVIATIONS.get(w, w))
    return out


def _house_style(old: list[str], new: list[str]) -> bool:
    """One word spelt two ways ("neighbourhood"/"neighborhood") or an acronym spelt out ("IE" / "Internet
    Explorer"): the outlet's style, not the speaker's words."""
    if len(old) == len(new) == 1 and spelling_variant(old[0], new[0]):
        return True
    for short, long in ((old, new), (new, old)):
        if len(short) == 1 and len(long) >= 2 and short[0] == "".join(w[0] for w in long):
            return True
    return False


def quote_changed(a: str, b: str) -> str | None:
    """Why two renderings of one remark differ in substance, or None: inside the part both quote (a shorter
    excerpt is no misquote), a content word replaced by another, or a negation added or removed. Punctuation,
    contractions, abbreviated titles and inserted function words or titles are not substance."""
    ta, tb = _quote_tokens(a), _quote_tokens(b)
    if not ta or not tb:
        return None
    sm = difflib.SequenceMatcher(a=ta, b=tb, autojunk=False)
    blocks = [m for m in sm.get_matching_blocks() if m.size]
    if not blocks:
        return None
    a0, a1 = blocks[0].a, blocks[-1].a + blocks[-1].size
    b0, b1 = blocks[0].b, blocks[-1].b + blocks[-1].size
    if min(a1 - a0, b1 - b0) < MIN_QUOTE_COVER * min(len(ta), len(tb)):
        return None
    # A negation just outside the shared part still turns it around ("don't pass ... will" / "to pass ... would").
    near_a, near_b = set(ta[max(0, a0 - 2):a0]) & NEGATIONS, set(tb[max(0, b0 - 2):b0]) & NEGATIONS
    if near_a != near_b:
        return "a negation added or removed"
    inner = difflib.SequenceMatcher(a=ta[a0:a1], b=tb[b0:b1], autojunk=False)
    for op, i1, i2, j1, j2 in inner.get_opcodes():
        old, new = set(ta[a0 + i1:a0 + i2]), set(tb[b0 + j1:b0 + j2])
        if (old ^ new) & NEGATIONS:
            return "a negation added or removed"
        if op == "replace" and (old - STOPWORDS) and (new - STOPWORDS) and (old - STOPWORDS) != (new - STOPWORDS) \
                and not _house_style(ta[a0 + i1:a0 + i2], tb[b0 + j1:b0 + j2]):
            return f"'{' '.join(ta[a0 + i1:a0 + i2])}' quoted as '{' '.join(tb[b0 + j1:b0 + j2])}'"
    return None


def names_only(values: list[str]) -> bool:
    """The misquote detector's other finding, one remark given to different speakers: its values are names.
    On real reports this is a joint statement, a spokesperson for a principal, or a mis-read attribution."""
    return all(len(v.split()) <= 4 and v[:1].isupper() and not re.search(r"[.!?,;:]", v) for v in values)
