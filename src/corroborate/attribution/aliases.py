"""Which keys of one story name the same person or organisation, and why.

:mod:`corroborate.attribution.entities` first gives every mention a key (its type and lower-case name
words); the functions here join keys by evidence the story itself holds, each join with its reason:

* people: a full name inside a longer one ("Boone Isaacs" in "Cheryl Boone Isaacs"), first-name variants
  and middle names ("Liz Cheney" / "Elizabeth Cheney", "Hillary Clinton" / "Hillary Rodham Clinton"), only
  when the name has no other candidate in the story;
* organisations: a leading country dropped ("U.S. Supreme Court" = "Supreme Court"), a party's names ("GOP",
  "Republicans", "Republican Party"), an acronym and the one name of the story it abbreviates ("NCAA",
  "N.C.A.A."), a shorter name that ends the one longer name of the story ("Intelligence Committee" in
  "Senate Intelligence Committee") unless the words dropped name a place, and a generic tail ("ABC News" =
  "ABC").

Types never mix: a party is never merged into a politician, nor a place into a person.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations

from corroborate.attribution.names import bare, initials, party_key, same_person, spelling
from corroborate.text.lexicon import COUNTRIES, DEMONYMS, ORG_WORDS
from corroborate.text.name_words import SECOND_REFERENCE_TAILS

Key = tuple[str, tuple[str, ...]]
Join = tuple[Key, str]  # the key joined, and why

# Tails that leave an organisation's name the same organisation ("ABC News", "Apple Inc").
_GENERIC_TAILS = frozenset({"news", "network", "inc", "corp", "co", "ltd", "plc", "llc", "television"})
_AWARDS = frozenset({"awards", "award"})


def org_words(words: tuple[str, ...]) -> tuple[tuple[str, ...], str | None]:
    """An organisation's key words, and the reason when they differ from its name's words."""
    words = tuple(bare(w) for w in words)
    party = party_key(words)
    if party is not None:
        return party, "a name of the party"
    dropped = None
    while len(words) > 1:
        two = " ".join(words[:2])
        # A country goes ("U.S. Senate" = "Senate"); a demonym only before two words or more ("French
        # Interior Ministry" = "Interior Ministry", but "European Union" stays whole).
        if len(words) > 2 and two in COUNTRIES:
            dropped, words = two, words[2:]
        elif words[0] in COUNTRIES or (words[0] in DEMONYMS and len(words) > 2):
            dropped, words = words[0], words[1:]
        else:
            break
    return words, (f"the same name without '{dropped}'" if dropped else None)


class _Union:
    def __init__(self) -> None:
        self.parent: dict[Key, Key] = {}
        self.why: dict[Key, str] = {}

    def find(self, k: Key) -> Key:
        while self.parent.get(k, k) != k:
            k = self.parent[k]
        return k

    def join(self, a: Key, b: Key, why: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # The longer name leads: "Hillary Rodham Clinton" over "Hillary Clinton".
            keep, drop = sorted((ra, rb), key=lambda k: (-len(k[1]), k))
            self.parent[drop] = keep
            for k in (a, b, drop):
                self.why.setdefault(k, why)

    def result(self, keys: set[Key]) -> dict[Key, Join]:
        return {k: (self.find(k), self.why.get(k, "")) for k in keys if self.find(k) != k}


def people(keys: set[Key]) -> dict[Key, Join]:
    """Full-name keys that are one person: key -> (the person's key, reason)."""
    names = sorted(k for k in keys if k[0] == "PER")
    u = _Union()
    for k in names:
        longer = [o for o in names if len(o[1]) > len(k[1]) and o[1][-len(k[1]):] == k[1]]
        if len(longer) == 1:
            u.join(k, longer[0], f"the end of the one longer name '{' '.join(longer[0][1])}'")
    partners = {k: [o for o in names if o != k and same_person(k[1], o[1])] for k in names}
    # A name that could be two people ("John Smith" beside "John A. Smith" and "John B. Smith") joins nobody,
    # and nobody joins through it.
    clear = {k for k, ps in partners.items() if all(same_person(a[1], b[1]) for a, b in combinations(ps, 2))}
    for k in names:
        for o in partners[k]:
            if k in clear and o in clear:
                u.join(k, o, _variant_reason(k[1], o[1]))
    return u.result(set(names))


def _variant_reason(a: tuple[str, ...], b: tuple[str, ...]) -> str:
    if a[0] != b[0]:
        x, y = sorted((a[0], b[0]))
        return f"first-name variant ('{x}' / '{y}') with the same surname"
    return "the same first name and surname, one with a middle name"


def organisations(keys: set[Key], places: set[tuple[str, ...]]) -> dict[Key, Join]:
    """Organisation and other keys that name one thing: key -> (its key, reason). ``places`` holds the
    story's place names, which a longer name may not add ("Connecticut Supreme Court" is not the "Supreme
    Court")."""
    named = sorted(k for k in keys if k[0] in ("ORG", "OTH", "LOC"))
    u = _Union()
    # Variants first (spelling, word order, singular, awards), so that an acronym meets one name, not two.
    for k in named:
        for other, why in _variants(k):
            if other != k and other in keys and other[0] != "PER":
                u.join(k, other, why)
    by_initials: dict[str, set[Key]] = defaultdict(set)
    for k in named:
        for acronym in initials(k[1]):
            by_initials[acronym].add(u.find(k))
    for k in named:
        if len(k[1]) == 1 and k[0] == "ORG":
            full = sorted(by_initials.get(k[1][0], set()))
            if len(full) == 1:
                u.join(k, full[0], f"the acronym of '{' '.join(full[0][1])}'")
    for k in named:
        if k[0] == "LOC":
            continue
        # One word is too short to end a name safely ("House" is not the "White House"), but a paper's or an
        # institution's last word is how news names it again ("The Times", "the Court").
        least = 1 if k[0] == "ORG" and len(k[1]) == 1 and k[1][0] in SECOND_REFERENCE_TAILS else 2
        longer = [o for o in named if o[0] == k[0] and len(o[1]) > len(k[1]) >= least and o[1][-len(k[1]):] == k[1]
                  and o[1][:-len(k[1])] not in places]
        # ... unless another name of the story has the same words as its head before "on"/"of"/"for": with a
        # "Republican National Committee" and a "House Select Committee on Benghazi", "the Committee" is either.
        headed = [o for o in named if o[0] == k[0] and o not in longer and _headed_by(o[1], k[1])]
        if len(longer) == 1 and not headed:
            u.join(k, longer[0], f"the end of the one longer name '{' '.join(longer[0][1])}'")
        if k[0] == "ORG" and len(k[1]) == 1:
            # A body's head word alone is how news names it again: "the House" for the "House of
            # Representatives", "the Academy" for the "Academy of Motion Picture Arts and Sciences".
            bodies = [o for o in named if o[0] == "ORG" and len(o[1]) >= 3 and o[1][0] == k[1][0]
                      and o[1][1] in ("of", "for")]
            if len(bodies) == 1:
                u.join(k, bodies[0], f"the first word of the one name '{' '.join(bodies[0][1])}'")
        if k[0] == "ORG" and len(k[1]) >= 2 and all(w in _GENERIC_TAILS for w in k[1][1:]):
            short = ("ORG", k[1][:1])
            if short in keys:
                u.join(short, k, f"the same name without '{' '.join(k[1][1:])}'")
    return u.result(set(named))


def _headed_by(words: tuple[str, ...], head: tuple[str, ...]) -> bool:
    """Whether ``head`` ends the part of the name before an "on"/"of"/"for" ("Select Committee on Benghazi")."""
    n = len(head)
    return any(words[i:i + n] == head and words[i + n] in ("on", "of", "for") for i in range(len(words) - n))


def _variants(k: Key) -> list[tuple[Key, str]]:
    """Other keys that name what ``k`` names: "Department of Justice" / "Justice Department", "Marine Corps
    Reserves" / "Marine Corps Reserve", "Emmys" / "Emmy Awards", "Kodak Theatre" / "Kodak Theater"."""
    kind, words = k
    out: list[tuple[Key, str]] = []
    if len(words) >= 3 and words[1] == "of" and words[0] in ORG_WORDS:
        out.append(((kind, (*words[2:], words[0])), "the same name in the other order"))
    if len(words) >= 2 and words[-1].endswith("s") and not words[-1].endswith("ss"):
        out.append(((kind, (*words[:-1], words[-1][:-1])), "the same name in the singular"))
    if kind == "OTH" and len(words) >= 2 and words[-1] in _AWARDS:
        # "Emmys" for the "Emmy Awards", whatever type the lone plural was given.
        plural = (*words[:-2], words[-2] + "s")
        out.extend(((t, plural), f"the short name of the {words[-1]}") for t in ("OTH", "ORG", "LOC"))
        out.append(((kind, (*words[:-1], "award")), "the same award"))
    respelt = tuple(spelling(w) for w in words)
    if respelt != words:
        out.append(((kind, respelt), "the same name in American spelling"))
    return out
