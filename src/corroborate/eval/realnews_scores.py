"""Scoring of one checker report against one gold event (``bench/gold``), task by task.

Each ``score_<task>(event, stories)`` returns a *tally*: raw counts (summed over events by :func:`merge`),
nested count tables, and lists of audit rows (the errors, kept for ``--explain``). ``summarize_<task>`` turns
a merged tally into the reported ratios. Ratios whose denominator is zero are ``None``, never a made-up 0.

Matching rules (GUIDELINE.md says what was labelled):

* conflicts: a predicted conflict matches a gold pair when two *different* spans of it overlap the sentence of
  gold ``a`` and the sentence of gold ``b`` (either order). A ``debatable`` gold pair is worth half a conflict,
  in precision and in recall;
* quotes: direct quotes; a predicted span matches a gold span at character Jaccard >= 0.5, once quote marks
  and whitespace at either end are trimmed; matching is one-to-one, best Jaccard first;
* entities: surface forms are compared lower-cased, without full stops and with whitespace collapsed;
* timeline: a predicted event's span is narrowed to the occurrences of its expression when they can be found
  in it (else the whole span) before it is overlapped with a gold expression;
* brief: a citation supports a gold fact when it overlaps the sentence of one of the fact's support spans.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from corroborate.errors import InputFormatError
from corroborate.eval.gold import GoldEvent
from corroborate.model import Span, Story
from corroborate.text.name_words import NAME_SUFFIXES

WEIGHT = {"conflict": 1.0, "debatable": 0.5}
BUCKETS = ((0.0, 0.5), (0.5, 0.7), (0.7, 0.85), (0.85, 1.0))
BUCKET_LABELS = ("[0,0.5)", "[0.5,0.7)", "[0.7,0.85)", "[0.85,1]")  # the last bucket includes 1
JACCARD = 0.5
BRIEF_TOP = 5
_TRIM = " \t\r\n\"'`“”‘’«»„"
QUOTE_MARK = re.compile(r"[\"“”«»„]|``|''")


# -- shared helpers ----------------------------------------------------------------------------------------

def overlaps(a: Span, b: Span) -> bool:
    return a.article == b.article and a.start < b.end and b.start < a.end


def ratio(n: float, d: float) -> float | None:
    return n / d if d else None


def f1(p: float | None, r: float | None) -> float | None:
    if p is None or r is None:
        return None
    return 2 * p * r / (p + r) if p + r else 0.0


def norm(form: str) -> str:
    """A surface form for comparison: lower case, no full stops, one space between words, plain apostrophes."""
    return " ".join(form.lower().replace("’", "'").replace(".", " ").split())


def bucket(confidence: float) -> str:
    """The calibration bucket of a confidence: ``[0,0.5)``, ``[0.5,0.7)``, ``[0.7,0.85)`` or ``[0.85,1]``."""
    for k, (_, hi) in enumerate(BUCKETS):
        if confidence < hi or k == len(BUCKETS) - 1:
            return BUCKET_LABELS[k]
    raise AssertionError("unreachable")


def merge(tallies: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """Sum numbers, merge nested tables key by key, concatenate lists."""
    out: dict[str, Any] = {}
    for tally in tallies:
        for key, value in tally.items():
            if isinstance(value, dict):
                out[key] = merge([out.get(key, {}), value])
            elif isinstance(value, list):
                out[key] = out.get(key, []) + value
            else:
                out[key] = out.get(key, 0) + value
    return out


def where(event: GoldEvent, span: Span) -> dict[str, Any]:
    return {**event.locate(span), "text": span.text}


def add_counts(table: dict[str, dict[str, float]], key: str, **counts: float) -> None:
    row = table.setdefault(key, {})
    for name, value in counts.items():
        row[name] = row.get(name, 0) + value


# -- conflicts ---------------------------------------------------------------------------------------------

def pair_hit(spans: list[Span], a: Span, b: Span) -> bool:
    """Two different spans of a prediction overlap ``a`` and ``b`` (in either order)."""
    return any(i != j and overlaps(x, a) and overlaps(y, b)
               for i, x in enumerate(spans) for j, y in enumerate(spans))


def score_conflicts(event: GoldEvent, stories: list[Story]) -> dict[str, Any]:
    gold = []
    for row in event.gold["conflicts"]:
        label = row.get("label", "conflict")
        if label not in WEIGHT:
            raise InputFormatError(f"{event.path}: conflict label must be conflict or debatable, got {label!r}")
        gold.append((row, WEIGHT[label], event.sentence_span(row["a"]), event.sentence_span(row["b"])))
    near = [(row, event.sentence_span(row["a"]), event.sentence_span(row["b"])) for row in event.gold["near_misses"]]
    predicted = sorted((c for s in stories for c in s.conflicts),
                       key=lambda c: (c.spans, c.kind, c.values, c.explanation, c.confidence))
    t: dict[str, Any] = {
        "events": 1, "articles": len(event.articles), "predicted": len(predicted), "gold": len(gold),
        "gold_clear": sum(w == 1.0 for _, w, _, _ in gold), "gold_debatable": sum(w < 1.0 for _, w, _, _ in gold),
        "gold_weight": sum(w for _, w, _, _ in gold), "near_misses": len(near), "credit": 0.0, "matched_predicted": 0,
        "matched_gold": 0, "matched_gold_weight": 0.0, "kind_agree": 0, "false": 0, "near_miss_hits": 0,
        "near_misses_hit": 0, "near_miss_by_kind": {}, "by_gold_kind": {}, "by_predicted_kind": {},
        "buckets": {b: {"predicted": 0, "credit": 0.0} for b in BUCKET_LABELS}, "unmatched": [], "missed": []}
    for row, w, _, _ in gold:
        add_counts(t["by_gold_kind"], row["kind"], gold=1, weight=w, matched_weight=0.0)
    hit_gold: set[int] = set()
    hit_near: set[int] = set()
    for c in predicted:
        hits = [k for k, (_, _, a, b) in enumerate(gold) if pair_hit(c.spans, a, b)]
        best = max(hits, key=lambda k: (gold[k][1], -k)) if hits else None
        credit = gold[best][1] if best is not None else 0.0
        hit_gold.update(hits)
        t["credit"] += credit
        add_counts(t["by_predicted_kind"], c.kind, predicted=1, credit=credit)
        add_counts(t["buckets"], bucket(c.confidence), predicted=1, credit=credit)
        if best is not None:
            t["matched_predicted"] += 1
            t["kind_agree"] += int(gold[best][0]["kind"] == c.kind)
            continue
        t["false"] += 1
        near_hits = [k for k, (_, a, b) in enumerate(near) if pair_hit(c.spans, a, b)]
        if near_hits:
            t["near_miss_hits"] += 1
            add_counts(t["near_miss_by_kind"], near[near_hits[0]][0]["kind"], hits=1)
            hit_near.update(near_hits)
        t["unmatched"].append({
            "event": event.event, "split": event.split, "kind": c.kind, "confidence": round(c.confidence, 4),
            "values": list(c.values), "explanation": c.explanation, "spans": [where(event, s) for s in c.spans],
            "near_miss": near[near_hits[0]][0]["kind"] if near_hits else None})
    t["near_misses_hit"] = len(hit_near)
    for k, (row, w, _, _) in enumerate(gold):
        if k in hit_gold:
            t["matched_gold"] += 1
            t["matched_gold_weight"] += w
            add_counts(t["by_gold_kind"], row["kind"], matched_weight=w)
        else:
            t["missed"].append({"event": event.event, "split": event.split, "kind": row["kind"],
                                "label": row.get("label", "conflict"), "slot": row.get("slot"), "note": row.get("note"),
                                "values": [row["a"].get("value"), row["b"].get("value")], "a": row["a"], "b": row["b"]})
    return t


def summarize_conflicts(t: dict[str, Any]) -> dict[str, Any]:
    p, r = ratio(t["credit"], t["predicted"]), ratio(t["matched_gold_weight"], t["gold_weight"])
    return {
        "events": t["events"], "articles": t["articles"], "gold": t["gold"], "gold_clear": t["gold_clear"],
        "gold_debatable": t["gold_debatable"], "near_misses": t["near_misses"], "predicted": t["predicted"],
        "precision": p, "recall": r, "f1": f1(p, r), "matched_predicted": t["matched_predicted"],
        "matched_gold": t["matched_gold"], "false_conflicts": t["false"],
        "false_per_article": ratio(t["false"], t["articles"]), "near_miss_hits": t["near_miss_hits"],
        "near_misses_hit": t["near_misses_hit"], "near_miss_by_kind": {k: v["hits"] for k, v in
                                                                        sorted(t["near_miss_by_kind"].items())},
        "kind_agreement": ratio(t["kind_agree"], t["matched_predicted"]),
        "by_gold_kind": {k: {"gold": v["gold"], "recall": ratio(v["matched_weight"], v["weight"])}
                         for k, v in sorted(t["by_gold_kind"].items())},
        "by_predicted_kind": {k: {"predicted": v["predicted"], "precision": ratio(v["credit"], v["predicted"])}
                              for k, v in sorted(t["by_predicted_kind"].items())},
        "calibration": {k: {"predicted": t["buckets"][k]["predicted"],
                            "precision": ratio(t["buckets"][k]["credit"], t["buckets"][k]["predicted"])}
                        for k in BUCKET_LABELS},
    }


# -- quotes ------------------------------------------------------------------------------------------------

def trimmed(span: Span) -> tuple[str, int, int]:
    """(article, start, end) without quote marks or whitespace at either end."""
    text, start, end = span.text, span.start, span.end
    lead = len(text) - len(text.lstrip(_TRIM))
    tail = len(text) - len(text.rstrip(_TRIM))
    if lead + tail >= len(text):
        return span.article, start, start
    return span.article, start + lead, end - tail


def _intervals(spans: list[Span]) -> list[tuple[str, int, int]]:
    merged: list[tuple[str, int, int]] = []
    for art, s, e in sorted(trimmed(x) for x in spans):
        if merged and merged[-1][0] == art and s <= merged[-1][2]:
            merged[-1] = (art, merged[-1][1], max(merged[-1][2], e))
        elif e > s:
            merged.append((art, s, e))
    return merged


def jaccard(predicted: list[Span], gold: Span) -> float:
    """Character Jaccard of a prediction's (trimmed, merged) spans with a gold span (trimmed)."""
    ga, gs, ge = trimmed(gold)
    pred = _intervals(predicted)
    size = sum(e - s for _, s, e in pred)
    inter = sum(max(0, min(e, ge) - max(s, gs)) for a, s, e in pred if a == ga)
    union = size + (ge - gs) - inter
    return inter / union if union else 0.0


