"""Corroboration and conflicts: who independently backs a statement, and where sources disagree.

Independence (who counts as one source) lives in :mod:`corroborate.crosscheck.independence`.

Conflicts are typed, each with both spans, the differing values, a one-line explanation and a confidence.
Every detector compares only claims that blocking put together (:mod:`corroborate.crosscheck.align`) or that share an
indexed fact (the same counted thing, the same quoted label), never all pairs:

* ``number``: the same counted thing with incompatible counts ("one of whom was pregnant" vs "multiple
  pregnant women"), or the same event's toll with different exact numbers;
* ``entity``: a different actor of the same action on the same thing ("the French government cancelled the
  meeting" vs "Ms. Patel cancelled her meeting"), or of the same quoted label;
* ``role``: who did what to whom swapped;
* ``place`` / ``date``: the same event with a different place or weekday, for the same participants;
* ``negation``: the same statement asserted and denied;
* ``drift``: a rewrite that changed meaning-bearing words (from the repeats' paraphrase groups).

Confidences are set by hand from the strength of the evidence (explicit vs implied counts, how similar the
two sentences are otherwise) and, for drift, from the precision each kind of change measured on SICK,
FEVER-symmetric and SummEdits; bench/RESULTS.md ("crosscheck-conflicts") has the per-kind precision and a
calibration table. When two detectors flag the same two sentences, the typed reading is kept.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from datetime import date, timedelta

from corroborate.crosscheck.claim_types import Claim, Quantity
from corroborate.crosscheck.findings import (
    KIND_ORDER,
    Finding,
    dedupe_conflicts,
    merge_findings,
    plural_as_written,
)
from corroborate.crosscheck.participants import form_of, label_findings, participant_findings, surface_verb
from corroborate.crosscheck.rules import rule_claim
from corroborate.model import Article, Conflict, RepeatGroup
from corroborate.text.claim_words import (
    EVENT_NOUNS,
    MONTHS,
    REPORTING,
    WEEKDAYS,
    lemma,
    negation_at,
    number_value,
    tokenize,
)
from corroborate.text.conflict_words import LIGHT_VERBS, REGIONS, SITES
from corroborate.text.lexicon import COUNTRIES

_TOLL_HEADS = frozenset(("person", "people", "migrant", "victim", "life", "death", "dead", "passenger",
                         "civilian", "injured", "wounded", "arrest"))


# --- findings, merged into conflicts ----------------------------------------------------------------------

# --- detectors ----------------------------------------------------------------------------------------------

def _count_label(q: Quantity) -> str:
    if q.high == q.low:
        return "one" if q.low == 1 else str(q.low)
    if q.low == 0 and q.high is not None:
        return f"at most {q.high}"
    return "more than one" if q.low <= 2 else f"{q.low} or more"


def _figure(q: Quantity) -> bool:
    """A count written as a figure, exact or bounded ("10", "at least 10", "no more than ten"), not a vague
    word ("dozens", "multiple") or a bare plural."""
    return q.high == q.low or any(number_value(w) is not None for w in q.surface.lower().split())


def number_findings(claims: list[Claim], related: Callable[[int, int], bool]) -> list[Finding]:
    """Incompatible counts of the same thing (same head phrase) or of the same event's toll."""
    by_head: dict[tuple[str, str], list[tuple[int, Quantity]]] = defaultdict(list)
    for i, c in enumerate(claims):
        for q in c.numbers:
            by_head[("head", q.head)].append((i, q))
            if q.frame and _figure(q) and (q.head in _TOLL_HEADS or q.head == q.frame):
                by_head[("toll", q.frame)].append((i, q))
    # Counts one sentence gives side by side ("404 yards rushing and 440 yards receiving") are two facts that
    # both hold, whoever else repeats either of them (ECB+ audit, GUIDELINE.md section 7).
    together = [{(q.head, q.low) for q in c.numbers} for c in claims]
    out: list[Finding] = []
    for (scope, head), qs in sorted(by_head.items()):
        if len(qs) < 2 or not any(q.explicit for _, q in qs):
            continue
        # Likewise a count no outlet gives without the other one beside it (in another sentence): an average
        # and a maximum, this quake's toll and an earlier one's. It is a second fact of the outlets that give
        # both, not a rival figure (ECB+ audit and FNC-1 pool, GUIDELINE.md sections 7 and 19). A figure some
        # outlet gives alone stays a candidate: one outlet's "923 rounds from the boat" against the others'
        # "300 rounds", where they give 923 as the season's total (a gold conflict).
        stated: dict[tuple[int, int | None], set[str]] = defaultdict(set)
        for i, q in qs:
            stated[(q.low, q.high)].add(claims[i].article)
        for x in range(len(qs)):
            i, qa = qs[x]
            for y in range(x + 1, len(qs)):
                j, qb = qs[y]
                if i == j or qa.compatible(qb) or not (qa.explicit or qb.explicit):
                    continue
                if (qa.frame and qb.frame and qa.frame != qb.frame) or \
                        any((qa.head, qa.low) in t and (qb.head, qb.low) in t for t in together) or \
                        _beside(stated[(qa.low, qa.high)], stated[(qb.low, qb.high)]):
                    continue  # killed six / injured two; both counts in one sentence; one always beside the other
                same_frame = qa.frame is not None and qa.frame == qb.frame
                if not (same_frame or related(i, j)):
                    continue
                exact = _figure(qa) and _figure(qb)
                if scope == "head" and exact and not claims[i].names & claims[j].names:
                    # Two exact counts of one noun with no name in common: another player's yards, another
                    # quake's toll (ECB+ audit). A count without a name in either sentence is no exception.
                    continue
                both = qa.explicit and qb.explicit
                noun = plural_as_written(head, qa.surface, qb.surface)
                topic = f"how many {noun}" if scope == "head" else f"{head} toll"
                out.append(Finding("number", (scope, head), topic,
                                   [(qa.span, qa.surface), (qb.span, qb.surface)], 0.8 if both else 0.6,
                                   labels={qa.surface: _count_label(qa), qb.surface: _count_label(qb)}))
    return out


