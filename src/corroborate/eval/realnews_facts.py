"""Scoring of entities (alias groups and types), the timeline and the brief against one gold event.

Same shape as :mod:`corroborate.eval.realnews_scores`: ``score_<task>`` returns a tally of counts and audit
rows, :func:`~corroborate.eval.realnews_scores.merge` sums tallies, ``summarize_<task>`` gives the ratios.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from itertools import combinations
from typing import Any

from corroborate.crosscheck.citations import states_fact
from corroborate.errors import InputFormatError
from corroborate.eval.gold import GoldEvent
from corroborate.eval.realnews_scores import BRIEF_TOP, QUOTE_MARK, add_counts, norm, overlaps, ratio, where
from corroborate.model import Span, Story, TimelineEvent

# -- entities ----------------------------------------------------------------------------------------------


def score_entities(event: GoldEvent, stories: list[Story]) -> dict[str, Any]:
    gold = event.gold["entities"]
    gold_forms = [{norm(f) for f in [e["name"], *e.get("aliases", [])]} for e in gold]
    known = set().union(*gold_forms) if gold_forms else set()
    predicted = sorted((e for s in stories for e in s.entities), key=lambda e: (e.name, e.type, e.aliases))
    forms = [{norm(f) for f in [e.name, *e.aliases]} & known for e in predicted]
    found = set().union(*forms) if forms else set()
    t: dict[str, Any] = {"events": 1, "gold": len(gold), "predicted": len(predicted), "groups": 0, "pure_groups": 0,
                         "gold_pairs": 0, "recalled_pairs": 0, "typed": 0, "type_correct": 0, "gold_found": 0,
                         "gold_found_typed": 0, "by_type": {}, "impure": [], "missed_pairs": []}
    for fs in forms:
        if len(fs) >= 2:
            t["groups"] += 1
            if any(fs <= g for g in gold_forms):
                t["pure_groups"] += 1
            else:
                owners = {f: sorted(gold[g]["name"] for g, gf in enumerate(gold_forms) if f in gf) for f in sorted(fs)}
                t["impure"].append({"event": event.event, "split": event.split, "forms": owners})
    pairs = sorted({(a, b) for gf in gold_forms for a, b in combinations(sorted(gf), 2) if a in found and b in found})
    t["gold_pairs"] = len(pairs)
    for a, b in pairs:
        if any(a in fs and b in fs for fs in forms):
            t["recalled_pairs"] += 1
        else:
            t["missed_pairs"].append({"event": event.event, "split": event.split, "pair": [a, b]})
    # Types: each predicted entity with a gold form maps to the gold entity it shares most forms with.
    typed_by_gold: dict[int, set[str]] = {}
    for e, fs in zip(predicted, forms, strict=True):
        if not fs:
            continue
        g = max(range(len(gold)), key=lambda k: (len(fs & gold_forms[k]), norm(e.name) in gold_forms[k], -k))
        correct = e.type == gold[g]["type"]
        t["typed"] += 1
        t["type_correct"] += int(correct)
        add_counts(t["by_type"], e.type, predicted=1, correct=int(correct))
        typed_by_gold.setdefault(g, set()).add(e.type)
    for g, e in enumerate(gold):
        hit = g in typed_by_gold
        right = hit and e["type"] in typed_by_gold[g]
        t["gold_found"] += int(hit)
        t["gold_found_typed"] += int(right)
        add_counts(t["by_type"], e["type"], gold=1, gold_typed=int(right))
    return t


def summarize_entities(t: dict[str, Any]) -> dict[str, Any]:
    by_type = {}
    for k, v in sorted(t["by_type"].items()):
        by_type[k] = {"predicted": v.get("predicted", 0), "gold": v.get("gold", 0),
                      "precision": ratio(v.get("correct", 0), v.get("predicted", 0)),
                      "recall": ratio(v.get("gold_typed", 0), v.get("gold", 0))}
    return {"events": t["events"], "gold": t["gold"], "predicted": t["predicted"],
            "alias_groups": t["groups"], "group_precision": ratio(t["pure_groups"], t["groups"]),
            "gold_pairs": t["gold_pairs"], "pair_recall": ratio(t["recalled_pairs"], t["gold_pairs"]),
            "entity_coverage": ratio(t["gold_found"], t["gold"]),
            "type_precision": ratio(t["type_correct"], t["typed"]),
            "type_recall": ratio(t["gold_found_typed"], t["gold"]), "by_type": by_type}


# -- timeline ----------------------------------------------------------------------------------------------

def mention_ranges(event: TimelineEvent, span: Span) -> tuple[list[Span], bool]:
    """Where the event's expression sits in one of its spans (True), or the whole span when it cannot be
    found there (False: a merged mention in other words)."""
    expr = (event.expression or "").strip()
    if expr:
        words = expr.split()
        for cand in [expr] + ([" ".join(words[1:])] if len(words) > 1 else []):
            hits = [m for m in re.finditer(re.escape(cand), span.text, re.I)]
            if hits:
                return [Span(span.article, span.start + m.start(), span.start + m.end(), m.group()) for m in hits], True
    return [span], False


def _overlap(a: Span, b: Span) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start)) if a.article == b.article else 0


def same_date(predicted: str | None, gold: str) -> bool:
    """The predicted date is the gold one. The guideline resolves to a day, a month or a year, never to a
    week: a predicted ISO week ("2016-W34", for "last week") is right when all its days lie in the gold month
    or year; a week across two months matches neither."""
    if predicted is None:
        return False
    if predicted == gold:
        return True
    m = re.fullmatch(r"(\d{4})-W(\d\d)", predicted)
    if not m or len(gold) not in (4, 7):
        return False
    monday = dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
    days = [monday, monday + dt.timedelta(days=6)]
    return all(d.isoformat()[:len(gold)] == gold for d in days)


def score_timeline(event: GoldEvent, stories: list[Story]) -> dict[str, Any]:
    gold = [(row, event.span(row), str(row["date"])) for row in event.gold["timeline"]]
    items = []  # (date, ranges, located, span)
    for story in stories:
        for ev in story.timeline:
            for span in sorted(ev.spans):
                ranges, located = mention_ranges(ev, span)
                items.append((ev.date, ranges, located, span, ev.expression))
    t: dict[str, Any] = {"events": 1, "gold": len(gold), "predicted": len(items),
                         "undated": sum(d is None for d, *_ in items), "matched": 0, "date_correct": 0,
                         "overlapping": 0, "overlapping_right": 0, "missed": [], "wrong_date": []}
    for row, gs, date in gold:
        scored = [(located, max(_overlap(r, gs) for r in ranges), -k)
                  for k, (_, ranges, located, _, _) in enumerate(items) if any(overlaps(r, gs) for r in ranges)]
        if not scored:
            t["missed"].append({"event": event.event, "split": event.split, "value": row.get("value"), "date": date,
                                "locator": {k: row[k] for k in ("doc", "p", "s", "start", "end") if k in row}})
            continue
        best = items[-max(scored)[2]]
        t["matched"] += 1
        if same_date(best[0], date):
            t["date_correct"] += 1
        else:
            t["wrong_date"].append({"event": event.event, "split": event.split, "value": row.get("value"),
                                    "gold": date, "predicted": best[0], "expression": best[4]})
    for d, ranges, _, _, _ in items:
        hit = [date for _, gs, date in gold if any(overlaps(r, gs) for r in ranges)]
        if hit:
            t["overlapping"] += 1
            t["overlapping_right"] += int(any(same_date(d, g) for g in hit))
    return t


def summarize_timeline(t: dict[str, Any]) -> dict[str, Any]:
    return {"events": t["events"], "gold": t["gold"], "predicted": t["predicted"], "undated": t["undated"],
            "matched": t["matched"], "coverage": ratio(t["matched"], t["gold"]),
            "date_accuracy": ratio(t["date_correct"], t["matched"]),
            "precision": ratio(t["overlapping_right"], t["overlapping"]),
            "dated_recall": ratio(t["date_correct"], t["gold"])}


# -- brief -------------------------------------------------------------------------------------------------

def main_story(event: GoldEvent, stories: list[Story]) -> Story | None:
    """The story holding most of the event's articles (then the longer brief, then the first): its brief is
    the event's brief."""
    ids = set(event.article_doc)
    ranked = [(len(ids & set(s.articles)), len(s.brief), -k) for k, s in enumerate(stories)]
    return stories[-max(ranked)[2]] if ranked else None


