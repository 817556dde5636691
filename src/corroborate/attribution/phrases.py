"""Speaker noun phrases around a speech verb, read over the mention tokens of one article.

The quote reader (:mod:`corroborate.attribution.quotes`) asks for the phrase that ends just before a verb
("A spokesman for the government said") or starts just after a quote ("…,” said Mr X"), and finally whether
the phrase it settled on names anyone (:func:`named_speaker`).
"""

from __future__ import annotations

import re
from typing import Any

from corroborate.attribution.entities import EntityLookup
from corroborate.attribution.mentions import Token
from corroborate.attribution.names import PERSON_TITLE_WORDS
from corroborate.model import Entity, Passage
from corroborate.text.abbreviations import TITLE_ABBREVIATIONS
from corroborate.text.body_nouns import BODY_NOUNS
from corroborate.text.claim_words import MONTHS, WEEKDAYS
from corroborate.text.lexicon import COMMON_CAPITALISED, HONORIFICS, SPEAKER_NOUNS, SPEECH_VERBS, TITLES
from corroborate.text.name_words import PARTY_STATE, TITLE_MODIFIERS
from corroborate.text.quote_words import (
    _CUE_FILLER,
    _DETS,
    _LEAD_SKIP,
    _NP_WORDS,
    _PERSON_PRONOUNS,
    _PREPOSITIONS,
    _SKIP_BEFORE_VERB,
    DOCUMENT_NOUNS,
    NAMED_GROUPS,
    noun_before_of,
)