def _beside(a: set[str], b: set[str]) -> bool:
    """Whether every article that gives one count also gives the other."""
    return a <= b or b <= a


_EVENT_VERBS = frozenset(EVENT_NOUNS.values())
_GENERIC_EVENTS = LIGHT_VERBS | REPORTING | frozenset(lemma(w) for w in ["travel", "send", "head", "return", "discuss"])


def place_date_findings(claims: list[Claim], pairs: Iterable[tuple[int, int]],
                        sim: Callable[[int, int], float], *,
                        published: Mapping[str, date | None] | None = None) -> list[Finding]:
    """The same event (shared event lemma) with the same participant, in a different place or on a
    different day. ``published`` (article id -> date) lets "yesterday" in one article and "Monday" in
    another be compared as the dates they stand for."""
    published = published or {}
    # The days each article gives each event: an outlet that also dates it with the other side's day does not
    # dispute it, and its day not set by the event's verb dates something else ("remained unclear on Sunday after
    # the aide was killed" beside its own "killed late on Friday": FNC-1 pool 2, GUIDELINE.md section 24). A day
    # set by the verb ("died on Friday") stays: an outlet at odds with itself is worth an editor's eye (ECB+ audit).
    told: dict[tuple[str, str], set[str]] = defaultdict(set)
    for c in claims:
        for e in c.events:
            told[(c.article, e)].update(t for t in c.times if t.endswith("day"))

    def told_too(x: Claim, own: set[str], event: str, days: set[str], other: Claim) -> bool:
        given = told.get((x.article, event), set())
        return not any((event, d) in x.dated for d in own) and bool(given) and \
            _same_days(given, days, published.get(x.article), published.get(other.article))

    out: list[Finding] = []
    for i, j in pairs:
        a, b = claims[i], claims[j]
        # Name the event by its noun when there is one ("meeting"), else by its verb.
        events = sorted((a.events & b.events) - _GENERIC_EVENTS, key=lambda e: (e not in _EVENT_VERBS, e))
        if not events:
            continue
        places_a = {p.lower() for p, _ in a.places}
        places_b = {p.lower() for p, _ in b.places}
        text_a, text_b = a.text.lower(), b.text.lower()
        shared = a.names & b.names - places_a - places_b
        if not shared:
            continue
        s = sim(i, j)
        if places_a and places_b and not places_a & places_b and not _named_in(places_a, text_b) \
                and not _named_in(places_b, text_a) and _same_size(a.places[0][0], b.places[0][0]):
            pa, pb = a.places[0], b.places[0]
            conf = 0.5 + (0.15 if set(a.times) & set(b.times) else 0.0) + 0.2 * max(s, 0.0)
            out.append(Finding("place", ("place", events[0]), _event_topic(a, b, events[0], where=True),
                               [(pa[1], pa[0]), (pb[1], pb[0])], round(min(conf, 0.85), 2)))
        if len(shared) < 2:
            continue
        days_a = {t for t in a.times if t.endswith("day")}
        days_b = {t for t in b.times if t.endswith("day")}
        pub_a, pub_b = published.get(a.article), published.get(b.article)
        if days_a and days_b and not _same_days(days_a, days_b, pub_a, pub_b) and s >= 0.6 \
                and not told_too(a, days_a, events[0], days_b, b) and not told_too(b, days_b, events[0], days_a, a):
            out.append(Finding("date", ("date", events[0]), _event_topic(a, b, events[0], where=False),
                               [(a.span, ", ".join(sorted(d.capitalize() for d in days_a))),
                                (b.span, ", ".join(sorted(d.capitalize() for d in days_b)))],
                               round(0.4 + 0.3 * s, 2)))
            continue
        # Sentences worded apart ("had to apologize Saturday" / "on Friday apologized") still date one event
        # when each puts its day right by the same verb and they share the participants.
        attached = sorted((e, da, db) for e, da in a.dated for e2, db in b.dated
                          if e == e2 and e in events and not _same_days({da}, {db}, pub_a, pub_b))
        if attached:
            e, da, db = attached[0]
            out.append(Finding("date", ("date", e), _event_topic(a, b, e, where=False),
                               [(a.span, da.capitalize()), (b.span, db.capitalize())],
                               round(0.4 + 0.3 * max(s, 0.5), 2)))
    return out


