"""Who stands behind a speaker phrase that names no one: a document or a described body.

News often lets a document or a body speak once its issuer has been named: "According to the Daily Herald, … ¶ The
report states that …", "The Federal Drug Control Service said … ¶ “…,” the Russian body said in a statement". The
speaker rules of :mod:`corroborate.attribution.resolve` left such quotes unattributed, which the speaker pools
show as the largest class of their errors on unread news (bench/RESULTS.md, speaker-pool notes). Each rule here
names someone only when the text ties the phrase to exactly one candidate nearby; otherwise the quote stays
unattributed, since a wrong name costs more than a missing one.
"""

from __future__ import annotations

import re

from corroborate.attribution.cues import CueReader, _Attribution
from corroborate.model import Passage
from corroborate.text.body_nouns import BODY_NOUNS, GENERIC_BODIES
from corroborate.text.lexicon import DEMONYMS
from corroborate.text.quote_words import DOCUMENT_NOUNS

# Documents that speak for whoever issued them ("the report states", "the statement said"). "interview" and "post"
# are left out: an interview speaks for the interviewee, and "post" is often a newspaper ("The Post").
_ISSUED = DOCUMENT_NOUNS - {"interview", "post", "tweet", "email", "e-mail", "letter"}
_SPOKES = frozenset({"spokesman", "spokeswoman", "spokesperson", "representative"})
_ANY_BODY = frozenset({"company", "firm", "group"})  # nouns any organisation may be called
_DESCRIBED_HEADS = BODY_NOUNS | GENERIC_BODIES | {"authority"}  # "the Saudi ministry", "the Russian body"
# How many sentences before the quote's may hold the issuer: the sentence that names it usually comes right before.
_ISSUER_REACH = 2


class IssuerReferences(CueReader):
    """Resolves "the report" and "the Russian body" to the one issuer the story names just before."""

    def _document_issuer(self, words: list[str], sentence: Passage, pos: int) -> str | None:
        """"The report states …", "the statement said": a document with no author of its own speaks for the
        organisation the story named last, in the quote's sentence before it or the two sentences before that,
        when those name exactly one organisation (two leave it open: either could have issued it)."""
        if len(words) != 2 or words[0] != "the" or words[1] not in _ISSUED:
            return None
        orgs = self._organisations_before(sentence, pos, _ISSUER_REACH)
        return orgs[0] if len(orgs) == 1 else None

    def _described_body(self, att: _Attribution, sentence: Passage) -> str | None:
        """"the Russian body said", "the Saudi ministry said": "the", adjectives of nationality or lower-case words,
        then a noun for a body. The organisation named last nearby whose name holds the noun, else, for a generic
        noun ("body", "watchdog"), the one organisation named there."""
        raw = self.text[att.start:att.end].split()
        if len(raw) < 2 or raw[0].lower() != "the":
            return None
        head, middle = raw[-1].lower(), raw[1:-1]
        if head not in _DESCRIBED_HEADS or len(middle) > 2 \
                or not all(w.islower() or w.lower() in DEMONYMS for w in middle):
            return None
        orgs = self._organisations_before(sentence, att.start, _ISSUER_REACH)
        holding = [o for o in orgs if head in o.lower().split()]
        if holding:
            return holding[0]
        # "the Russian body", after "The Russian Federal Drug Control Service said IS was …": the organisation whose
        # name holds the description's words, not the one named last.
        described = [o for o in orgs if {w.lower() for w in middle} <= set(o.lower().split())] if middle else []
        if len(described) == 1:
            return described[0]
        return orgs[0] if head in GENERIC_BODIES and len(orgs) == 1 else None

    def _spoken_for(self, words: list[str], sentence: Passage, pos: int) -> str | None:
        """"a spokesman for the company said", "a clinic spokeswoman said": the body the noun refers back to, read
        as "the company said" is (the organisation whose name holds the noun, else, for "the company" and its
        like, the one named last)."""
        if len(words) == 5 and words[0] in ("a", "an", "the") and words[1] in _SPOKES and words[2] in ("for", "of") \
                and words[3] == "the":
            noun = words[4]
        elif len(words) == 3 and words[0] in ("a", "an", "the") and words[2] in _SPOKES:
            noun = words[1]
        else:
            return None
        body = self._body_reference(["the", noun], sentence, pos)
        # (A named kind of body must be in the name or right after it, "Manhattan's Yorkville Endoscopy clinic": "a
        # spokeswoman for the ministry" is no company named last.)
        named = body is not None and (noun in body.lower().split() or re.search(
            rf"{re.escape(body)}\s+{noun}\b", self.text, re.IGNORECASE) is not None)
        return body if body is not None and (named or noun in _ANY_BODY) else None
