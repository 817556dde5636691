"""Direct quotes and reported speech, each with its speaker, cue verb and span.

Stage 3 of a story: needs passages and ``story.entities``; adds ``story.quotes`` with speakers.

Direct quotes: straight and curly, single and double marks, across sentences; a quote left open at the end of
a paragraph runs to the paragraph's end (news style for multi-paragraph quotes). An apostrophe inside a word
("Johnson’s", "don’t") never closes a single-quoted quote. Quotes under three words are scare quotes
("branded “unacceptable”") and dropped; unattributed ones under six words too.

Attribution, in order (all within the quote's sentence):

1. after the quote: ``“…,” the French Interior Ministry was reported as saying`` or ``“…,” said Mr X``;
2. before it: the last speech verb before the opening mark and its subject, read backwards from the verb
   ("A source said: ‘…", "Speaking to BFMTV, Darmanin said: “…"), skipping a relative clause
   ("A spokesman for Mr Darmanin, who …, said") and preferring a leading name with an appositive
   ("Jacob Young, Tory backbencher and MP for …, tweeted"); when the verb follows "and", the clause subject;
3. otherwise, a quote left open at the end of its line or paragraph takes the speaker named where the quotation
   closes; a quote that opens a paragraph continues the previous paragraph's last quote and its speaker, or,
   after a paragraph with no quote, the person its last sentence reports ("Rubio also said that … ¶ “…”").

"The report", "the letter", "the aide" refer back to the nearest "<name> report", "letter from <name>", "aide to
<committee>"; a participle cue after a comma (", saying “…”") takes the subject of its clause.

Reported speech: "X said (that) …", "X told Y that …", "according to X, …". Passive cues ("were accused of")
name no speaker.

The speaker is resolved to an entity's canonical name when the phrase is an alias ("the French President")
or ends in an entity mention ("The UK’s Transport Secretary Grant Shapps"); a phrase headed by a common noun
stays as written ("A spokesman for Mr Darmanin", "A Home Office source"). A pronoun ("He said, “…") takes
the subject of the nearest of the previous three sentences that has a person-like subject -- a PER entity
or a speaker phrase, itself resolved the same way -- and ``speaker_span`` then points at that antecedent.
"""

from __future__ import annotations

import re
from typing import Any

from corroborate.attribution.cues import CueReader, _Attribution
from corroborate.attribution.entities import EntityLookup, extract_entities
from corroborate.attribution.mentions import Token
from corroborate.attribution.phrases import (
    _ROLE_REFERENCE,
    DOCUMENT_NOUNS,
    REFERRING_NOUNS,
    _cue,
)
from corroborate.attribution.speakers import (
    PARTY_MEMBERS,
    _by_surname,
    agrees,
    common_word,
    named_speaker,
    phrase_name,
    refine_speaker,
)
from corroborate.ingest.segment import segment
from corroborate.model import Article, Entity, Passage, Quote, Span
from corroborate.text.lexicon import HONORIFICS, SPEAKER_NOUNS
from corroborate.text.quote_words import (
    _LEAD_SKIP,
    _PERSON_PRONOUNS,
)
from corroborate.text.quotemarks import quote_ranges, trim_quote

_MIN_WORDS, _MIN_WORDS_UNATTRIBUTED = 3, 6
# "the Arizona Republican", "the Ohio Democrat": a party member described by state, a reference back.
_MEMBERS = "|".join(w.capitalize() for w in sorted(PARTY_MEMBERS))
_MEMBER_REFERENCE = re.compile(rf"[Tt]he (?:[A-Z][\w.-]*\s+){{0,2}}(?:{_MEMBERS})")
_POSSESSIVE_DETS = frozenset({"his", "her", "their", "its", "our", "my", "your"})
_QUOTE_MARK = re.compile(r"[“”\"«»]|``|''")


