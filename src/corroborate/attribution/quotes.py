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
from dataclasses import dataclass
from typing import Any

from corroborate.attribution.entities import EntityLookup, extract_entities
from corroborate.attribution.mentions import Token, tokens
from corroborate.attribution.phrases import (
    _ROLE_BEFORE_VERB,
    _ROLE_REFERENCE,
    DOCUMENT_NOUNS,
    REFERRING_NOUNS,
    _abbreviation,
    _cue,
    named_speaker,
    refine_speaker,
)
from corroborate.attribution.reported import ReportedSpeech
from corroborate.ingest.segment import segment
from corroborate.model import Article, Entity, Passage, Quote, Span
from corroborate.text.lexicon import (
    SPEAKER_NOUNS,
)
from corroborate.text.quote_words import (
    _CUE_FILLER,
    _LEAD_SKIP,
    _PASSIVE_AUX,
    _PERSON_PRONOUNS,
)
from corroborate.text.quotemarks import quote_ranges, trim_quote

_MIN_WORDS, _MIN_WORDS_UNATTRIBUTED = 3, 6
_QUOTE_MARK = re.compile(r"[“”\"«»]|``|''")
# "Mr. Rubio is expected to say", "she is set to tell": remarks announced ahead are attributed the same way.
_FUTURE_FILLER = frozenset({"expected", "set", "due", "likely", "going", "to", "will", "would"})


@dataclass(slots=True)
class _Attribution:
    phrase: str  # the speaker phrase as written
    start: int
    end: int
    cue: str | None


