"""Reported speech: "X said (that) …", "X told Y that …", "according to X, …", each with its speaker; and the
direct quotes introduced with no speech verb ("X shot back: “…”", "As X put it, “…”").

Mixed into the quote reader (:mod:`corroborate.attribution.quotes`), whose subject finder and speaker resolver
it uses. Passive cues ("were accused of") name no speaker; "said last night: ‘…" is the cue of a direct quote,
read there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from corroborate.attribution.mentions import Token, tokens
from corroborate.attribution.names import person_parts
from corroborate.attribution.phrases import SpeakerPhrases, _cue
from corroborate.attribution.speakers import body_name
from corroborate.model import Passage, Quote, Span
from corroborate.text.body_nouns import BODY_NOUNS, BODY_VOICES, PRESS_HEADS, PRESS_NOUNS
from corroborate.text.claim_words import DAY_WORDS as _DAYS
from corroborate.text.known_orgs import PLATFORMS
from corroborate.text.lexicon import REPORTING_VERBS, SPEAKER_NOUNS
from corroborate.text.quote_words import (
    _BARE_CLAUSE_VERBS,
    _PERSON_PRONOUNS,
    COLLECTIVE_SPEAKERS,
    DOCUMENT_NOUNS,
    GAP_VERBS,
    clause_after_phrase,
)
from corroborate.text.quote_words import NO_REPORTED_CLAUSE as _NO_CLAUSE
from corroborate.text.quotemarks import trim_quote

_DAY_PARTS = frozenset({"morning", "afternoon", "evening", "night"})
# A quotation closed right before the cue verb: "“This is a felony,” said Rep. X" (also the tokenised "a felony , ''").
_QUOTE_CLOSED = re.compile(r"[,.?!]\s*(?:''|[\"”’'])\s*$")
# "has not yet said how …", "did n't say", "never claimed": what the source did not say is no reported clause.
_NEGATED = re.compile(r"(?:\bnot|\bnever|n['’]t)(?:\s+[a-z]+)?\s*$")
# "said earlier that …", "said last week that …": a time before "that" dates the remark (before the clause).
_TIME_FIRST = frozenset({"earlier", "later", "last", "early", "recently", "previously"})
# "said this week that …" (a time), not "said this is a major improvement" (a pronoun).
_THIS_TIME = frozenset({"week", "month", "year", "morning", "afternoon", "evening", "weekend"})
# "…, ' said Ann Vale": a quotation's own cue inside a span "according to" closes.
_QUOTE_CUE = re.compile(r"[,.?!]\s*(?:''|[\"”’'])\s*(?:said|says|added|told)\b")
# "confirmed the actress's stay": with no "that", a determiner after these verbs opens their object, no clause.
_OBJECT_VERBS = frozenset({"confirmed", "confirms", "maintained", "maintains", "acknowledged", "admitted", "admits",
                           "revealed", "reveals"})
_DETERMINERS = frozenset({"the", "a", "an", "his", "her", "its", "their"})
# "…, said the Egyptian news agency." / "…, said the Herald newspaper in Leeds, …": the source after the cue.
_PHRASE_END = re.compile(r"\s*(?:[,.!?]|(?:in|of|at)\b|$)")
_SOURCE_NOUNS = PRESS_NOUNS | BODY_NOUNS | SPEAKER_NOUNS | {"agency"}
_DENY = frozenset({"denied", "denies", "deny", "denying"})
# "the company said": nouns that refer back to the organisation just named.
_ORG_NOUNS = frozenset({"company", "firm", "ministry", "agency", "carrier", "airline", "bank", "group"})

# "And, as Professor Ann Vale also pointed out, there is “…”": the idiom's subject says the quoted words.
_AS_NOTED = re.compile(r"\b[Aa]s\s+(\S.{0,80}?)\s+(?:also\s+)?(?:pointed out|observed|noted),[^,;:“”\"]{0,80}$")
# Lower-case particles inside a name, after which the name goes on ("al Rashed", "bin Salman", "van Gogh").
_PARTICLE = re.compile(r"\s+(?:al|el|bin|ibn|abu|de|da|di|du|van|von|der|den|la|le)[\s-]+[A-Z]")
_ACCORDING_AFTER = re.compile(r"[\s,.’'”\"]*according to (the [a-z]+\b|(?:the )?[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*)*)")
# "According to TechNews, …": a sentence that opens with its source, a name (resolve() types it).
_ACCORDING_OPENING = re.compile(r"\s*(?:According to|As reported by) ((?:the\s+)?[A-Z][^,;:“”\"]{1,60}?),\s")
_SITE_SUFFIX = re.compile(r"\.(?:com|org|net|co\.uk|com\.au)\b")
# "a statement from X", "a post by X": the author after a document noun.
_FROM_AUTHOR = re.compile(r"\s+(?:from|by|of)\s+(?:the\s+)?")
# "X's new president, ": an owner's role noun before a name in apposition.
_OWNER_ROLE = re.compile(r"['’]s\s+(?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*,\s+")
# "His exact words:", "Her statement:": the owner's words introduce the quote.
_OWN_WORDS = {"his": "he", "her": "she"}
_WORDS_NOUNS = frozenset({"words", "statement", "reply", "response", "answer", "message"})
_NAMED_AS = re.compile(r"\b(?:known as|dubbed|nicknamed|billed as|so-called)(?:\s+(?:the|a|an))?\s*$", re.IGNORECASE)
# "As Sen. Rand Paul, R-Ky., put it, “…”": the idiom names the speaker without a cue verb of the lexicon.
_PUT_IT = re.compile(r"\b[Aa]s\s+(\S.{0,80}?)\s+(?:put|puts|has put|had put)\s+it[,:]?\s*$")


@dataclass(slots=True)
class _Attribution:
    phrase: str  # the speaker phrase as written
    start: int
    end: int
    cue: str | None


class ReportedSpeech(SpeakerPhrases):
    """Reported-speech readers; the quote reader supplies the methods declared below."""

    article: Any
    passages: list[Passage]
    _words: Any
    _subject_of_verb: Any
    _relative_subject: Any
    _attribution: Any
    resolve: Any
    _in_quote: Any

    def _person_ending(self, start: int, end: int, cue: str | None) -> _Attribution | None:
        """The first person the story knows whose name ends at ``end`` (inside ``start``..``end``), as the
        attribution of a quote with ``cue``; None when there is none."""
        found = self._persons_ending(start, end)
        return _Attribution(self.text[found[0][0]:found[0][1]], found[0][0], found[0][1], cue) if found else None

    def _np_back(self, toks: list[Token], j: int) -> tuple[int, int] | None:
        """The noun phrase ending at toks[j], read backwards; a surname in "-ly" right after a capitalised word
        ("Bill Daly says") is the name's last word, not an adverb the reader skips."""
        np = super()._np_back(toks, j)
        if np is not None and np[1] == j - 1 and toks[j].text[:1].isupper() and toks[j].lower.endswith("ly") \
                and not toks[j].initial and not self._gap_breaks(toks[j - 1], toks[j]):
            return np[0], j
        return np

    def _titled_name(self, toks: list[Token]) -> _Attribution | None:
        """“…,” Deputy Chief of Staff of the Iranian Armed Forces Brigadier General Massoud Jazayeri said.: a long
        capitalised title (with "of"/"the" inside) ending in a person the story knows, then the cue verb."""
        for k in range(1, min(len(toks), 20)):
            gap = self.text[toks[k - 1].end:toks[k].start]
            if any(ch in gap for ch in ",.;:!?“”\"()") or not (toks[k - 1].text[:1].isupper() or toks[k - 1].lower
                                                                  in ("of", "the", "for", "and")):
                return None
            if _cue(toks[k]):
                ends = [t[2] for t in self.lookup.in_range(self.article.id, toks[0].start, toks[k - 1].end)
                        if t[1] == toks[k - 1].end and t[2].type in ("PER", "OTH")]
                parts = person_parts(ends[0].name.split()) if ends else None
                # (A name typed as a thing counts after a title only: "... Brigadier General Massoud Jazayeri".)
                if parts is None or (ends[0].type == "OTH" and parts[0] == parts[1]):
                    return None
                n = len(ends[0].name.split()) - parts[1]
                return self._attribution(toks, k - n, k - 1, toks[k].text) if 2 <= n < k + 1 else None
        return None

    def _organisations_before(self, sentence: Passage, pos: int, reach: int, *, bodies: bool = False) -> list[str]:
        """The organisations named (outside quotes) in ``sentence`` before ``pos`` and the ``reach`` sentences before
        it, nearest first, each once; with ``bodies`` also a body's name the typer took for a place by its last word
        ("Foundation for Relief and Reconciliation in the Middle East")."""
        earlier = [p for p in self.passages if p.index < sentence.index][-reach:]
        found = [t for start, end in [(sentence.start, pos), *((p.start, p.end) for p in earlier)]
                 for t in self.lookup.in_range(self.article.id, start, end) if not self._in_quote(t[0])
                 and (t[2].type == "ORG" or (bodies and body_name(t[2].name))) and t[2].name.lower() not in PLATFORMS]
        return list(dict.fromkeys(t[2].name for t in sorted(found, key=lambda t: -t[0])))

    def _body_reference(self, words: list[str], sentence: Passage, pos: int) -> str | None:
        """"the clinic said", "a union spokesman said", "the website reads": the organisation or site the noun
        refers back to -- the nearest earlier name that holds the noun ("Mayo Clinic", "Union of Commissioners"),
        follows it ("the website Weird Whitstable") or comes right before it; for "the company" and its like,
        else the organisation named last (:meth:`_organisations_before`)."""
        voiced = len(words) == 3 and words[0] in ("the", "a", "an") and words[2] in BODY_VOICES
        if not ((len(words) == 2 and words[0] == "the") or voiced) or words[1] not in BODY_NOUNS:
            return None
        noun = words[1]
        # (Also "Manhattan's Yorkville Endoscopy clinic": the noun right after the name.)
        named = [(s, ent.name) for s, e, ent in self.lookup.in_range(self.article.id, 0, pos)
                 if not self._in_quote(s) and (noun in ent.name.lower().split()
                                               or re.search(rf"\b{noun}\s+$", self.text[max(0, s - 20):s], re.I)
                                               or re.match(rf"\s+{noun}\b", self.text[e:e + 20], re.I))]
        if noun in PRESS_NOUNS:  # "according to the tabloid", after "The Post reports": the outlet named last
            named = [(s, ent.name) for s, _e, ent in self.lookup.in_range(self.article.id, 0, pos)
                     if not self._in_quote(s) and ent.name.split()[-1].lower() in PRESS_HEADS]
        if named:
            return max(named)[1]
        if len(words) != 2 or noun not in _ORG_NOUNS:
            return None
        return next(iter(self._organisations_before(sentence, pos, 3, bodies=True)), None)

    def _owner_apposed(self, att: _Attribution) -> _Attribution:
        """"Hillcrest University's new president, Ann Vale, released a statement": the person set off by commas
        after the owner's role noun is the subject, not the owner."""
        m = _OWNER_ROLE.match(self.text, att.end)
        people = [t for t in self.lookup.in_range(self.article.id, m.end(), m.end() + 60)
                  if t[0] == m.end() and t[2].type == "PER"] if m is not None else []
        if people and self.text[people[0][1]:people[0][1] + 1] == ",":
            return _Attribution(self.text[people[0][0]:people[0][1]], people[0][0], people[0][1], att.cue)
        return att

    def _name_past_particle(self, att: _Attribution) -> tuple[str, int, int] | None:
        """"Sheikh Hamid al Rashed": a person's name that starts with the phrase and runs on past a lower-case
        particle the phrase reader stopped at ("al", "bin", "de", "van")."""
        m = _PARTICLE.match(self.text, att.end)
        people = [t for t in self.lookup.in_range(self.article.id, att.start, att.end + 40)
                  if t[0] == att.start and t[1] > att.end and t[2].type == "PER"] if m is not None else []
        return (people[0][2].name, people[0][0], people[0][1]) if people else None

    def _body_they(self, quote: Quote, prev: Quote | None) -> Quote:
        """A quote that "they" said, with no two people before it to be "they", after a quote of an organisation:
        the organisation's (a quote of a person or of nobody keeps "they" unresolved)."""
        they = quote.speaker is None and quote.speaker_span is not None and quote.speaker_span.text.lower() == "they"
        ent = self.lookup.named(prev.speaker) if they and prev is not None and prev.speaker is not None else None
        if ent is None or not (ent.type == "ORG" or body_name(ent.name)):
            return quote
        return Quote(ent.name, quote.cue, quote.text, quote.spans, "direct", prev.speaker_span)

    def _site_suffix(self, att: _Attribution) -> str:
        """".com" of "RT.com", which the phrase reader leaves out: the site's name goes on past its dot."""
        m = _SITE_SUFFIX.match(self.text, att.end)
        return m.group(0) if m is not None and att.phrase[-1:].isalnum() else ""

    def _document_author(self, att: _Attribution) -> tuple[str, int, int] | None:
        """"“…,” reads a statement from Senate Majority Leader Ann Vale's office": the person or organisation
        named right after a document noun and "from"/"by"/"of" wrote the document, which speaks for them."""
        m = _FROM_AUTHOR.match(self.text, att.end)
        if m is None:
            return None
        stop = re.search(r"[,.;:!?\n“”\"]", self.text[m.end():m.end() + 80])
        end = m.end() + (stop.start() if stop else 80)
        # (A person before an organisation: "Senate Majority Leader Ann Vale's office" is hers.)
        found = sorted((t[2].type != "PER", t[0], t[1], t[2].name) for t in
                       self.lookup.in_range(self.article.id, m.end(), end) if t[2].type in ("PER", "ORG"))
        return (found[0][3], found[0][1], found[0][2]) if found else None

    def _according_to(self, toks: list[Token]) -> tuple[str, int, int] | None:
        """"…, according to Danny McPherson, chief security officer …": the person a sentence's facts come from,
        whom a "he said" after it refers to when the sentence has no subject of its own that is a person."""
        for k in range(len(toks) - 2):
            if toks[k].lower == "according" and toks[k + 1].lower == "to":
                found = [t for t in self.lookup.in_range(self.article.id, toks[k + 2].start, toks[-1].end)
                         if t[0] == toks[k + 2].start and t[2].type == "PER"]
                if found:
                    return found[0][2].name, found[0][0], found[0][1]
        return None

    def _as_put_it(self, sentence: Passage, o: int) -> _Attribution | None:
        """"As Sen. Rand Paul, R-Ky., put it, “…”": the phrase between "as" and "put it" (its apposition set
        off by commas dropped) is the speaker."""
        m = _PUT_IT.search(self.text, sentence.start, o) or _AS_NOTED.search(self.text, sentence.start, o)
        if m is None:
            return None
        toks = [t for t in tokens(self.text, m.start(1), m.end(1))]
        np = self._np_forward(toks, 0) if toks else None
        return self._attribution(toks, *np, "put it") if np is not None else None

    def _according_after(self, c: int | None) -> _Attribution | None:
        """"“…,” according to Ann Vale." or "… according to the tabloid": the source named after the quote (a
        report or statement there stays unread: its author is no clause subject)."""
        m = _ACCORDING_AFTER.match(self.text, c + 1) if c is not None else None
        phrase = m.group(1).rstrip(".") if m is not None else ""
        if not phrase or phrase.split()[-1].lower() in DOCUMENT_NOUNS:
            return None
        return _Attribution(phrase, m.start(1), m.start(1) + len(phrase), "according to")

    def _according_opening(self, sentence: Passage, o: int) -> _Attribution | None:
        """"According to TechNews, sources that include “…” have confirmed …", "As reported by Quartz, “…”": a
        quote with no cue of its own in a sentence that opens by naming its source has that source's words."""
        m = _ACCORDING_OPENING.match(self.text, sentence.start, o)
        return _Attribution(m.group(1), m.start(1), m.end(1), "according to") if m is not None else None

    def _colon_subject(self, sentence: Passage, toks: list[Token], o: int, long_quote: bool) -> _Attribution | None:
        """"Biden was quick to retort: “…”", "Ryan shot back: “…”", and a quote opening the paragraph after "The
        committee issued a brief statement:": a colon introduces the quote, and the clause before it names its
        speaker as its subject (only a person, an organisation or a pronoun: "Here's an excerpt:" names nobody)."""
        if _NAMED_AS.search(self.text, max(0, o - 40), o):
            return None  # "Vale, (known as the “…” for her work)": a name others give, no words she said
        if toks and (self.text[toks[-1].end:o].strip().endswith(":") or (len(toks) >= 2 and long_quote)):
            # Also a quote of six words or more in a sentence with no cue ("… described “…” across the land"):
            # words its subject chose to quote, which news attributes to it. Shorter ones stay scare quotes.
            clause, words = sentence, toks
        elif not toks and sentence.index > 0 and self.text[self.passages[sentence.index - 1].end - 1:
                                                           self.passages[sentence.index - 1].end] == ":":
            clause = self.passages[sentence.index - 1]
            words = self._words(clause)
            cues = [v for v, t in enumerate(words) if _cue(t)]
            # "Surgeon Ann Vale told BuzzFeed News: ¶ “…”": the subject of the clause's speech verb, not its object.
            told = self._subject_of_verb(clause, words, cues[-1]) if cues else None
            if told is not None:
                return self._owner_apposed(told)
        else:
            return None
        named = self._colon_after_name(clause, words)
        if named is not None:
            return named
        lead = self._leading_subject(words)
        sub = next((k + 1 for k in range(lead[1] + 1, len(words) - 1) if words[k].lower in ("as", "while", "when")
                    and words[k + 1].text[:1].isupper()), None) if lead is not None and clause is sentence else None
        if lead is None or (sub is not None and (words[sub].possessive or self._person_at(words[sub]))):
            return None  # "Paan fled as Qiang's mother rushed in, “…”": the last clause has a subject of its own
        phrase = self.text[words[lead[0]].start:words[lead[1]].end]
        ent = self.lookup.named(phrase) or self._entity_ending(words[lead[0]].start, words[lead[1]].end)
        if phrase.lower() in _PERSON_PRONOUNS or (ent is not None and ent.type in ("PER", "ORG")):
            return self._attribution(words, *lead, None)
        return None

    def _colon_after_name(self, clause: Passage, words: list[Token]) -> _Attribution | None:
        """"… such as the prophetic Dr Ann Vale: “…”" (a person named right before the colon), "His exact
        words: “…”" (his or her words, statement or reply: the person "he"/"she" refers to), or None."""
        if not words or not self.text[words[-1].end:clause.end].strip().startswith(":"):
            return None
        if words[0].lower in _OWN_WORDS and len(words) <= 4 and words[-1].lower in _WORDS_NOUNS:
            return _Attribution(_OWN_WORDS[words[0].lower], words[0].start, words[0].end, None)
        return self._person_ending(words[0].start, words[-1].end, None)

    def reported(self) -> list[Quote]:
        out: list[Quote] = []
        for p in self.passages:
            toks = self._words(p)
            for v, t in enumerate(toks):
                if t.lower in ("according",) and v + 1 < len(toks) and toks[v + 1].lower == "to":
                    q = self._according(p, toks, v)
                elif t.lower in REPORTING_VERBS:
                    q = self._said_that(p, toks, v)
                else:
                    q = None
                if q is not None:
                    out.append(q)
        return out

    def _said_that(self, p: Passage, toks: list[Token], v: int) -> Quote | None:
        verb = toks[v]
        follow = self.text[verb.end:p.end].lstrip()
        if not follow or follow[0] in ":,\"“‘'«" or v + 1 >= len(toks):
            return None
        if re.match(r"[^.!?“”‘\"]{0,40}?[:,]\s*[“‘\"'«]", follow):
            return None  # "said last night: ‘…": the cue of a direct quote
        if _QUOTE_CLOSED.search(self.text[p.start:verb.start]):
            return None  # "“… a felony,” said Rep. X, who …": the cue of the quote before it, its speaker after
        if verb.lower in _DENY or _NEGATED.search(self.text[p.start:verb.start]):
            return None  # "denied that …", "has not yet said how …": the clause is not what the source said
        k = v + 1
        that = next((j for j in range(v + 1, min(v + 8, len(toks))) if toks[j].lower == "that"), None)
        if that is not None and (verb.lower in ("told", "tells") or that - v <= 1):
            k = that + 1
        elif verb.lower not in _BARE_CLAUSE_VERBS or toks[k].lower in _NO_CLAUSE:
            if not clause_after_phrase(self.text, toks, v, k, that):
                return None  # "warned Mr Johnson not to …", "told Sky News", "said when asked …": no reported clause
            k = that + 1  # "said on Monday that …", "said in a statement that …"
        elif toks[k].lower in _TIME_FIRST or (toks[k].lower in _DAYS and that is not None and that - k <= 5) or (
                toks[k].lower == "this" and k + 1 < len(toks) and toks[k + 1].lower in _THIS_TIME):
            # "said earlier that …", "said today (10 October) that …": the clause starts after "that"; with no
            # "that" ("said last week they made …") where the time ends is unclear, so nothing is listed.
            if that is None or that - k > 5:
                return None
            k = that + 1
        elif toks[k].lower in _DAYS:
            # "said Tuesday Ginsburg's comments were …": the day (and its part) dates the remark, it is not said;
            # "said Wednesday in a speech", "said Tuesday night on Fox News": when and where, no reported clause.
            k += 2 if k + 1 < len(toks) and toks[k + 1].lower in _DAY_PARTS else 1
            if k >= len(toks) or toks[k].lower in _NO_CLAUSE:
                return None
        if k >= len(toks):
            return None
        if toks[k].lower in ("no", "yes") and (k + 1 == len(toks) or toks[k + 1].lower in ("and", "but", "or", "to")
                                               or self.text[toks[k].end:toks[k + 1].start].strip()):
            return None  # "said no and went on to win": an answer, not a reported clause ("said no one was hurt" is)
        start, end = trim_quote(self.text, toks[k].start, p.end)
        semi = self.text.find(";", start, end)
        if semi != -1 and not self._in_quote(semi):
            # "… into iTunes; another source says …": a semicolon opens another clause; the reported one ends before it.
            end = len(self.text[:semi].rstrip())
        while end > start and self.text[end - 1] in ".!?":
            end -= 1
        if len(clause := self.text[start:end].split()) < 4 or toks[k].lower in GAP_VERBS \
                or all(w[:1].isupper() or w in ("of", "the") for w in clause):
            return None  # (and "the newly confirmed Secretary of State John Kerry": a name, no clause)
        if k == v + 1 and verb.lower in _OBJECT_VERBS and toks[k].lower in _DETERMINERS:
            return None  # "confirmed the report to the Times": an object, not a reported clause
        after_comma = self.text[p.start:verb.start].rstrip().endswith(",")
        if toks[k].lower == "the" and after_comma and self._source_next(p, toks, k):
            return None  # "…, said the Egyptian news agency.": the source after an inverted cue, nothing reported
        if verb.lower in ("added", "adds") and toks[k].text[:1].isdigit():
            return None  # "Sosa added 12 points for the Cardinals": a total on the field, not speech
        att = self._relative_subject(p, toks, v - 1) if v and toks[v - 1].lower == "who" \
            else self._subject_of_verb(p, toks, v)
        if att is None or att.start >= verb.end:
            return None  # "…, said Paul Vale, a researcher with …": the speaker follows the cue, nothing is reported
        speaker, sspan = self.resolve(att, p)
        if speaker is not None and self._common_plural(speaker, att):
            speaker = None
        span = Span.of(self.article, start, end)
        return Quote(speaker, verb.text, span.text, [span], "reported", sspan)

    def _source_next(self, p: Passage, toks: list[Token], k: int) -> bool:
        """A press, body or speaker noun within six words of ``k`` that ends its phrase (a comma, the sentence's
        end, "in"/"of"/"at" follow): "the MENA news agency.", "the Herald newspaper in Leeds"; not "the company
        had", nor "the company “encourages …”" (the words read skip quoted ones, so the text decides)."""
        for j in range(k + 1, min(k + 7, len(toks))):
            if toks[j].lower in _SOURCE_NOUNS:
                return _PHRASE_END.match(self.text, toks[j].end, p.end) is not None
        return False

    def _common_plural(self, speaker: str, att: _Attribution) -> bool:
        """"Detectives said …", "Relatives insisted …", "Bankers have said …": one capitalised plural person noun
        that no entity knows is a generic collective, not a name."""
        word = att.phrase.strip()
        return speaker == word and word.lower() in COLLECTIVE_SPEAKERS and self.lookup.named(word) is None

    def _according(self, p: Passage, toks: list[Token], v: int) -> Quote | None:
        np = self._np_forward(toks, v + 2)
        if np is None:
            return None
        phrase_start, phrase_end = toks[v].start, toks[np[1]].end
        before = self.text[p.start:phrase_start].strip(" ,")
        after = self.text[phrase_end:p.end].strip(" ,")
        if not before:
            if not self.text[phrase_end:p.end].lstrip(" ").startswith(","):
                # "According to a report from TMZ published …", "According to the officers involved in …": the
                # source phrase runs on past the noun phrase read, so where the reported clause starts is unclear.
                return None
            start = phrase_end + (len(self.text[phrase_end:p.end]) - len(self.text[phrase_end:p.end].lstrip(" ,")))
            end = p.end
        elif not after.strip(".!? "):
            start, end = p.start, p.start + len(self.text[p.start:phrase_start].rstrip(" ,"))
            if _QUOTE_CUE.search(self.text, start, end):
                return None  # "“There was blood,” said Ann Vale, … according to the Post": a quote with its own cue
        else:
            return None  # "by, according to the minister, urging": the reported part is not a clause of its own
        start, end = trim_quote(self.text, start, end)
        while end > start and self.text[end - 1] in ".!?":
            end -= 1
        if len(self.text[start:end].split()) < 4:
            return None
        speaker, sspan = self.resolve(self._attribution(toks, np[0], np[1], "according to"), p)
        span = Span.of(self.article, start, end)
        return Quote(speaker, "according to", span.text, [span], "reported", sspan)
