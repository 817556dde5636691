"""Reported speech on news outside the gold: a labelled pool for corroborate's "X said (that) …" quotes.

    nice -n 10 .venv/bin/python -m bench.reported_pool [--semantic auto|off] [--explain] [--write]

Reported speech (quotes of kind ``reported``) has no gold, and the direct-quote pools (bench/speaker_pool.py) do
not score it. This pool takes the reported quotes corroborate listed (at 9aa94a5) on events nobody labelled for
it: the flag-audit pools (bench/conflict_audit.py: ECB+ sub-topics outside the gold, Clust-McMs dev clusters) and
10 FNC-1 claim groups (bench/fnc_groups.py), the first 120 in SHA-1 order of ``dataset:event:doc:start:end``, at
most two per event. Each was read in its article (bench/gold/pool_reported.json, GUIDELINE.md section 21:
locators, names and a verdict, no text): **content** correct when the span is a clause its source said or wrote,
cut at sensible ends, wrong when it is not said (a time, a place, the speaker's own description, a fragment, words
a player "added" on the field, a clause the source denied or did not say); **speaker** by section 8's rules.

A label is *kept* when a reported quote of the current run overlaps its span; *same* when that quote's span is
the labelled one (its content verdict applies), *moved* otherwise: a moved span read again after a fix has its
own verdict in the label's ``reread`` list; one not read yet is printed under ``--explain`` and left out.
Content precision: labelled-correct among kept-same. Speaker precision: over kept quotes whose content is correct
and that name a speaker, the speaker correct by the realnews rule (the name or one of its forms); a quote left
without a speaker is *unattributed* (correct when the label is ``unattributed``). Dropped: labels no reported quote
overlaps any more, split by their content verdict (dropping a wrong one is the aim, a correct one is lost recall).
The first figure (before the fixes it prompted) is the fresh one; later figures are tune figures.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

from bench.pools import emit, fingerprint, merge, pool_arguments, table_rows
from corroborate.errors import InputFormatError
from corroborate.eval.gold import DEFAULT_DATA
from corroborate.eval.realnews_scores import norm, ratio, speaker_correct

LABELS = Path(__file__).parent / "gold" / "pool_reported.json"
UNATTRIBUTED = "unattributed"
FNC_GROUPS = 10  # the FNC-1 claim groups the sample was drawn from (bench/fnc_groups.py order)
NAMES = {"ecbplus": "ECB+ sub-topics outside the gold", "mcms": "Clust-McMs dev clusters",
         "fnc1": "FNC-1 claim groups", "all": "all"}


def load_labels(path: Path = LABELS) -> list[dict[str, Any]]:
    labels = json.loads(path.read_text(encoding="utf-8"))["labels"]
    for lab in labels:
        keys = ("dataset", "event", "doc", "start", "end", "check", "content", "speaker")
        missing = [k for k in keys if k not in lab]
        if missing:
            raise InputFormatError(f"{path}: label without {', '.join(missing)}: {lab!r}")
    return labels


def events_for(labels: list[dict[str, Any]], data: Path) -> list[Any]:
    """The labelled events, in the pools' order."""
    from bench.conflict_audit import mcms_pool, pool
    from bench.fnc_groups import events

    wanted = {(lab["dataset"], lab["event"]) for lab in labels}
    return [ev for ev in [*pool(data), *mcms_pool(data), *events(data, FNC_GROUPS)]
            if (ev.dataset, ev.event) in wanted]


def resolve(lab: dict[str, Any], event: Any) -> tuple[str, str]:
    """(article id, labelled words); a locator whose words changed fails loudly."""
    aid = event.doc_article.get(lab["doc"])
    article = next((a for a in event.articles if a.id == aid), None)
    if article is None:
        raise InputFormatError(f"{LABELS}: document {lab['doc']!r} not in event {lab['event']}")
    text = article.text[lab["start"]:lab["end"]]
    if fingerprint(text) != lab["check"]:
        raise InputFormatError(f"{LABELS}: {lab['event']} {lab['doc']} {lab['start']}:{lab['end']} no longer holds "
                               "the labelled words (the article text changed)")
    return article.id, text


def best_quote(quotes: list[Any], article: str, start: int, end: int) -> Any:
    """The reported quote with exactly the span [start, end), else one starting at ``start``, else the one whose
    spans overlap it most (ties: the first), or None. (A clause reported inside another one's span, "X said Y lied
    when he claimed Z", is its own.)"""
    exact = [q for q in quotes if any((s.article, s.start, s.end) == (article, start, end) for s in q.spans)]
    # (Then one that starts where the label does: the same cue's clause, cut shorter by a fix.)
    exact = exact or [q for q in quotes if any((s.article, s.start) == (article, start) for s in q.spans)]
    if exact:
        return exact[0]
    best, most = None, 0
    for q in quotes:
        overlap = sum(max(0, min(s.end, end) - max(s.start, start)) for s in q.spans if s.article == article)
        if overlap > most:
            best, most = q, overlap
    return best


def forms_of(labels: list[dict[str, Any]]) -> dict[str, set[str]]:
    forms: dict[str, set[str]] = {}
    for lab in labels:
        if lab["speaker"] not in (None, UNATTRIBUTED):
            name = norm(lab["speaker"])
            forms.setdefault(name, {name}).update(norm(a) for a in lab.get("aliases", []))
    return forms


