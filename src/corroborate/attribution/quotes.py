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

from corroborate.attribution.entities import EntityLookup, extract_entities
from corroborate.attribution.names import PERSON_TITLE_WORDS
from corroborate.attribution.phrases import _cue
from corroborate.attribution.resolve import SpeakerResolver
from corroborate.attribution.speakers import named_speaker
from corroborate.ingest.segment import segment
from corroborate.model import Article, Entity, Passage, Quote, Span
from corroborate.text.lexicon import SPEAKER_NOUNS
from corroborate.text.name_words import TITLE_MODIFIERS
from corroborate.text.quote_words import TITLE_LOWER
from corroborate.text.quotemarks import quote_ranges, trim_quote

_MIN_WORDS, _MIN_WORDS_UNATTRIBUTED = 3, 6
_QUOTE_MARK = re.compile(r"[“”\"«»]|``|''")
_EPITHET = re.compile(r"the (?:[A-Z][\w.'’-]*\s+)+[a-z]+")  # "the Barcelona defender", "the Real Madrid star"


class _Reader(SpeakerResolver):
    """Quotes of one article; its base (:mod:`corroborate.attribution.resolve`) names their speakers."""

    def __init__(self, article: Article, passages: list[Passage], lookup: EntityLookup) -> None:
        self.article = article
        self.text = article.text
        self.passages = sorted(passages, key=lambda p: p.start)
        self.lookup = lookup
        self.quoted: list[tuple[int, int]] = []
        self._subjects: dict[int, tuple[str, int, int] | None] = {}
        self._relatives: set[int] = set()
        self._closers: set[int] = set()
        self._own_source: set[int] = set()  # quotes whose sentence has a speech verb with a subject read as no one

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
            if sentence is None or (c is not None and _title(self.text[s:e])):
                continue  # (a title in marks is no quote: "He won a Grammy for “The Best of the Vale Shows.”")
            quote = self._attribute(o, s, e, c, sentence)
            # "“…,” the group said. ¶ “…,” they added.": "they" after a body's quote is that body.
            quote = self._body_they(quote, last_by_para.get(para) or last_by_para.get(para - 1))
            quote = self._epithet(quote, last_by_para.get(para), sentence)
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
                if prev is None and starts_para and self._caption(paragraphs.get(para - 1)):
                    # "“…” ¶ Julie Lawrence and her husband Simon ¶ “…”": a photo caption between two paragraphs
                    # of one quotation does not end it.
                    prev = last_by_para.get(para - 2)
                carried = self._reported_before(paragraphs.get(para - 1)) \
                    if starts_para and prev is None and para - 1 not in last_by_para else None
                before = self.passages[sentence.index - 1] if sentence.index > 0 else None
                if prev is None and not starts_para and before is not None and before.paragraph == para \
                        and not self.text[sentence.start:o].strip() and "\n" not in self.text[before.end:o]:
                    # "As contributor Ann Vale notes, the memo came late. “But for it to …”": a quote that opens a
                    # sentence on the line of a sentence reporting what a named person said (not a new line: text
                    # with a sentence a line, as ECB+ gives it, starts over at each).
                    carried = self._reported_before([before])
                if prev is not None and before is not None and prev.spans[-1].end < before.start \
                        and not self.text[sentence.start:o].strip():
                    # "…, Dr. Terry said. “Maybe …”": speech reported by someone in the sentence right before
                    # beats a quote further back (feeds with no paragraph breaks hold whole articles in one).
                    carried = self._reported_before([before])
                    prev = None if carried is not None else prev
                if s in self._own_source:
                    prev = carried = None
                if prev is not None and prev.speaker is not None and self._carries(prev.speaker, c):
                    quote = Quote(prev.speaker, None, quote.text, quote.spans, "direct", prev.speaker_span)
                elif carried is not None and self._carries(carried[0], c):
                    quote = Quote(carried[0], None, quote.text, quote.spans, "direct", carried[1])
                elif words < _MIN_WORDS_UNATTRIBUTED:
                    continue
            out.append(quote)
            last_by_para[para] = quote
        return out

    def _epithet(self, quote: Quote, prev: Quote | None, sentence: Passage) -> Quote:
        """"‘…,’ Tom Brook told reporters. ‘…,’ added the Kingsport defender.": a description after the cue that
        names a club or a place and a noun that is no office ("defender", "star", not "coach", "president": an
        office has its own holder) refers back to the person who spoke the quote in the sentence before."""
        if prev is None or prev.speaker is None or quote.speaker is None or quote.cue is None \
                or _EPITHET.fullmatch(quote.speaker) is None \
                or quote.speaker.split()[-1].lower() in PERSON_TITLE_WORDS | TITLE_MODIFIERS | SPEAKER_NOUNS:
            return quote
        ent = self.lookup.named(prev.speaker)
        before = self.passages[sentence.index - 1] if sentence.index > 0 else None
        if ent is None or ent.type != "PER" or before is None or prev.spans[-1].end < before.start:
            return quote
        return Quote(prev.speaker, quote.cue, quote.text, quote.spans, "direct", prev.speaker_span)

    def _caption(self, paragraph: list[Passage] | None) -> bool:
        """Is the paragraph a photo caption: one short line with no closing punctuation and no quotation mark?"""
        if not paragraph or len(paragraph) > 1:
            return False
        line = paragraph[0].text.strip()
        return 0 < len(line.split()) <= 10 and line[-1:].isalnum() and _QUOTE_MARK.search(line) is None

    def _reported_before(self, paragraph: list[Passage] | None) -> tuple[str, Span] | None:
        """"Rubio also said that … ¶ “Russia, China …”": a paragraph that opens with an unattributed quote after a
        paragraph with no quote, whose last sentence reports what a named person said, quotes that person."""
        if not paragraph:
            return None
        p = paragraph[-1]
        toks = self._words(p)
        cues = [v for v, t in enumerate(toks) if _cue(t)]
        att = self._subject_of_verb(p, toks, cues[-1]) if cues else None
        if att is None and not cues and any(t.lower == "statement" for t in toks):
            # "The NSC released a statement on Thursday, in which spokeswoman Caitlin Hayden addressed … ¶ “…”": the
            # one person the sentence names (no object) speaks the statement quoted next.
            people = [(s, e, ent) for s, e, ent in self.lookup.in_range(self.article.id, p.start, p.end)
                      if ent.type == "PER" and not any(t.start == s and self._object_at(toks, k)
                                                       for k, t in enumerate(toks))]
            if len({ent.name for _, _, ent in people}) == 1:
                return people[0][2].name, Span.of(self.article, people[0][0], people[0][1])
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
        att, own = None, False
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
        if att is not None and att.cue is not None and att.cue.split()[-1].lower() in _NARRATING:
            # 'The officer yelled, “Hold it!” Holder recalled.': the verb right before the mark introduces the words;
            # the one after tells who remembers them.
            toks = self._words(sentence, end=o)[-2:]
            introduced = toks and any(_cue(t) or t.lower in _SHOUTED for t in toks)
            if introduced and self.text[toks[-1].end:o].strip() in (",", ":"):
                att = None
        if att is None:
            toks = self._words(sentence, end=o)
            # "the tax deal announced by President Obama": a participle with its agent after it modifies a noun
            # and introduces no quote.
            verbs = [k for k, t in enumerate(toks) if _cue(t)
                     and not (t.lower.endswith("ed") and k + 1 < len(toks) and toks[k + 1].lower == "by")]
            if verbs:
                att = self._subject_of_verb(sentence, toks, verbs[-1])
                # "But state television insisted soldiers had “…”", "… in which she told him: “…”" with no "she" to
                # refer to: the sentence gives the words a source of its own, which the reader cannot name; the
                # speaker of the quote before is not it. (Not ", saying “…”" nor "… and said “…”": their subject
                # is the clause's, often the one the quote before is given to, "The family also …, saying".)
                v = verbs[-1]
                own = not toks[v].lower.endswith("ing") and not (v > 0 and toks[v - 1].lower == "and")
                if att is None and own:
                    self._own_source.add(s)
                if att is None:
                    return Quote(None, toks[v].text, span.text, [span], "direct", None)
            elif self._cue_after(c) in (None, "according to"):  # (a speech verb after it that named nobody: no guess)
                att = self._according_after(c) or self._as_put_it(sentence, o) or self._colon_subject(
                    sentence, toks, o, len(self.text[s:e].split()) >= _MIN_WORDS_UNATTRIBUTED)
            att = att or self._according_opening(sentence, o)
        if att is None:
            return Quote(None, None, span.text, [span], "direct", None)
        speaker, sspan = self.resolve(att, sentence)
        if own and speaker is None and sspan is None:
            self._own_source.add(s)
        return Quote(speaker, att.cue, span.text, [span], "direct", sspan)