class SpeakerPhrases:
    """Noun-phrase readers over ``self.text`` (the article text), mixed into the quote reader."""

    text: str
    lookup: EntityLookup
    article: Any
    passages: list[Passage]

    def _reference(self, noun: str, sentence: Passage, pos: int) -> tuple[int, int, Entity] | None:
        """Who "the report", "the letter" or "the aide" is: the nearest earlier "<name> report", "<name>'s
        letter" or "aide to <name>" in this sentence (before ``pos``) or the four before it. A document speaks
        for a person or an organisation; an aide or a spokesperson for an organisation ("an aide to Mr Reid" is
        no named speaker)."""
        earlier = [p for p in self.passages if p.index < sentence.index][-4:]
        windows = [(sentence.start, pos)] + [(p.start, p.end) for p in reversed(earlier)]
        pattern = re.compile(rf"\b{re.escape(noun)}\b", re.IGNORECASE)
        kinds = ("PER", "ORG") if noun in DOCUMENT_NOUNS else ("ORG", "OTH")
        for start, end in windows:
            for m in reversed(list(pattern.finditer(self.text, start, end))):
                before = _POSSESSIVE_END.sub("", self.text[start:m.start()].rstrip())
                found = [t for t in self.lookup.in_range(self.article.id, start, m.start())
                         if t[1] == start + len(before)]
                issued = _ISSUED.search(before) if noun in DOCUMENT_NOUNS and not found else None
                if issued is not None:
                    # "The NSC released a statement on Thursday …": who issued the document wrote it.
                    at = start + len(before[:issued.start()].rstrip())
                    found = [t for t in self.lookup.in_range(self.article.id, start, at) if t[1] == at]
                link = _LINK.match(self.text, m.end(), end)
                if not found and link is not None:
                    found = [t for t in self.lookup.in_range(self.article.id, link.end(), end)
                             if t[0] <= link.end() + 25][:1]
                if found and found[-1][2].type in kinds:
                    return found[-1]
        return None

    def _names_at(self, tok: Token) -> bool:
        """Does an entity mention start at this word?"""
        return any(t[0] == tok.start for t in self.lookup.in_range(self.article.id, tok.start, tok.end + 200))

    def _gap_breaks(self, a: Token, b: Token) -> bool:
        gap = self.text[a.end:b.start]
        if a.possessive:
            gap = gap[2:]
        gap = gap.strip()
        # "Sen. Jim DeMint", "Gov. Paul LePage", "Jacob J. Lew": a title's or an initial's full stop does not
        # end the phrase.
        initial = len(a.text) == 1 and a.text.isupper()
        if gap == "/" and a.text[:1].isupper() and b.text[:1].isupper():
            return False  # "Warner/Chappell": one name of two joined by a slash
        return bool(gap) and not (gap == "." and (a.lower in HONORIFICS or a.lower in TITLE_ABBREVIATIONS or initial))

    def _party_label(self, toks: list[Token], j: int) -> bool:
        """A party-and-state label set off after a name ("Rep. Randy Forbes (R-Va.) had argued", "Sen. Jane
        Roe, D-Ill., has said"): it describes the name before it and is no speaker."""
        return j > 0 and bool(PARTY_STATE.match(toks[j].text)) and \
            self.text[toks[j - 1].end:toks[j].start].strip() in ("(", ",")

    # -- speaker phrases --------------------------------------------------------------------------------
    def _np_back(self, toks: list[Token], j: int) -> tuple[int, int] | None:
        """The noun phrase ending at toks[j], read backwards: (first token, last token) or None."""
        while j >= 0 and (((toks[j].lower in _SKIP_BEFORE_VERB or toks[j].lower.endswith("ly"))
                          and toks[j].lower not in _PERSON_PRONOUNS) or self._party_label(toks, j)):
            j -= 1
        if j < 0:
            return None
        if toks[j].lower in _PERSON_PRONOUNS | {"they", "we", "i"}:
            return (j, j)
        last, k = j, j
        titled = self._bare_title(toks, last) if toks[last].lower not in _NOUNS else None
        if titled is not None:
            return (titled, last)  # "“…,” the mayor said": resolve() finds the one person of the story so titled
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
            if t.text[:1].isupper() or w in _NOUNS:
                k -= 1
                continue
            if w in ("for", "of") and k < last:  # (and "a lawyer for Ann Vale": the noun heads it, see noun_before_of)
                k -= 2 if k >= 2 and noun_before_of([toks[k - 2].text, toks[k - 1].text, w, toks[k + 1].text]) else 1
                continue
            break
        first = k + 1
        while first <= last and (toks[first].lower in ("for", "of")
                                 or (toks[first].initial and toks[first].lower in _SUBORDINATORS)):
            first += 1  # (and "As Breslow warns, “…”": the capitalised conjunction that opens the sentence)
        while first < last and toks[first].lower in _OPENING_WHEN and toks[first + 1].text[:1].isupper():
            first += 1  # "In July Ann Vale said": a preposition and a month or a day open the sentence
        if first > last or toks[first].lower in COMMON_CAPITALISED - _DETS - {"one"}:
            return None if first > last else ((first, last) if first == last and toks[first].lower in
                                              SPEAKER_NOUNS else None)
        return (first, last)

    def _bare_title(self, toks: list[Token], last: int) -> int | None:
        """The index of "the" when "the" and a lower-case title end at toks[last] ("the mayor", "the prime
        minister"), else None. A modifier ("the former mayor", "the deputy mayor") or a complement after it ("the
        mayor of Springfield") makes another person of it, and is read as before; so is a title no one of the story
        holds."""
        for n in (1, 2):
            the = last - n
            words = toks[the + 1:last + 1] if the >= 0 else []
            if not words or toks[the].lower != "the" or any(not t.text.islower() or t.possessive for t in words) \
                    or any(self._gap_breaks(a, b) for a, b in zip(toks[the:last], toks[the + 1:last + 1], strict=True)):
                continue
            phrase = " ".join(t.lower for t in words)
            holder = self.lookup.named(phrase)
            # (Only a title the story gives someone: "said the prosecutor" with no prosecutor named is left to the
            # readers that looked past it before.)
            if (phrase in TITLES or (n == 1 and phrase in PERSON_TITLE_WORDS)) and holder is not None \
                    and holder.type == "PER":
                after = toks[last + 1] if last + 1 < len(toks) else None
                joined = after is not None and not self._gap_breaks(toks[last], after)
                if joined and (after.lower in ("of", "for", "at", "in") or after.text[:1].isupper()):
                    return None
                return the
        return None

    def _np_forward(self, toks: list[Token], k: int) -> tuple[int, int] | None:
        """The noun phrase starting at toks[k] (a clause subject, or the speaker after a quote)."""
        if k >= len(toks):
            return None
        for n in (1, 2):
            if toks[k].lower == "the" and k + n < len(toks) and self._bare_title(toks, k + n) == k \
                    and (k + n + 1 >= len(toks) or toks[k + n + 1].lower not in _NOUNS):
                return (k, k + n)  # "said the mayor"
        if toks[k].lower in _PERSON_PRONOUNS | {"they", "we", "i"}:
            return (k, k)
        if toks[k].lower in COMMON_CAPITALISED - _DETS and toks[k].lower not in _NOUNS:
            return None  # "In a statement, …": a clause, not a speaker
        first, j = k, k
        while j < len(toks):
            t = toks[j]
            if j > first and self._gap_breaks(toks[j - 1], t):
                break
            w = t.lower
            if (w in _DETS and j == first) or t.text[:1].isupper() or w in _NOUNS \
                    or (w in BODY_NOUNS and toks[j - 1].lower == "the"):
                j += 1
                if t.possessive and j < len(toks) and toks[j].text[:1].islower() and toks[j].lower not in SPEAKER_NOUNS:
                    break
                continue
            if w in ("for", "of") and j > first and j + 1 < len(toks):
                # ("a spokesman for the company said": past "for the" as _np_back reads it)
                body = toks[j + 1].lower == "the" and j + 2 < len(toks) and toks[j + 2].text.islower() \
                    and toks[j + 2].lower in _BODY_WORDS  # (not "Chief of Staff of the Iranian Armed …")
                j += 2 if body else 1
                continue
            break
        while j > first and toks[j - 1].lower in ("for", "of", "the", "a", "an"):
            j -= 1
        return (first, j - 1) if j > first else None

    def _comma_before(self, toks: list[Token], k: int) -> bool:
        if not 0 < k < len(toks):
            return False
        gap = self.text[toks[k - 1].end:toks[k].start].strip()
        return gap == "," or (gap == ".," and _abbreviation(toks[k - 1].text))

    def _named_apposition(self, toks: list[Token], np: tuple[int, int]) -> tuple[int, int]:
        """"said the spokesman, Nick Merrill": a described speaker followed by a name in apposition is that name."""
        words = [t.lower for t in toks[np[0]:np[1] + 1]]
        k = np[1] + 1
        if toks[np[1]].possessive:
            # "Lung's lover, Zhang Hung, 21, said": the owner's relation noun, then the person in apposition.
            while k < len(toks) and k - np[1] <= 3 and toks[k].text.isalpha() and toks[k].text.islower():
                k += 1
            if k == np[1] + 1:
                return np
        elif not (words[0] in ("the", "a", "an", "his", "her", "its", "their", "one") or words[-1] in SPEAKER_NOUNS):
            return np  # "Representative Barney Frank, Democrat of Massachusetts": a name already
        if k < len(toks) and toks[k].lower in ("of", "for", "on", "at", "in"):
            # "the Democratic leader of the Senate, Justin Alfond", "the top Democrat on the committee, Mark
            # Warner": past the description's complement.
            # ("One of the prominent tribal figures in the province, Sheikh Ann Vale, said": ten words at most.)
            k = next((j for j in range(k + 1, min(k + 11, len(toks))) if self._comma_before(toks, j)), k)
        # (A dash sets the name off as a comma does: "Lung's lover — Zhang Hung, 21 — said".)
        dash = 0 < k < len(toks) and self.text[toks[k - 1].end:toks[k].start].strip() in ("—", "–", "--")
        if not (self._comma_before(toks, k) or dash) or not toks[k].text[:1].isupper():
            return np
        name = self._np_forward(toks, k)
        if name is None or toks[name[0]].lower in ("the", "a", "an"):
            return np
        if any(t.lower in ("of", "for") or not t.text[:1].isupper() for t in toks[name[0]:name[1] + 1]):
            return np  # "a Democrat of Massachusetts": another description, not a name
        ent = self.lookup.named(self.text[toks[name[0]].start:toks[name[1]].end])
        return name if ent is None or ent.type == "PER" else np

    def _past_apposition(self, toks: list[Token], k: int) -> int:
        """After the speaker's name, skip one comma-enclosed apposition of at most eight words ("Jonathan Smith,
        45, said", "Marvin Kirsner, a tax lawyer at Greenberg Traurig, said", "Dick Durbin, D-Ill., told")."""
        if 0 < k < len(toks) and self.text[toks[k - 1].end:toks[k].start].strip() == "(":
            # "Mike Thibodeau (R) said": a party-and-state bracket.
            for j in range(k + 1, min(k + 4, len(toks))):
                if ")" in self.text[toks[j - 1].end:toks[j].start]:
                    return j
            return k
        if not self._comma_before(toks, k):
            return k
        for j in range(k + 1, min(k + 9, len(toks))):
            if self._comma_before(toks, j):
                return j if toks[j].lower in SPEECH_VERBS or toks[j].lower in _CUE_FILLER else k
            gap = self.text[toks[j - 1].end:toks[j].start]
            if "." in gap and not _abbreviation(toks[j - 1].text):
                return k
            if any(ch in gap for ch in ";:!?“”\"("):
                return k
        return k

    def _leading_subject(self, toks: list[Token]) -> tuple[int, int] | None:
        k = 0
        while k < len(toks) and toks[k].lower in _LEAD_SKIP:
            k += 1
        # "Instead, he laid out …": an opening word set off by a comma that names no one is an adverb, not
        # the subject (a name there is: "Smith, 45, said").
        if k + 1 < len(toks) and self.text[toks[k].end:toks[k + 1].start].strip() == "," \
                and not toks[k].possessive and self.lookup.named(toks[k].text) is None \
                and (toks[k + 1].lower in _PERSON_PRONOUNS
                     or (toks[k + 1].text[:1].isupper() and not self._names_at(toks[k]))):
            k += 1
        # "Last night, some Labour MPs …", "Speaking to BFMTV, Darmanin …": skip a short opening phrase.
        if k < len(toks) and toks[k].lower not in _PERSON_PRONOUNS and (
                toks[k].lower in COMMON_CAPITALISED or toks[k].lower.endswith("ing")):
            for j in range(k, min(k + 6, len(toks) - 1)):
                if "," in self.text[toks[j].end:toks[j + 1].start]:
                    k = j + 1
                    break
        return self._np_forward(toks, k)

    def _entity_ending(self, start: int, end: int) -> Entity | None:
        found = self.lookup.in_range(self.article.id, start, end)
        ending = [t for t in found if t[1] == end]
        return ending[-1][2] if ending else None

    def _persons_ending(self, start: int, end: int) -> list[tuple[int, int, Entity]]:
        """The mentions of people the story knows inside ``start``..``end`` whose names end at ``end``."""
        return [t for t in self.lookup.in_range(self.article.id, start, end) if t[1] == end and t[2].type == "PER"]

    def _before_bracket(self, toks: list[Token], v: int) -> int:
        """The last word before the verb toks[v], past a bracket that closes right before it ("Paul LePage (R)
        said", "Dick Durbin (D-Ill.) said": the party-and-state bracket is no subject)."""
        if not self.text[toks[v - 1].end:toks[v].start].strip().lstrip(".").startswith(")"):
            return v - 1
        for k in range(v - 1, max(0, v - 5), -1):
            if "(" in self.text[toks[k - 1].end:toks[k].start]:
                return k - 1
        return v - 1

    def _object_at(self, toks: list[Token], k: int) -> bool:
        """Is the name starting at toks[k] an object or a modifier: after a preposition, an object verb or a
        possessive, past the capitalised words of its title ("with President Bo Lee", "his Oscar role")?"""
        j = k - 1
        while j >= 0 and toks[j].text[:1].isupper() and not toks[j].initial and toks[j].lower.strip(".") in _TITLES \
                and not self._gap_breaks(toks[j], toks[j + 1]):
            j -= 1
        if j >= 1 and toks[j].lower in ("the", "a", "an") and not self._gap_breaks(toks[j], toks[j + 1]):
            j -= 1  # "support for the ISIS group": the article between the preposition and the name
        return j >= 0 and toks[j].lower in _NOT_SUBJECT

    def _clause_subject(self, toks: list[Token], v: int) -> tuple[int, int] | None:
        for k in range(v):
            if toks[k].possessive or self._object_at(toks, k):
                continue
            if toks[k].lower in _PERSON_PRONOUNS and (k == 0 or toks[k - 1].lower in _LEAD_SKIP
                                                      or self.text[toks[k - 1].end:toks[k].start].strip() == ","):
                # "He also rebuked them, saying …"; "Instead of pressing charges, she offered …, telling him"
                return (k, k)
            role = _ROLE_REFERENCE.match(self.text, toks[k].start, toks[v].start) if toks[k].lower == "the" else None
            if role is not None:
                # "In his speech the senator also took a swipe at X, calling …": resolve() reads the role noun.
                return (k, max(j for j in range(k, v) if toks[j].end <= role.end()))
            ents = [t for t in self.lookup.in_range(self.article.id, toks[k].start, toks[v].start)
                    if t[0] == toks[k].start and t[2].type in ("PER", "ORG")]
            if ents:
                last = max(j for j in range(k, v) if toks[j].end <= ents[0][1])
                if last + 1 < v and toks[last + 1].lower in NAMED_GROUPS \
                        and not self._gap_breaks(toks[last], toks[last + 1]):
                    return (k, last + 1)  # "The Vale family …, saying": the family, not Ann Vale
                return None if toks[last].possessive else (k, last)
        return None

    def _person_at(self, tok: Token) -> bool:
        """Does a person's name start at this word?"""
        return any(t[0] == tok.start and t[2].type == "PER"
                   for t in self.lookup.in_range(self.article.id, tok.start, tok.end + 200))

    def _role_then_name(self, toks: list[Token], np: tuple[int, int]) -> tuple[int, int]:
        """“…,” said Oscar producer Ann Vale: the capitalised words before a lower-case role noun describe the
        person named after it, who is the speaker (when the entity stage knows that name as a person)."""
        j = np[1] + 1
        while j < len(toks) and j - np[1] <= 3 and not toks[j].text[:1].isupper() and not _cue(toks[j]) \
                and toks[j].lower in _ROLE_WORDS \
                and not self._gap_breaks(toks[j - 1], toks[j]):
            j += 1
        if j == np[1] + 1 or j >= len(toks) or self._gap_breaks(toks[j - 1], toks[j]):
            return np
        name = self._np_forward(toks, j)
        if name is None:
            return np
        ent = self._entity_ending(toks[name[0]].start, toks[name[1]].end)
        return (np[0], name[1]) if ent is not None and ent.type == "PER" else np

    def _main_clause_first(self, toks: list[Token]) -> list[int]:
        """Word indices to look for a subject in: "When Mr. Biden went after him, Mr. Ryan reminded …" reads the
        main clause after the comma first, then the opening subordinate clause. So does an opening participle
        phrase ("Asked by Senator Ann Vale whether Tom Reed's dismissal …, Peter Lamb was adamant"): the people it
        names are not the sentence's subject."""
        participle = bool(toks) and len(toks[0].text) > 4 and toks[0].text[:1].isupper() \
            and toks[0].lower.endswith(("ed", "ing")) and not self._person_at(toks[0])
        if not toks or (toks[0].lower not in _SUBORDINATORS and not participle):
            return list(range(len(toks)))
        comma = next((j for j in range(1, min(len(toks), 25)) if "," in self.text[toks[j - 1].end:toks[j].start]),
                     None)
        return list(range(len(toks))) if comma is None else list(range(comma, len(toks))) + list(range(comma))

    def _owned_staff(self, toks: list[Token], np: tuple[int, int]) -> int | None:
        """"The Washington Post's editorial board said": after a possessive name, up to three lower-case words
        (the owner's unnamed staff) and then the cue; the cue's index, or None."""
        if not toks[np[1]].possessive:
            return None
        j = np[1] + 1
        while j < len(toks) and j - np[1] <= 3 and toks[j].text[:1].islower() and not _cue(toks[j]) \
                and not self._gap_breaks(toks[j - 1], toks[j]):
            j += 1
        ok = j < len(toks) and j > np[1] + 1 and _cue(toks[j]) and not self._gap_breaks(toks[j - 1], toks[j])
        return j if ok else None

