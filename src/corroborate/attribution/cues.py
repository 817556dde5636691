"""The quote reader's cue side: the phrase and speech verb that attribute a quote, read around it.

A mixin of :class:`corroborate.attribution.quotes._Reader` (split from it to keep modules short): the subject
of a speech verb read backwards from the verb, a colon cue's subject, the cue after a closing mark ("…,” said
Mr X"), and a described speaker named in apposition. Resolving what a phrase names is the reader's own
``resolve``.
"""

from __future__ import annotations

import re
from dataclasses import replace

from corroborate.attribution.mentions import Token, tokens
from corroborate.attribution.phrases import _ROLE_BEFORE_VERB, _abbreviation, _cue
from corroborate.attribution.reported import ReportedSpeech, _Attribution
from corroborate.attribution.speakers import JOINED_PARTICLE, _by_surname, agrees
from corroborate.model import Article, Entity, Passage
from corroborate.text.body_nouns import BODY_NOUNS, BODY_VOICES
from corroborate.text.lexicon import DEMONYMS
from corroborate.text.name_variants import PARTIES
from corroborate.text.quote_words import _CUE_FILLER, _PASSIVE_AUX, DOCUMENT_NOUNS
from corroborate.text.stopwords import STOPWORDS

# "Mr. Rubio is expected to say", "X was quoted as saying": remarks announced ahead are attributed the same way.
_FUTURE_FILLER = frozenset({"expected", "set", "due", "likely", "going", "to", "will", "would", "was", "quoted", "as"})
# Words that open a new, unnamed source ("a local barber", "one friend", "another witness").
_NEW_SOURCE = frozenset({"a", "an", "one", "another", "some", "according"})
# What a document does to its words ("the records state", "the letter read").
_DOCUMENT_VERBS = frozenset({"state", "states", "read", "reads"})
_JOINED_TAIL = re.compile(r"\s+(" + JOINED_PARTICLE.pattern + ")")  # "Abu Firas" al-Suri