class _Reader(CueReader):
    """Quotes of one article; keeps the per-sentence subjects that pronouns resolve to."""

    def __init__(self, article: Article, passages: list[Passage], lookup: EntityLookup) -> None:
        self.article = article
        self.text = article.text
        self.passages = sorted(passages, key=lambda p: p.start)
        self.lookup = lookup
        self.quoted: list[tuple[int, int]] = []
        self._subjects: dict[int, tuple[str, int, int] | None] = {}
        self._closers: set[int] = set()

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
                if titled is not None and titled.type == "PER":
                    return titled.name, Span.of(self.article, att.start, att.end)
                return None, None
            return ante[0], Span.of(self.article, ante[1], ante[2])
        span = Span.of(self.article, att.start, att.end)
        if phrase.lower() == "they":
            joint = self._joint_subject(sentence.index)
            return (joint[0], Span.of(self.article, joint[1], joint[2])) if joint is not None else (None, span)
        if phrase.lower() in ("we", "i"):
            return None, span
        named = self.lookup.named(phrase)
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
        org = self._body_reference(words, sentence, att.start)
        if org is not None:
            return org, span
        if words[-1] in DOCUMENT_NOUNS and len(words) > 1:
            # "the Washington Post report said": the name before the noun wrote it.
            raw = self.text[att.start:att.end]
            head = re.sub(r"['’]s$", "", raw[:len(raw) - len(raw.split()[-1])].rstrip())
            owner = self._entity_ending(att.start, att.start + len(head))
            if owner is not None and owner.type in ("PER", "ORG"):
                return owner.name, span
        if (whole := phrase_name(phrase)) is not None:
            return whole, span  # "the Syrian Observatory for Human Rights said": not "Human Rights"
        headed_by_noun = any(w in SPEAKER_NOUNS for w in words) and (
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
                person = (ents[0][2].name, ents[0][0], ents[0][1]) if ents else self._surname_at(toks, k)
                # "… was strikingly grim for an Inaugural Address": a name after "a"/"an" is no person.
                after_article = k > 0 and toks[k - 1].lower in ("a", "an")
                if person is not None and not self._object_at(toks, k) and not after_article:
                    result = person
                    break
        if result is None and not owned:
            result = self._according_to(toks)
        self._subjects[p.index] = result
        return result

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
            if subj is None or (skipped and not self._known_person(subj[0])):
                continue
            if agrees(subj[0], pronoun):
                return subj
            # "Mr. Obama and his wife, Michelle, … “…,” he said": a subject of the other gender is not the one
            # "he"/"she" refers to; further back, only a person the story knows will do.
            skipped = True
        return None

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

    def _known_person(self, name: str) -> bool:
        ent = self.lookup.named(name)
        return ent is not None and ent.type == "PER"

    # -- quotes -----------------------------------------------------------------------------------------
    def direct(self) -> list[Quote]:
        paragraphs: dict[int, list[Passage]] = {}
        for p in self.passages:
            paragraphs.setdefault(p.paragraph, []).append(p)
        found: list[tuple[int, int, int, int | None, int]] = []
        for para, ps in sorted(paragraphs.items()):
            for o, s, e, c in quote_ranges(self.text, ps[0].start, ps[-1].end):
                found.append((o, s, e, c, para))
        self.quoted = [(o, (c + 1) if c is not None else e) for o, _, e, c, _ in found]
        out: list[Quote] = []
        last_by_para: dict[int, Quote] = {}
        for k, (o, s, e, c, para) in enumerate(found):
            if o in self._closers:
                continue  # a mark that closes an earlier quote (see _closed_later), read as opening one
            s, e = trim_quote(self.text, s, e)
            words = len(self.text[s:e].split())
            sentence = self._passage_at(o)
            if sentence is None:
                continue
            quote = self._attribute(o, s, e, c, sentence)
            # "“…,” the group said. ¶ “…,” they added.": "they" after a body's quote is that body.
            quote = self._body_they(quote, last_by_para.get(para) or last_by_para.get(para - 1))
            if c is None and quote.speaker is None and quote.speaker_span is None and words >= _MIN_WORDS_UNATTRIBUTED:
                # (Shorter pieces left open are mostly a straight closing mark read as an opening one.)
                quote = self._closed_later(quote, e, found[k + 1] if k + 1 < len(found) else None) or quote
            if words < _MIN_WORDS:
                # Too short to list, but "“He's cool,” Murray said of Cowan. “Tom Brady …”": a short quote that
                # opens its sentence with a named speaker (or has a cue: 'Ann answered, “Yes.”') still hands that
                # speaker to the next one.
                if quote.speaker is not None and (quote.cue is not None or not self.text[sentence.start:o].strip()):
                    last_by_para[para] = quote
                continue
            if quote.speaker is None and quote.speaker_span is None:
                starts_para = self.text[paragraphs[para][0].start:o].strip() == ""
                prev = last_by_para.get(para) or (last_by_para.get(para - 1) if starts_para else None)
                carried = self._reported_before(paragraphs.get(para - 1)) \
                    if starts_para and prev is None and para - 1 not in last_by_para else None
                before = self.passages[sentence.index - 1] if sentence.index > 0 else None
                if prev is not None and before is not None and prev.spans[-1].end < before.start \
                        and not self.text[sentence.start:o].strip():
                    # "…, Dr. Terry said. “Maybe …”": speech reported by someone in the sentence right before
                    # beats a quote further back (feeds with no paragraph breaks hold whole articles in one).
                    carried = self._reported_before([before])
                    prev = None if carried is not None else prev
                if prev is not None and prev.speaker is not None and self._carries(prev.speaker, c):
                    quote = Quote(prev.speaker, None, quote.text, quote.spans, "direct", prev.speaker_span)
                elif carried is not None and self._carries(carried[0], c):
                    quote = Quote(carried[0], None, quote.text, quote.spans, "direct", carried[1])
                elif words < _MIN_WORDS_UNATTRIBUTED:
                    continue
            out.append(quote)
            last_by_para[para] = quote
        return out

    def _reported_before(self, paragraph: list[Passage] | None) -> tuple[str, Span] | None:
        """"Rubio also said that … ¶ “Russia, China …”": a paragraph that opens with an unattributed quote after a
        paragraph with no quote, whose last sentence reports what a named person said, quotes that person."""
        if not paragraph:
            return None
        p = paragraph[-1]
        toks = self._words(p)
        cues = [v for v, t in enumerate(toks) if _cue(t)]
        att = self._subject_of_verb(p, toks, cues[-1]) if cues else None
        if att is None:
            return None
        name, span = self.resolve(att, p)
        return (name, span) if name is not None and span is not None and self._person_like(name) else None

    def _closed_later(self, quote: Quote, end: int, nxt: tuple[int, int, int, int | None, int] | None) -> Quote | None:
        """A quote left open at the end of its line or paragraph, with no cue of its own, is one quotation with
        what follows, and its speaker is the one named where the quotation closes: "“I am glad … time.\nYou know
        what they say …,” said Ann Vale." (a closing mark on a later line) or "“A … ¶ “B …,” Ann Vale said." (the
        next paragraph opens with the rest)."""
        here = self._passage_at(max(0, end - 1))
        m = _QUOTE_MARK.search(self.text, end, min(len(self.text), end + 2000))
        at = self._passage_at(m.start()) if m is not None else None
        if here is None or at is None or at.index - here.index > 4:
            return None
        if nxt is not None and nxt[0] == m.start() and not self.text[end:m.start()].strip():
            if nxt[3] is None:
                return None  # the rest is itself left open
            rest = self._attribute(nxt[0], nxt[1], nxt[2], nxt[3], at)
            if rest.speaker is None and rest.speaker_span is None:
                return None
            return Quote(rest.speaker, rest.cue, quote.text, quote.spans, "direct", rest.speaker_span)
        # A straight mark between spaces ('charm , " she added') may have been read as opening a quote; here it
        # closes one, so the words after it are the attribution, not quoted.
        quoted, self.quoted = self.quoted, [r for r in self.quoted if r[0] != m.start()]
        try:
            att = self._after(at, m.end())
        finally:
            self.quoted = quoted
        if att is None or att.cue is None:
            return None
        self._closers.add(m.start())
        speaker, sspan = self.resolve(att, at)
        return Quote(speaker, att.cue, quote.text, quote.spans, "direct", sspan)

    def _attribute(self, o: int, s: int, e: int, c: int | None, sentence: Passage) -> Quote:
        span = Span.of(self.article, s, e)
        att = None
        if c is not None:
            after = self._passage_at(c)
            pos = c + (2 if self.text.startswith("''", c) else 1)
            if after is not None and not self.text[pos:after.end].strip(" .") and after.index + 1 < len(self.passages):
                # “… from Speaker Boehner.” Durbin said.: the cue is the next, short sentence.
                nxt = self.passages[after.index + 1]
                if nxt.paragraph == after.paragraph and len(nxt.text.split()) <= 8:
                    after, pos = nxt, after.end
            if after is not None:
                att = self._after(after, pos)
        if att is None:
            toks = self._words(sentence, end=o)
            # "the tax deal announced by President Obama": a participle with its agent after it modifies a noun
            # and introduces no quote.
            verbs = [k for k, t in enumerate(toks) if _cue(t)
                     and not (t.lower.endswith("ed") and k + 1 < len(toks) and toks[k + 1].lower == "by")]
            if verbs:
                att = self._subject_of_verb(sentence, toks, verbs[-1])
                if att is None:
                    return Quote(None, toks[verbs[-1]].text, span.text, [span], "direct", None)
            elif self._cue_after(c) in (None, "according to"):  # (a speech verb after it that named nobody: no guess)
                att = self._according_after(c) or self._as_put_it(sentence, o) or self._colon_subject(
                    sentence, toks, o, len(self.text[s:e].split()) >= _MIN_WORDS_UNATTRIBUTED)
            att = att or self._according_opening(sentence, o)
        if att is None:
            return Quote(None, None, span.text, [span], "direct", None)
        speaker, sspan = self.resolve(att, sentence)
        return Quote(speaker, att.cue, span.text, [span], "direct", sspan)

def extract_quotes(article: Article, passages: list[Passage], *, entities: list[Entity] | None = None,
                   nlp: Any = None) -> list[Quote]:
    """Direct and reported quotes of one article, in text order.

    ``entities`` (the story's, from :func:`corroborate.attribution.entities.extract_entities`) resolve speakers to
    canonical names; without them the article's own entities are extracted (with ``nlp`` when given).
    """
    if not passages:
        passages = segment(article)
    if entities is None:
        entities = extract_entities([article], {article.id: passages}, nlp=nlp)
    lookup = EntityLookup(entities)
    reader = _Reader(article, passages, lookup)
    quotes = [named_speaker(q, lookup) for q in reader.direct() + reader.reported()]
    quotes.sort(key=lambda q: (q.spans[0].start, q.spans[0].end, q.kind))
    return quotes
