"""The quote reader's cue side: the phrase and speech verb that attribute a quote, read around it.

A mixin of :class:`corroborate.attribution.quotes._Reader` (split from it to keep modules short): the subject
of a speech verb read backwards from the verb, a colon cue's subject, the cue after a closing mark ("…,” said
Mr X"); the phrase readers it uses are its base's (:mod:`corroborate.attribution.cue_phrases`). Resolving
what a phrase names is the reader's own ``resolve`` (:mod:`corroborate.attribution.resolve`).
"""

from __future__ import annotations

import re

from corroborate.attribution.cue_phrases import CuePhrases
from corroborate.attribution.mentions import Token
from corroborate.attribution.phrases import _ROLE_BEFORE_VERB, _ROLE_REFERENCE, _cue
from corroborate.attribution.reported import _DETERMINERS, _Attribution
from corroborate.attribution.speakers import _by_surname, agrees
from corroborate.model import Passage
from corroborate.text.body_nouns import BODY_NOUNS, BODY_VOICES
from corroborate.text.quote_words import _CUE_FILLER, _PASSIVE_AUX, DOCUMENT_NOUNS, NAMED_GROUPS, PLACED_IN

# "Mr. Rubio is expected to say", "X was quoted as saying": remarks announced ahead are attributed the same way.
_FUTURE_FILLER = frozenset({"expected", "set", "due", "likely", "going", "to", "will", "would", "was", "quoted", "as"})
# Where a person or a body publishes its words ("Fitness First's website states").
_SITE_NOUNS = frozenset({"website", "site", "blog", "page", "account", "posting"})
# Words that open a new, unnamed source ("a local barber", "one friend", "another witness").
_NEW_SOURCE = frozenset({"a", "an", "one", "another", "some", "according"})
# "…,” his son wrote", "…,” her spokesman said": someone's relative or staff, never the speaker before.
_OWNERS = frozenset({"his", "her", "their", "its", "our", "my", "your"})
# Nouns after a name through which the named body speaks: its text, its site, its spokesperson, itself.
_VOICES = DOCUMENT_NOUNS | BODY_VOICES | BODY_NOUNS | NAMED_GROUPS | _SITE_NOUNS | {"article", "story", "account"}
# Words that end a body's description and open a clause ("Ann Vale of Acme, who said", "of Acme and said").
_NOT_TRADE = frozenset({"and", "or", "but", "who", "which", "that", "has", "had", "have", "was", "is", "also"})
# What a document does to its words ("the records state", "the letter read").
_DOCUMENT_VERBS = frozenset({"state", "states", "read", "reads"})


