"""A conflict finding before it becomes a :class:`~corroborate.model.Conflict`: merged per distinct value, with the
outlets behind each, and deduplicated.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from corroborate.model import Article, Conflict, Span
from corroborate.text.claim_words import lemma
from corroborate.text.conflict_words import HOST_PREFIXES, TLDS


@dataclass(slots=True)
class Finding:
    """One detector's evidence: ``sides`` are (span, value) pairs that disagree on ``topic``."""

    kind: str
    key: tuple[str, ...]
    topic: str
    sides: list[tuple[Span, str]]
    confidence: float
    why: str = ""
    norm: Callable[[str], str] = field(default=lambda v: " ".join(v.lower().split()))
    labels: dict[str, str] = field(default_factory=dict)  # value -> how it reads in the explanation


MAX_SPANS_PER_VALUE = 6


def value_key(value: str) -> str:
    """One key for values that differ only in punctuation or case ("Ms Patel" / "Ms. Patel" read as one)."""
    return re.sub(r"[^a-z0-9]+", " ", value.lower()).strip()


def short(outlet: str) -> str:
    """An outlet's name for a one-line explanation: a web host by its name ("articles.latimes.com" ->
    "latimes", "news.bbc.co.uk" -> "bbc"), other long names cut."""
    if "." in outlet and " " not in outlet:
        parts = outlet.lower().split(".")
        names = [p for p in parts if p not in TLDS]
        names = [p for p in names if p not in HOST_PREFIXES] or names
        if names:
            outlet = names[0]
    return outlet if len(outlet) <= 16 else outlet[:12] + "…"


def merge_findings(findings: list[Finding], articles: dict[str, Article],
                   rewrites: frozenset[tuple[str, int, int]] = frozenset()) -> list[Conflict]:
    """One conflict per (kind, key): the union of its sides, the highest confidence, a one-line explanation
    that names every value with the outlets that state it."""
    groups: dict[tuple[str, tuple[str, ...]], list[Finding]] = defaultdict(list)
    for f in findings:
        groups[(f.kind, f.key)].append(f)
    out: list[Conflict] = []
    for (kind, _key), fs in sorted(groups.items()):
        sides: dict[tuple[str, int, int], tuple[Span, str]] = {}
        for f in fs:
            for span, value in f.sides:
                sides.setdefault((span.article, span.start, span.end), (span, value))
        labels = {k: v for f in fs for k, v in f.labels.items()}
        norm = labels.get if labels else fs[0].norm
        values: dict[str, list[tuple[Span, str]]] = defaultdict(list)
        for span, value in sides.values():
            values[norm(value) or value.lower()].append((span, value))
        if len(values) < 2:
            continue
        ordered = sorted(values.values(), key=lambda vs: min((s.article, s.start) for s, _ in vs))
        parts = []
        for vs in ordered:
            who = []
            for s, _ in sorted(vs, key=lambda x: (x[0].article, x[0].start)):
                label = short(articles[s.article].outlet if s.article in articles else s.article)
                if any(a == s.article and r0 <= s.start and s.end <= r1 for a, r0, r1 in rewrites):
                    label += ", spun rewrite"
                if label not in who:
                    who.append(label)
            # One article with its own passage and its spun rewrite of it is named once: "X, and its spun rewrite".
            who = [f"{w}, and its spun rewrite" if f"{w}, spun rewrite" in who else w for w in who
                   if not (w.endswith(", spun rewrite") and w.removesuffix(", spun rewrite") in who)]
            variants = {value_key(v): v for _, v in reversed(vs)}
            said = " / ".join(dict.fromkeys(f"'{variants[value_key(v)]}'" for _, v in vs))
            parts.append(f"{labels[vs[0][1]]}: {said} ({'; '.join(who)})" if labels else f"{said} ({'; '.join(who)})")
        why = next((f.why for f in fs if f.why), "")
        explanation = f"{fs[0].topic}: " + " vs ".join(parts) + (f" — {why}" if why else "")
        # A big story can repeat a value in dozens of copies: the first few spans per value are the evidence.
        flat = [sv for vs in ordered
                for sv in sorted(vs, key=lambda x: (x[0].article, x[0].start))[:MAX_SPANS_PER_VALUE]]
        out.append(Conflict(kind, [s for s, _ in flat], [v for _, v in flat], explanation,
                            round(max(f.confidence for f in fs), 2)))
    return out


KIND_ORDER = {k: i for i, k in enumerate(("number", "entity", "role", "place", "date", "negation", "drift", "quote"))}


def dedupe_conflicts(conflicts: list[Conflict], *,
                     sentence: Callable[[Span], tuple[str, int, int]] | None = None) -> list[Conflict]:
    """Two detectors may flag the same pair of sentences: keep one reading of it, a typed kind (number,
    entity, role, place, date, negation) over generic drift, with the higher of the two confidences.
    ``sentence`` maps a span to the sentence holding it (fragments and whole sentences then compare)."""
    where = sentence or (lambda s: (s.article, s.start, s.end))
    kept: list[tuple[Conflict, set[tuple[str, int, int]]]] = []
    for c in sorted(conflicts, key=lambda c: (c.kind == "drift", -c.confidence, KIND_ORDER.get(c.kind, 99),
                                              c.spans[0])):
        sents = {where(s) for s in c.spans}
        dup = next((k for k, ks in kept if len(sents) == 2 and sents <= ks), None)
        if dup is not None:
            dup.confidence = max(dup.confidence, c.confidence)
            continue
        kept.append((c, sents))
    return sorted((k for k, _ in kept), key=lambda c: (KIND_ORDER.get(c.kind, 99), c.spans[0], c.values))


_PLURALS = {"woman": "women", "man": "men", "child": "children", "person": "people", "life": "lives"}


def plural_as_written(head: str, *surfaces: str) -> str:
    """The counted noun in the plural as an outlet wrote it ("magazines", "homes"), not its lemma ("magazin",
    "hom": an explanation never shows a stem); the lemma's plural when no ``surfaces`` (counts as written)
    write it out."""
    words = head.split()
    for surface in surfaces:
        for w in surface.split():
            w = w.strip(".,;:!?\"'()“”‘’").lower()
            if w != words[-1] and w.endswith("s") and lemma(w) == words[-1]:
                return " ".join([*words[:-1], w])
    return _plural(head)


def _plural(head: str) -> str:
    words = head.split()
    last = words[-1]
    words[-1] = _PLURALS.get(last, last if last.endswith("s") else last + "es" if last.endswith(("ch", "sh", "x"))
                             else last + "s")
    return " ".join(words)
