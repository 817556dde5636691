"""Who a quote's attribution names: the quote reader's speaker side.

The base of :class:`corroborate.attribution.quotes._Reader` (split from it to keep modules short). ``resolve``
turns the phrase the cue reader found into a speaker: an entity's canonical name, a document's author, the
antecedent of a pronoun or of a role reference ("the senator added", "the Arizona Republican said"), the body a
"the company said" refers back to, or the phrase as written when it is headed by a common noun. Each sentence's
subject is kept for the pronouns after it.
"""

from __future__ import annotations

import re

from corroborate.attribution.cues import _Attribution
from corroborate.attribution.entities import EntityLookup, normalise_name
from corroborate.attribution.issuers import IssuerReferences
from corroborate.attribution.mentions import Token
from corroborate.attribution.phrases import _ROLE_REFERENCE, DOCUMENT_NOUNS, REFERRING_NOUNS, _cue
from corroborate.attribution.speakers import (
    _PRONOUN_GENDER,
    PARTY_MEMBERS,
    _by_surname,
    agrees,
    body_member,
    common_word,
    gender,
    phrase_name,
    refine_speaker,
)
from corroborate.model import Article, Passage, Span
from corroborate.text.lexicon import HONORIFICS, SPEAKER_NOUNS
from corroborate.text.name_words import PERSON_TITLE_WORDS
from corroborate.text.quote_words import (
    _LEAD_SKIP,
    _PERSON_PRONOUNS,
    NAME_MODIFIED,
    RELATION_NOUNS,
    noun_before_of,
)

# "the Arizona Republican", "the Ohio Democrat": a party member described by state, a reference back.
_MEMBERS = "|".join(w.capitalize() for w in sorted(PARTY_MEMBERS))
_MEMBER_REFERENCE = re.compile(rf"[Tt]he (?:[A-Z][\w.-]*\s+){{0,2}}(?:{_MEMBERS})")
_SPOKESPEOPLE = frozenset({"spokesman", "spokeswoman", "spokesperson"})
_POSSESSIVE_DETS = frozenset({"his", "her", "their", "its", "our", "my", "your"})
_PARENT_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss"})
_AND_NEXT = re.compile(r"(?:\s+of\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})?,?\s+and\s+")
SALIENT_SENTENCES = 6  # how far back a lone person of the pronoun's gender is looked for

