"""Speaker noun phrases around a speech verb, read over the mention tokens of one article.

The quote reader (:mod:`corroborate.attribution.quotes`) asks for the phrase that ends just before a verb
("A spokesman for the government said") or starts just after a quote ("…,” said Mr X"), and finally whether
the phrase it settled on names anyone (:func:`named_speaker`).
"""

from __future__ import annotations

from dataclasses import replace

from corroborate.attribution.entities import EntityLookup
from corroborate.attribution.mentions import Token
from corroborate.model import Entity, Quote
from corroborate.text.abbreviations import TITLE_ABBREVIATIONS
from corroborate.text.claim_words import TITLES as CLAIM_TITLES
from corroborate.text.lexicon import COMMON_CAPITALISED, HONORIFICS, SPEAKER_NOUNS
from corroborate.text.quote_words import _DETS, _LEAD_SKIP, _NP_WORDS, _PERSON_PRONOUNS, _SKIP_BEFORE_VERB


class SpeakerPhrases:
    """Noun-phrase readers over ``self.text`` (the article text), mixed into the quote reader."""

    text: str

    def _gap_breaks(self, a: Token, b: Token) -> bool:
        gap = self.text[a.end:b.start]
        if a.possessive:
            gap = gap[2:]
        gap = gap.strip()
        # "Sen. Jim DeMint", "Gov. Paul LePage": a title's full stop does not end the phrase.
        return bool(gap) and not (gap == "." and (a.lower in HONORIFICS or a.lower in TITLE_ABBREVIATIONS))

    # -- speaker phrases --------------------------------------------------------------------------------
    def _np_back(self, toks: list[Token], j: int) -> tuple[int, int] | None:
        """The noun phrase ending at toks[j], read backwards: (first token, last token) or None."""
        while j >= 0 and (toks[j].lower in _SKIP_BEFORE_VERB or toks[j].lower.endswith("ly")) \
                and toks[j].lower not in _PERSON_PRONOUNS:
            j -= 1
        if j < 0:
            return None
        if toks[j].lower in _PERSON_PRONOUNS | {"they", "we", "i"}:
            return (j, j)
        last, k = j, j
        while k >= 0:
            t = toks[k]
            if k < last and self._gap_breaks(t, toks[k + 1]):
                break
            w = t.lower
            if w in _DETS:
                if k >= 2 and toks[k - 1].lower in ("for", "of") and not self._gap_breaks(toks[k - 1], t):
                    k -= 2  # "spokesperson for the government": keep reading past "for the"
                    continue
                return (k, last)
            if t.text[:1].isupper() or w in _NP_WORDS:
                k -= 1
                continue
            if w in ("for", "of") and k < last:
                k -= 1
                continue
            break
        first = k + 1
        while first <= last and toks[first].lower in ("for", "of"):
            first += 1
        if first > last or toks[first].lower in COMMON_CAPITALISED - _DETS - {"one"}:
            return None if first > last else ((first, last) if first == last and toks[first].lower in
                                              SPEAKER_NOUNS else None)
        return (first, last)

    def _np_forward(self, toks: list[Token], k: int) -> tuple[int, int] | None:
        """The noun phrase starting at toks[k] (a clause subject, or the speaker after a quote)."""
        if k >= len(toks):
            return None
        if toks[k].lower in _PERSON_PRONOUNS | {"they", "we", "i"}:
            return (k, k)
        if toks[k].lower in COMMON_CAPITALISED - _DETS and toks[k].lower not in _NP_WORDS:
            return None  # "In a statement, …": a clause, not a speaker
        first, j = k, k
        while j < len(toks):
            t = toks[j]
            if j > first and self._gap_breaks(toks[j - 1], t):
                break
            w = t.lower
            if (w in _DETS and j == first) or t.text[:1].isupper() or w in _NP_WORDS:
                j += 1
                if t.possessive and j < len(toks) and toks[j].text[:1].islower() and toks[j].lower not in SPEAKER_NOUNS:
                    break
                continue
            if w in ("for", "of") and j > first and j + 1 < len(toks):
                j += 1
                continue
            break
        while j > first and toks[j - 1].lower in ("for", "of", "the", "a", "an"):
            j -= 1
        return (first, j - 1) if j > first else None

    def _leading_subject(self, toks: list[Token]) -> tuple[int, int] | None:
        k = 0
        while k < len(toks) and toks[k].lower in _LEAD_SKIP:
            k += 1
        # "Last night, some Labour MPs …", "Speaking to BFMTV, Darmanin …": skip a short opening phrase.
        if k < len(toks) and (toks[k].lower in COMMON_CAPITALISED or toks[k].lower.endswith("ing")):
            for j in range(k, min(k + 6, len(toks) - 1)):
                if "," in self.text[toks[j].end:toks[j + 1].start]:
                    k = j + 1
                    break
        return self._np_forward(toks, k)


# Words that end or make up a title, not a name ("Florida Sen", "Wyoming U", "the Gov").
_TITLE_WORDS = HONORIFICS | CLAIM_TITLES | {"u", "rep", "reps", "sens", "govs", "state", "the", "a", "an"}


def _person_at_end(phrase: str, lookup: EntityLookup) -> Entity | None:
    """The person whose name the phrase's last two or more words are ("Weekly Standard Editor Bill Kristol")."""
    parts = phrase.split()
    for k in range(1, len(parts) - 1):
        tail = lookup.named(" ".join(parts[k:]))
        if tail is not None and tail.type == "PER":
            return tail
    return None


def named_speaker(quote: Quote, lookup: EntityLookup) -> Quote:
    """A speaker is a person or an organisation, or nobody: a described source ("a senior aide", "A Home
    Office source"), a place, a title fragment ("Florida Sen") or a common word becomes "unattributed"
    (``speaker`` None) while ``speaker_span`` still points at the words that introduced the quote. A
    capitalised name the entity stage missed stays as written."""
    if quote.speaker is None:
        return quote
    ent = lookup.named(quote.speaker)
    lowered = {w.strip(".,’'").lower() for w in quote.speaker.split()}
    if ent is None and not ({"for", "of", *_DETS} & lowered or SPEAKER_NOUNS & lowered):
        ent = _person_at_end(quote.speaker, lookup)
        if ent is not None:
            quote = replace(quote, speaker=ent.name)
    words = [w.strip(".,’'").lower() for w in quote.speaker.split()]
    fragment = not words or words[-1] in _TITLE_WORDS or all(w in _TITLE_WORDS for w in words)
    described = words[0] in _DETS or any(w in SPEAKER_NOUNS for w in words) or not quote.speaker[:1].isupper()
    if fragment or described or (ent is not None and ent.type not in ("PER", "ORG")):
        return replace(quote, speaker=None)
    return quote if ent is None or quote.speaker == ent.name else replace(quote, speaker=ent.name)