def score_event(labels: list[dict[str, Any]], quotes: list[Any], where: dict[int, tuple[str, str]]) -> dict[str, Any]:
    forms = forms_of(labels)
    t: dict[str, Any] = {"labels": 0, "kept": 0, "same": 0, "moved": 0, "content_correct": 0,
                         "dropped_correct": 0, "dropped_wrong": 0, "speaker_named": 0, "speaker_correct": 0,
                         "unattributed": 0, "unattributed_correct": 0, "errors": []}
    for k, lab in enumerate(labels):
        article, text = where[k]
        t["labels"] += 1
        pred = best_quote(quotes, article, lab["start"], lab["end"])
        right = lab["content"] == "correct"
        row = {"event": lab["event"], "doc": lab["doc"], "start": lab["start"], "end": lab["end"],
               "content": lab["content"], "gold": lab["speaker"], "note": lab.get("note", ""), "text": text}
        if pred is None:
            t["dropped_correct" if right else "dropped_wrong"] += 1
            if right:
                t["errors"].append({**row, "error": "dropped"})
            continue
        t["kept"] += 1
        span = pred.spans[0]
        if (span.start, span.end) != (lab["start"], lab["end"]):
            t["moved"] += 1
            # A moved span read again after a fix: its own locator, fingerprint and verdict.
            again = next((r for r in lab.get("reread", []) if (r["start"], r["end"]) == (span.start, span.end)
                          and r["check"] == fingerprint(pred.text)), None)
            if again is None:
                t["errors"].append({**row, "error": "moved", "now": pred.text, "now_start": span.start,
                                    "now_end": span.end, "predicted": pred.speaker})
                continue
            right = again["content"] == "correct"
        t["same"] += 1
        if not right:
            t["errors"].append({**row, "error": "content", "predicted": pred.speaker})
            continue
        t["content_correct"] += 1
        if pred.speaker is None:
            t["unattributed"] += 1
            t["unattributed_correct"] += int(lab["speaker"] == UNATTRIBUTED)
            continue
        t["speaker_named"] += 1
        if lab["speaker"] != UNATTRIBUTED and speaker_correct(pred.speaker, lab["speaker"], forms):
            t["speaker_correct"] += 1
        else:
            t["errors"].append({**row, "error": "speaker", "predicted": pred.speaker, "cue": pred.cue})
    return t


def summarize(t: dict[str, Any]) -> dict[str, Any]:
    return {"labels": t["labels"], "kept": t["kept"], "moved": t["moved"], "unread": t["kept"] - t["same"],
            "content_precision": ratio(t["content_correct"], t["same"]),
            "dropped_wrong": t["dropped_wrong"], "dropped_correct": t["dropped_correct"],
            "speaker_precision": ratio(t["speaker_correct"], t["speaker_named"]),
            "unattributed": t["unattributed"], "unattributed_correct": t["unattributed_correct"],
            "listed_right": ratio(t["speaker_correct"] + t["unattributed_correct"], t["kept"])}


def run(labels: list[dict[str, Any]], data: Path, semantic: str) -> tuple[dict[str, Any], dict[str, Any], float]:
    from corroborate.eval.realnews import Runner

    runner = Runner(semantic)
    by_event: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for lab in labels:
        by_event.setdefault((lab["dataset"], lab["event"]), []).append(lab)
    tallies: dict[str, list[dict[str, Any]]] = {}
    start = time.perf_counter()
    try:
        for ev in events_for(labels, data):
            group = by_event[(ev.dataset, ev.event)]
            where = {k: resolve(lab, ev) for k, lab in enumerate(group)}
            quotes = [q for s in runner.report(ev).stories for q in s.quotes if q.kind == "reported"]
            tallies.setdefault(ev.dataset, []).append(score_event(group, quotes, where))
    finally:
        runner.close()
    merged = {name: merge(ts) for name, ts in tallies.items()}
    merged["all"] = merge(list(merged.values()))
    return merged, dict(runner.method), time.perf_counter() - start


def markdown(results: dict[str, Any], events: int, method: dict[str, Any], seconds: float) -> str:
    keys = ["labels", "kept", "moved", "unread", "content_precision", "dropped_wrong", "dropped_correct",
            "speaker_precision", "unattributed", "unattributed_correct", "listed_right"]
    lines = [
        "## Reported speech outside the gold (`bench/reported_pool.py`)",
        "",
        f"Reported quotes (\"X said (that) …\", \"according to X, …\") sampled by hash from {events} events no one "
        "labelled for reported speech (ECB+ sub-topics outside the gold, Clust-McMs dev clusters, 10 FNC-1 claim "
        "groups), each read in its article (bench/gold/pool_reported.json, GUIDELINE.md section 21). One `check` "
        f"per event (NLP {method.get('nlp', '?')}). Kept: a reported quote still overlaps the labelled span; moved: "
        "its span changed since the labelling (read again by hand; unread: not yet). Content precision over kept "
        "quotes whose span was read: the span is a clause its source said. Dropped: labels no reported quote "
        "overlaps now, by verdict. Speaker precision over content-correct quotes that name a speaker (realnews "
        "rule); unattributed: content-correct quotes left without a speaker (of them, labelled so). Listed right: "
        "content and speaker both right (or rightly unattributed) over kept labels. The first reading was fresh; "
        "the pool was read while fixing "
        "the errors it shows, so later figures are tune figures.",
        "",
        "| pool | labels | kept | moved | unread | content precision | dropped (wrong) | dropped (correct) "
        "| speaker precision | unattributed | of them rightly | listed right |",
        "|---|" + "---:|" * len(keys),
    ]
    lines += table_rows(results, NAMES, keys, summarize, seconds)
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    pool_arguments(parser, explain="print every error with its words (terminal only)", data=str(DEFAULT_DATA))
    args = parser.parse_args(argv)
    labels = load_labels()
    results, method, seconds = run(labels, Path(args.data), args.semantic)
    text = markdown(results, len({(lab["dataset"], lab["event"]) for lab in labels}), method, seconds)
    emit(args, text, "reported-pool", results["all"]["errors"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
