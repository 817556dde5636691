"""Who a settled speaker phrase names: a person at its end, a surname, the body a spokesperson speaks for.

The last step of the quote reader (:mod:`corroborate.attribution.quotes`), after
:class:`corroborate.attribution.phrases.SpeakerPhrases` has found the phrase: :func:`refine_speaker` reads
"X of Y", "an AARP spokeswoman", "the Post's editorial board"; :func:`named_speaker` keeps a speaker only
when the phrase names someone the story knows.
"""

from __future__ import annotations

import re
from dataclasses import replace

from corroborate.attribution.entities import EntityLookup, normalise_name
from corroborate.attribution.names import JOINED_PARTICLE
from corroborate.model import Entity, Quote
from corroborate.text.body_nouns import BODY_NOUNS
from corroborate.text.claim_words import TITLES as CLAIM_TITLES
from corroborate.text.given_names import FEMALE_HONORIFICS, FEMALE_NAMES, GIVEN_NAMES, MALE_HONORIFICS, MALE_NAMES
from corroborate.text.known_orgs import PLATFORMS
from corroborate.text.lexicon import (
    CAPITALS,
    COMMON_CAPITALISED,
    COUNTRIES,
    DEMONYMS,
    HONORIFICS,
    LOC_WORDS,
    ORG_WORDS,
    OTH_WORDS,
    SPEAKER_NOUNS,
)
from corroborate.text.quote_words import _DETS, DOCUMENT_NOUNS
from corroborate.text.stopwords import STOPWORDS
from corroborate.text.titles import OFFICE_BEFORE, OFFICE_OPENERS

# A member of a party: "the Arizona Republican", "a Democrat" describe a person, never name one (the party is
# "Republicans", "the Democratic Party").
PARTY_MEMBERS = frozenset({"republican", "democrat", "tory", "conservative", "libertarian", "liberal"})
# Sentence adverbs that open a clause before its subject ("Indeed, as X has said, …").
_ADVERBS = frozenset({"indeed", "instead", "still", "yet", "again", "later", "earlier", "now", "then", "nearby",
                      "elsewhere", "meanwhile"})


def common_word(phrase: str) -> bool:
    """A one-word phrase that is a function word or a common word written with a capital ("Several hours
    earlier, …", "Indeed, …", "Having …"): the subject reader's stray pick, no speaker."""
    words = phrase.split()
    word = words[0].strip(".,’'").lower() if len(words) == 1 else ""
    return word in STOPWORDS or word in COMMON_CAPITALISED or word in _ADVERBS


def opening_modifier(phrase: str) -> bool:
    """A one-word phrase that is a capitalised adverb or participle ("Fortunately, the police …, saying",
    "Leading invertebrate researcher says"): a sentence's first word that the subject reader took for a
    name. (A surname such as "Manning" is an entity of the story and never asked about.)"""
    words = phrase.split()
    word = words[0].strip(".,’'") if len(words) == 1 else ""
    return len(word) > 5 and word[:1].isupper() and word[1:].islower() and word.lower().endswith(("ly", "ing"))


# Words that end or make up a title, not a name ("Florida Sen", "Wyoming U", "the Gov").
_TITLE_WORDS = HONORIFICS | CLAIM_TITLES | {"u", "rep", "reps", "sens", "govs", "state", "the", "a", "an"}


def _person_tail(parts: list[str], lookup: EntityLookup) -> tuple[int, Entity] | None:
    """Where the first person the story knows starts among the phrase's words, when their name is its last two
    words or more: (index, person)."""
    for k in range(1, len(parts) - 1):
        tail = lookup.named(" ".join(parts[k:]))
        if tail is not None and tail.type == "PER":
            return k, tail
    return None


def _person_at_end(phrase: str, lookup: EntityLookup) -> Entity | None:
    """The person whose name the phrase's last two or more words are ("Weekly Standard Editor Bill Kristol")."""
    found = _person_tail(phrase.split(), lookup)
    return found[1] if found is not None else None


_ABBREVIATED_COUNTRY = re.compile(r"(?:[A-Z]\.){2,3}|U[SNK]")


