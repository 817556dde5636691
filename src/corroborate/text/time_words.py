"""Tense cues and function words of the timeline."""

from __future__ import annotations

import re

# "plans to" is a verb group ("she plans to"), not the noun of "his plans to address".
# "due to" after a verb "to be" only: "is due to appear", not "discharged due to disagreements".
_FUTURE = re.compile(r"\b(?:will|won['’]t|shall|(?<=is |be |['’]s )due to|(?<=was |are )due to|(?<=were |been )due to|"
                     r"set to|going to|expected to|scheduled|"
                     r"(?<!his )(?<!her )(?<!its )(?<!the )(?<!their )(?<!our )plans? to|"
                     r"is to|are to|upcoming|is|are|(?<!\d )(?<!\d)am)\b|['’]ll\b", re.I)


_PAST = re.compile(r"\b(?:was|were|had|did|said|told|met|sank|died|came|went|held|took|made|laid|began|ago|"
                   r"spoke|wrote|sent|saw|left|fell|hit|drowned|\w+ed)\b", re.I)


# A past verb does not make a yearless month one that is over when the sentence also speaks of what may, must or
# is set to come or is sought ("said he could put it in play in November", "a trial date was set for October 28",
# "in their push for gains in November") or the month names a scheduled event ("the November elections", "a
# special election in June").
NOT_OVER = re.compile(r"\b(?:would|could|can|can['’]t|cannot|might|must|should|will|won['’]t|shall|going to|"
                      r"set for|slated|scheduled|due|upcoming|expected|plans?|next|push for|bid to|aims? to|"
                      r"hopes? to|seeks? to|seeking to)\b|['’]ll\b", re.I)
SCHEDULED = re.compile(r"\b(?:elections?|summit|vote|polls?|primary|primaries|meeting|ballot|trial|hearing|"
                       r"conference|deadline)\b", re.I)
# Verbs that only say a statement was made: the month may belong to what was said, not to the saying.
SAYING = frozenset({"said", "told"})
# The future markers strong enough to move a yearless date a year on ("is", "are" and "be" are not: "It is the
# broadest change to come out of the decision in June").
WILL = re.compile(r"\b(?:will|won['’]t|shall|going to|set to|is to|are to|due to)\b|['’]ll\b", re.I)

_FINITE_PAST = frozenset({"was", "were", "had", "did", "ago"})
_PRESENT_AUX = re.compile(r"\b(?:is|are|am|will|be)\s+(?:\w+\s+){0,2}$", re.I)


def tense_at(sentence: str, pos: int, end: int) -> str:
    """'past' or 'future' by the verb-group marker nearest to the expression (default past)."""
    best: tuple[int, str] | None = None
    for pattern, tense in ((_FUTURE, "future"), (_PAST, "past")):
        for m in pattern.finditer(sentence):
            if m.start() >= pos and m.end() <= end:
                continue
            dist = pos - m.end() if m.end() <= pos else m.start() - end
            this = tense
            # "is no longer invited", "will be held": a participle after a present or future auxiliary.
            if tense == "past" and m.group(0).lower() not in _FINITE_PAST \
                    and _PRESENT_AUX.search(sentence[:m.start()]):
                this = "future"
            if best is None or dist < best[0]:
                best = (dist, this)
    return best[1] if best else "past"


def marked_tense(sentence: str, start: int, end: int) -> str | None:
    """'past' when the sentence tells of something over, 'future' when of something still to come, else None.

    Over: the nearest verb group is past, is no mere verb of saying ("said ... the November election"), and
    nothing in the sentence speaks of what may or is set to come (NOT_OVER), nor does a scheduled event sit next
    to the expression ("a special election in June"). To come: the nearest verb group is future and the sentence
    holds a strong marker ("will", "is to"; not a bare "is"). No marker at all is no evidence (``tense_at`` would
    say 'past' by default)."""
    tense = tense_at(sentence, start, end) if _PAST.search(sentence) or _FUTURE.search(sentence) else None
    if tense == "future":
        return tense if WILL.search(sentence) else None
    if tense != "past" or NOT_OVER.search(sentence) or SCHEDULED.search(sentence[max(0, start - 30):end + 30]):
        return None
    verbs = [m for m in _PAST.finditer(sentence) if m.end() <= start or m.start() >= end]
    nearest = min(verbs, key=lambda m: start - m.end() if m.end() <= start else m.start() - end, default=None)
    return None if nearest is None or nearest.group(0).lower() in SAYING else tense


# "Today a referendum, tomorrow recognition ...": today and tomorrow (or yesterday and today) set side by side as
# items of a list are rhetoric, not days ("more rain today and tomorrow" is a forecast: no comma between).
_SIDE_BY_SIDE = re.compile(r"\btoday\b[^.;:!?]*?,\s*tomorrow\b|\byesterday\b[^.;:!?]*?,\s*today\b", re.I)
# A horizon to come in the same sentence makes a 'today' with no past event the present ("from less than a million
# tonnes today to 100 million by 2030", "future generations can benefit from what we choose to do today").
_HORIZON = re.compile(r"\b(?:future|generations?|to come|by (?:19|20)\d\d)\b", re.I)


def rhetorical_day(sentence: str, start: int, end: int) -> bool:
    """'today', 'tomorrow' or 'yesterday' that names no day: a list of days side by side ("Today a referendum,
    tomorrow ..."); or 'today' in a sentence that tells of no past event (verbs of saying aside) and either ends
    an exhortation ("Sign up today!"; "problems yesterday!" is a day) or means the present against a horizon to
    come."""
    if _SIDE_BY_SIDE.search(sentence):
        return True
    if not sentence[start:end].lower().startswith("today") \
            or not (re.match(r"\s*!", sentence[end:]) or _HORIZON.search(sentence)):
        return False
    return not any(m.group(0).lower() not in SAYING for m in _PAST.finditer(sentence))


# "Windows Server 2003, and 2008", "Office 2010 R2": a year that ends a software product's name, or is coordinated
# with one, names a version, not a date.
_PRODUCT = re.compile(r"\b(?:Windows|Server|Office|Studio|Exchange|SharePoint|Outlook|Excel|Vista|SQL)"
                      r"(?:\s+(?:\d{4}|R2|SP\d))*(?:\s*,)?(?:\s+(?:and|or))?\s+$")


def product_year(sentence: str, start: int, end: int) -> bool:
    """A year at ``start:end`` that is part of a product's name: after a product word (or a year after one, joined
    by "and"/"or"), or followed by "R2"."""
    return bool(_PRODUCT.search(sentence[:start]) or re.match(r"\s+R2\b", sentence[end:]))


_STOP = frozenset({
    "the", "a", "an", "of", "to", "in", "on", "at", "and", "or", "for", "by", "with", "from", "was", "were",
    "is", "are", "had", "has", "have", "been", "be", "that", "this", "it", "its", "their", "his", "her", "as",
    "after", "before", "which", "who",
})
