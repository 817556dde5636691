"""The quote reader's phrase side: the words it reads and the phrases around a cue that name a speaker.

The base of :class:`corroborate.attribution.cues.CueReader` (split from it to keep modules short): the
article's words outside quotation marks, the story's name ending at a position, and the readers of a phrase
after a closing mark -- a body's voice ("a clinic posting said"), a role before a name ("said commentator Ann
Vale"), an apposition set off by commas, a document from someone ("reads a statement from X's office"), a
name with a verb the cue lexicon lacks, and a described speaker named in apposition.
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise

from corroborate.attribution.mentions import Token, tokens
from corroborate.attribution.names import JOINED_PARTICLE
from corroborate.attribution.phrases import _abbreviation, _cue
from corroborate.attribution.reported import ReportedSpeech, _Attribution
from corroborate.model import Article, Entity, Passage
from corroborate.text.body_nouns import BODY_NOUNS, BODY_VOICES
from corroborate.text.claim_words import PERSON_NOUNS
from corroborate.text.lexicon import DEMONYMS, SPEAKER_NOUNS
from corroborate.text.name_variants import PARTIES
from corroborate.text.quote_words import _LEAD_SKIP, DOCUMENT_NOUNS
from corroborate.text.stopwords import STOPWORDS

# Nouns of a person an article leaves unnamed ("a fighter", "a witness", "a man", "one of the sources").
_UNNAMED_PEOPLE = (SPEAKER_NOUNS - {"government", "ministry", "office", "report", "reports", "statement", "police"}) \
    | PERSON_NOUNS | {"fighter", "militant", "rebel", "resident", "neighbour", "neighbor", "relative", "nurse"}
_JOINED_TAIL = re.compile(r"\s+(" + JOINED_PARTICLE.pattern + ")")  # "Abu Firas" al-Suri
# A dateline that opens a story's first sentence ("WASHINGTON -- The nation's leading advocate ... says",
# "NEW YORK (AP) — ..."): the place the story was filed from, never the subject of the sentence's verb.
_DATELINE = re.compile(r"[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,3},?(?: \([A-Za-z .]+\))? ?(?:--|—|–) ?")


class CuePhrases(ReportedSpeech):
    """Words, names and speaker phrases of one article, for the cue reader built on it."""

    article: Article
    text: str
    passages: list[Passage]
    quoted: list[tuple[int, int]]

    # -- helpers ----------------------------------------------------------------------------------------
    def _passage_at(self, pos: int) -> Passage | None:
        for p in self.passages:
            if p.start <= pos < p.end:
                return p
        return None

    def _in_quote(self, pos: int) -> bool:
        return any(s <= pos < e for s, e in self.quoted)

    def _words(self, p: Passage, start: int | None = None, end: int | None = None) -> list[Token]:
        s = p.start if start is None else max(p.start, start)
        e = p.end if end is None else min(p.end, end)
        if s == p.start and (dateline := _DATELINE.match(self.text, s, e)) is not None:
            s = dateline.end()
        toks = [t for t in tokens(self.text, s, e) if not self._in_quote(t.start)]
        # "Abu Firas al-Suri": a particle joined to a name's next part reads as a capitalised word of the name; so
        # does one that opens the words read ("“…,” al-Hashimi was quoted as saying": the surname alone).
        return [replace(t, text=t.text[:1].upper() + t.text[1:]) if JOINED_PARTICLE.fullmatch(t.text) and (
                k == 0 or (toks[k - 1].text[:1].isupper() and not self.text[toks[k - 1].end:t.start].strip())) else t
                for k, t in enumerate(toks)]

    def _entity_ending(self, start: int, end: int) -> Entity | None:
        """The story's name ending at ``end``; past a joined particle it left out, that person with it added
        ("Head of the committee Hakem" al-Zameli: the capitalised end of the name, "Hakem al-Zameli")."""
        ent, tail = super()._entity_ending(start, end), _JOINED_TAIL.search(self.text, start, end)
        inner = super()._entity_ending(start, tail.start()) if ent is None and tail and tail.end() == end else None
        if inner is None or inner.type != "PER":
            return ent
        head = re.search(r"(?<!\S)(?:[A-Z]\S*\s+)*[A-Z]\S*$", inner.name)
        return replace(inner, name=f"{head.group(0) if head else inner.name} {tail.group(1)}")

    def _opens_unnamed(self, toks: list[Token]) -> bool:
        """Do the words open with an unnamed person: a determiner and a person noun within four words ("An Isis
        fighter", "This former Syrian rebel", "One of the three sources")?"""
        k = 0
        while k < len(toks) and toks[k].lower in _LEAD_SKIP:
            k += 1
        if k + 1 >= len(toks) or toks[k].lower not in ("a", "an", "another", "this", "that", "one"):
            return False
        return any(t.lower in _UNNAMED_PEOPLE for t in toks[k + 1:k + 5])

    def _attribution(self, toks: list[Token], a: int, b: int, cue: str | None) -> _Attribution:
        return _Attribution(self.text[toks[a].start:toks[b].end], toks[a].start, toks[b].end, cue)

    def _body_phrase(self, toks: list[Token], v: int) -> tuple[int, int] | None:
        """"the website reads", "a clinic posting said", "a union spokesman said": a body noun after an article,
        with what speaks for the body after it, right before the verb toks[v] (resolve() finds the body)."""
        for k in (v - 2, v - 3):
            if 0 <= k < v - 1 < len(toks) and toks[k].lower in ("the", "a", "an") and toks[k + 1].lower in BODY_NOUNS \
                    and (k + 2 == v or toks[k + 2].lower in BODY_VOICES):
                return k, v - 1
        return None

    def _person_before_cue(self, toks: list[Token], np: tuple[int, int], v: int) -> _Attribution | None:
        """"“…,” California Department of Alcohol and Drug Program deputy director Ann Vale told …": when the
        phrase before "and" is no person, the "and" joins an organisation's name and the person whose name ends
        right before the cue toks[v] speaks."""
        lead = self._entity_ending(toks[np[0]].start, toks[np[1]].end)
        if lead is not None and lead.type == "PER":
            return None
        return self._person_ending(toks[np[1]].end, toks[v - 1].end, toks[v].text)

    def _role_before_name(self, toks: list[Token], j: int) -> tuple[int, int] | None:
        """"said commentator Patrick J. Buchanan": up to three lower-case words of a role from toks[j], then a
        person the story knows; that person's words, or None."""
        k = j
        while k < len(toks) and k - j < 3 and toks[k].text.isalpha() and toks[k].text.islower() \
                and toks[k].lower not in STOPWORDS and not self._gap_breaks(toks[k - 1], toks[k]):
            k += 1
        name = self._np_forward(toks, k) if j < k < len(toks) and not self._gap_breaks(toks[k - 1], toks[k]) else None
        ent = self._entity_ending(toks[name[0]].start, toks[name[1]].end) if name is not None else None
        return name if ent is not None and ent.type == "PER" else None

    def _cue_past_commas(self, toks: list[Token], np: tuple[int, int]) -> _Attribution | None:
        """The person toks[np[0]:np[1] + 1] with the cue verb after its comma-set apposition, or None."""
        for j in range(np[1] + 1, min(np[1] + 30, len(toks))):
            gap = self.text[toks[j - 1].end:toks[j].start]
            if any(ch in gap for ch in ";:!?“”\"()") or ("." in gap and not _abbreviation(toks[j - 1].text)):
                break
            if _cue(toks[j]) and gap.strip() == ",":
                return self._attribution(toks, np[0], np[1], toks[j].text)
        return None

    def _person_after_body(self, toks: list[Token], np: tuple[int, int]) -> tuple[int, int]:
        """"said ABC Entertainment Group prexy Paul Lee", "Qeshm governor Mehdi Irannejad was quoted as saying",
        "Democratic presidential nominee Hillary Clinton, …",
        "Trade publication Variety saw …": an organisation, a party or a sentence's capitalised first word,
        up to three lower-case words of a role the lexicon may lack, and a name the story knows (a person's,
        or after a first word any name's), which ends the phrase: that name speaks (named_speaker then keeps
        only a person or an organisation)."""
        body = self._entity_ending(toks[np[0]].start, toks[np[1]].end)
        j = np[1] + 1
        party = toks[np[1]].lower in PARTIES or toks[np[1]].lower in DEMONYMS
        opener = np[0] == np[1] == 0 and body is None
        if not party and not opener and (body is None or body.type not in ("ORG", "OTH", "LOC")):
            return np
        while j < len(toks) and j - np[1] <= 3 and toks[j].text.isalpha() and toks[j].text.islower() \
                and toks[j].lower not in STOPWORDS and not self._gap_breaks(toks[j - 1], toks[j]):
            j += 1
        name = self._np_forward(toks, j) if np[1] + 1 < j < len(toks) else None
        if name is None or self._gap_breaks(toks[j - 1], toks[j]) or toks[name[1]].possessive:
            return np
        ent = self._entity_ending(toks[name[0]].start, toks[name[1]].end)
        after = toks[name[1] + 1] if name[1] + 1 < len(toks) else None
        ends = after is None or after.text.islower() \
            or self.text[toks[name[1]].end:after.start].strip() in (",", ".")
        kinds = ("PER", "ORG", "OTH") if opener else ("PER",)
        return (np[0], name[1]) if ent is not None and ent.type in kinds and ends else np

    def _name_across(self, toks: list[Token], a: int, np: tuple[int, int]) -> tuple[int, int] | None:
        """"the Health and Human Services Department said": one name of the story runs across the "and" before
        the phrase toks[np[0]:np[1] + 1] and ends with it; its first word and np's last, or None."""
        for start, end, _ in self.lookup.in_range(self.article.id, toks[a].start, toks[np[1]].end):
            if end == toks[np[1]].end and start < toks[np[0]].start:
                return next(((k, np[1]) for k in range(a, np[0]) if toks[k].start == start), None)
        return None

    def _modified_noun(self, toks: list[Token], np: tuple[int, int]) -> tuple[int, int]:
        """"said the Democratic staffer", "said a French diplomat": a phrase that stops at a party or nationality
        adjective goes on to the common noun it modifies, so that it reads as a description, not as the party."""
        j = np[1] + 1
        last = toks[np[1]].lower
        if (last in PARTIES or last in DEMONYMS) and j < len(toks) and toks[j].text.isalpha() \
                and toks[j].text.islower() and toks[j].lower not in STOPWORDS and not _cue(toks[j]) \
                and not self._gap_breaks(toks[np[1]], toks[j]):
            return (np[0], j)
        return np

    def _document_from(self, toks: list[Token]) -> _Attribution | None:
        """“…,” reads a statement from Senate Majority Leader Harry Reid's office: a document from a person or
        an organisation (or from its office) speaks for it."""
        if len(toks) < 5 or not (_cue(toks[0]) or toks[0].lower in ("reads", "read")) \
                or toks[1].lower not in ("a", "an", "the") or toks[2].lower not in DOCUMENT_NOUNS \
                or toks[3].lower not in ("from", "by"):
            return None
        np = self._np_forward(toks, 4)
        owner = next((k for k in range(np[0], np[1]) if toks[k].possessive), None) if np is not None else None
        np = (np[0], owner) if np is not None and owner is not None else np  # "X's office" speaks for X
        ent = self._entity_ending(toks[np[0]].start, toks[np[1]].end) if np is not None else None
        if np is None or ent is None or ent.type not in ("PER", "ORG"):
            return None
        return self._attribution(toks, np[0], np[1], toks[0].text)

    def _name_and_verb(self, p: Passage, toks: list[Token]) -> _Attribution | None:
        """“…,” summarized Dan Senor. / “…,” Senor summarized.: the sentence ends in a known person's name and one
        past-tense verb that the cue lexicon lacks; news style makes that verb the cue and the person the speaker."""
        if not 2 <= len(toks) <= 4 or self.text[toks[-1].end:p.end].strip(" .!?"):
            return None
        for a, b, verb in ((1, len(toks) - 1, 0), (0, len(toks) - 2, len(toks) - 1)):
            found = self.lookup.in_range(self.article.id, toks[a].start, toks[b].end)
            whole = any(t[0] == toks[a].start and t[1] == toks[b].end and t[2].type == "PER" for t in found)
            if whole and toks[verb].text.islower() and toks[verb].lower.endswith("ed"):
                return self._attribution(toks, a, b, toks[verb].text)
        return None

    def _name_alone(self, p: Passage, pos: int, toks: list[Token]) -> _Attribution | None:
        """“…,” Blackpink member Jennie Kim.: after the closing comma, only a person the story knows (with a role
        before the name) ends the sentence, with no verb; that person speaks."""
        comma = self.text[pos:toks[0].start].strip().startswith(",") if toks else False
        comma = comma or self.text[max(0, pos - 4):pos].rstrip("”\"' `").endswith(",")
        if not 1 <= len(toks) <= 6 or not comma \
                or self.text[toks[-1].end:p.end].strip(" .") or any(_cue(t) for t in toks):
            return None
        return self._person_ending(toks[0].start, toks[-1].end, None)

    def _described_then_apposed(self, toks: list[Token]) -> _Attribution | None:
        """“…,” the committee’s chairman, Representative Ann Vale, Republican of Ohio, wrote: a lower-case
        description of up to five words, then a person named in apposition, then the cue past the commas ("…,” the
        deputy's mother, Rosa Ortiz, said)."""
        k = next((j for j in range(1, min(len(toks), 6)) if self._comma_before(toks, j)), None)
        if (k is None or not self._person_at(toks[k])) and toks[0].text.islower():
            # "“…,” study author Dr. Ann Vale, a professor of neurology at …, said": the description runs into the
            # name with no comma; the name starts at the first capitalised word, the apposition follows it.
            k = next((j for j in range(1, min(len(toks), 5)) if toks[j].text[:1].isupper()), None)
            # (Only a role's words, no function word: "… of telephone and Internet providers, saying" is no speaker.)
            if k is None or any(self._gap_breaks(a, b) for a, b in pairwise(toks[:k + 1])) \
                    or any(t.lower in STOPWORDS or not t.text.isalpha() for t in toks[:k]):
                return None
        # (Also "Kafoury's son, Charlie, said": the description opens with its owner's name.)
        if k is None or not (toks[0].text.islower() or toks[0].possessive) or not self._person_at(toks[k]):
            return None
        name = self._np_forward(toks, k)
        return self._cue_past_commas(toks, name) if name is not None else None

    def _described_then_named(self, toks: list[Token]) -> _Attribution | None:
        """“…,” the company's chief security officer Joe Sullivan said: a lower-case description ending in a
        capitalised name right before the verb (the noun-phrase reader stops at "company's")."""
        for k in range(1, min(len(toks), 10)):
            if self._gap_breaks(toks[k - 1], toks[k]) and not toks[k - 1].possessive:
                return None
            if _cue(toks[k]):
                return self._attribution(toks, 0, k - 1, toks[k].text) if toks[k - 1].text[:1].isupper() else None
        return None