# Nouns that "the <noun>" refers back with (:meth:`SpeakerPhrases._reference`).
REFERRING_NOUNS = DOCUMENT_NOUNS | {"aide", "spokesman", "spokeswoman", "spokesperson"}
# Words a speaker phrase is made of besides capitalised ones: "the letter says" has a subject as "the aide
# said" has.
_NOUNS = _NP_WORDS | DOCUMENT_NOUNS
_BODY_WORDS = _NOUNS | BODY_NOUNS  # what "a spokesman for the …" may name
_POSSESSIVE_END = re.compile(r"['’]s$")
# "X issued a statement", "X has released a brief statement": X wrote the document the verb takes.
_ISSUED = re.compile(r"\s+(?:has\s+|had\s+|also\s+|later\s+)*(?:issued|released|put out|published|sent|posted)"
                     r"\s+(?:a|an|the|its|his|her|their)(?:\s+[a-z][\w-]*){0,2}\s*$")
# "a letter from Representative X", "an aide to the House Ways and Means Committee", "the report, by X".
_LINK = re.compile(r",?\s*(?:for|to|from|by|of|signed by)\s+(?:the\s+)?")

# "the new president" (with a modifier: a bare "the president" is the office's holder, an alias of its own).
_ROLE = (r"the (?:(?:[a-z-]+ ){0,2}(?:senator|hopeful|candidate|governor|congressman|congresswoman|nominee|"
         r"attorney general|president-elect)|(?:new|incoming) president|"
         r"\d{1,3}-year-old(?: (?!(?:man|woman|boy|girl|person)\b)[a-z]+)?)")