def _titled_person(phrase: str, lookup: EntityLookup) -> Entity | None:
    """"Secretary of State John Kerry", "Secretary of Defense Chuck Hagel": a title that holds "of" before a
    person's name is that person's when the story gives the person that title (the entity stage joined it to
    the name), or when it is written as an office is: a title word, then "of" and capitalised words.
    "A spokesman for Mr Darmanin" or "the lawyer of Ann Vale" is nobody's title."""
    parts = phrase.split()
    found = _person_tail(parts, lookup)
    if found is None:
        return None
    k, tail = found
    head = parts[:k]
    while len(head) > 1 and (head[0].lower() in OFFICE_BEFORE or _ABBREVIATED_COUNTRY.fullmatch(head[0])):
        head = head[1:]  # "former Secretary of State Ann Vale", "U.S. Secretary of State ..."
    office = head[0].strip(".").lower() in OFFICE_OPENERS and "of" in head \
        and all(w in ("of", "the") or w[:1].isupper() for w in head[1:])
    return tail if office or lookup.named(" ".join(head)) is tail else None


def _named_after_noun(phrase: str, lookup: EntityLookup) -> Entity | None:
    """"Trade publication Variety", "the news agency Reuters": a common noun right before a name the story
    knows as an organisation (or an untyped name) describes it; the name speaks."""
    parts = phrase.split()
    for k in range(1, len(parts)):
        if parts[k - 1].isalpha() and parts[k - 1].islower() and parts[k - 1] not in _DETS:
            tail = lookup.named(" ".join(parts[k:]))
            if tail is not None and tail.type in ("ORG", "OTH"):
                return tail
    return None


def gender(name: str) -> str | None:
    """"f", "m" or None (unknown): what a name's honorific ("Mrs. Clinton") or first name ("Michelle Obama")
    says of its bearer. Titles before the name ("Senator Joni Ernst") are passed over."""
    for word in (w.strip(".,").lower() for w in name.split()):
        if word in FEMALE_HONORIFICS:
            return "f"
        if word in MALE_HONORIFICS:
            return "m"
        if word in _TITLE_WORDS:
            continue
        return "f" if word in FEMALE_NAMES else "m" if word in MALE_NAMES else None
    return None


_PRONOUN_GENDER = {"he": "m", "she": "f"}


def agrees(name: str, pronoun: str | None) -> bool:
    """Can the pronoun ("he", "she") refer to the named person: yes unless the name says another gender."""
    want = _PRONOUN_GENDER.get(pronoun or "")
    found = gender(name) if want else None
    return found is None or found == want


def _by_surname(phrase: str, lookup: EntityLookup, pronoun: str | None = None) -> Entity | None:
    """The one person of the story whose name ends in this surname ("Murray", "Mr. Murray" -> "Tim Murray"),
    when the entity stage did not list the surname as an alias. Two people sharing it: nobody -- unless an
    honorific or the pronoun that refers back tells them apart ("Mr. Trump" or "he" is not Melania Trump)."""
    words = phrase.split()
    want = gender(words[0]) if words and words[0].strip(".").lower() in HONORIFICS else None
    want = want or _PRONOUN_GENDER.get(pronoun or "")
    words = [w for w in words if w.strip(".").lower() not in HONORIFICS]
    if len(words) != 1 or not (words[0][:1].isupper() or JOINED_PARTICLE.fullmatch(words[0])):  # ("al-Hashimi")
        return None
    surname = normalise_name(words[0])
    found = {e.name: e for e in lookup.entities
             if e.type == "PER" and len(e.name.split()) > 1 and normalise_name(e.name.split()[-1]) == surname
             and (want is None or gender(e.name) in (None, want))}
    return next(iter(found.values())) if len(found) == 1 else None


# What a spokesperson speaks for: the typer calls some companies OTH, and some LOC ("Google" after "in"-like
# cues); whatever has a spokesperson is an organisation (or a place's government) speaking.
_BODIES = ("ORG", "OTH", "LOC")
_SPOKES_NOUNS = frozenset({"spokesman", "spokeswoman", "spokesperson", "spokespeople", "representative"})


