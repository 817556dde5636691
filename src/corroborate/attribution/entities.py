"""People, organisations and places of a story, with their aliases merged across its articles.

Stage 2 of a story: needs its passages; adds ``story.entities`` (names, types, aliases).

Mentions come from :mod:`corroborate.attribution.mentions` (rules, or a spaCy pipeline's ``doc.ents``). Merging is
by evidence the story holds, and every join has a reason (:func:`explain_entities`); a wrong merge costs more
than a missed one, so a name that could be two things joins neither:

* a full name ("Priti Patel") is a person's key; "Ms Patel", "Speaker Patel", "Patel" and "Priti" join it when
  exactly one full name of the story has that surname (or first name) -- two Johnsons leave "Mr Johnson"
  unmerged; full names join each other by containment, first-name variants and middle names
  (:mod:`corroborate.attribution.aliases`: "Liz Cheney" / "Elizabeth Cheney");
* a role title directly before a name ("Home Secretary Priti Patel", "French president Emmanuel Macron")
  makes the bare title ("the Home Secretary", "the French President") an alias, unless the story links the
  same title to two people; "the PM" reads as "the Prime Minister"; a past role ("former ...") links nothing;
* organisations merge when their names agree once a leading country or nationality is dropped ("French
  Interior Ministry" = "Interior Ministry", "U.S. Senate" = "Senate"), by a party's names ("GOP",
  "Republicans"), by acronym with or without dots ("NCAA", "N.C.A.A."), and by the one longer name that ends
  in theirs; a lone capitalised word is a place after "in/at/off/near/from", an organisation after
  "agency/company/...", a country or capital by the general lists, else the model's label or OTH;
* types never mix: a party never joins a politician, a state never its governor, a place never a person; the
  story's outlets are organisations and a name given once as a vessel ("the ferry Morwen Star") is one.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any

from corroborate.attribution.aliases import org_words, organisations, people
from corroborate.attribution.collectives import is_collective
from corroborate.attribution.mentions import ArticleMentions, Mention
from corroborate.attribution.names import bare, person_key, spelled_out
from corroborate.ingest.segment import segment
from corroborate.model import Article, Entity, Passage, Span
from corroborate.text.claim_words import MONTHS as MONTH_NAMES
from corroborate.text.claim_words import WEEKDAYS
from corroborate.text.dates import MONTHS as DATE_MONTHS
from corroborate.text.lexicon import CAPITALS, COUNTRIES, LOC_PREPOSITIONS, ORG_CUES
from corroborate.text.name_words import NAME_SUFFIXES, PARTY_STATE, VESSEL_CUES
from corroborate.text.name_words import NAME_TITLES as _NAME_TITLES

_LOWER_WORD = re.compile(r"\b[a-z][a-z'’\-]*\b")
_DETERMINERS = re.compile(r"^(?:the|a|an|his|her|their|its|our)\s+", re.I)

Key = tuple[str, tuple[str, ...]]
# A one-word name no common word shares: capitalised parts joined by a hyphen, or an accented letter.
_NAME_SHAPED = re.compile(r"[A-Z][a-z]*[^\W\d_]*(?:-[A-Z][^\W\d_]+)+|[A-Z][a-z]*[À-ÖØ-öø-ÿ][^\W\d_]*")


def story_lower_words(articles: Iterable[Article]) -> set[str]:
    """Every word the story writes in lower case: a capitalised sentence start that is also one is no name."""
    words: set[str] = set()
    for a in articles:
        words.update(_LOWER_WORD.findall(a.text))
    return words


def _passages_for(article: Article, passages: dict[str, list[Passage]]) -> list[Passage]:
    found = passages.get(article.id)
    return found if found else segment(article)


def collect_mentions(articles: list[Article], passages: dict[str, list[Passage]], *,
                     nlp: Any = None) -> list[Mention]:
    lower = story_lower_words(articles)
    # The story's outlets are organisations wherever their names appear ("Coast Wire" is no place).
    outlets = {" ".join(a.outlet.lower().split()) for a in articles if a.outlet}
    out: list[Mention] = []
    for a in articles:
        base = len(out)
        for m in ArticleMentions(a, _passages_for(a, passages), lower).build(nlp=nlp):
            m.links = [base + k for k in m.links]  # article-local indices -> story-wide ones
            if m.type != "ROLE" and m.surface.lower() in outlets:
                m.type = "ORG"
            out.append(m)
    # A dateline's capitals ("BOSTON —") are the name the story also writes in title case.
    titled = {m.name[0] for m in out if len(m.name) == 1 and not m.name[0].isupper()}
    for m in out:
        if len(m.name) == 1 and m.type in ("ORG", "UNK") and len(m.name[0]) > 4 and m.name[0].isupper() \
                and m.name[0].capitalize() in titled:
            m.name, m.surface, m.type = (m.name[0].capitalize(),), m.name[0].capitalize(), "UNK"
    # A name the story once gives as a vessel ("the ferry Morwen Star") is that vessel everywhere.
    vessels = {_words(m) for m in out if m.type == "OTH" and m.cue in VESSEL_CUES}
    for m in out:
        if m.type in ("PER", "UNK") and not m.honorific and _words(m) in vessels:
            m.type = "OTH"
    # A name the story once gives as a newspaper ("Kelowna Courier columnist") is that paper everywhere.
    papers = {_words(m) for m in out if m.press}
    for m in out:
        if m.type in ("PER", "UNK", "LOC", "OTH") and not m.honorific and _words(m) in papers:
            m.type = "ORG"
    # A town the story once writes as a club ("Wigan have", "Swansea boss") is that club everywhere in it.
    texts = {a.id: a.text for a in articles}
    # A lone word opening its sentence takes a plural verb as a name only when the model read it as one.
    clubs = {_words(m) for m in out if m.type in ("UNK", "LOC", "OTH") and not m.honorific
             and is_collective(texts[m.article], m.start, m.end, m.name,
                               verb=not (m.initial and len(m.name) == 1 and m.model_type is None))}
    for m in out:
        if m.type in ("UNK", "LOC", "OTH") and not m.honorific and _words(m) in clubs:
            m.type = "ORG"
    return out


def _words(m: Mention) -> tuple[str, ...]:
    return tuple(bare(w) for w in m.name)


class _Merger:
    """Assigns every mention of a story to a cluster key; see the module docstring for the rules."""

    def __init__(self, mentions: list[Mention]) -> None:
        self.mentions = mentions
        self.assign: dict[int, Key] = {}
        self.why: dict[int, str] = {}  # mention -> why it joined its key, when its own name is not the key

    def run(self) -> dict[int, Key]:
        ms = self.mentions
        # "Trump Jr." on its own marks a son beside his father: in such a story "Donald Trump Jr." keeps its
        # suffix and is not "Donald J. Trump" (elsewhere "Joseph R. Biden Jr." is "Joe Biden").
        juniors = frozenset(bare(m.name[0]) for m in ms if m.type in ("PER", "UNK") and len(m.name) == 2
                            and bare(m.name[1]) in NAME_SUFFIXES)
        keys = {k: person_key(m.name, juniors=juniors) for k, m in enumerate(ms)
                if m.type == "PER" and len(m.name) >= 2}
        for k, key in keys.items():
            self.assign[k] = ("PER", key)
        # One person under several full names: "Liz Cheney" / "Elizabeth Cheney", "Boone Isaacs" / "Cheryl
        # Boone Isaacs" (see aliases.people).
        joins = people(set(self.assign.values()))
        for k, key in list(self.assign.items()):
            if key in joins:
                self.assign[k], self.why[k] = joins[key]
        surname: dict[str, set[Key]] = defaultdict(set)
        first: dict[str, set[Key]] = defaultdict(set)
        for k in self.assign:
            surname[keys[k][-1]].add(self.assign[k])
            first[keys[k][0]].add(self.assign[k])
        for w, ks in list(surname.items()):  # "Murphy" after "Colleen Clarke-Murphy": a double-barrelled surname's
            if "-" in w and len(w.rsplit("-", 1)[1]) > 2:  # last part stands for it as the whole does
                surname[w.rsplit("-", 1)[1]] |= ks
        # Honorific or title + one word ("Ms Patel", "Speaker Boehner"): the one full name with that surname,
        # else a person of its own.
        singles: set[str] = set()
        for k, m in enumerate(ms):
            if m.type == "PER" and len(m.name) == 1:
                w = bare(m.name[0])
                cands = surname.get(w, set())
                if len(cands) == 1:
                    self.assign[k] = next(iter(cands))
                    self.why[k] = "the surname of the one full name of the story with it"
                elif not cands:
                    self.assign[k] = ("PER", (w,))
                    singles.add(w)
        self._lone_words(surname, first, singles)
        self._others()
        self._roles()
        return self.assign

    def _lone_words(self, surname: dict[str, set[Key]], first: dict[str, set[Key]], singles: set[str]) -> None:
        ms = self.mentions
        by_word: dict[str, list[int]] = defaultdict(list)
        # A first name alone is weaker evidence than a surname ("Harvard" is no first name of "Harvard Law",
        # "Having" none of "Having Jackman"): it must not only start sentences, nor be what the model calls an
        # organisation or a place.
        weak: dict[str, list[int]] = defaultdict(list)
        for k, m in enumerate(ms):
            if m.type == "UNK":
                weak[bare(m.name[0])].append(k)
        no_first = {w for w, ks in weak.items()
                    if all(ms[k].initial for k in ks) or any(ms[k].model_type in ("ORG", "LOC") for k in ks)}
        for k, m in enumerate(ms):
            if m.type != "UNK":
                continue
            w = bare(m.name[0])
            cands = surname.get(w) or (first.get(w) if w not in no_first else None) or set()
            if len(cands) == 1:
                self.assign[k] = next(iter(cands))
                self.why[k] = f"the {'surname' if w in surname else 'first name'} of the one full name of the " \
                              f"story with it"
            elif w in singles:
                self.assign[k] = ("PER", (w,))
            elif not cands:
                by_word[w].append(k)
        for w, ks in by_word.items():
            cues = {ms[k].cue for k in ks}
            # "Raven-Symoné": a one-word stage name the model calls a person; its shape (two capitalised parts, or an
            # accented letter) is no common word's, even where it opens a sentence. So is a given name or a word after
            # "his wife" (Mention.given: "Nikki", "his son, Jett"); a word after a title is one too ("President Obama").
            named = all(ms[k].model_type == "PER" and (_NAME_SHAPED.fullmatch(ms[k].surface) or ms[k].given)
                        for k in ks)
            if all(ms[k].initial for k in ks) and w not in COUNTRIES and w not in CAPITALS and not named:
                continue  # only ever capitalised because it starts a sentence ("Ridiculous behaviour ...")
            labels = Counter(ms[k].model_type for k in ks if ms[k].model_type in ("ORG", "LOC", "OTH"))
            if ("LOC", (w,)) in self.assign.values() or w in COUNTRIES or w in CAPITALS or cues & LOC_PREPOSITIONS:
                kind = "LOC"
            elif ("ORG", (w,)) in self.assign.values() or cues & ORG_CUES:
                kind = "ORG"
            elif named or cues & _NAME_TITLES:
                kind = "PER"
            elif labels:
                kind = sorted(labels, key=lambda t: (-labels[t], t))[0]  # the model's majority label
            else:
                kind = "OTH"
            for k in ks:
                self.assign[k] = (kind, (w,))

    def _others(self) -> None:
        people_keys = {key for key in self.assign.values() if key[0] == "PER"}
        for k, m in enumerate(self.mentions):
            if m.type in ("ORG", "LOC", "OTH"):
                words = tuple(bare(w) for w in m.name)
                if ("PER", words) in people_keys:
                    self.assign[k] = ("PER", words)  # a full name the story uses for a person elsewhere
                    continue
                why = None
                if m.type == "ORG":
                    # "French Interior Ministry" = "Interior Ministry", "GOP" = "Republicans" (aliases.org_words).
                    words, why = org_words(words)
                self.assign[k] = (m.type, words)
                if why:
                    self.why[k] = why
        places = {key[1] for key in self.assign.values() if key[0] == "LOC"}
        joins = organisations(set(self.assign.values()), places)
        for k, key in list(self.assign.items()):
            if key in joins:
                self.assign[k], why = joins[key]
                self.why.setdefault(k, why)

    def _roles(self) -> None:
        ms = self.mentions
        registry: dict[str, Counter[Key]] = defaultdict(Counter)
        nationalities: dict[str, set[str | None]] = defaultdict(set)
        for k, m in enumerate(ms):
            if m.type != "ROLE" or not m.links:
                continue
            target = self.assign.get(m.links[0])
            if target is None or target[0] != "PER":
                continue
            self.assign[k] = target
            self.why[k] = "a title given to the person right next to the name"
            registry[m.title or ""][target] += 1
            nationalities[m.title or ""].add(m.nationality)
            if m.nationality:
                registry[f"{m.nationality.lower()} {m.title}"][target] += 1
        # A title linked to two people in one story is ambiguous: it resolves nothing.
        holder = {t: next(iter(c)) for t, c in registry.items() if len(c) == 1}
        for k, m in enumerate(ms):
            if m.type != "ROLE" or k in self.assign:
                continue
            title = m.title or ""
            target = None
            if m.nationality:
                target = holder.get(f"{m.nationality.lower()} {title}")
                if target is None and nationalities.get(title, set()) <= {None, m.nationality}:
                    target = holder.get(title)
            else:
                target = holder.get(title)
            if target is not None:
                self.assign[k] = target
                self.why[k] = "a title the story gives to this person only"


def _title_case(title: str) -> str:
    return " ".join(w if w.isupper() else w.capitalize() for w in title.split())


def _titled(name: str) -> bool:
    return any(w.lower().strip(".") in _NAME_TITLES for w in name.split())


def _entity(key: Key, members: list[Mention], by_id: dict[str, Article]) -> Entity:
    fulls = Counter(" ".join(m.name) for m in members if m.type == "PER" and len(m.name) >= 2)
    surfaces = Counter(m.surface for m in members)
    if fulls:
        # The fullest personal name, not a title run into it ("Weekly Standard Editor Bill Kristol").
        name = sorted(fulls, key=lambda s: (_titled(s), -len(s.split()), -fulls[s], s))[0]
    else:
        name = sorted(surfaces, key=lambda s: (-surfaces[s], -len(s), s))[0]
    # A post at an organisation ("Ed Whelan, the president of the Ethics and Public Policy Center") stays a
    # mention, but its bare title shown as his alias, "President", would read as the country's president.
    kept = [m for m in members if not (m.type == "ROLE" and by_id[m.article].text.startswith(" of ", m.end))]
    aliases = {m.surface for m in kept}
    for m in kept:
        if m.type == "ROLE":
            aliases.add(_title_case(m.title or ""))
            if m.surface.isupper():
                aliases.add(m.surface)
    aliases.discard(name)
    # One spelling per alias: "French president" in one outlet, "French President" in another.
    best: dict[str, str] = {}
    for a in sorted(aliases, key=lambda s: (-sum(c.isupper() for c in s), s)):
        best.setdefault(a.lower(), a)
    aliases = set(best.values())
    aliases.discard(name)
    spans = sorted({Span.of(by_id[m.article], m.start, m.end) for m in members})
    return Entity(name=name, type=key[0], aliases=sorted(aliases), spans=spans)


def extract_entities(articles: list[Article], passages: dict[str, list[Passage]], *,
                     nlp: Any = None) -> list[Entity]:
    """The story's entities with merged aliases, most mentioned first (ties by name). ``passages`` maps article id
    to its passages (missing ones are segmented here); ``nlp``, an optional spaCy ``Language``, gives ``doc.ents``."""
    return [e for e, _ in explain_entities(articles, passages, nlp=nlp)]


def explain_entities(articles: list[Article], passages: dict[str, list[Passage]], *,
                     nlp: Any = None) -> list[tuple[Entity, dict[str, str]]]:
    """:func:`extract_entities`, each entity with why each of its aliases joined it (alias -> reason:
    "first-name variant ('liz' / 'elizabeth') with the same surname", "the acronym of 'national collegiate
    athletic association'", "a title given to the person right next to the name", ...)."""
    if not articles:
        return []
    mentions = collect_mentions(articles, passages, nlp=nlp)
    merger = _Merger(mentions)
    assign = merger.run()
    groups: dict[Key, list[int]] = defaultdict(list)
    for k, key in assign.items():
        groups[key].append(k)
    by_id = {a.id: a for a in articles}
    out = []
    for key, ks in groups.items():
        entity = _entity(key, [mentions[k] for k in ks], by_id)
        entity.why = _reasons(entity, [mentions[k] for k in ks], [merger.why.get(k) for k in ks])
        out.append((entity, entity.why))
    _drop_shared_titles([e for e, _ in out])
    out = [(e, why) for e, why in out if not all(_not_a_name(s, by_id) for s in e.spans)]
    out.sort(key=lambda t: (-len(t[0].spans), t[0].type, t[0].name))
    return out


# Capitalised tokens of news copy that the name readers take for names but that name nobody: a member's party
# and state ("Sen. Ted Cruz (R-Texas)", "D-Ill."), a time zone after a clock time ("6:41 p.m. PDT") and a
# month abbreviation before a day ("Oct. 5"). On the tune half they made 30 one-word entities of 27 events
# ("R-Texas" typed as a place, "Oct" and "PDT" as things).
_TIME_ZONES = frozenset({"PDT", "PST", "EDT", "EST", "CDT", "CST", "MDT", "MST", "GMT", "UTC", "BST"})
# The date reader's month words less the full names: "jan" ... "dec" and "sept" ("may" is a full name).
_MONTH_ABBREVIATIONS = frozenset(DATE_MONTHS) - frozenset(MONTH_NAMES)
_DAY_AFTER = re.compile(r"\.?\s*\d{1,2}\b")


def _not_a_name(span: Span, by_id: dict[str, Article]) -> bool:
    text = span.text.strip()
    # A weekday in the plural ("on Channel 5 Wednesdays"); an acronym of the common words before it.
    if PARTY_STATE.match(text) or text in _TIME_ZONES or (text.endswith("s") and text.lower()[:-1] in WEEKDAYS):
        return True
    if span.article in by_id and spelled_out(by_id[span.article].text, span.start, span.end):
        return True
    after = by_id[span.article].text[span.end:span.end + 12] if span.article in by_id else ""
    return text.lower().rstrip(".") in _MONTH_ABBREVIATIONS and bool(_DAY_AFTER.match(after))


def _drop_shared_titles(entities: list[Entity]) -> None:
    """A bare title ("Senator", "President") that several entities of the story hold as an alias names none
    of them: each "the senator" mention stays with the senator it was resolved to (its span is kept), but
    the alias list would tell a reader that "Senator" means six different people."""
    holders = Counter(a.lower() for e in entities for a in e.aliases
                      if all(w.strip(".") in _NAME_TITLES for w in a.lower().split()))
    shared = {t for t, n in holders.items() if n > 1}
    for e in entities:
        gone = [a for a in e.aliases if a.lower() in shared]
        if gone:
            e.aliases = [a for a in e.aliases if a.lower() not in shared]
            for a in gone:
                e.why.pop(a, None)


def _reasons(entity: Entity, members: list[Mention], why: list[str | None]) -> dict[str, str]:
    found: dict[str, str] = {}
    for m, reason in zip(members, why, strict=True):
        for form in (m.surface, _title_case(m.title or "")) if m.type == "ROLE" else (m.surface,):
            if form and reason:
                found.setdefault(form.lower(), reason)
    return {a: found.get(a.lower(), "the same name words") for a in entity.aliases}


def normalise_name(text: str) -> str:
    """Lower-case, single-spaced, without determiners, possessive and honorific dots: for alias lookups."""
    text = re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip(" ,.;:")
    text = re.sub(r"['’]s$", "", text)
    text = _DETERMINERS.sub("", text)
    return re.sub(r"\b(Mr|Mrs|Ms|Dr)\.", r"\1", text).lower()


class EntityLookup:
    """Finds the entity a phrase names ("the French President", "Darmanin") and the entity at an offset."""

    def __init__(self, entities: list[Entity]) -> None:
        self.entities = entities
        self._by_name: dict[str, Entity] = {}
        for e in entities:
            for alias in [e.name, *e.aliases]:
                self._by_name.setdefault(normalise_name(alias), e)
        # Then the mentions' own words: a bare title several people hold ("the senator") is no alias of any
        # (_drop_shared_titles), but still reads as the most mentioned of them, as before it was dropped.
        for e in entities:
            for s in e.spans:
                self._by_name.setdefault(normalise_name(s.text), e)
        self._spans: dict[str, list[tuple[int, int, Entity]]] = defaultdict(list)
        for e in entities:
            for s in e.spans:
                self._spans[s.article].append((s.start, s.end, e))
        for v in self._spans.values():
            v.sort(key=lambda t: (t[0], -t[1]))

    def named(self, phrase: str) -> Entity | None:
        return self._by_name.get(normalise_name(phrase))

    def in_range(self, article: str, start: int, end: int) -> list[tuple[int, int, Entity]]:
        return [t for t in self._spans.get(article, []) if start <= t[0] and t[1] <= end]