class _Reader(ReportedSpeech):
    """Quotes of one article; keeps the per-sentence subjects that pronouns resolve to."""

    def __init__(self, article: Article, passages: list[Passage], lookup: EntityLookup) -> None:
        self.article = article
        self.text = article.text
        self.passages = sorted(passages, key=lambda p: p.start)
        self.lookup = lookup
        self.quoted: list[tuple[int, int]] = []
        self._subjects: dict[int, tuple[str, int, int] | None] = {}
        self._closers: set[int] = set()

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
        return [t for t in tokens(self.text, s, e) if not self._in_quote(t.start)]

    def _attribution(self, toks: list[Token], a: int, b: int, cue: str | None) -> _Attribution:
        return _Attribution(self.text[toks[a].start:toks[b].end], toks[a].start, toks[b].end, cue)

    def _subject_of_verb(self, p: Passage, toks: list[Token], v: int) -> _Attribution | None:
        verb = toks[v]
        if v > 0 and toks[v - 1].lower in _PASSIVE_AUX and verb.lower.endswith("ed"):
            return None  # "were accused of": the subject is the accused, not the speaker
        cue = verb.text
        # "Jacob Young, Tory backbencher and MP for ..., tweeted": a leading name with an appositive.
        lead = self._leading_subject(toks)
        if lead and lead[1] < v - 1 and self.text[toks[lead[1]].end:toks[lead[1] + 1].start].strip().startswith(","):
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
        if "," in before:
            # "A spokesman for Mr Darmanin, who yesterday accused …, said": skip the relative clause.
            for k in range(v - 1, -1, -1):
                if toks[k].lower in ("who", "which") and k > 0 and "," in self.text[toks[k - 1].end:toks[k].start]:
                    np = self._np_back(toks, k - 1)
                    return self._attribution(toks, *np, cue) if np else None
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
            np = self._np_back(toks, self._before_bracket(toks, v))
            if np is not None and np[0] >= 2 and toks[np[0] - 1].lower == "and" and toks[np[0] - 2].text[:1].isupper() \
                    and not self._gap_breaks(toks[np[0] - 2], toks[np[0] - 1]):
                # "Zadan and Meron added": a joint statement goes to the first person named (GUIDELINE.md); "the
                # Health and Human Services Department said" is one name.
                last = self._entity_ending(toks[np[0]].start, toks[np[1]].end)
                first = self._np_back(toks, np[0] - 2)
                np = first if first is not None and last is not None and last.type == "PER" else np
        if np is None and verb.lower.endswith("ing") and "," in before:
            # "Mr. Obama on Wednesday disputed that …, saying “…”": a participle after a comma shares the subject of
            # its clause, the first person or organisation named before it that is no object and no possessive
            # ("Rice's comments came as Netanyahu turned it down, saying").
            np = self._clause_subject(toks, v)
        if np is None:
            lead = self._leading_subject(toks)
            np = self._named_apposition(toks, lead) if lead and lead[1] < v else None
            np = np if np and np[1] < v else None
        if np is None:
            # "The presidential hopeful said": a lower-case role reference the noun-phrase readers do not take;
            # resolve() reads it as it reads a pronoun.
            m = _ROLE_BEFORE_VERB.search(self.text, p.start, verb.start)
            if m is not None:
                return _Attribution(m.group(0), m.start(), m.end(), cue)
        return self._attribution(toks, *np, cue) if np else None

    def resolve(self, att: _Attribution, sentence: Passage) -> tuple[str | None, Span | None]:
        """Speaker name and the span that names it (the antecedent's span for a pronoun)."""
        phrase = re.sub(r"\s+", " ", att.phrase)
        if phrase.lower().split()[-1] in DOCUMENT_NOUNS:
            # "Steele issued a statement saying: ...": the statement speaks for the clause's subject.
            toks = self._words(sentence, end=att.start)
            lead = self._leading_subject(toks)
            if lead is not None and toks[lead[1]].lower not in DOCUMENT_NOUNS:
                return self.resolve(self._attribution(toks, lead[0], lead[1], att.cue), sentence)
        if phrase.lower() in _PERSON_PRONOUNS or _ROLE_REFERENCE.fullmatch(phrase.lower()):
            # "the presidential hopeful said", "the senator added": news refers back to the person just named
            # with a role noun, as with a pronoun.
            ante = self._antecedent(sentence.index, att.start)
            if ante is None:
                return None, None
            return ante[0], Span.of(self.article, ante[1], ante[2])
        span = Span.of(self.article, att.start, att.end)
        if phrase.lower() in ("they", "we", "i"):
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
        if words[-1] in DOCUMENT_NOUNS and len(words) > 1:
            # "the Washington Post report said": the name before the noun wrote it.
            raw = self.text[att.start:att.end]
            head = re.sub(r"['’]s$", "", raw[:len(raw) - len(raw.split()[-1])].rstrip())
            owner = self._entity_ending(att.start, att.start + len(head))
            if owner is not None and owner.type in ("PER", "ORG"):
                return owner.name, span
        headed_by_noun = any(w in SPEAKER_NOUNS for w in words) and (
            words[-1] in SPEAKER_NOUNS or "for" in words or "of" in words)
        ent = None if headed_by_noun else self._entity_ending(att.start, att.end)
        if ent is not None and ent.type in ("PER", "ORG"):
            return ent.name, span
        return phrase, span

    # -- subjects and pronouns --------------------------------------------------------------------------
    def _subject(self, p: Passage) -> tuple[str, int, int] | None:
        if p.index in self._subjects:
            return self._subjects[p.index]
        self._subjects[p.index] = None  # guards against cycles
        result = None
        toks = self._words(p)
        for v, t in enumerate(toks):
            if _cue(t):
                att = self._subject_of_verb(p, toks, v)
                if att is not None:
                    name, span = self.resolve(att, p)
                    if name is not None and span is not None and self._person_like(name):
                        result = (name, span.start, span.end)
                        break
        if result is None:
            for k in self._main_clause_first(toks):
                t = toks[k]
                if t.lower in _PERSON_PRONOUNS and (k == 0 or toks[k - 1].lower in _LEAD_SKIP or t.initial):
                    ante = self._antecedent(p.index)
                    result = ante
                    break
                ents = [e for e in self.lookup.in_range(self.article.id, t.start, p.end)
                        if e[0] == t.start and e[2].type == "PER"]
                if ents and not self._object_at(toks, k):
                    s, e, ent = ents[0]
                    result = (ent.name, s, e)
                    break
        self._subjects[p.index] = result
        return result

    def _person_like(self, name: str) -> bool:
        """Can "he"/"she" refer to it: a PER entity, or a phrase that is no ORG/LOC entity ("a spokesman")."""
        ent = self.lookup.named(name)
        return ent.type == "PER" if ent is not None else True

    def _antecedent(self, index: int, pos: int | None = None) -> tuple[str, int, int] | None:
        if pos is not None:
            # "Mr Johnson laid out a plan which he posted": a person earlier in the same sentence comes first.
            p = next(q for q in self.passages if q.index == index)
            toks = self._words(p, end=pos)
            for k, t in enumerate(toks):
                ents = [e for e in self.lookup.in_range(self.article.id, t.start, pos)
                        if e[0] == t.start and e[2].type == "PER"]
                if ents and not self._object_at(toks, k):
                    s, e, ent = ents[0]
                    return (ent.name, s, e)
        earlier = [p for p in self.passages if p.index < index]
        for p in reversed(earlier[-3:]):
            subj = self._subject(p)
            if subj is not None:
                return subj
        return None

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
            if c is None and quote.speaker is None and quote.speaker_span is None and words >= _MIN_WORDS_UNATTRIBUTED:
                # (Shorter pieces left open are mostly a straight closing mark read as an opening one.)
                quote = self._closed_later(quote, e, found[k + 1] if k + 1 < len(found) else None) or quote
            if words < _MIN_WORDS:
                # Too short to list, but "“He's cool,” Murray said of Cowan. “Tom Brady …”": a short quote that
                # opens its sentence with a named speaker still hands that speaker to the next one.
                if quote.speaker is not None and not self.text[sentence.start:o].strip():
                    last_by_para[para] = quote
                continue
            if quote.speaker is None and quote.speaker_span is None:
                starts_para = self.text[paragraphs[para][0].start:o].strip() == ""
                prev = last_by_para.get(para) or (last_by_para.get(para - 1) if starts_para else None)
                carried = self._reported_before(paragraphs.get(para - 1)) \
                    if starts_para and prev is None and para - 1 not in last_by_para else None
                if prev is not None and prev.speaker is not None:
                    quote = Quote(prev.speaker, None, quote.text, quote.spans, "direct", prev.speaker_span)
                elif carried is not None:
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
            verbs = [k for k, t in enumerate(toks) if _cue(t)]
            if verbs:
                att = self._subject_of_verb(sentence, toks, verbs[-1])
                if att is None:
                    return Quote(None, toks[verbs[-1]].text, span.text, [span], "direct", None)
            else:
                att = self._colon_subject(sentence, toks, o, len(self.text[s:e].split()) >= _MIN_WORDS_UNATTRIBUTED)
        if att is None:
            return Quote(None, None, span.text, [span], "direct", None)
        speaker, sspan = self.resolve(att, sentence)
        return Quote(speaker, att.cue, span.text, [span], "direct", sspan)

    def _colon_subject(self, sentence: Passage, toks: list[Token], o: int, long_quote: bool) -> _Attribution | None:
        """"Biden was quick to retort: “…”", "Ryan shot back: “…”", and a quote opening the paragraph after "The
        committee issued a brief statement:": a colon introduces the quote, and the clause before it names its
        speaker as its subject (only a person, an organisation or a pronoun: "Here's an excerpt:" names nobody)."""
        if toks and (self.text[toks[-1].end:o].strip().endswith(":") or (len(toks) >= 2 and long_quote)):
            # Also a quote of six words or more inside the sentence with no cue at all ("… described “…” across
            # the land"): words its subject chose to quote, which news attributes to that subject. Shorter ones
            # stay scare quotes.
            clause, words = sentence, toks
        elif not toks and sentence.index > 0 and self.text[self.passages[sentence.index - 1].end - 1:
                                                           self.passages[sentence.index - 1].end] == ":":
            clause = self.passages[sentence.index - 1]
            words = self._words(clause)
        else:
            return None
        lead = self._leading_subject(words)
        if lead is None:
            return None
        phrase = self.text[words[lead[0]].start:words[lead[1]].end]
        ent = self.lookup.named(phrase) or self._entity_ending(words[lead[0]].start, words[lead[1]].end)
        if phrase.lower() in _PERSON_PRONOUNS or (ent is not None and ent.type in ("PER", "ORG")):
            return self._attribution(words, *lead, None)
        return None

    def _after(self, p: Passage, pos: int) -> _Attribution | None:
        rest = self.text[pos:p.end]
        if not rest.strip() or (rest.lstrip()[:1] not in ",—–-" and not rest[:1].isspace()):
            return None
        toks = self._words(p, start=pos)
        if not toks:
            return None
        if _cue(toks[0]):  # "…,” said Mr Johnson."
            np = self._np_forward(toks, 1)
            if np is None:
                return None
            return self._attribution(toks, *self._named_apposition(toks, self._role_then_name(toks, np)),
                                     toks[0].text)
        np = self._np_forward(toks, 0)
        if np is None:
            return self._described_then_named(toks)
        staff = self._owned_staff(toks, np)
        if staff is not None:
            return self._attribution(toks, np[0], staff - 1, toks[staff].text)
        named = self._named_apposition(toks, np)
        first = self._past_apposition(toks, named[1] + 1)
        np, was_described = named, named != np
        if first < len(toks) and toks[first].lower == "and":
            # "… Jeff McCabe (D) and Assistant House Majority Leader Sara Gideon (D) said": a joint statement
            # goes to the first person named (bench/gold/GUIDELINE.md).
            first = next((j for j in range(first + 1, min(first + 14, len(toks))) if _cue(toks[j])
                          and not any(ch in self.text[toks[first].end:toks[j].start] for ch in ".;:!?“”\"")),
                         first)
            was_described = was_described or _cue(toks[first])
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
            for j in range(np[1] + 2, min(np[1] + 30, len(toks))):
                gap = self.text[toks[j - 1].end:toks[j].start]
                if any(ch in gap for ch in ";:!?“”\"()") or ("." in gap and not _abbreviation(toks[j - 1].text)):
                    break
                if _cue(toks[j]) and gap.strip() == ",":
                    return self._attribution(toks, np[0], np[1], toks[j].text)
        return self._described_then_named(toks)

    def _described_then_named(self, toks: list[Token]) -> _Attribution | None:
        """“…,” the company's chief security officer Joe Sullivan said: a lower-case description ending in a
        capitalised name right before the verb (the noun-phrase reader stops at "company's")."""
        for k in range(1, min(len(toks), 10)):
            if self._gap_breaks(toks[k - 1], toks[k]) and not toks[k - 1].possessive:
                return None
            if _cue(toks[k]):
                return self._attribution(toks, 0, k - 1, toks[k].text) if toks[k - 1].text[:1].isupper() else None
        return None


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