def _principal(phrase: str, lookup: EntityLookup) -> Entity | None:
    """The body a described speaker speaks for: "an AARP spokeswoman" and "a spokesperson for Google" speak
    for the organisation. (A person before "of" is :func:`refine_speaker`'s, which the reader asks first.)"""
    words = phrase.split()
    lowered = [w.strip(".,’'").lower() for w in words]
    for cut in ("of", "for"):
        if cut in lowered[1:]:
            k = lowered.index(cut, 1)
            ent = lookup.named(" ".join(words[k + 1:]))
            if ent is not None and ent.type in _BODIES and _SPOKES_NOUNS & set(lowered[:k]):
                return ent
    if _SPOKES_NOUNS & set(lowered):
        # "an AARP spokeswoman": the organisation named just before the noun.
        k = max(i for i, w in enumerate(lowered) if w in _SPOKES_NOUNS)
        for first in range(k):
            ent = lookup.named(" ".join(words[first:k]))
            if ent is not None and ent.type in _BODIES:
                return ent
    return None


_OWNED = re.compile(r"(?:the )?(.+?)['’]s ([a-z][a-z -]*)", re.IGNORECASE)


def _owner(phrase: str, lookup: EntityLookup) -> Entity | None:
    """"The Washington Post's editorial board": an organisation's body or staff, unnamed, speaks for it."""
    m = _OWNED.fullmatch(phrase)
    if m is None or not m.group(2)[:1].islower():
        return None
    ent = lookup.named(m.group(1))
    return ent if ent is not None and ent.type == "ORG" else None


_NAME_RUN = r"[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*)*"
# "an AARP spokeswoman", "a spokesperson for Google": the body a spokesperson speaks for.
_SPOKES = (re.compile(rf"({_NAME_RUN})\s+spokes(?:person|man|woman)\b"),
           re.compile(rf"\bspokes(?:person|man|woman)\s+for\s+(?:the\s+)?({_NAME_RUN})"))


def refine_speaker(phrase: str, lookup: EntityLookup, earlier: str) -> str | None:
    """A better speaker for a phrase that names no entity as a whole, or None:

    - "Nanette Lee Miller of Marcum L.L.P.": the person before "of";
    - "Mark and Condon said in a joint statement": the first person named (the labelling guideline's rule);
    - "the spokesperson said", after "A spokesperson for Google": the organisation it speaks for, as
      "spokesperson for Google" (:func:`named_speaker` then resolves it).
    """
    words = phrase.split()
    lowered = [w.lower() for w in words]
    for cut in ("of", "and"):
        if cut in lowered[1:-1]:
            k = lowered.index(cut, 1)
            head = " ".join(words[:k])
            ent = lookup.named(head) or _person_at_end(head, lookup) or _by_surname(head, lookup)
            if ent is not None and ent.type == "PER" and (cut == "of" or words[k + 1][:1].isupper()):
                return ent.name
    if len(words) == 2 and lowered[0] == "the" and lowered[1] in _SPOKES_NOUNS - {"representative"}:
        found, at = None, -1
        for pattern in _SPOKES:
            for m in pattern.finditer(earlier):
                ent = lookup.named(m.group(1))
                if ent is not None and ent.type in _BODIES and m.start() > at:
                    found, at = ent, m.start()  # the nearest one before the quote
        if found is not None:
            return f"{lowered[1]} for {found.name}"
    return None


# Roles that sports and business copy writes before a name ("Angels GM Tony Reagins", "Super Bowl MVP Drew Brees").
_ROLE_WORDS = frozenset({"mvp", "gm", "ceo", "coach", "defender", "quarterback", "manager", "owner", "director",
                         "attorney", "officer", "defector"})


def body_member(name: str) -> str | None:
    """The person's two-word name at the end of a body's name run into it ("British Association of Aesthetic
    Plastic Surgeons Ann Vale", where the article left out "member"), or None."""
    words = name.split()
    head = [w.strip(".,").lower() for w in words[:-2]]
    if len(words) >= 5 and {"of", "for"} & set(head[1:]) and set(head) & ORG_WORDS \
            and all(w[:1].isupper() and w.isalpha() for w in words[-2:]) \
            and not {w.lower() for w in words[-2:]} & (ORG_WORDS | LOC_WORDS | OTH_WORDS | _BODY_HEADS):
        return " ".join(words[-2:])  # (not "University of Ostland Medical Center": the body's own last words)
    return None