def _named_in(places: set[str], text: str) -> bool:
    """Whether the other sentence names one of the places too, hyphens and dots aside ("Al Qaim" in
    "a hospital in al-Qaim": FNC-1 pool 2, GUIDELINE.md section 24)."""
    plain = " " + " ".join(re.findall(r"[a-z0-9]+", text)) + " "
    return any(p in text or " " + " ".join(re.findall(r"[a-z0-9]+", p)) + " " in plain for p in places)


def _size(place: str) -> str:
    p = place.lower().removeprefix("the ")
    if p in COUNTRIES:
        return "country"
    if p in REGIONS:
        return "region"
    # A venue or a street inside a town ("SAP Arena", "Banstead High Street").
    return "site" if p.split()[-1] in SITES else "local"


def _same_size(a: str, b: str) -> bool:
    """Two places of one size: a city against a state or a country may be the city inside it."""
    return _size(a) == _size(b)


_RELATIVE_DAYS = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}


def _day_dates(words: set[str], published: date | None) -> set[date] | None:
    """The dates day words can stand for in an article published on ``published``: a weekday could be the
    last one or the next one (tense decides, which is not known here). None when a word cannot be placed."""
    if published is None:
        return None
    out: set[date] = set()
    for w in words:
        if w in _RELATIVE_DAYS:
            out.add(published + timedelta(days=_RELATIVE_DAYS[w]))
        elif w in WEEKDAYS:
            target = WEEKDAYS.index(w)
            out.add(published - timedelta(days=(published.weekday() - target) % 7))
            out.add(published + timedelta(days=(target - published.weekday()) % 7))
        else:
            return None
    return out


def _same_days(a: set[str], b: set[str], pub_a: date | None, pub_b: date | None) -> bool:
    """Could the two sets of day words name the same day? Unplaceable relative words ("yesterday" in an
    undated article) are given the benefit of the doubt: no conflict is claimed without evidence."""
    dates_a, dates_b = _day_dates(a, pub_a), _day_dates(b, pub_b)
    if dates_a is not None and dates_b is not None:
        return bool(dates_a & dates_b)
    if (a | b) & set(_RELATIVE_DAYS):
        return True
    return bool(a & b)