def names_someone(text: str, aliases: set[str]) -> bool:
    padded = f" {norm(text)} "
    return any(re.search(rf"(?<!\w){re.escape(a)}(?!\w)", padded) for a in aliases if a)


# Citation labels (GUIDELINE.md section 6) sit beside the dataset folders; a partial citation counts half, as
# a debatable conflict does.
CITATIONS = "citations.json"
CITATION_VALUE = {"supports": 1.0, "partial": 0.5, "unsupported": 0.0}
DISAGREE = "Sources disagree"  # the closing lines cite both sides of a conflict: not a statement to support


def _loc_key(loc: dict[str, Any]) -> str:
    return json.dumps(loc, sort_keys=True)


def citation_labels(event: GoldEvent) -> dict[tuple[str, str], str]:
    """The event's citation labels: (locator of a brief sentence's own span, locator of a span it cites) ->
    label. Empty when the gold folder has no citations file."""
    path = event.path.parent.parent / CITATIONS
    if not path.is_file():
        return {}
    try:
        rows = json.loads(path.read_text(encoding="utf-8"))["labels"]
        out = {(_loc_key(r["sentence"]), _loc_key(r["cited"])): str(r["label"]) for r in rows
               if r["dataset"] == event.dataset and r["event"] == event.event}
    except (ValueError, KeyError, TypeError) as exc:
        raise InputFormatError(f"{path}: malformed citation labels ({exc})") from exc
    if bad := sorted(set(out.values()) - set(CITATION_VALUE)):
        raise InputFormatError(f"{path}: unknown citation labels {bad}; expected {', '.join(CITATION_VALUE)}")
    return out