def plain_name(ent: Entity) -> str:
    """A person's name without the title, team or stray participle the entity stage kept in front of it ("Los
    Angeles Angels GM Tony Reagins", "Super Bowl Mvp Drew Brees", "Describing Naing Lin" -> "Tony Reagins", "Drew
    Brees", "Naing Lin"): the longest alias of two or more words that ends the name and opens with a first name or
    follows a role word, when the name itself opens with no first name ("Mary Jo White" stays whole)."""
    words = ent.name.split()
    given = GIVEN_NAMES
    if len(words) >= 3 and words[0].lower().endswith("ing") and words[0] not in (a.split()[0] for a in ent.aliases):
        return " ".join(words[1:])  # "Describing Naing Lin": a participle that opened the sentence
    if len(words) < 3 or words[0].strip(".,").lower() in given:
        return ent.name
    if words[0].strip(".,").lower() in _ROLE_WORDS and words[1][:1].isupper():
        return " ".join(words[1:])  # "Defector Cho Min-soo", "Coach Ann Vale": a role written as a title
    if (member := body_member(ent.name)) is not None:
        return member
    tails = [a for a in ent.aliases if 2 <= len(a.split()) < len(words) and words[-len(a.split()):] == a.split()
             and (a.split()[0].lower() in given
                  or {w.strip(".,").lower() for w in words[:-len(a.split())]} & (CLAIM_TITLES | _ROLE_WORDS))]
    return max(tails, key=lambda a: (len(a.split()), a)) if tails else ent.name


_BODY_NAME = re.compile(rf"(?:{'|'.join(sorted(ORG_WORDS))}) (?:of|for) ", re.IGNORECASE)


def body_name(name: str) -> bool:
    """A name a body's head word opens before "of"/"for" ("Foundation for Relief and Reconciliation in the Middle
    East", "Union of Commissioners"): an organisation, whatever the typer made of its last word."""
    return _BODY_NAME.match(name) is not None


# Head words of a body's name before "for"/"of" that the shared list lacks ("Syrian Observatory for Human Rights").
_BODY_HEADS = frozenset({"observatory", "centre", "center"})
_NAME_JOINS = frozenset({"for", "of", "and", "the", "on", "in"})


# A name's last part joined to a lower-case particle (names.JOINED_PARTICLE), and the capitalised words before it.
_JOINED_NAME = re.compile(r"(?<!\S)(?:[A-Z]\S*\s+)+" + JOINED_PARTICLE.pattern + "$")


def phrase_name(phrase: str) -> str | None:
    """The name a phrase holds as a whole, or None: "the Syrian Observatory for Human Rights" (a capitalised
    name whose head word names a body before "for"/"of" is that body, not "Human Rights"); "Head of the committee
    Omar al-Rawi" (a role before a name that ends in a joined particle: the name)."""
    joined = _JOINED_NAME.search(phrase)
    if joined is not None and joined.start() > 0:
        return joined.group(0)
    words = phrase.split()
    if words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    cut = next((k for k, w in enumerate(words) if w.lower() in ("for", "of")), None)
    if cut is None or cut == 0 or cut == len(words) - 1 \
            or words[cut - 1].strip(".,").lower() not in ORG_WORDS | _BODY_HEADS:
        return None
    if not all(w[:1].isupper() or w.lower() in _NAME_JOINS for w in words):
        return None
    return " ".join(words)


def _may_speak(name: str) -> bool:
    """Can a name typed as a place or a thing be a speaker: not a country, a capital or a nationality, and no
    head word of a place or a thing ("Iraq", "Washington", "Hudson River", "the Paris Agreement")."""
    words = {w.strip(".,’'").lower() for w in name.split()}
    lowered = name.lower()
    # ("Mayo Clinic", "Mount Sinai Hospital" speak, as bodies do; "the Tweet" is a document, no speaker.)
    return body_name(name) or (name[:1].isupper() and not common_word(name) and lowered not in COUNTRIES
                               and lowered not in CAPITALS and lowered not in DEMONYMS and not words & DOCUMENT_NOUNS
                               and not words & ((LOC_WORDS | OTH_WORDS | _TITLE_WORDS) - BODY_NOUNS))


