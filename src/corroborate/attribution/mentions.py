"""Name and role mentions in one article: the raw material that :mod:`corroborate.attribution.entities` merges.

Two sources of name spans, one treatment after them:

* rules (default, no model): runs of capitalised words, with honorifics ("Ms Patel"), organisation and place
  head words ("Interior Ministry", "English Channel"), place prepositions ("off Calais") and a corpus check
  that drops sentence-initial common words ("However", "Migrants") whose lower-case form the story also uses;
* a spaCy pipeline (``nlp``): its ``doc.ents``, with labels mapped to PER / ORG / LOC / OTH.

A person's run is split into descriptor, title and name (:mod:`corroborate.attribution.names`): "White House
Press Secretary Jay Carney" gives the organisation "White House" and the person "Jay Carney" (title "press
secretary"); a title with no name after it ("Florida Sen") names nobody. What kind a run is comes from
:mod:`corroborate.attribution.kinds`; two capitalised words with no other evidence take the model's label of
their head word when the model ran ("White House", "National Mall").

Role titles are found by a lexicon (:data:`corroborate.text.lexicon.TITLES`) in both cases, because the link
"Home Secretary Priti Patel" -> "the Home Secretary" is what merges roles into people.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from corroborate.attribution.kinds import INSTITUTION_HEADS, name_kind
from corroborate.attribution.name_tokens import Token, _is_cap, _joined, _joins, _titles, title_case, tokens
from corroborate.attribution.name_tokens import person_of_body as _person_of_body
from corroborate.attribution.names import (
    JOINED_PARTICLE,
    bare,
    body_goes_on,
    fragment_descriptor,
    opening_verb,
    person_parts,
)
from corroborate.model import Article, Passage
from corroborate.text.claim_words import WEEKDAYS
from corroborate.text.given_names import GIVEN_NAMES
from corroborate.text.lexicon import COMMON_CAPITALISED, COUNTRIES, HONORIFICS, WEAK_TITLES
from corroborate.text.mention_words import (
    ADJECTIVE,
    DAY_NAMES,
    LED,
    ON_HEADS,
    PLACE_NOUNS,
    PRESS_AFTER,
    PRESS_BEFORE,
    based_place,
    given_person,
)
from corroborate.text.name_words import _CONNECTORS, NAME_TITLES, NER_LABELS, PERSON_TITLE_WORDS


@dataclass(slots=True)
class Mention:
    """One mention of a name or a role in an article."""

    article: str
    start: int
    end: int
    surface: str  # normalised text: single spaces, honorific dot dropped ("Ms Patel")
    name: tuple[str, ...]  # the name words, honorific and title removed ("Priti", "Patel")
    type: str  # PER | ORG | LOC | OTH | UNK (a lone capitalised word resolved later) | ROLE
    honorific: str | None = None
    title: str | None = None  # for ROLE mentions: the title key ("home secretary")
    nationality: str | None = None  # for ROLE mentions: "French" in "the French President"
    links: list[int] = field(default_factory=list)  # for ROLE mentions: the name mention it introduces
    cue: str | None = None  # word before a lone word: "in", "agency", ...
    sentence: int = -1  # passage index
    initial: bool = False  # starts its sentence or quotation (so its capital proves little)
    model_type: str | None = None  # the spaCy pipeline's label for an overlapping entity, when one ran
    press: bool = False  # named as a newspaper here ("X columnist", "the daily X")
    given: bool = False  # a lone word the model calls a person that is a given name or follows "his wife" & co


class ArticleMentions:
    """Builds the mentions of one article; ``story_lower`` is the set of lower-case words the story uses."""

    def __init__(self, article: Article, passages: list[Passage], story_lower: set[str]) -> None:
        self.article = article
        self.passages = passages
        self.story_lower = story_lower
        self.mentions: list[Mention] = []
        self._ents: list[tuple[int, int, str]] = []

    # -- public -----------------------------------------------------------------------------------------
    def build(self, *, nlp: Any = None) -> list[Mention]:
        ents = self._model_ents(nlp) if nlp is not None else None
        self._ents = ents or []
        text = self.article.text
        read, prose = [], False
        for p in self.passages:
            toks = tokens(text, p.start, p.end)
            # The headline is the article's first line with words in it, after any dateline ("DECEMBER 16, 2008").
            read.append((p, toks, title_case(text, toks, p.start, p.end, opens=not prose,
                                             story_lower=self.story_lower)))
            prose = prose or any(t.text[:1].islower() and len(t.text) >= 4 and t.text.isalpha() for t in toks)
        # Words in title case (a headline, a quoted title or motto) are name words only where the article also
        # capitalises them inside a sentence elsewhere ("Sox Make Offer To Teixeira": "Sox", "Teixeira").
        known = {t.lower for _, toks, cased in read for k, t in enumerate(toks)
                 if k not in cased and not t.initial and _is_cap(t)}
        for p, toks, cased in read:
            titles = _titles(text, toks)
            in_title = {k for a, b, *_ in titles for k in range(a, b)}
            in_title |= {k for k in cased if toks[k].lower not in known}
            first_new = len(self.mentions)
            if ents is None:
                self._rule_names(toks, in_title, p.index)
            else:  # the rules, plus what the model adds (see _model_names)
                self._model_names(toks, in_title, p.index, ents)
            self._roles(toks, titles, p.index, first_new)
        return self.mentions

    # -- names from rules -------------------------------------------------------------------------------
    def _rule_names(self, toks: list[Token], in_title: set[int], sent: int) -> None:
        text = self.article.text
        i = 0
        while i < len(toks):
            if i in in_title or not _is_cap(toks[i]) or toks[i].text == "I":
                i += 1
                continue
            j = i + 1
            while j < len(toks) and j not in in_title and not toks[j - 1].possessive:
                # A particle glued to a surname ends a name in lower case: "Abu Bakr al-Baghdadi".
                if (_is_cap(toks[j]) or JOINED_PARTICLE.match(toks[j].text)) and toks[j].text != "I" \
                        and _joined(text, toks[j - 1], toks[j]):
                    j += 1
                elif (toks[j].lower in _CONNECTORS and j + 1 < len(toks) and _is_cap(toks[j + 1])
                      and j + 1 not in in_title and _joined(text, toks[j - 1], toks[j])
                      and _joined(text, toks[j], toks[j + 1])):
                    j += 2
                elif toks[j].lower == "on" and toks[j - 1].lower in ON_HEADS and (nx := j + 1) < len(toks) \
                        and nx not in in_title and _is_cap(toks[nx]) and toks[nx].lower not in COMMON_CAPITALISED \
                        and _joined(text, toks[j - 1], toks[j]) and _joined(text, toks[j], toks[nx]):
                    j += 2  # "Commission on Local Tax Reform", "Council on Foreign Relations"; not "Council on Monday"
                elif j + 2 < len(toks) and body_goes_on([t.lower for t in toks[i:j + 3]], j - i) \
                        and _is_cap(toks[j + 2]) and all(
                        _joined(text, a, b) for a, b in zip(toks[j - 1:j + 2], toks[j:j + 3], strict=True)):
                    j += 3  # "Union of Commissioners of the National Police": a body's name past "of the"
                else:
                    break
            self._run(toks, i, j, sent, None)
            i = j

    def _run(self, toks: list[Token], i: int, j: int, sent: int, forced: str | None) -> None:
        """Classify the capitalised run toks[i:j] (a model's span when ``forced`` carries its type)."""
        run = toks[i:j]
        # "The" capitalised mid-sentence belongs to the name ("The Washington Post"), shown but not keyed.
        the = run[0] if len(run) > 1 and run[0].text == "The" and not run[0].initial \
            and self.article.text[:run[0].start].rstrip()[-1:] not in ".!?" else None
        first = i
        # Leading function words and sentence-initial common words ("The", "However", "Migrants"), and a verb
        # that opens a sentence before a name ("Added Gibbs: ...", "Having Jackman host …": see opening_verb).
        # An initial "A." is no article "A" ("A. J. Smith").
        while run and run[0].lower not in HONORIFICS and not (len(run) > 1 and self._shown(run[0]).endswith(".")) and (
            run[0].lower in COMMON_CAPITALISED
            or (run[0].initial and (run[0].lower in self.story_lower
                                    or (opening_verb(run[0].lower) and len(run) > 1)))
            or run[0].lower in ("of", "and", "for")  # a capitalised particle opens names: "Al Jazeera", "Le Monde"
            or (len(run) > 1 and LED.fullmatch(run[0].text) is not None)
        ):
            self._based(run[0], sent)
            run, i = run[1:], i + 1
        while run and run[-1].lower in _CONNECTORS:
            run = run[:-1]
        if run and ADJECTIVE.search(run[-1].text):
            return  # "J.R.R. Tolkien-inspired sorcery", "Bieber-loving fans": an adjective, no name
        if len(run) == 1 and run[0].text.endswith("-based") and forced is None:
            self._based(run[0], sent)
            return
        # A weekday after a name dates the sentence and is no part of the name ("Microsoft Wednesday took the
        # step", "detective Joe Coffey Monday"); "Good Friday" and "Super Tuesday" are days' names.
        while len(run) > 1 and run[-1].lower in WEEKDAYS and not (
                len(run) == 2 and (run[0].lower in self.story_lower or run[0].lower in DAY_NAMES)):
            run = run[:-1]
        if not run:
            return
        words = [t.lower for t in run]
        split = next((k for k, w in enumerate(words) if k and w in _CONNECTORS  # "Al Jazeera": a name's opening
                      and not self._connects(run, words, k)), None)
        if split is not None and forced is None:
            # "Boris Johnson and Emmanuel Macron", "Home Office and Sky News": two names, not one.
            k = split
            self._run(toks, i, i + k, sent, None)
            self._run(toks, i + k + 1, i + len(run), sent, None)
            return
        # A one-letter "honorific" after a capitalised word is a middle initial ("Louise M. Slaughter"), not "M."
        inner = next((k for k in range(1, len(run)) if words[k] in HONORIFICS and k + 1 < len(run)
                      and not (len(words[k]) == 1 and _is_cap(run[k - 1]))), None)
        if inner is not None:
            # "Enter Ms Lauten", "Florida Mr Smith": the name starts at the honorific.
            self._run(toks, i, i + inner, sent, None)
            self._run(toks, i + inner, i + len(run), sent, forced)
            return
        tail = self._title_tail(toks, i, run)
        if tail:
            # "Secretary of Commerce Gary Locke": the words before the given name end the title, not the name.
            self._descriptor(toks, i, i + tail, sent)
            self._run(toks, i + tail, i + len(run), sent, "PER")
            return
        names = [self._shown(t) for t in run]
        honorific = None
        if words[0] in HONORIFICS and len(run) > 1:
            honorific, names = run[0].text.rstrip("."), names[1:]
        ruled = name_kind(names, honorific, toks[i - 1].lower if i > 0 else None, self.story_lower)
        if ruled is None:
            return  # demonyms, contractions, "UK-EU": not names, whoever proposed them
        if ruled == "PER?":
            # Two capitalised words and no other evidence: the model's label for the head (last) word, when
            # it ran, tells "White House" and "National Mall" from "Jay Carney".
            # (Not a span that runs on past "of": "Nanette Lee Miller of Marcum L.L.P." is labelled as one name.)
            head = next((kind for s, e, kind in self._ents if s <= run[-1].start < e and not (
                e > run[-1].end and re.compile(r"\s+(?:of|for)\s").match(self.article.text, run[-1].end))), None)
            ruled = head if head in ("ORG", "LOC", "OTH") else "PER"
        if ruled == "OTH" and any(w in ("of", "for") for w in words):
            # "Veterans of Foreign Wars", "Joint Chiefs of Staff": a body's name whose head word no list holds;
            # the model, which read the sentence, tells an organisation or a place from a title or an event.
            cover = next((kind for s, e, kind in self._ents if s <= run[0].start and run[-1].end <= e), None)
            ruled = cover if cover in ("ORG", "LOC") else ruled
        kind = forced or ruled
        press = not honorific and self._press(toks, i, i + len(run))
        if press:
            kind = "ORG"
        elif kind in ("OTH", "UNK", "PER") and not honorific and self._place(toks, i, i + len(run)):
            kind = "LOC"
        if kind == "PER" and not honorific and self._person(toks, i, run, sent):
            return
        if kind == "PER" and len(names) > 1:
            # All-capitals first names in headlines ("BORIS Johnson") read as ordinary names; "ABC News" stays.
            names = [w.capitalize() if w.isupper() and len(w) > 2 and w.isalpha() else w for w in names]
        surface = " ".join(([honorific] if honorific else []) + names)
        start = run[0].start
        if the is not None and i == first + 1 and kind in ("ORG", "OTH"):
            surface, start = f"The {surface}", the.start
        prev = toks[i - 1].lower if i > 0 else None
        self.mentions.append(Mention(self.article.id, start, run[-1].end, surface, tuple(names), kind,
                                     honorific=honorific, cue=prev, sentence=sent, initial=run[0].initial,
                                     press=press))

    def _based(self, tok: Token, sent: int) -> None:
        """"Stockholm-based Mojang": the place the firm is based in, a lone word with the cue "in" (a place)."""
        word = based_place(tok.text, self.story_lower)
        if word:
            self.mentions.append(Mention(self.article.id, tok.start, tok.start + len(word), word, (word,), "UNK",
                                         cue="in", sentence=sent))

    def _press(self, toks: list[Token], i: int, j: int) -> bool:
        """Is toks[i:j] a newspaper by the word around it: "Vancouver Province columnist" (no place), "the Saudi
        daily Ajel" (no thing)? A paper named after its city is read as the city otherwise."""
        text = self.article.text
        if j < len(toks) and toks[j].lower in PRESS_AFTER and text[toks[j - 1].end:toks[j].start].strip() in (
                "", "'s", "’s"):
            return True
        return i > 0 and toks[i - 1].lower in PRESS_BEFORE and text[toks[i - 1].end:toks[i].start].strip() == ""

    def _place(self, toks: list[Token], i: int, j: int) -> bool:
        """Is toks[i:j] a place by the noun around it: "the town of Qarvan", "the Marvejols region"?"""
        text = self.article.text
        if j < len(toks) and toks[j].lower in PLACE_NOUNS and text[toks[j - 1].end:toks[j].start] == " " \
                and not toks[j - 1].possessive:
            return True
        return i > 1 and toks[i - 1].lower == "of" and toks[i - 2].lower in PLACE_NOUNS \
            and not _is_cap(toks[i - 2]) and text[toks[i - 2].end:toks[i].start] == " of "

    def _shown(self, tok: Token) -> str:
        """A word as the name shows it: a middle initial keeps its dot ("Paul D. Ryan")."""
        text = self.article.text
        dotted = text[tok.end:tok.end + 1] == "." or text[tok.end:tok.end + 2] == " ."  # "A . J . Smith"
        return tok.text + "." if len(tok.text) == 1 and tok.text.isupper() and dotted else tok.text

    def _person(self, toks: list[Token], i: int, run: list[Token], sent: int) -> bool:
        """A person run with a descriptor or title before the name ("White House Press Secretary Jay Carney",
        "Republican Mitt Romney", "Florida Sen"): the descriptor becomes a name of its own, the title is kept
        on the person's mention, a title with no name after it names nobody. False: no such parts."""
        parts = person_parts([t.text for t in run])
        if parts is None:
            ts = fragment_descriptor([t.text for t in run])
            if ts:
                self._descriptor(toks, i, i + ts, sent)
            return True
        ts, ns = parts
        if ns == 0 or (ts == ns and len(run) - ns < 2):
            return False  # nothing before the name, or a descriptor before one word ("Republican Congressional")
        if ts:
            self._descriptor(toks, i, i + ts, sent)
        name, title = run[ns:], run[ts:ns]
        if len(name) == 1 and (name[0].lower in COMMON_CAPITALISED or len(name[0].text) == 1):
            return True
        surface = " ".join(self._shown(t) for t in title + name)
        prev = toks[i + ts - 1].lower if i + ts > 0 else None
        self.mentions.append(Mention(self.article.id, run[ts].start, run[-1].end, surface,
                                     tuple(self._shown(t) for t in name), "PER",
                                     title=" ".join(t.lower for t in title) or None, cue=prev, sentence=sent,
                                     initial=run[ts].initial))
        return True

    def _title_tail(self, toks: list[Token], i: int, run: list[Token]) -> int:
        """Words of ``run`` before a given name that ends a title at "of" ("Speaker of the [House] Paul Ryan"), or 0."""
        at = i - 1 - int(i > 2 and toks[i - 1].lower == "the")
        if at < 1 or len(run) < 3 or toks[at].lower not in ("of", "for") or toks[at - 1].lower not in NAME_TITLES:
            return 0
        k = next((k for k in range(1, len(run) - 1)
                  if run[k].lower in GIVEN_NAMES and run[k - 1].lower not in GIVEN_NAMES), 0)
        # "director for Rep. Stephen Fincher": a title or honorific before the name is the person's own.
        return 0 if any(bare(t.text) in PERSON_TITLE_WORDS or t.lower in HONORIFICS for t in run[:k]) else k

    def _descriptor(self, toks: list[Token], i: int, j: int, sent: int) -> None:
        """The organisation, place or party before a title ("White House", "Florida", "Wyoming U.S."): a name
        of its own, never a person; a country at its end ("U.S.") is a name apart."""
        if j - i > 1 and bare(toks[j - 1].text) in COUNTRIES:
            self._descriptor(toks, i, j - 1, sent)
            i = j - 1
        before = len(self.mentions)
        self._run(toks, i, j, sent, None)
        for m in self.mentions[before:]:
            if m.type == "PER" and not m.honorific and not m.title:
                m.type = "ORG"

    # -- names from a model -----------------------------------------------------------------------------
    def _connects(self, run: list[Token], words: list[str], k: int) -> bool:
        """Does the connector run[k] join one name? The rules read the words alone and cannot tell "Board of
        Agriculture and Conservation" from "Bank of America and Wells Fargo"; where the model ran, it read the
        sentence: one organisation, place or other name across the connector joins, a name that ends right
        before an "and" and another that starts right after split. A person's span never joins ("Boris Johnson and
        Emmanuel Macron" stays two whatever the model says); without a verdict the rules decide."""
        if _person_of_body(self.article.text, run, k):  # "Nanette Lee Miller of Marcum L.L.P.": two names
            return False
        if 0 < k < len(run) - 1 and words[k] in ("of", "and", "for"):
            left, right = run[k - 1], run[k + 1]
            # "and" joins only inside a body's name ("... of Agriculture and Conservation"): "Larry and Bill"
            # under one span of the model is still two people.
            body = words[k] != "and" or any(w in ("of", "for") for w in words[1:k])
            if body and any(s <= left.start and right.end <= e and kind != "PER" for s, e, kind in self._ents):
                return True
            # Only "and" is split on the model's word: it cuts "Gulf of Aden" now and then, but reads "Bank of
            # America and Wells Fargo" as two names where the rules see one body's name; one word, "and", then a
            # body ending in its head is one name still ("Victoria and Albert Museum"): the rules decide.
            if words[k] == "and" and (k > 1 or words[-1] not in INSTITUTION_HEADS) \
                    and any(e == left.end for _, e, _ in self._ents) and any(s == right.start for s, *_ in self._ents):
                return False
        return _joins(words, k)

    def _model_ents(self, nlp: Any) -> list[tuple[int, int, str]]:
        # The check's parse stage (corroborate.nlp.parses.ParsedPipeline) has the article's entities from the
        # sentence parses it already made: the article is not parsed a second time.
        placed = getattr(nlp, "article_entities", None)
        found = placed(self.article.text) if placed is not None else None
        if found is None:
            found = [(e.start_char, e.end_char, e.label_) for e in nlp(self.article.text).ents]
        return sorted((start, end, NER_LABELS.get(label, "OTH")) for start, end, label in found)

    def _model_names(self, toks: list[Token], in_title: set[int], sent: int,
                     ents: list[tuple[int, int, str]]) -> None:
        """Rule mentions first; the model adds the names the rules missed and types the lone words that
        the rules can only call OTH (no surname, place or organisation evidence)."""
        first = len(self.mentions)
        self._rule_names(toks, in_title, sent)
        ruled = self.mentions[first:]
        for m in ruled:
            label = next((kind for s, e, kind in ents if s < m.end and m.start < e), None)
            m.model_type = label
            m.given = m.type == "UNK" and label == "PER" and self._given(m)
        for s, e, kind in ents:
            if any(m.start < e and s < m.end for m in ruled):
                continue
            idx = [k for k, t in enumerate(toks) if s <= t.start < e and k not in in_title and _is_cap(t)]
            if not idx or toks[idx[0]].start >= e:
                continue
            before = len(self.mentions)
            self._run(toks, idx[0], idx[-1] + 1, sent, kind)
            # A lone word the model calls a person is still resolved against full names later.
            for m in self.mentions[before:]:
                m.model_type = kind
                if m.type == "PER" and len(m.name) == 1 and not m.honorific and not m.title:
                    m.type, m.given = "UNK", self._given(m)

    def _given(self, m: Mention) -> bool:  # see mention_words.given_person
        return given_person(self.article.text, m.start, m.name[0], initial=m.initial, story_lower=self.story_lower)

    # -- roles ------------------------------------------------------------------------------------------
    def _roles(self, toks: list[Token], titles: list[tuple[int, int, str, str | None, bool]], sent: int,
               first_new: int) -> None:
        text = self.article.text
        names = self.mentions[first_new:]
        for a, b, key, nationality, former in titles:
            if former:
                continue  # "the former Foreign Secretary David Miliband": a past role is no alias
            start = toks[a - 1].start if nationality and a > 0 else toks[a].start
            window = toks[a:b]
            capitalised = all(_is_cap(t) for t in window)
            role = Mention(self.article.id, start, toks[b - 1].end,
                           " ".join(([nationality] if nationality else []) + [t.text for t in window]),
                           tuple(t.text for t in window), "ROLE", title=key, nationality=nationality,
                           sentence=sent)
            follower = next((k for k, m in enumerate(names) if m.start == toks[b].start), None) \
                if b < len(toks) and _joined(text, toks[b - 1], toks[b]) else None
            if follower is not None:
                role.links.append(first_new + follower)
            elif follower is None:
                # Appositive: "Dominic Raab (Justice Secretary)", "Jane Doe, the Health Secretary,".
                prior = [k for k, m in enumerate(names) if m.end <= start]
                if prior:
                    m = names[prior[-1]]
                    gap = text[m.end:start]
                    if re.fullmatch(r"\s*(?:['’]s)?\s*[(,]\s*(?:the\s+)?", gap, re.I) and m.type in ("PER", "UNK"):
                        role.links.append(first_new + prior[-1])
                if (not capitalised or key in WEAK_TITLES) and not role.links:
                    continue  # "interior ministers", "the former Foreign Secretary": not a reference
            self.mentions.append(role)