class CueReader(ReportedSpeech):
    """Finds the attribution of a quote; the reader that uses it keeps the quotes and resolves speakers."""

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
        toks = [t for t in tokens(self.text, s, e) if not self._in_quote(t.start)]
        # "Abu Firas al-Suri": a particle joined to a name's next part reads as a capitalised word of the name.
        return [replace(t, text=t.text[:1].upper() + t.text[1:]) if k and JOINED_PARTICLE.fullmatch(t.text)
                and toks[k - 1].text[:1].isupper() and not self.text[toks[k - 1].end:t.start].strip() else t
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

    def _attribution(self, toks: list[Token], a: int, b: int, cue: str | None) -> _Attribution:
        return _Attribution(self.text[toks[a].start:toks[b].end], toks[a].start, toks[b].end, cue)

    def _subject_of_verb(self, p: Passage, toks: list[Token], v: int) -> _Attribution | None:
        verb = toks[v]
        if v > 0 and toks[v - 1].lower in _PASSIVE_AUX and verb.lower.endswith("ed"):
            return None  # "were accused of": the subject is the accused, not the speaker
        cue = verb.text
        # "Jacob Young, Tory backbencher and MP for ..., tweeted": a leading name with an appositive.
        lead = self._leading_subject(toks)
        # (Not "Jackman, who can sing, was “thrilled” at the offer, Mark said": a person named right before the
        # verb is its subject.)
        if lead and not self._person_right_before(toks, v, toks[lead[1]].end) and lead[1] < v - 1 \
                and self.text[toks[lead[1]].end:toks[lead[1] + 1].start].strip().startswith(","):
            lead_ent = self._entity_ending(toks[lead[0]].start, toks[lead[1]].end)
            if lead_ent is not None and lead_ent.type == "PER":
                return self._attribution(toks, lead[0], lead[1], cue)
        if v == 0 or (v == 1 and toks[0].lower in ("and", "but")):
            # "Added Gibbs: “…": the verb opens the sentence and its subject follows it.
            np = self._np_forward(toks, v + 1)
            return self._attribution(toks, *np, cue) if np and toks[np[0]].text[:1].isupper() else None
        before = self.text[toks[v - 1].end:verb.start]
        if v >= 2 and toks[v - 1].lower == "which" and "," in self.text[toks[v - 2].end:toks[v - 1].start]:
            # "X received a letter signed by 42 senators, which stated": the document speaks for who wrote it.
            nouns = [j for j in range(max(0, v - 10), v - 1) if toks[j].lower in DOCUMENT_NOUNS]
            ref = self._reference(toks[nouns[-1]].lower, p, toks[v - 1].start) if nouns else None
            if ref is not None:
                return _Attribution(self.text[ref[0]:ref[1]], ref[0], ref[1], cue)
        if "," in before and v + 1 < len(toks) and self._person_at(toks[v + 1]) \
                and not self.text[verb.end:toks[v + 1].start].strip():
            # "Her comments, said Josh Earnest, the press secretary, are “…”": a cue set off by commas inside
            # the sentence, its subject after it.
            np = self._np_forward(toks, v + 1)
            # (Not "X, a spokesman, said Mr. Steele was …": there the name opens the reported clause.)
            if np is not None and np[1] + 1 < len(toks) \
                    and self.text[toks[np[1]].end:toks[np[1] + 1].start].strip().startswith(","):
                return self._attribution(toks, *np, cue)
        if "," in before:
            # "A spokesman for Mr Darmanin, who yesterday accused …, said": skip the relative clause.
            for k in range(v - 1, -1, -1):
                if toks[k].lower in ("who", "which") and k > 0 and "," in self.text[toks[k - 1].end:toks[k].start]:
                    np = self._np_back(toks, k - 1)
                    if np is not None:
                        return self._attribution(toks, *np, cue)
                    break  # "Ann Ruiz, 31, who …, wrote …, saying": no name right before "who"; read on
            np = None
        elif any(toks[k].lower == "who" and "," in self.text[toks[k - 1].end:toks[k].start]
                 for k in range(max(1, v - 4), v)):
            # "a spokesman for Mr Darmanin, who yesterday accused …": the verb is inside the relative clause,
            # whose subject is the nearest name before "who".
            k = max(k for k in range(max(1, v - 4), v) if toks[k].lower == "who")
            np = self._np_back(toks, k - 1)
            if np is not None:
                cut = [j for j in range(np[0], np[1] + 1) if toks[j].lower in ("for", "of")]
                np = (cut[-1] + 1, np[1]) if cut else np
        elif toks[v - 1].lower == "and":
            np = None
        else:
            role = _ROLE_BEFORE_VERB.search(self.text, p.start, verb.start)
            if role is not None and " president" in role.group(0).lower():
                # "the new president told": "president" alone is a noun the phrase reader takes.
                return _Attribution(role.group(0), role.start(), role.end(), cue)
            j = self._before_bracket(toks, v)
            announced = v >= 3 and toks[v - 1].lower == "to" and toks[v - 2].lower in _FUTURE_FILLER - {"to", "as"}
            while announced and j > 1 and toks[j].lower in _FUTURE_FILLER | {"is", "are"}:
                j -= 1  # "Ms Truss is expected to say that …": the subject before the announced remark
            np = self._np_back(toks, j)
            if np is not None and np[0] >= 2 and toks[np[0] - 1].lower == "and" and toks[np[0] - 2].text[:1].isupper() \
                    and not self._gap_breaks(toks[np[0] - 2], toks[np[0] - 1]):
                # "Zadan and Meron added": a joint statement goes to the first person named (GUIDELINE.md); "the
                # Health and Human Services Department said" is one name.
                last = self._entity_ending(toks[np[0]].start, toks[np[1]].end)
                first = self._np_back(toks, np[0] - 2)
                whole = self._name_across(toks, first[0], np) if first is not None else None
                np = whole or (first if first is not None and last is not None and last.type == "PER" else np)
        if np is None and verb.lower.endswith("ing") and "," in before:
            # "Mr. Obama on Wednesday disputed that …, saying “…”": a participle after a comma shares the subject of
            # its clause, the first person or organisation named before it that is no object and no possessive
            # ("Rice's comments came as Netanyahu turned it down, saying").
            np = self._clause_subject(toks, v)
            # "On Friday, the aide, Elizabeth Lauten, 31, …, wrote …, saying": the description's name.
            np = self._named_apposition(toks, np) if np is not None else None
        if np is None:
            lead = self._leading_subject(toks)
            # "Democratic presidential nominee Hillary Clinton, whose …, tweeted": past the role; "Vale's mother": none.
            owner = lead and toks[lead[1]].possessive and "," not in self.text[toks[lead[1]].end:verb.start]
            np = self._named_apposition(toks, self._person_after_body(toks, lead)) if lead and lead[1] < v else None
            np = np if np and np[1] < v and not owner else None
        if np is None:
            np = self._body_phrase(toks, v)
        if np is None:
            # "The presidential hopeful said": a lower-case role reference the noun-phrase readers do not take;
            # resolve() reads it as it reads a pronoun.
            m = _ROLE_BEFORE_VERB.search(self.text, p.start, verb.start)
            if m is not None:
                return _Attribution(m.group(0), m.start(), m.end(), cue)
        return self._attribution(toks, *np, cue) if np else None

    def _cue_after(self, c: int | None) -> str | None:
        """The words before the speech verb (or "according to") that follow a quote's closing mark ``c`` in its
        sentence: the quote's own attribution, also one that names nobody the reader could resolve ("a local
        barber told", "the records state", "…,” according to the friend", "…,” he added" with no "he" before it).
        None when the sentence goes on with no cue."""
        p = self._passage_at(c) if c is not None else None
        if p is None:
            return None
        toks = self._words(p, start=c + 1)[:20]
        for k, t in enumerate(toks):
            if t.lower == "according" and k + 1 < len(toks) and toks[k + 1].lower == "to":
                return "according to"
            if _cue(t) or t.lower in _DOCUMENT_VERBS:
                # "…,” said a witness": the subject after the verb.
                return " ".join(x.lower for x in (toks[:k] or toks[k + 1:k + 3]))
        return None

    def _carries(self, speaker: str, c: int | None) -> bool:
        """May a quote with no speaker of its own take ``speaker``, the one of the quote before it: not when a cue
        after its closing mark introduces someone else ("“…,” a local barber told …", "…,” said an officer",
        "…,” according to the friend", "…,” the records state"), nor when its "he"/"she" cannot be the speaker
        before. ("…,” said the prosecutor" refers back, as a pronoun does.)"""
        own = (self._cue_after(c) or "").split()
        if not own:
            return True
        if own[-1] in ("he", "she"):
            return agrees(speaker, own[-1])
        return own[0] not in _NEW_SOURCE and own[-1] not in DOCUMENT_NOUNS and own[-1] != "records"

    def _person_right_before(self, toks: list[Token], v: int, after: int) -> bool:
        """Does a person's name, starting past character ``after``, end right before the verb toks[v]?"""
        if v == 0 or self.text[toks[v - 1].end:toks[v].start].strip():
            return False
        if toks[v - 1].text[:1].isupper() and _by_surname(toks[v - 1].text, self.lookup) is not None:
            return True  # "…, Dr. Terry said": the one person of the story with that surname
        return any(e == toks[v - 1].end and ent.type == "PER"
                   for _, e, ent in self.lookup.in_range(self.article.id, after, toks[v - 1].end))

    def _after(self, p: Passage, pos: int) -> _Attribution | None:
        rest = self.text[pos:p.end]
        if not rest.strip() or (rest.lstrip()[:1] not in ",—–-" and not rest[:1].isspace()):
            return None
        toks = self._words(p, start=pos)
        if not toks:
            return None
        if _cue(toks[0]):  # "…,” said Mr Johnson."
            np = self._np_forward(toks, 1) or self._role_before_name(toks, 1)
            if np is None:
                return None
            np = self._person_after_body(toks, self._modified_noun(toks, np))
            return self._attribution(toks, *self._named_apposition(toks, self._role_then_name(toks, np)),
                                     toks[0].text)
        tail = self._name_and_verb(p, toks) or self._document_from(toks) or self._name_alone(p, pos, toks)
        if tail is not None:
            return tail
        np = self._np_forward(toks, 0)
        body = self._body_phrase(toks, next((k for k in range(1, min(4, len(toks))) if _cue(toks[k])), 0))
        if np is None and body is not None:
            return self._attribution(toks, *body, toks[body[1] + 1].text)  # "“…,” a clinic posting said"
        if np is None:
            return self._described_then_named(toks) or self._described_then_apposed(toks) or self._titled_name(toks)
        staff = self._owned_staff(toks, np)
        if staff is not None:
            return self._attribution(toks, np[0], staff - 1, toks[staff].text)
        named = self._named_apposition(toks, self._person_after_body(toks, np))
        first = self._past_apposition(toks, named[1] + 1)
        np, was_described = named, named != np
        if first < len(toks) and toks[first].lower == "and":
            # "… Jeff McCabe (D) and Assistant House Majority Leader Sara Gideon (D) said": a joint statement
            # goes to the first person named (bench/gold/GUIDELINE.md).
            first = next((j for j in range(first + 1, min(first + 14, len(toks))) if _cue(toks[j])
                          and not any(ch in self.text[toks[first].end:toks[j].start] for ch in ".;:!?“”\"")),
                         first)
            was_described = was_described or _cue(toks[first])
            person = self._person_before_cue(toks, np, first) if _cue(toks[first]) else None
            if person is not None:
                return person
        k = first
        while k < len(toks) and k - first <= 3 and (toks[k].lower in _CUE_FILLER or toks[k].lower in _FUTURE_FILLER):
            k += 1
        # The comma that closes an apposition ("Smith, 45, said") is no break between the name and its verb.
        apposed = k == first and (first > np[1] + 1 or was_described)
        # "Rev. Ann Vale of St Mary's, told reporters": a stray comma after a person's name is no break either.
        comma = k < len(toks) and self.text[toks[k - 1].end:toks[k].start].strip() == "," \
            and self._person_at(toks[np[0]])
        if k < len(toks) and _cue(toks[k]) and (apposed or comma or not self._gap_breaks(toks[k - 1], toks[k])):
            cue = self.text[toks[first].start:toks[k].end]
            return self._attribution(toks, np[0], np[1], re.sub(r"\s+", " ", cue))
        if self._person_at(toks[np[0]]) and self._comma_before(toks, np[1] + 1):
            # "“…,” Ann Vale, a Republican trying to unseat Representative Tom Hart, a Democrat, in the Third
            # District, said": an apposition longer than _past_apposition reads, with commas of its own.
            long = self._cue_past_commas(toks, np)
            if long is not None:
                return long
        return self._described_then_named(toks) or self._described_then_apposed(toks) or self._titled_name(toks)

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
        found = [t for t in self.lookup.in_range(self.article.id, toks[np[1]].end, toks[v - 1].end)
                 if t[1] == toks[v - 1].end and t[2].type == "PER"]
        return _Attribution(self.text[found[0][0]:found[0][1]], found[0][0], found[0][1], toks[v].text) if found \
            else None

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
        found = [t for t in self.lookup.in_range(self.article.id, toks[0].start, toks[-1].end)
                 if t[1] == toks[-1].end and t[2].type == "PER"]
        return _Attribution(self.text[found[0][0]:found[0][1]], found[0][0], found[0][1], None) if found else None

    def _described_then_apposed(self, toks: list[Token]) -> _Attribution | None:
        """“…,” the committee’s chairman, Representative Ann Vale, Republican of Ohio, wrote: a lower-case
        description of up to five words, then a person named in apposition, then the cue past the commas ("…,” the
        deputy's mother, Rosa Ortiz, said)."""
        k = next((j for j in range(1, min(len(toks), 6)) if self._comma_before(toks, j)), None)
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