def speaker_forms(event: GoldEvent) -> dict[str, set[str]]:
    """Gold speaker name -> its normalised forms (the name and its entity's aliases)."""
    forms: dict[str, set[str]] = {}
    for e in event.gold["entities"]:
        names = {norm(e["name"]), *(norm(a) for a in e.get("aliases", []))}
        for key in {e["name"], *e.get("aliases", [])}:
            forms.setdefault(norm(key), set()).update(names)
    return forms


def name_core(form: str) -> str:
    """A name without middle initials or generational suffixes: "Paul D. Ryan" and "Paul Ryan" are one name; nor
    a leading "the" ("The New Haven Register" and "New Haven Register": the labellers copied the article)."""
    words = norm(form).split()
    words = words[1:] if len(words) > 2 and words[0] == "the" else words
    core = [w for k, w in enumerate(words) if not ((len(w) == 1 and 0 < k < len(words) - 1) or w in NAME_SUFFIXES)]
    return " ".join(core)


def speaker_correct(predicted: str | None, gold: str, forms: dict[str, set[str]], *, exact: bool = False) -> bool:
    """Whether the predicted speaker is the gold one: one of the gold entity's labelled forms, or (unless
    ``exact``) one of them once middle initials and suffixes are set aside, since the labellers listed the forms
    the articles print and a canonical name may join a middle initial from another article."""
    if gold == "unattributed" or not gold:
        return predicted is None or norm(predicted) in {"", "unattributed"}
    if predicted is None:
        return False
    known = forms.get(norm(gold), {norm(gold)})
    if norm(predicted) in known:
        return True
    core = name_core(predicted)
    return not exact and len(core.split()) >= 2 and core in {name_core(f) for f in known}