def named_speaker(quote: Quote, lookup: EntityLookup, spoke: set[str] | None = None) -> Quote:
    """:func:`_named_speaker`, and no words shown for nobody named when they are a determiner alone ("Its
    producers said", "Some also said": "unattributed (Its)" would tell a reader nothing)."""
    out = _named_speaker(quote, lookup, spoke)
    if out.speaker is None and out.speaker_span is not None \
            and all(w.lower() in _DETS for w in out.speaker_span.text.split()):
        return replace(out, speaker_span=None)
    return out


def _named_speaker(quote: Quote, lookup: EntityLookup, spoke: set[str] | None = None) -> Quote:
    """A speaker is a person or an organisation, or nobody: a described source ("a senior aide", "A Home
    Office source"), a place, a title fragment ("Florida Sen") or a common word becomes "unattributed"
    (``speaker`` None) while ``speaker_span`` still points at the words that introduced the quote. A
    capitalised name the entity stage missed stays as written."""
    if quote.speaker is None:
        return quote
    ent = lookup.named(quote.speaker)
    said_by = quote.speaker_span.text.split() if quote.speaker_span is not None else []
    if said_by and said_by[-1].strip(".,’'").lower() in PARTY_MEMBERS | {"democratic"} and ent is not None \
            and ent.type == "ORG":
        # "the Senate's top Democrat said he …", "A senior Democratic [staffer] told …": a member, not the party
        return replace(quote, speaker=None)
    if quote.speaker.split()[-1].strip(".,").lower() in PARTY_MEMBERS:
        return replace(quote, speaker=None)  # "The Arizona Republican said" that no earlier person resolved
    if quote.speaker.lower() in PLATFORMS:
        return replace(quote, speaker=None)  # "the post on Twitter read": where the words appeared, not who wrote them
    lowered = {w.strip(".,’'").lower() for w in quote.speaker.split()}
    # "the company's chief security officer Joe Sullivan": a description that ends in a known name is that
    # person; "a spokesman for Mr Darmanin" is not Mr Darmanin.
    if ent is None:
        ent = _person_at_end(quote.speaker, lookup) or _by_surname(quote.speaker, lookup) \
            if not {"for", "of"} & lowered else _titled_person(quote.speaker, lookup)
        if ent is not None:
            quote = replace(quote, speaker=ent.name)
    principal = (_principal(quote.speaker, lookup) or _owner(quote.speaker, lookup)) if ent is None else None
    if principal is not None:
        return replace(quote, speaker=principal.name)
    described_body = _named_after_noun(quote.speaker, lookup) if ent is None and not {"for", "of"} & lowered \
        else None
    if described_body is not None:
        return replace(quote, speaker=described_body.name)
    if ent is not None and ent.type in ("PER", "ORG"):
        # A known person or organisation, whatever its canonical name looks like ("Treasury Secretary Jacob
        # Lew" holds the noun "secretary" but is a name, not a description).
        name = plain_name(ent) if ent.type == "PER" else ent.name
        return quote if quote.speaker == name else replace(quote, speaker=name)
    if ent is not None and ent.type in ("OTH", "LOC") and (quote.cue is not None or ent.name in (spoke or ()))\
            and _may_speak(ent.name):
        # "“…,” Bower said", "Microsoft said": the typer took a person or a company the story names once for a
        # place or a thing; the subject of a speech verb speaks, unless it is a known place. So does the next
        # quote that continues the words of a subject that spoke so (``spoke``: those subjects).
        if spoke is not None and quote.cue is not None:
            spoke.add(ent.name)
        return quote if quote.speaker == ent.name else replace(quote, speaker=ent.name)
    words = [w.strip(".,’'").lower() for w in quote.speaker.split()]
    fragment = not words or words[-1] in _TITLE_WORDS or all(w in _TITLE_WORDS for w in words) \
        or common_word(quote.speaker) or opening_modifier(quote.speaker)
    described = words[0] in _DETS or any(w in SPEAKER_NOUNS for w in words) or not quote.speaker[:1].isupper()
    if fragment and not described:
        # ("Batting down the allegations, the report said …", "Florida Sen": a stray word or a title's piece
        # introduces no one, so it is not shown as the words that introduced the quote either.)
        return replace(quote, speaker=None, speaker_span=None)
    if described or ent is not None:
        return replace(quote, speaker=None)
    return quote