_EVENT_NOUN = {"meet": "meeting", "visit": "visit", "crash": "crash", "sink": "sinking", "attack": "attack",
               "elect": "election"}


def _event_topic(a: Claim, b: Claim, event: str, *, where: bool) -> str:
    """ "where the meeting was" / "when it happened ('died')": the event by its noun, else by the verb as
    written (an editor must never read a stem such as "estimat")."""
    noun = _EVENT_NOUN.get(event)
    if noun:
        return f"where the {noun} was" if where else f"when the {noun} happened"
    # ("when it was died" reads wrong for an intransitive verb; the verb in brackets reads right for all)
    verb = surface_verb(a, b, pred=event)
    return f"where it happened ('{verb}')" if where else f"when it happened ('{verb}')"


def negation_findings(claims: list[Claim], pairs: Iterable[tuple[int, int]], sim: Callable[[int, int], float],
                      *, min_sim: float) -> list[Finding]:
    """The same statement asserted by one source and denied by the other."""
    out: list[Finding] = []
    for i, j in pairs:
        a, b = claims[i], claims[j]
        if a.polarity == b.polarity or not a.content or not b.content:
            continue
        if a.predicate is None or a.predicate != b.predicate or a.predicate in REPORTING:
            continue
        neg = a if a.polarity == "negative" else b
        if not _denies(neg, a.predicate):
            continue  # the negation sits in another clause ("... killed two, and police did not have suspects")
        overlap = len(a.content & b.content) / len(a.content | b.content)
        s = sim(i, j)
        if overlap < 0.5 or s < min_sim:
            continue
        out.append(Finding("negation", ("negation", a.predicate, *sorted(a.content & b.content)[:3]),
                           f"whether {a.who or 'it'} {surface_verb(a, b, pred=a.predicate)}: affirmed in one "
                           "source, denied in the other",
                           [(a.span, a.polarity), (b.span, b.polarity)], round(0.45 + 0.4 * overlap, 2)))
    return out


def _denies(claim: Claim, pred: str) -> bool:
    """Whether a negation stands right before the claim's verb ("did not resign", "never resigned"), not
    elsewhere in the sentence."""
    lowers = [t.lower for t in tokenize(claim.text)]
    return any(w.isalpha() and form_of(w, pred) and any(negation_at(lowers, x) for x in range(max(0, k - 5), k))
               for k, w in enumerate(lowers))


DRIFT_MIN_SIMILARITY = 0.6  # share of the shorter text's words found in the other


def containment(a: str, b: str) -> float:
    from corroborate.crosscheck.brief import content_words

    wa, wb = content_words(a), content_words(b)
    small = min(len(wa), len(wb))
    return len(wa & wb) / small if small else 0.0
# Set from the measured precision of each change on SICK / FEVER-symmetric / SummEdits (bench/RESULTS.md,
# "crosscheck-conflicts"): an added or dropped negation is reliable, a changed actor or a curated distortion
# much less so outside rewrites (where they are confirmed by the paraphrase that holds them together).
DRIFT_CONFIDENCE = {"negation": 0.8, "number": 0.7, "actor": 0.6, "antonym": 0.7, "name": 0.65,
                    "distortion": 0.6, "substitution": 0.35}


def _is_day(word: str) -> bool:
    w = word.lower()
    return w in WEEKDAYS or w in MONTHS or w in ("today", "yesterday", "tomorrow")


def _says(text: str, words: list[str], other: list[str]) -> bool:
    """Whether ``text`` holds every one of ``words`` and not every one of ``other`` (the other wording)."""
    low = text.lower()
    return all(w.lower() in low for w in words) and not (other and all(w.lower() in low for w in other))


_DRIFT_AS = {"negation": "negation", "number": "number", "actor": "entity", "name": "entity"}