def _score_citations(event: GoldEvent, brief: list[Any], t: dict[str, Any],
                     cosine: Callable[[str, str], float] | None = None) -> None:
    """Support of the citations of the first brief sentences that carry a label, and the automatic check
    (:func:`~corroborate.crosscheck.citations.states_fact`, with ``cosine`` on the semantic path) re-run on every
    labelled citation to another span, whether the brief still shows it or not."""
    labels = citation_labels(event)
    for b in brief[:BRIEF_TOP]:
        if b.text.startswith(DISAGREE) or not b.citations:
            continue
        own = _loc_key(event.locate(b.citations[0]))
        for c in b.citations:
            label = labels.get((own, _loc_key(event.locate(c))))
            if label is None:
                t["citations_unlabelled"] += 1
                continue
            t["citations_labelled"] += 1
            t["citation_support"] += CITATION_VALUE[label]
            t["citations_supporting"] += int(label == "supports")
            if label != "supports":
                t["unsupported"].append({"event": event.event, "split": event.split, "label": label,
                                         "sentence": b.text, "cited": where(event, c)})
    for (own, cited), label in sorted(labels.items()):
        if own == cited:
            continue  # the sentence's own span: always kept, nothing to judge
        keep = states_fact(event.span(json.loads(own)).text, event.span(json.loads(cited)).text, cosine)
        t["check_labelled"] += 1
        t["check_supports"] += int(label == "supports")
        t["check_kept"] += int(keep)
        t["check_kept_value"] += CITATION_VALUE[label] * keep
        t["check_kept_supports"] += int(keep and label == "supports")


def score_brief(event: GoldEvent, stories: list[Story], *,
                cosine: Callable[[str, str], float] | None = None) -> dict[str, Any]:
    facts = sorted(event.gold["brief_facts"], key=lambda f: (f.get("rank", 99), f.get("fact", "")))
    support = [[event.sentence_span(loc) for loc in f.get("support", [])] for f in facts]
    story = main_story(event, stories)
    brief = story.brief if story is not None else []
    aliases = {norm(f) for e in event.gold["entities"] for f in [e["name"], *e.get("aliases", [])]}

    def cites(sentences: list[Any], sup: list[Span]) -> bool:
        return any(overlaps(c, s) for b in sentences for c in b.citations for s in sup)

    t: dict[str, Any] = {"events": 1, "events_with_facts": int(bool(facts)), "first_hit": 0, "facts": len(facts),
                         "facts_covered": 0, "brief_sentences": sum(len(s.brief) for s in stories),
                         "unnamed_quotes": 0, "citations_labelled": 0, "citations_unlabelled": 0,
                         "citation_support": 0.0, "citations_supporting": 0, "check_labelled": 0,
                         "check_supports": 0, "check_kept": 0, "check_kept_value": 0.0, "check_kept_supports": 0,
                         "first": [], "unnamed": [], "unsupported": []}
    if facts:
        hit = bool(brief) and cites(brief[:1], support[0])
        t["first_hit"] = int(hit)
        t["first"].append({"event": event.event, "split": event.split, "hit": hit, "fact": facts[0].get("fact"),
                           "brief_first": brief[0].text if brief else None,
                           "citations": [where(event, c) for c in brief[0].citations] if brief else []})
        t["facts_covered"] = sum(cites(brief[:BRIEF_TOP], sup) for sup in support)
    for s in stories:
        for b in s.brief:
            if QUOTE_MARK.search(b.text) and not names_someone(b.text, aliases):
                t["unnamed_quotes"] += 1
                t["unnamed"].append({"event": event.event, "split": event.split, "story": s.id, "text": b.text})
    _score_citations(event, brief, t, cosine)
    return t


def summarize_brief(t: dict[str, Any]) -> dict[str, Any]:
    """Citation support: the labelled citations of the first brief sentences, a partial one counting half
    (strict: only those labelled supports); the check: of the labelled citations to other spans, the share it
    keeps that support (precision, partial half) and the share of supporting ones it keeps (recall)."""
    return {"events": t["events"], "events_with_facts": t["events_with_facts"], "facts": t["facts"],
            "first_sentence_hit": ratio(t["first_hit"], t["events_with_facts"]),
            "fact_coverage_top5": ratio(t["facts_covered"], t["facts"]),
            "brief_sentences": t["brief_sentences"], "unnamed_quotes": t["unnamed_quotes"],
            "citations_labelled": t["citations_labelled"], "citations_unlabelled": t["citations_unlabelled"],
            "citation_support": ratio(t["citation_support"], t["citations_labelled"]),
            "citation_support_strict": ratio(t["citations_supporting"], t["citations_labelled"]),
            "check_labelled": t["check_labelled"], "check_kept": t["check_kept"],
            "check_precision": ratio(t["check_kept_value"], t["check_kept"]),
            "check_recall": ratio(t["check_kept_supports"], t["check_supports"])}