class CueReader(CuePhrases):
    """Finds the attribution of a quote; the reader that uses it keeps the quotes and resolves speakers."""

    def _subject_of_verb(self, p: Passage, toks: list[Token], v: int) -> _Attribution | None:
        verb = toks[v]
        if v > 0 and toks[v - 1].lower in _PASSIVE_AUX and verb.lower.endswith("ed"):
            return None  # "were accused of": the subject is the accused, not the speaker
        if v > 0 and toks[v - 1].lower in _DETERMINERS - {"her"}:
            # "The added complexity", "an added burden": a word after a determiner is no verb ("her" is left out:
            # it is an object too, "heard her say").
            return None
        cue = verb.text
        quoted = next((j for j in range(v - 2, max(-1, v - 14), -1) if toks[j].lower == "quoted"), None) \
            if verb.lower == "saying" and v >= 3 and toks[v - 1].lower == "as" else None
        if quoted is not None and quoted + 1 < v - 1 and toks[quoted + 1].lower != "by":
            # "The agency quoted council head Ann Vale as saying, “…”": who is quoted speaks, not who quotes
            # (not "He was quoted by Mr Hale as saying": there the subject is).
            return self._person_ending(toks[quoted + 1].start, toks[v - 2].end, cue)  # (a person the story knows)
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
            np = self._apposed_subject(toks, v) or self._apposed_name(toks, v)
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
            if np is not None and np[0] > 0 and toks[np[0] - 1].lower in PLACED_IN \
                    and not self._gap_breaks(toks[np[0] - 1], toks[np[0]]):
                # "A man answering the door at the home in Tulsa told", "A hoax report … against Dunn says": a
                # name after such a preposition is where or about whom, not who speaks; the subject is further back.
                np = None
            if np is not None and np[0] >= 3 and toks[np[0] - 1].lower == "by" and toks[np[0] - 2].lower == "quoted":
                # "He was quoted by Mr Hale as saying": the one who quotes is not the speaker; the subject before
                # "was quoted" is.
                k = np[0] - 3
                while k >= 0 and toks[k].lower in ("was", "is", "were", "are", "been", "being", "has", "had"):
                    k -= 1
                np = self._np_back(toks, k) if k >= 0 else None
            if np is not None and np[0] >= 2 and toks[np[0] - 1].lower == "and" and toks[np[0] - 2].text[:1].isupper() \
                    and not self._gap_breaks(toks[np[0] - 2], toks[np[0] - 1]):
                # "Zadan and Meron added": a joint statement goes to the first person named (GUIDELINE.md); "the
                # Health and Human Services Department said" is one name.
                last = self._entity_ending(toks[np[0]].start, toks[np[1]].end)
                first = self._np_back(toks, np[0] - 2)
                whole = self._name_across(toks, first[0], np) if first is not None else None
                # (Not "Producer and Jackson's friend Teddy Riley recalled": a capitalised word the story knows as
                # no one is a description of the person named last.)
                head = self._entity_ending(toks[first[0]].start, toks[first[1]].end) if first is not None else None
                named = head is not None and head.type in ("PER", "ORG")
                np = whole or (first if named and last is not None and last.type == "PER" else np)
        if np is None and verb.lower.endswith("ing") and "," in before and self._opens_unnamed(toks):
            return None  # "A masked fighter, the Times reports, appears beside Sotloff saying": that fighter
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
            if owner and lead[1] == v - 2 and toks[v - 1].lower in DOCUMENT_NOUNS | _SITE_NOUNS:
                # "Fitness First's website states: “…”", "Reid's statement said": the owner's text is the owner's
                # words (unlike "Vale's mother said").
                np = lead
        if np is None:
            np = self._body_phrase(toks, v)
        if np is None:
            # "The presidential hopeful said": a lower-case role reference the noun-phrase readers do not take;
            # resolve() reads it as it reads a pronoun.
            m = _ROLE_BEFORE_VERB.search(self.text, p.start, verb.start)
            if m is not None:
                return _Attribution(m.group(0), m.start(), m.end(), cue)
        return self._attribution(toks, *np, cue) if np else None

    def _apposed_subject(self, toks: list[Token], v: int) -> tuple[int, int] | None:
        """"In a 1992 editorial published in a journal, Dr. Ann Vale, a former director of the study, stated:": a
        person the story knows, then an apposition set off by commas that opens with an article or a number, right
        before the verb toks[v] (an opening phrase too long for the subject reader to skip comes before them)."""
        j = next((k for k in range(v - 1, max(0, v - 14), -1) if "," in self.text[toks[k - 1].end:toks[k].start]),
                 None)
        if j is None or any(ch in self.text[toks[j].end:toks[v].start] for ch in ";:!?“”\"()") \
                or not (toks[j].lower in ("a", "an", "the") or toks[j].text[:1].isdigit()):
            return None
        first = self._person_start(toks, 0, j - 1)
        return (first, j - 1) if first is not None else None

    def _person_start(self, toks: list[Token], lo: int, last: int) -> int | None:
        """The index, from toks[lo] on, of the word where the last person the story knows whose name ends with
        toks[last] begins; None when no such name starts on a word there."""
        person = self._persons_ending(toks[0].start, toks[last].end)
        return next((k for k in range(lo, last + 1) if person and toks[k].start == person[-1][0]), None)

    def _apposed_name(self, toks: list[Token], v: int) -> tuple[int, int] | None:
        """"... in July 2013 A Bronx building janitor, Ann Vale, told the Post": a person's name set off by commas
        right before the verb toks[v] is its subject, whatever came before the description it names (a photo
        caption run into the sentence, here). Not "…, Ann Vale, said Tom Reed", whose subject follows the verb."""
        if v < 2 or self.text[toks[v - 1].end:toks[v].start].strip() != "," \
                or (v + 1 < len(toks) and self._person_at(toks[v + 1])):
            return None
        first = self._person_start(toks, 1, v - 1)
        if first is None or self.text[toks[first - 1].end:toks[first].start].strip() != ",":
            return None
        return first, v - 1

    def _trade_before_cue(self, toks: list[Token], np: tuple[int, int], k: int) -> int | None:
        """"“…”, Ann Vale of Acme music publishing said": a person "of" a body, then up to three lower-case words
        that go on describing the body, then the speech verb; the verb's index, or None."""
        if not (np[0] < np[1] and self._person_at(toks[np[0]])
                and any(toks[j].lower in ("of", "for") for j in range(np[0] + 1, np[1]))):
            return None
        j = k
        while j < len(toks) and j - k < 3 and toks[j].text.isalpha() and toks[j].text.islower() \
                and not _cue(toks[j]) and toks[j].lower not in _NOT_TRADE \
                and not self._gap_breaks(toks[j - 1], toks[j]):
            j += 1
        ok = k < j < len(toks) and _cue(toks[j]) and not self._gap_breaks(toks[j - 1], toks[j])
        return j if ok else None

    def _quoted_as(self, toks: list[Token]) -> _Attribution | None:
        """“…,” the news website quoted council head Ann Vale as saying.: who is quoted speaks, not the outlet that
        quotes (a pronoun, "quoted him as saying", refers back as "he said" does)."""
        q = next((k for k in range(1, min(len(toks), 8)) if toks[k].lower == "quoted"), None)
        if q is None or any(_cue(t) for t in toks[:q]):
            return None
        a = next((k for k in range(q + 2, min(len(toks) - 1, q + 14)) if toks[k].lower == "as"), None)
        if a is None or toks[a + 1].lower not in ("saying", "telling", "writing") \
                or any(ch in self.text[toks[q].end:toks[a].start] for ch in ".;:!?“”\"()"):
            return None
        if a == q + 2 and toks[q + 1].lower in ("him", "her"):
            return _Attribution("he" if toks[q + 1].lower == "him" else "she", toks[q + 1].start, toks[q + 1].end,
                                "quoted as saying")
        # (Anything but a person the story knows is left to the readers after this one: "quoted the ministry as
        # saying" is read as before, and so is a body's name that the entity stage ran into the person's.)
        return self._person_ending(toks[q + 1].start, toks[a - 1].end, "quoted as saying")

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
                return " ".join(x.lower + ("'s" if x.possessive else "") for x in (toks[:k] or toks[k + 1:k + 3]))
        return None

    def _carries(self, speaker: str, c: int | None) -> bool:
        """May a quote with no speaker of its own take ``speaker``, the one of the quote before it: not when a cue
        after its closing mark introduces someone else ("“…,” a local barber told …", "…,” said an officer",
        "…,” according to the friend", "…,” the records state", "…,” the boy's father wrote"), nor when its
        "he"/"she" cannot be the speaker before. ("…,” said the prosecutor" refers back, as a pronoun does.)"""
        own = (self._cue_after(c) or "").split()
        if not own:
            return True
        if any(w.endswith("'s") for w in own) or own[0] in _OWNERS:
            return False  # "…,” the boy's father wrote": someone's relative or aide, not the speaker before
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
            if toks[0].lower in ("tell", "tells", "told"):
                return None  # '“…” tell the paper that …': who is told listens, and the speaker is no one here
            np = self._np_forward(toks, 1) or self._role_before_name(toks, 1)
            if np is None:
                return None
            if toks[np[0]].lower == "the" and np[1] + 2 == len(toks) and toks[-1].text.isalpha() \
                    and toks[-1].text.islower() and toks[-1].lower not in _VOICES:
                # "…,” added the Barcelona defender.": the lower-case noun that ends the sentence heads the
                # phrase, a person the club does not speak for ("says the AOL article" is AOL's, as before).
                np = (np[0], np[1] + 1)
            np = self._person_after_body(toks, self._modified_noun(toks, np))
            return self._attribution(toks, *self._named_apposition(toks, self._role_then_name(toks, np)),
                                     toks[0].text)
        tail = self._quoted_as(toks) or self._name_and_verb(p, toks) or self._document_from(toks) \
            or self._name_alone(p, pos, toks)
        if tail is not None:
            return tail
        # "“…,” the 45-year-old entrepreneur said": an age as the role noun refers back, as "the senator" does.
        k = next((j for j in range(2, min(len(toks), 5)) if _cue(toks[j])), None)
        aged = k is not None and toks[0].lower == "the" and toks[1].lower.endswith("-year-old")
        if aged and _ROLE_REFERENCE.fullmatch(self.text[toks[0].start:toks[k - 1].end].lower()):
            return self._attribution(toks, 0, k - 1, toks[k].text)
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
        trade = self._trade_before_cue(toks, np, k)
        if trade is not None:
            return self._attribution(toks, np[0], np[1], toks[trade].text)
        affiliated = np[1] + 1 < len(toks) and toks[np[1] + 1].lower in ("of", "at", "from")
        if self._person_at(toks[np[0]]) and (self._comma_before(toks, np[1] + 1) or affiliated):
            # "“…,” Ann Vale, a Republican trying to unseat Representative Tom Hart, a Democrat, in the Third
            # District, said": an apposition longer than _past_apposition reads, with commas of its own (also
            # after where the person works: "Ann Vale of the Foundation for Relief, a charity that …, said").
            long = self._cue_past_commas(toks, np)
            if long is not None:
                return long
        return self._described_then_named(toks) or self._described_then_apposed(toks) or self._titled_name(toks)
