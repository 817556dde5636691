"""Who did it: actor and role conflicts, and the quoted labels one outlet gives to another's speaker.

Split from :mod:`corroborate.crosscheck.conflicts` (the other detectors); the same findings contract.
An actor conflict needs two named actors of one action on one thing: collective sources, descriptions of
one participant, coordinations cut in two and different objects are not disputes (bench/gold/GUIDELINE.md
section 7 lists what these rules answer).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable

from corroborate.crosscheck.claim_types import Claim
from corroborate.crosscheck.findings import Finding
from corroborate.text.claim_words import (
    DETERMINERS,
    LABEL_VERBS,
    REPORTING,
    lemma,
    name_key,
    phrase_head,
    same_participant,
)
from corroborate.text.conflict_words import COLLECTIVE_ACTORS, INSTITUTIONS, LIGHT_VERBS

_LABEL_KEYS = frozenset(lemma(v) for v in LABEL_VERBS)
_GENERIC_WHO = frozenset(("it", "this", "that", "they", "he", "she", "we", "i", "you", "which", "who", "one"))


def _who_ok(who: str | None) -> bool:
    words = (who or "").lower().split()  # a parse can leave an actor of spaces only (an FNC-1 body did)
    return bool(words) and words[-1] not in _GENERIC_WHO and words[-1] not in COLLECTIVE_ACTORS \
        and bool(name_key(who or ""))


def _dateline(who: str | None, text: str) -> bool:
    """Whether the actor is the dateline the sentence opens with ("SEOUL (Reuters) - LG Display will supply ...",
    "WASHINGTON — The Senate voted"): a parse takes the city for the subject, but it only says where the report
    was filed (an FNC-1 group's flag at 0.88, brief pool 4)."""
    w = (who or "").strip()
    return bool(w) and w.isupper() and re.match(
        rf"\s*{re.escape(w)}\s*(?:,\s*[\w.' ]+?)?\s*(?:\([^)]*\)\s*)?[-–—:]", text) is not None


def participant_findings(claims: list[Claim], pairs: Iterable[tuple[int, int]], sim: Callable[[int, int], float],
                         *, min_sim: float) -> list[Finding]:
    """Entity: a different actor of the same action on the same thing. Role: actor and patient swapped."""
    out: list[Finding] = []
    story_text = "\n".join(c.text for c in claims).lower()
    for i, j in pairs:
        a, b = claims[i], claims[j]
        for wa, pa, ta in a.triples:
            if pa in LIGHT_VERBS or pa in REPORTING or pa in _LABEL_KEYS:
                continue
            for wb, pb, tb in b.triples:
                if pa != pb or not (_who_ok(wa) and _who_ok(wb)) or _dateline(wa, a.text) or _dateline(wb, b.text):
                    continue
                s = sim(i, j)
                if same_participant(wa, tb) and same_participant(ta, wb) and not same_participant(wa, wb):
                    verb = surface_verb(a, b, pred=pa)
                    out.append(Finding("role", ("role", pa, *sorted(name_key(wa or "") | name_key(wb or ""))),
                                       f"who {verb} whom", [(a.span, f"{wa} → {ta}"), (b.span, f"{wb} → {tb}")],
                                       round(min(0.85, 0.5 + 0.35 * max(s, 0.0)), 2)))
                    continue
                ha, hb = phrase_head(ta), phrase_head(tb)
                if ha is None or ha != hb:
                    continue
                shared = (a.names & b.names) - name_key(wa or "") - name_key(wb or "")
                if s < min_sim and len(shared) < 2:
                    continue
                if not _same_thing(ta, tb) or _both_named(wa, wb, a, b) or _description_and_name(wa, wb):
                    continue
                if not same_participant(wa, wb) and not _overlap(wa, wb) and not _apposed(wa, wb, story_text):
                    verb = surface_verb(a, b, pred=pa)
                    out.append(Finding("entity", ("actor", pa, ha), f"who {verb} the {_surface_head(ta)}",
                                       [(a.span, wa or ""), (b.span, wb or "")],
                                       round(min(0.9, 0.55 + 0.35 * max(s, 0.0)), 2),
                                       norm=lambda v: " ".join(sorted(name_key(v)))))
    return out


def _apposed(a: str | None, b: str | None, story_text: str) -> bool:
    """A description and a name that the story itself puts side by side ("the passenger ferry Morwen Star",
    "Hansbrough , the reigning national player") are one participant, not two actors."""
    if not a or not b:
        return False
    for desc, name in ((a, b), (b, a)):
        words = desc.lower().split()
        if words and words[0] in {"the", "a", "an"}:
            words = words[1:]
        phrase, named = " ".join(words), name.lower()
        if words and any(f in story_text for f in (f"{phrase} {named}", f"{named}, {desc.lower()}",
                                                   f"{named} , {desc.lower()}")):
            return True
    return False


def _content_of(phrase: str | None) -> set[str]:
    return {lemma(w) for w in re.findall(r"[a-z0-9]+", (phrase or "").lower()) if w not in DETERMINERS}


def _same_thing(ta: str | None, tb: str | None) -> bool:
    """Two objects that can be one thing: one's words inside the other's ("the meeting" / "her meeting with
    Mr Macron"). "scored 23 points" and "scored 12 points", or "critical injuries" and "minor injuries", are
    two facts, so their actors are not in dispute."""
    ca, cb = _content_of(ta), _content_of(tb)
    return ca <= cb or cb <= ca


def _both_named(wa: str | None, wb: str | None, a: Claim, b: Claim) -> bool:
    """Each sentence names both actors ("the ATF and FBI are offering" / "The FBI and ATF offered"): a
    coordination the parse cut in two, not two sources disagreeing."""
    ka, kb = name_key(wa or ""), name_key(wb or "")
    return bool(ka) and bool(kb) and ka <= b.names and kb <= a.names


def _description_and_name(wa: str | None, wb: str | None) -> bool:
    """A description ("the 23-year-old", "a suspected Mafia leader", "the flaw") against a name or another
    description: news refers to one participant both ways, so the two are not shown as different actors,
    unless the description names an institution."""
    def described(p: str, other: str) -> bool:
        words = p.split()
        head = words[-1]
        if not (words[0].lower() in DETERMINERS or not words[0][:1].isupper()) or head[:1].isupper():
            return False
        # An institution described ("the team", "the club") against a group's name ("The Saints", "the Harlow
        # Hawks") is that group (ECB+ audit: 'the team' against 'The New Orleans Saints' placing one player).
        return head.lower() not in INSTITUTIONS or _group_name(other)
    return bool(wa) and bool(wb) and (described(wa, wb) or described(wb, wa))  # type: ignore[arg-type]


def _group_name(p: str) -> bool:
    """A capitalised plural name ("the Saints", "New Orleans Saints"): a team, a party or a band, not a person."""
    last = p.split()[-1]
    return last[:1].isupper() and last.endswith("s") and not last.endswith(("ss", "'s", "’s"))


def _overlap(a: str | None, b: str | None) -> bool:
    """One actor phrase contained in the other ("the government" / "the French government")."""
    if not a or not b:
        return False
    x, y = a.lower(), b.lower()
    return x in y or y in x


def form_of(word: str, pred: str) -> bool:
    """Whether ``word`` is a form of the predicate, which is a parser lemma ("kill") on the default path and
    a rule stem ("kil", "estimat") on the lexical one."""
    return lemma(word) == pred or word == pred or (len(pred) >= 4 and word[:4] == pred[:4])


def surface_verb(*claims: Claim, pred: str) -> str:
    """The verb as the sources wrote it, past tense first ("estimated"), never the lemma's stem ("estimat"),
    which an editor reads as a typo."""
    forms = [w.strip(",.;:‘’'\"“”").lower() for c in claims for w in c.text.split()]
    forms = [w for w in forms if w.isalpha() and form_of(w, pred)]
    return next((w for w in forms if w.endswith("ed")), forms[0] if forms else pred)


def _surface_head(target: str | None) -> str:
    words = [w for w in (target or "").split() if w.isalpha()]
    return words[-1].lower() if words else "thing"


def label_findings(claims: list[Claim]) -> list[Finding]:
    """The same quoted characterisation attributed to different people ("calling him 'not serious'")."""
    by_quote: dict[str, list[tuple[int, object]]] = defaultdict(list)
    for i, c in enumerate(claims):
        for lab in c.labels:
            by_quote[lab.quote].append((i, lab))
    out: list[Finding] = []
    for quote, labs in sorted(by_quote.items()):
        for x in range(len(labs)):
            for y in range(x + 1, len(labs)):
                la, lb = labs[x][1], labs[y][1]
                if not (_who_ok(la.labeler) and _who_ok(lb.labeler)) or same_participant(la.labeler, lb.labeler):
                    continue
                out.append(Finding("entity", ("label", quote), f"who called someone '{quote}'",
                                   [(claims[labs[x][0]].span, la.labeler), (claims[labs[y][0]].span, lb.labeler)],
                                   0.7, norm=lambda v: " ".join(sorted(name_key(v)))))
    return out