_NARRATING = frozenset({"recalled", "recalls", "remembered", "remembers", "recounted", "recounts"})
_SHOUTED = frozenset({"yelled", "screamed", "hollered", "cried"})  # (verbs of shouting the cue lexicon lacks)


def _title(text: str) -> bool:
    """Are the words in marks a title ("The Lawrence Welk Show.", "Lady and the Tramp", "What's Brewin', Bruin"):
    two to eight words, capitalised (not shouted in capitals) but for short function words, one sentence?"""
    words = [w.strip(".,!?;:'’\"()") for w in text.split()]
    words = [w for w in words if w]
    if not 2 <= len(words) <= 8 or re.search(r"[.!?]\s", text.strip()) or not words[0][:1].isupper():
        return False
    if "(" in text or ("," in text.strip().rstrip(",.") and re.search(r"\b(?:and|or)\b", text)):
        return False  # "Smoothie, D-Money and Shifty": a list of names someone used is words of theirs
    caps = [w for w in words if w[:1].isupper()]
    return len(caps) >= 2 and not any(len(w) > 1 and w.isupper() for w in words) \
        and all(w[:1].isupper() or w[:1].isdigit() or w.lower() in TITLE_LOWER for w in words)


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
    spoke: set[str] = set()  # (subjects of a speech verb the typer took for a place or a thing, in text order)
    quotes = [named_speaker(q, lookup, spoke) for q in reader.direct() + reader.reported()]
    quotes.sort(key=lambda q: (q.spans[0].start, q.spans[0].end, q.kind))
    return quotes