_ROLE_REFERENCE = re.compile(_ROLE)  # (also "the 52-year-old (singer)", not "the 45-year-old man": someone new)
_ROLE_BEFORE_VERB = re.compile(_ROLE + r"(?=\s*$)", re.IGNORECASE)  # "The presidential hopeful| said"
# Words after which a name is no subject: a preposition or object verb ("to Mr Macron"), or a possessive
# ("his Oscar role": the name modifies a noun).
_OPENING_WHEN = frozenset({"in", "on", "since", "until", "by", *MONTHS, *WEEKDAYS}) - {"may", "june"}
_NOT_SUBJECT = _PREPOSITIONS | {"in", "into", "his", "her", "their", "its", "our", "my", "your"}
_SUBORDINATORS = frozenset({"when", "as", "while", "after", "before", "because", "although", "though", "if", "since",
                            "once", "until"})
_ROLE_WORDS = _NP_WORDS | PERSON_TITLE_WORDS | TITLE_MODIFIERS  # "Obama campaign manager Jim Messina"
_TITLES = PERSON_TITLE_WORDS | TITLE_MODIFIERS | HONORIFICS  # "with (Vice) President Bo Lee"
# What an outlet does with its words ("“…,” the Washington Post reports."): a cue of the quote reader only, not a
# speech verb of the name and brief readers ("the reported instances").
_OUTLET_VERBS = frozenset({"reports", "reported"})


def _cue(tok: Token) -> bool:
    """A speech verb as written: lower case unless it opens its sentence ("the United States diplomatic
    compound" holds no cue "states")."""
    return (tok.lower in SPEECH_VERBS or tok.lower in _OUTLET_VERBS) and (tok.text[:1].islower() or tok.initial)


def _abbreviation(word: str) -> bool:
    # "D-Conn.", "Ill.", "Jr.": a short capitalised word whose full stop does not end the sentence.
    return word[:1].isupper() and len(word.split("-")[-1]) <= 4