class SpeakerResolver(IssuerReferences):
    """Speakers of one article's quotes; keeps the per-sentence subjects that pronouns resolve to."""

    article: Article
    text: str
    passages: list[Passage]
    lookup: EntityLookup
    _subjects: dict[int, tuple[str, int, int] | None]
    _relatives: set[int]  # sentences whose subject is a named person's relative ("Lung's lover")

    def resolve(self, att: _Attribution, sentence: Passage) -> tuple[str | None, Span | None]:
        """Speaker name and the span that names it (the antecedent's span for a pronoun)."""
        phrase = re.sub(r"\s+", " ", att.phrase)
        if suffix := self._site_suffix(att):  # "Writes RT.com:": the site, not the broadcaster "RT"
            return phrase + suffix, Span.of(self.article, att.start, att.end + len(suffix))
        author = self._document_author(att) if phrase.lower().split()[-1] in DOCUMENT_NOUNS else None
        if author is not None:
            return author[0], Span.of(self.article, author[1], author[2])
        if phrase.lower().split()[-1] in DOCUMENT_NOUNS:
            # "Steele issued a statement saying: ...": the statement speaks for the clause's subject.
            toks = self._words(sentence, end=att.start)
            lead = self._leading_subject(toks) or self._body_phrase(toks, 2)  # (or "The clinic … issued")
            if lead is not None and toks[lead[1]].lower not in DOCUMENT_NOUNS:
                return self.resolve(self._attribution(toks, lead[0], lead[1], att.cue), sentence)
        if phrase.lower() in _PERSON_PRONOUNS or _ROLE_REFERENCE.fullmatch(phrase.lower()) \
                or _MEMBER_REFERENCE.fullmatch(phrase):
            # "the presidential hopeful said", "the senator added", "the Arizona Republican said": news refers
            # back to the person just named with a role noun or a party, as with a pronoun.
            ante = self._antecedent(sentence.index, att.start, phrase.lower())
            if ante is None:
                # "In an interview, the attorney general said …" with no person named just before: the one
                # person the entity stage gave that title to.
                titled = self.lookup.named(phrase) if phrase.lower() not in _PERSON_PRONOUNS else None
                if titled is not None and titled.type == "PER" and not self._shared_title(phrase):
                    return titled.name, Span.of(self.article, att.start, att.end)
                return None, None
            return ante[0], Span.of(self.article, ante[1], ante[2])
        span = Span.of(self.article, att.start, att.end)
        if phrase.lower() == "they":
            joint = self._joint_subject(sentence.index)
            return (joint[0], Span.of(self.article, joint[1], joint[2])) if joint is not None else (None, span)
        if phrase.lower() in ("we", "i"):
            return None, span
        if self._shared_title(phrase):
            # "“…,” said the President" in a story that names two presidents: either of them; nobody rather
            # than the one the lookup happens to hold.
            return None, span
        named = self.lookup.named(phrase)
        if named is not None and phrase.split()[0].strip(".").lower() in _PARENT_HONORIFICS and named.type == "PER" \
                and self._named_child(named.name):
            # "Mr Nash said" where the entity stage joined "Mr Nash" to "Alex Nash", the child whose father the story
            # names ("Alex's father Derek"): a parent, not the child; nobody rather than the wrong one.
            return None, span
        member = body_member(named.name) if named is not None and named.type != "PER" else None
        if member is not None and not any(re.search(rf"\b{w.lower()}\b", self.text) for w in member.split()):
            # "British Association of Aesthetic Plastic Surgeons Nilesh Sojitra told …", typed as a thing: the
            # member named at its end speaks (words the story also writes in lower case are the body's own:
            # "Church of the Latter Day Saints").
            return member, span
        if named is not None:
            return named.name, span
        earlier = [p for p in self.passages if p.index < sentence.index][-4:]
        refined = refine_speaker(phrase, self.lookup, " ".join(p.text for p in earlier))
        if refined is not None:
            return refined, span
        words = phrase.lower().split()
        if len(words) == 2 and words[0] == "the" and words[1] in REFERRING_NOUNS:
            # "“…,” the aide said", after "An aide to the House Ways and Means Committee said …".
            ref = self._reference(words[1], sentence, att.start)
            if ref is not None:
                return ref[2].name, span
        # "“…,” the company said", after "Microsoft has rushed out a fix"; "a clinic posting said".
        org = self._body_reference(words, sentence, att.start) or self._described_body(att, sentence) \
            or self._spoken_for(words, sentence, att.start)
        if org is None and len(words) == 2 and words[0] in ("a", "an") and words[1] in _SPOKESPEOPLE:
            # "The Foreign Office told the Daily Mail … ¶ “…,” a spokesman said": an unnamed spokesperson right
            # after a sentence whose subject is an organisation speaks for it.
            org = self._body_before(sentence)
        if org is not None:
            return org, span
        if words[-1] in DOCUMENT_NOUNS and len(words) > 1:
            # "the Washington Post report said": the name before the noun wrote it.
            raw = self.text[att.start:att.end]
            head = re.sub(r"['’]s$", "", raw[:len(raw) - len(raw.split()[-1])].rstrip())
            owner = self._entity_ending(att.start, att.start + len(head))
            if owner is not None and owner.type in ("PER", "ORG"):
                return owner.name, span
            if (issuer := self._document_issuer(words, sentence, att.start)) is not None:
                return issuer, span
        if (whole := phrase_name(phrase)) is not None:
            return whole, span  # "the Syrian Observatory for Human Rights said": not "Human Rights"
        headed_by_noun = (any(w in SPEAKER_NOUNS for w in words) or noun_before_of(phrase.split())) and (
            words[-1] in SPEAKER_NOUNS or "for" in words or "of" in words)
        ent = None if headed_by_noun else self._entity_ending(att.start, att.end)
        if ent is not None and ent.type in ("PER", "ORG"):
            return ent.name, span
        whole = self._name_past_particle(att)  # "Sheikh Hamid al Rashed", read as far as "al"
        return (whole[0], Span.of(self.article, whole[1], whole[2])) if whole else (phrase, span)

    # -- subjects and pronouns --------------------------------------------------------------------------
    def _subject(self, p: Passage) -> tuple[str, int, int] | None:
        if p.index in self._subjects:
            return self._subjects[p.index]
        self._subjects[p.index] = None  # guards against cycles
        result = None
        toks = self._words(p)
        owned = False
        for v, t in enumerate(toks):
            if _cue(t):
                att = self._subject_of_verb(p, toks, v)
                if att is not None:
                    name, span = self.resolve(att, p)
                    if name is not None and span is not None and self._person_like(name):
                        result = (name, span.start, span.end)
                        break
                    # "Her office claims the bill would keep Social Security solvent": the subject is someone's
                    # belonging; no name later in the sentence is the subject either.
                    owned = owned or att.phrase.split()[0].lower() in _POSSESSIVE_DETS
        # "This former rebel said he was asked to reach the government or Foley's family": the subject is an
        # unnamed person; no name later in the sentence is the subject either.
        owned = owned or (result is None and (self._opens_unnamed(toks) or self._opens_described(toks)))
        if result is None and not owned and (role := self._opening_role(toks)) is not None:
            # "In a recording, the governor identified himself and cursed Gattine": the governor, not Gattine.
            name, span = self.resolve(role, p)
            result, owned = ((name, span.start, span.end) if name is not None and span is not None else None), True
        if result is None and not owned:
            for k in self._main_clause_first(toks):
                t = toks[k]
                # (Also "On Sunday, he met …": a pronoun after an opening phrase's comma.)
                opener = 0 < k <= 4 and self.text[toks[k - 1].end:t.start].strip() == ","
                if t.lower in _PERSON_PRONOUNS and (k == 0 or toks[k - 1].lower in _LEAD_SKIP or t.initial or opener):
                    ante = self._antecedent(p.index, pronoun=t.lower)
                    result = ante
                    break
                ents = [e for e in self.lookup.in_range(self.article.id, t.start, p.end)
                        if e[0] == t.start and e[2].type == "PER"]
                if ents and (k == 0 or opener or all(x.lower in _LEAD_SKIP for x in toks[:k])) \
                        and self._relative_of(toks, ents[0][1]):
                    # "Meanwhile, Lung's 21-year-old lover plans …": the subject is the relative, unnamed here (not
                    # "The death of Mr. Vale's father left her …", where the name is no subject at all).
                    owner = next(i for i, x in enumerate(toks) if x.start < ents[0][1] <= x.end)
                    named = self._named_apposition(toks, (k, owner))
                    kin = self._persons_ending(toks[named[0]].start, toks[named[1]].end) if named[1] > owner else []
                    if kin:  # "Sotloff's mother, Shirley, pleaded …": unless the relative is named in apposition
                        result = (kin[-1][2].name, kin[-1][0], kin[-1][1])
                        break
                    self._relatives.add(p.index)
                    break
                person = (ents[0][2].name, ents[0][0], ents[0][1]) if ents else self._surname_at(toks, k)
                # "… was strikingly grim for an Inaugural Address": a name after "a"/"an" is no person.
                after_article = k > 0 and toks[k - 1].lower in ("a", "an")
                if person is not None and self._modifies_noun(toks, person[2]):
                    continue  # "… straight out of the 1990 Arnold Schwarzenegger cult favorite": no subject
                if person is not None and not self._object_at(toks, k) and not after_article:
                    result = person
                    break
        if result is None and not owned:
            result = self._according_to(toks)
        self._subjects[p.index] = result
        return result

    def _shared_title(self, phrase: str) -> bool:
        """Is the phrase a bare title ("the President", "the senator") that the story gives to two or more people
        ("President Ann Vale … President Tom Reed")? The entity stage links a title to the person it stands
        before or beside; a title linked to two people resolves to neither."""
        words = phrase.lower().split()
        words = words[1:] if words and words[0] in ("the", "a", "an") else words
        if not words or not all(w.strip(".") in PERSON_TITLE_WORDS for w in words):
            return False
        title = normalise_name(phrase)
        holders = {e.name for e in self.lookup.entities if e.type == "PER"
                   and any(normalise_name(s.text) == title for s in e.spans)}
        return len(holders) > 1

    def _named_child(self, name: str) -> bool:
        """Does the story name this person as someone's child ("Alex's father Derek", "Alex's parents")?"""
        first = name.split()[0]
        parent = rf"\b{re.escape(first)}['’]s\s+(?:[a-z-]+\s+)?(?:father|mother|parents|dad|mum|mom)\b"
        return len(name.split()) > 1 and re.search(parent, self.text) is not None

    def _modifies_noun(self, toks: list[Token], end: int) -> bool:
        """Is the name ending at ``end`` a modifier of the lower-case noun right after it ("the Arnold Schwarzenegger
        cult favorite", "the Vale family", "an Ann Vale song"), not a person doing anything?"""
        j = next((k for k, t in enumerate(toks) if t.start < end <= t.end), None)
        return j is not None and j + 1 < len(toks) and not toks[j].possessive \
            and toks[j + 1].lower in NAME_MODIFIED and not self._gap_breaks(toks[j], toks[j + 1])

    def _relative_of(self, toks: list[Token], end: int) -> bool:
        """Does the name ending at ``end`` own a relative or an aide right after it ("Lung's 21-year-old lover",
        "Vale's mother"): a possessive, at most two lower-case modifiers, then a relation noun?"""
        j = next((k for k, t in enumerate(toks) if t.start < end <= t.end), None)
        if j is None or not toks[j].possessive:
            return False
        rest = toks[j + 1:j + 4]
        k = 0
        while k < len(rest) - 1 and k < 2 and not rest[k].text[:1].isupper() and rest[k].lower not in RELATION_NOUNS:
            k += 1
        return k < len(rest) and rest[k].lower in RELATION_NOUNS

    def _person_like(self, name: str) -> bool:
        """Can "he"/"she" refer to it: a PER entity, or a phrase that is no ORG/LOC entity ("a spokesman") and
        no one's belonging ("Her office claims …": "she" is the owner, named earlier, not the office)."""
        ent = self.lookup.named(name)
        if ent is not None:
            return ent.type == "PER"
        # ("Coupled with …, land subsidence …", "Ultimately, …": a capitalised participle or adverb opening the
        # sentence is no one.)
        participle = len(name.split()) == 1 and name.lower().endswith(("ed", "ing", "ly"))
        return name.split()[0].lower() not in _POSSESSIVE_DETS and not common_word(name) and not participle

    def _surname_at(self, toks: list[Token], k: int) -> tuple[str, int, int] | None:
        """"Mr. Trump approached the podium": a person named by honorific and surname, which the entity stage
        leaves unresolved when the story has several people of that name; the one person it can be (see
        :func:`corroborate.attribution.speakers._by_surname`), or None."""
        t = toks[k]
        if t.lower not in HONORIFICS or k + 1 >= len(toks) or toks[k + 1].possessive \
                or self.text[t.end:toks[k + 1].start].strip(" ."):
            return None
        ent = _by_surname(self.text[t.start:toks[k + 1].end], self.lookup)
        return (ent.name, t.start, toks[k + 1].end) if ent is not None else None

    def _antecedent(self, index: int, pos: int | None = None,
                    pronoun: str | None = None) -> tuple[str, int, int] | None:
        if pos is not None:
            # "Mr Johnson laid out a plan which he posted": a person earlier in the same sentence comes first.
            p = next(q for q in self.passages if q.index == index)
            toks = self._words(p, end=pos)
            for k, t in enumerate(toks):
                ents = [e for e in self.lookup.in_range(self.article.id, t.start, pos)
                        if e[0] == t.start and e[2].type == "PER" and agrees(e[2].name, pronoun)]
                if ents and not self._object_at(toks, k):
                    s, e, ent = ents[0]
                    return (ent.name, s, e)
        # (Sentences wholly inside a quote have no subject to refer to and are not counted.)
        earlier = [p for p in self.passages if p.index < index and self._words(p)]
        skipped = False
        for p in reversed(earlier[-3:]):
            subj = self._subject(p)
            if subj is None and (self._unnamed_subject(p) or p.index in self._relatives):
                # "An Isis fighter was quick to deny the claims, saying …. He was quoted …": "he" is that unnamed
                # person, not someone named further back.
                return None
            if subj is None or (skipped and not self._known_person(subj[0])):
                continue
            if pronoun in _PRONOUN_GENDER and self._coordinated(subj):
                return None  # "Reps. Ann Vale of Oregon, and Tom Reed and … are crafting …": "he" is any of them
            if agrees(subj[0], pronoun):
                return subj
            # "Mr. Obama and his wife, Michelle, … “…,” he said": a subject of the other gender is not the one
            # "he"/"she" refers to; further back, only a person the story knows will do.
            skipped = True
        return self._only_person(earlier[-SALIENT_SENTENCES:], pronoun) if pronoun in _PRONOUN_GENDER else None

    def _only_person(self, sentences: list[Passage], pronoun: str) -> tuple[str, int, int] | None:
        """No subject to refer to: "he"/"she" is the one person of that gender the last few sentences name, when
        they name exactly one (the father named two paragraphs up, then a sentence about the boy's toy, then
        "“…,” he said"). A second one, or a person named after it whose gender the name does not tell, leaves it
        open."""
        want = _PRONOUN_GENDER[pronoun]
        found: dict[str, tuple[str, int, int]] = {}
        unknown_after = False  # a person of unknown gender named after the last mention of the one found
        for p in sentences:
            for start, end, ent in sorted(self.lookup.in_range(self.article.id, p.start, p.end)):
                if ent.type != "PER":
                    continue
                sex = gender(ent.name)
                if sex == want:
                    found[ent.name] = (ent.name, start, end)
                    unknown_after = False
                elif sex is None:
                    unknown_after = True
        return next(iter(found.values())) if len(found) == 1 and not unknown_after else None

    def _coordinated(self, subj: tuple[str, int, int]) -> bool:
        """Is the person named at ``subj`` one of several joined by "and" (past where they come from: "Ann Vale of
        Oregon, and Tom Reed")?"""
        m = _AND_NEXT.match(self.text, subj[2])
        return m is not None and any(s == m.end() and ent.type == "PER"
                                     for s, _e, ent in self.lookup.in_range(self.article.id, m.end(), m.end() + 80))

    def _joint_subject(self, index: int) -> tuple[str, int, int] | None:
        """"Mr. Udall and Mr. Wyden released a joint statement … “…,” they said": two people named as the
        subject of one of the two sentences before are "they", and a joint statement goes to the first person
        named (bench/gold/GUIDELINE.md). Anyone else named first there: None."""
        for p in reversed([q for q in self.passages if q.index < index][-2:]):
            toks = self._words(p)
            people = sorted((s, e, ent) for s, e, ent in self.lookup.in_range(self.article.id, p.start, p.end)
                            if ent.type == "PER")
            objects = {tok.start for k, tok in enumerate(toks) if self._object_at(toks, k)}
            first = next((t for t in people if t[0] not in objects), None)
            if first is None:
                continue
            rest = self.text[first[1]:p.end]
            m = re.match(r"\s+and\s+", rest)
            second = m is not None and any(s == first[1] + m.end() for s, _, _ in people)
            return (first[2].name, first[0], first[1]) if second else None
        return None

    def _relative_subject(self, p: Passage, toks: list[Token], w: int) -> _Attribution | None:
        """Who "who" (toks[w]) is in "…, said Tom Hale, a candidate in Utah's 3rd District, who said …": the person
        the clause before it names last, when the words between that name and "who" are an appositive set off by
        commas that names nobody; else None (not the appositive's last capitalised word, "District")."""
        before = [(s, e, ent) for s, e, ent in self.lookup.in_range(self.article.id, p.start, toks[w].start)
                  if not self._in_quote(s)]
        people = [(s, e) for s, e, ent in before if ent.type == "PER" and self.text[e:e + 1] == ","]
        if not people or not self.text[p.start:toks[w].start].rstrip().endswith(","):
            return None
        s, e = people[-1]
        if any(b[0] >= e and b[2].type == "PER" for b in before):
            return None
        return _Attribution(self.text[s:e], s, e, toks[w + 1].text)

    def _body_before(self, sentence: Passage) -> str | None:
        """The organisation that opens the sentence before ``sentence`` as its subject ("The Foreign Office told
        …", "Fitness First's online promotion …"), or None."""
        before = [p for p in self.passages if p.index == sentence.index - 1]
        toks = self._words(before[0]) if before else []
        lead = self._leading_subject(toks) if toks else None
        ent = self._entity_ending(toks[lead[0]].start, toks[lead[1]].end) if lead is not None else None
        return ent.name if ent is not None and ent.type == "ORG" else None

    def _opens_described(self, toks: list[Token]) -> bool:
        """Does the sentence open with a description for its subject, "the" and lower-case words right before a
        past-tense verb ("The triple threat performed in front of judges Ann Vale, ...")? A name later in the
        sentence is then no subject (the description refers to someone the sentence does not name)."""
        k = 0
        while k < len(toks) and toks[k].lower in _LEAD_SKIP:
            k += 1
        if k >= len(toks) or toks[k].lower != "the":
            return False
        for j in range(k + 2, min(k + 5, len(toks))):
            if any(t.text[:1].isupper() or self._gap_breaks(a, t)
                   for a, t in zip(toks[k:j], toks[k + 1:j + 1], strict=True)):
                return False
            if toks[j].lower.endswith("ed") and len(toks[j].lower) > 4:
                return True
        return False

    def _opening_role(self, toks: list[Token]) -> _Attribution | None:
        """A role reference ("the governor") opening the sentence or the clause after its opening phrase's comma."""
        comma = next((k for k in range(1, min(len(toks), 14)) if self._comma_before(toks, k)), None)
        for k in (0, comma) if comma is not None else (0,):
            if toks[k].lower != "the":
                continue
            for j in range(k + 2, min(k + 5, len(toks))):
                phrase = self.text[toks[k].start:toks[j - 1].end]
                if toks[j].text.islower() and _ROLE_REFERENCE.fullmatch(phrase.lower()):
                    return _Attribution(phrase, toks[k].start, toks[j - 1].end, None)
        return None

    def _unnamed_subject(self, p: Passage) -> bool:
        """Does the sentence open with an unnamed person ("A fighter", "This former rebel")?"""
        return self._opens_unnamed(self._words(p))

    def _known_person(self, name: str) -> bool:
        ent = self.lookup.named(name)
        return ent is not None and ent.type == "PER"