def drift_findings(groups: Iterable[RepeatGroup], *, typed: bool = False) -> list[Finding]:
    """Rewrites whose wording drifted in meaning-bearing words: the changed words are the values.
    ``typed``: the two texts are not known to be a source and its rewrite, so a change that has a kind of
    its own (negation, number, actor or name) is reported as that kind rather than as drift."""
    out: list[Finding] = []
    for g in groups:
        if g.drift is None or len(g.members) < 2 or set(g.drift.kinds) <= {"substitution"}:
            continue  # a weak substitution alone is more often a harmless synonym than a distortion
        olds = [o for o, _ in g.drift.changed if o]
        news = [n for _, n in g.drift.changed if n]
        # Each value goes to a member that says it: a pair group's drift reads its first member against its
        # second, whichever is the original, and a near group's members may repeat the original word for
        # word. A value put on a sentence that does not hold it ("attack" shown for a sentence saying
        # "incident") misleads the editor (tune gold, GUIDELINE.md section 19).
        first = next((m for m in sorted(g.members, key=lambda m: m != (g.original or g.members[0]))
                      if _says(m.text, olds, news)), None)
        second = next((m for m in g.members if m != first and _says(m.text, news, olds)), None)
        if first is None or second is None:  # words the text does not show as written ("n't", a lemma)
            first = g.original or g.members[0]
            second = next(m for m in g.members if m != first)
        old = "; ".join(olds) or "(nothing)"
        new = "; ".join(n for _, n in g.drift.changed if n) or "(nothing)"
        conf = max(DRIFT_CONFIDENCE.get(k, 0.5) for k in g.drift.kinds)
        key = ("drift", *sorted("|".join(sorted((o.lower(), n.lower()))) for o, n in g.drift.changed))
        kinds = {_DRIFT_AS.get(k, "drift") for k in g.drift.kinds}
        if kinds == {"entity"} and all(_is_day(o) and _is_day(n) for o, n in g.drift.changed):
            kinds = {"date"}  # "Wednesday" -> "Thursday" is a name change that is a date
        kind = kinds.pop() if typed and len(kinds) == 1 else "drift"
        topic = "wording changed in a rewrite" if kind == "drift" else "the two sentences differ"
        out.append(Finding(kind, key, topic, [(first, old), (second, new)], conf, why=g.drift.why))
    return out


# --- sentence-level detector (pure text) ---------------------------------------------------------------------

def conflict_between(a_text: str, b_text: str) -> Conflict | None:
    """The strongest typed conflict between two sentences, or None: the same detectors as the cross-check,
    on one pair, without blocking. Spans point into two throwaway articles named "a" and "b"."""
    from corroborate.crosscheck.align import lexical_similarity
    from corroborate.crosscheck.rules import person_keys
    from corroborate.model import Passage

    arts = [Article("a", "a", None, None, None, a_text), Article("b", "b", None, None, None, b_text)]
    claims = [rule_claim(art, Passage(art.id, 0, 0, 0, len(art.text), art.text), persons=person_keys(art.text))
              for art in arts]

    def sim(i: int, j: int) -> float:
        return lexical_similarity(claims[i], claims[j])

    pairs = [(0, 1)]
    findings = [*number_findings(claims, lambda i, j: sim(i, j) >= 0.3),
                *participant_findings(claims, pairs, sim, min_sim=0.3),
                *label_findings(claims),
                *place_date_findings(claims, pairs, sim),
                *negation_findings(claims, pairs, sim, min_sim=0.3)]
    from corroborate.repeats.drift import detect_drift

    # Drift is a rewrite's change: only between texts that are rewrites of each other (as the repeats stage
    # only reports drift inside paraphrase groups), not between any two related sentences.
    drift = detect_drift(a_text, b_text) if containment(a_text, b_text) >= DRIFT_MIN_SIMILARITY else None
    if drift is not None:
        findings.extend(drift_findings([RepeatGroup("paraphrase", [claims[0].span, claims[1].span], "across",
                                                     drift=drift)], typed=True))
    conflicts = dedupe_conflicts(merge_findings(findings, {a.id: a for a in arts}),
                                 sentence=lambda s: (s.article, 0, 0))
    if not conflicts:
        return None
    return min(conflicts, key=lambda c: (c.kind == "drift", -c.confidence, KIND_ORDER.get(c.kind, 99)))