def score_quotes(event: GoldEvent, stories: list[Story]) -> dict[str, Any]:
    gold = [(q, event.range_span(q["start"], q.get("end"))) for q in event.gold["quotes"]]
    predicted = sorted((q for s in stories for q in s.quotes if q.kind == "direct"),
                       key=lambda q: (q.spans, q.speaker or "", q.cue or ""))
    reported = sum(q.kind != "direct" for s in stories for q in s.quotes)
    forms = speaker_forms(event)
    all_aliases = {f for fs in forms.values() for f in fs}
    candidates = sorted(((-j, g, p) for g, (_, gs) in enumerate(gold) for p, q in enumerate(predicted)
                         if (j := jaccard(q.spans, gs)) >= JACCARD))
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for _, g, p in candidates:
        if g not in pairs and p not in used:
            pairs[g] = p
            used.add(p)
    t: dict[str, Any] = {"events": 1, "gold": len(gold), "predicted": len(predicted), "reported_quotes": reported,
                         "matched": len(pairs), "speaker_correct": 0, "speaker_exact": 0, "gold_unattributed": 0,
                         "predicted_unattributed": sum(q.speaker is None for q in predicted),
                         "predicted_speakers": 0, "speakers_not_names": 0, "named": 0, "named_right": 0,
                         "gold_named": 0, "named_left": 0, "missed": [], "unmatched": [], "wrong_speaker": []}
    for g, (q, gs) in enumerate(gold):
        t["gold_unattributed"] += int(q["speaker"] == "unattributed")
        if g not in pairs:
            t["missed"].append({"event": event.event, "split": event.split, "speaker": q["speaker"],
                                "cue": q.get("cue"), "start": q["start"], "end": q.get("end"), "text": gs.text[:120]})
            continue
        pred = predicted[pairs[g]]
        t["speaker_exact"] += int(speaker_correct(pred.speaker, q["speaker"], forms, exact=True))
        right = speaker_correct(pred.speaker, q["speaker"], forms)
        # How far a shown name can be trusted, apart from how often a name is shown: a name given is right or
        # wrong; a quote whose speaker the article names is named, or left unattributed.
        named, gold_named = pred.speaker is not None, q["speaker"] != "unattributed"
        t["named"] += int(named)
        t["named_right"] += int(named and right)
        t["gold_named"] += int(gold_named)
        t["named_left"] += int(gold_named and not named)
        if right:
            t["speaker_correct"] += 1
        else:
            t["wrong_speaker"].append({"event": event.event, "split": event.split, "gold": q["speaker"],
                                       "predicted": pred.speaker, "start": q["start"], "text": gs.text[:120]})
    for p, pred in enumerate(predicted):
        if pred.speaker is not None:
            t["predicted_speakers"] += 1
            t["speakers_not_names"] += int(norm(pred.speaker) not in all_aliases)
        if p not in used:
            t["unmatched"].append({"event": event.event, "split": event.split, "speaker": pred.speaker,
                                   "spans": [where(event, s) for s in pred.spans]})
    return t


def summarize_quotes(t: dict[str, Any]) -> dict[str, Any]:
    p, r = ratio(t["matched"], t["predicted"]), ratio(t["matched"], t["gold"])
    return {"events": t["events"], "gold": t["gold"], "predicted": t["predicted"], "matched": t["matched"],
            "precision": p, "recall": r, "f1": f1(p, r),
            "speaker_accuracy": ratio(t["speaker_correct"], t["matched"]),
            "speaker_accuracy_exact_form": ratio(t["speaker_exact"], t["matched"]),
            "gold_unattributed": t["gold_unattributed"], "predicted_unattributed": t["predicted_unattributed"],
            "speakers_not_names": ratio(t["speakers_not_names"], t["predicted_speakers"]),
            "name_precision": ratio(t["named_right"], t["named"]),
            "name_recall": ratio(t["named_right"], t["gold_named"]),
            "named_left_unattributed": ratio(t["named_left"], t["gold_named"]),
            "reported_quotes": t["reported_quotes"]}
