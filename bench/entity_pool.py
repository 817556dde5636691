"""Entities on news outside the gold: a labelled pool for the names and types of the report's entity list.

    nice -n 10 .venv/bin/python -m bench.entity_pool [--semantic auto|off] [--explain] [--write]
    nice -n 10 .venv/bin/python -m bench.entity_pool --sample    # the draw, with context (terminal only)
    nice -n 10 .venv/bin/python -m bench.entity_pool --pool 2    # pool 2 only (FRANK articles)

The gold's entity figures come from BASIL and ECB+ events whose test half must stay unread, and the tune half
shaped the rules, so this pool gives a separate figure on news nobody labelled entities for: the flag-audit pools
(bench/conflict_audit.py ``pool()`` and ``mcms_pool()``) and the FNC-1 claim groups of bench/fnc_groups.py. One
``check`` runs per event (default path); per event the listed entities are taken in SHA-1 order of
``dataset:event:name`` (at most ``PER_EVENT``), and the first ``SIZE`` of all of them in SHA-1 order are labelled
(bench/gold/pool_entities.json, GUIDELINE.md section 22). A label is a locator (the mention the entity was listed
by, as character offsets, with the fingerprint of its words), the entity's true name and type, or ``entity:
false`` when the words name nothing (a common word, a title fragment, a motto).

Scoring finds the entity of the current report whose mention overlaps the locator most. *Name right*: its name is
the labelled name or one of the labelled forms (the realnews normaliser); *listed non-entities*: labels with
``entity: false`` still listed (an entity whose mention covers half the words or more); *type right*: over listed
real entities; *dropped*: real entities no longer listed. The pool was read while fixing the errors it shows, so
only its first figure is fresh; later ones are tune figures. ``--write`` puts the table in bench/RESULTS.md
(section ``entity-pool``).

Pool 2 (bench/gold/pool_entities_frank.json, GUIDELINE.md section 29) reads FRANK's CNN/DailyMail and BBC articles
(bench/frank_articles.py), each one event: the articles after the first ``FRANK_SKIP`` of the pool order (those
held the sixth speaker pool's), up to ``FRANK_PER_EVENT`` entities each in SHA-1 order, then the first
``FRANK_SIZE`` in that order. Its row stands apart from the first pool's ("all"); ``--pool 2 --write`` writes it
to a section of its own (``entity-pool-2``).

Pool 3 (bench/gold/pool_entities3.json, GUIDELINE.md section 31) reads single FNC-1 bodies, each one event
(bench/speaker_pool.py ``fnc_pool``): the bodies in SHA-1 order of ``fnc1:<Body ID>`` from index ``FNC3_FIRST`` on
(after those speaker pool 5 read), skipping a body whose first 300 characters repeat an earlier one's and one
that a file of bench/gold names or a claim group holds (bench/fnc_groups.py, bench/conflict_fnc.py groups 1-58):
the first ``FNC3_BODIES`` (pinned in the label file's ``bodies``); up to ``FNC3_PER_EVENT`` entities each, then the
first ``FNC3_SIZE`` in SHA-1 order. ``--pool 3 --write`` writes section ``entity-pool-3``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from pathlib import Path
from typing import Any

from bench.frank_articles import FRANK, articles, frank_pool, order
from bench.pools import emit, fingerprint, merge, pool_arguments, table_rows
from corroborate.errors import InputFormatError
from corroborate.eval.gold import DEFAULT_DATA
from corroborate.eval.realnews_scores import norm, ratio

LABELS = Path(__file__).parent / "gold" / "pool_entities.json"
FRANK_LABELS = Path(__file__).parent / "gold" / "pool_entities_frank.json"
FNC3_LABELS = Path(__file__).parent / "gold" / "pool_entities3.json"
PER_EVENT, SIZE, FNC_GROUPS = 2, 150, 40
# Pool 2: the speaker pool 6 took its 24 articles from the first 30 of the FRANK order (per outlet), so the
# entity pool starts after them and the two pools share no article.
FRANK_SKIP, FRANK_PER_EVENT, FRANK_SIZE = 30, 3, 100
# Pool 3: speaker pool 5 read the FNC-1 order up to index 388, so pool 3 starts after it.
FNC3_FIRST, FNC3_BODIES, FNC3_PER_EVENT, FNC3_SIZE = 389, 60, 2, 100
FNC3 = "fnc1-pool3"  # pool 3's row (its events share pool 1's dataset name, fnc1)
SIZES = {"1": (PER_EVENT, SIZE), "2": (FRANK_PER_EVENT, FRANK_SIZE), "3": (FNC3_PER_EVENT, FNC3_SIZE)}
ROWS = {"ecbplus": "ECB+ sub-topics outside the gold", "mcms": "Clust-McMs dev clusters",
        "fnc1": "FNC-1 claim groups", "all": "all", FRANK: "pool 2: FRANK CNN/DM and BBC articles",
        FNC3: "pool 3: single FNC-1 bodies"}


def _sha(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def fnc3_bodies(data: Path) -> list[int]:
    """Pool 3's bodies: pinned in its label file once drawn, else drawn by the rule of the module text."""
    if FNC3_LABELS.is_file():
        return list(json.loads(FNC3_LABELS.read_text(encoding="utf-8"))["bodies"])
    import csv
    import re

    from bench import conflict_fnc, fnc_groups

    with (data / "fnc1" / "competition_test_bodies.csv").open(encoding="utf-8", newline="") as fh:
        text = {int(r["Body ID"]): r["articleBody"] for r in csv.DictReader(fh)}
    taken = {int(n) for f in FNC3_LABELS.parent.glob("*.json") for n in re.findall(r"fnc[_-](\d+)", f.read_text())}
    taken |= {b for _, bids in fnc_groups.groups(data, 10 ** 6) for b in bids}
    taken |= {b for _, bs in conflict_fnc.groups(data, 58) for b, _ in bs}
    out, openings = [], set()
    for k, bid in enumerate(sorted(text, key=lambda b: _sha(f"fnc1:{b}"))):
        opening, fresh = text[bid][:300], text[bid][:300] not in openings
        openings.add(opening)
        if k >= FNC3_FIRST and fresh and bid not in taken and len(out) < FNC3_BODIES:
            out.append(bid)
    return out


def all_events(data: Path, pool: str = "1") -> list[Any]:
    """The events of pool 1 (the flag-audit pools and FNC-1 claim groups), pool 2 (FRANK articles) or pool 3
    (single FNC-1 bodies)."""
    from bench import fnc_groups
    from bench.conflict_audit import mcms_pool
    from bench.conflict_audit import pool as audit_pool
    from bench.speaker_pool import fnc_pool

    if pool == "2":
        return frank_pool(data, set(order(articles(data))[FRANK_SKIP:]))
    if pool == "3":
        return fnc_pool(data, set(fnc3_bodies(data)))
    return [*audit_pool(data), *mcms_pool(data), *fnc_groups.events(data, FNC_GROUPS)]


def entities(report: Any) -> list[Any]:
    """Every story's entities, in report order."""
    return [e for story in report.stories for e in story.entities]


def locator(ent: Any, event: Any) -> Any:
    """The mention an entity is read by: the first span (article order, then offset) whose words are its name,
    else its first span."""
    order = {a.id: k for k, a in enumerate(event.articles)}
    spans = sorted(ent.spans, key=lambda s: (order.get(s.article, len(order)), s.start, s.end))
    return next((s for s in spans if s.text == ent.name), spans[0]) if spans else None


def draw(events: list[Any], runner: Any, per_event: int = PER_EVENT, size: int = SIZE) -> list[dict[str, Any]]:
    """The sample: per event up to ``per_event`` listed entities in hash order, then the first ``size`` in hash
    order."""
    picks = []
    for ev in events:
        ents = sorted(entities(runner.report(ev)), key=lambda e: _sha(f"{ev.dataset}:{ev.event}:{e.name}"))
        for ent in ents[:per_event]:
            span = locator(ent, ev)
            if span is not None:
                picks.append((_sha(f"{ev.dataset}:{ev.event}:{ent.name}"), ev, ent, span))
    picks.sort(key=lambda p: p[0])
    out = []
    for _, ev, ent, span in picks[:size]:
        out.append({"dataset": ev.dataset, "event": ev.event, "doc": ev.article_doc[span.article],
                    "start": span.start, "end": span.end, "check": fingerprint(span.text),
                    "listed": ent.name, "listed_type": ent.type, "aliases": list(ent.aliases), "_ev": ev})
    return out


def load_labels(path: Path = LABELS) -> list[dict[str, Any]]:
    labels = json.loads(path.read_text(encoding="utf-8"))["labels"]
    for lab in labels:
        missing = [k for k in ("dataset", "event", "doc", "start", "end", "check", "entity") if k not in lab]
        if lab.get("entity") and not {"name", "type"} <= lab.keys():
            missing.append("name/type")
        if missing:
            raise InputFormatError(f"{path}: label without {', '.join(missing)}: {lab!r}")
    return labels


def resolve(lab: dict[str, Any], event: Any) -> str:
    """The article id of a label; a locator whose words changed fails loudly rather than scoring noise."""
    aid = event.doc_article.get(lab["doc"])
    article = next((a for a in event.articles if a.id == aid), None)
    if article is None:
        raise InputFormatError(f"{LABELS}: document {lab['doc']!r} not in event {lab['event']}")
    if fingerprint(article.text[lab["start"]:lab["end"]]) != lab["check"]:
        raise InputFormatError(f"{LABELS}: {lab['event']} {lab['doc']} {lab['start']}:{lab['end']} no longer "
                               "holds the labelled words (the article text changed)")
    return article.id


def listed_at(entities: list[Any], article: str, start: int, end: int) -> Any:
    """The entity whose mentions overlap [start, end) most (ties: the first listed), or None."""
    best, most = None, 0
    for ent in entities:
        overlap = sum(max(0, min(s.end, end) - max(s.start, start)) for s in ent.spans if s.article == article)
        if overlap > most:
            best, most = ent, overlap
    return best


def covering(entities: list[Any], article: str, start: int, end: int) -> Any:
    """The entity with a mention over half or more of [start, end), or None: a headline fragment labelled as no
    entity is no longer listed when only a real name inside it is ("Teixeira" in a headline)."""
    for ent in entities:
        if any(s.article == article and 2 * (min(s.end, end) - max(s.start, start)) >= end - start
               for s in ent.spans):
            return ent
    return None


def score_label(lab: dict[str, Any], ent: Any) -> dict[str, Any]:
    t = {"labels": 1, "entities": int(bool(lab["entity"])), "non_entities": int(not lab["entity"]),
         "non_entities_listed": 0, "listed": 0, "name_right": 0, "type_right": 0, "dropped": 0, "errors": []}
    if not lab["entity"]:
        t["non_entities_listed"] = int(ent is not None)
        if ent is not None:
            t["errors"].append({**_row(lab), "error": "not an entity", "listed": ent.name, "listed_type": ent.type})
        return t
    if ent is None:
        t["dropped"] = 1
        t["errors"].append({**_row(lab), "error": "dropped"})
        return t
    t["listed"] = 1
    forms = {norm(lab["name"]), *(norm(f) for f in lab.get("forms", []))}
    t["name_right"] = int(norm(ent.name) in forms)
    t["type_right"] = int(ent.type == lab["type"])
    if not t["name_right"] or not t["type_right"]:
        t["errors"].append({**_row(lab), "error": "name" if not t["name_right"] else "type", "listed": ent.name,
                            "listed_type": ent.type})
    return t


def _row(lab: dict[str, Any]) -> dict[str, Any]:
    return {k: lab.get(k) for k in ("event", "doc", "start", "end", "name", "type", "note")}


def summarize(t: dict[str, Any]) -> dict[str, Any]:
    listed = t["listed"] + t["non_entities_listed"]
    return {"labels": t["labels"], "entities": t["entities"], "non_entities": t["non_entities"],
            "name_precision": ratio(t["name_right"], listed), "type_accuracy": ratio(t["type_right"], t["listed"]),
            "both_right": ratio(t.get("both_right", 0), listed),
            "non_entities_listed": t["non_entities_listed"], "dropped": t["dropped"]}


def run(labels: list[dict[str, Any]], data: Path, semantic: str,
        pools: tuple[str, ...] = ("1",)) -> tuple[dict[str, Any], dict[str, Any], float]:
    from corroborate.eval.realnews import Runner

    runner = Runner(semantic)
    wanted: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for lab in labels:
        wanted.setdefault((lab["dataset"], lab["event"]), []).append(lab)
    rows: dict[str, list[dict[str, Any]]] = {}
    start = time.perf_counter()
    try:
        for pool, ev in [(p, e) for p in pools for e in all_events(data, p)]:
            row = FNC3 if pool == "3" else ev.dataset
            for lab in wanted.get((ev.dataset, ev.event), []):
                aid, listed = resolve(lab, ev), entities(runner.report(ev))
                find = listed_at if lab["entity"] else covering
                t = score_label(lab, find(listed, aid, lab["start"], lab["end"]))
                t["both_right"] = int(t["name_right"] and t["type_right"])
                rows.setdefault(row, []).append(t)
    finally:
        runner.close()
    merged = {name: merge(ts) for name, ts in sorted(rows.items()) if name not in (FRANK, FNC3)}
    if merged:
        merged["all"] = merge(list(merged.values()))
    for name in (FRANK, FNC3):
        if name in rows:
            merged[name] = merge(rows[name])
    return merged, dict(runner.method), time.perf_counter() - start


def markdown(results: dict[str, dict[str, Any]], method: dict[str, Any], seconds: float) -> str:
    keys = ["labels", "entities", "non_entities", "name_precision", "type_accuracy", "both_right",
            "non_entities_listed", "dropped"]
    one = {(FRANK,): " pool 2", (FNC3,): " pool 3"}.get(tuple(results), "")
    lines = [
        f"## Entities on news outside the gold,{one} (`bench/entity_pool.py --pool {one[-1]}`)" if one else
        "## Entities on news outside the gold (`bench/entity_pool.py`)",
        "",
        "Listed entities sampled by hash from events nobody labelled entities for (the ECB+ sub-topics outside the "
        "gold, the Clust-McMs dev clusters, 40 FNC-1 claim groups), each read in its articles and labelled with "
        "its true name and type, or as no entity (bench/gold/pool_entities.json, GUIDELINE.md section 22). One "
        f"`check` per event (NLP {method.get('nlp', '?')}). Name precision: listed labels whose entity carries the "
        "true name (a stray word kept, a part cut or a non-entity is wrong); type accuracy over listed real "
        "entities; both right: name and type; non-entities listed and real entities dropped are counts. The "
        "pool was read while fixing the errors it shows: only its first figure was fresh. Pool 2 "
        "(bench/gold/pool_entities_frank.json, GUIDELINE.md section 29): FRANK's CNN/DailyMail and BBC articles "
        "after those of speaker pool 6, each one event, at most 3 entities each, 100 in hash order; likewise. Pool 3 "
        "(bench/gold/pool_entities3.json, GUIDELINE.md section 31): 60 single FNC-1 bodies no other pool used, at "
        "most 2 entities each, 100 in hash order; likewise.",
        "",
        "| pool | labels | entities | non-entities | name precision | type accuracy | both right "
        "| non-entities listed | entities dropped |",
        "|---|" + "---:|" * len(keys),
    ]
    lines += table_rows(results, ROWS, keys, summarize, seconds)
    return "\n".join(lines)


def sample(data: Path, semantic: str, pool: str = "1") -> None:
    """Print the draw with each mention's sentence, for labelling (terminal only: no text is stored)."""
    from corroborate.eval.realnews import Runner

    runner = Runner(semantic)
    try:
        for row in draw(all_events(data, pool), runner, *SIZES[pool]):
            ev = row.pop("_ev")
            text = next(a.text for a in ev.articles if a.id == ev.doc_article[row["doc"]])
            row["context"] = text[max(0, row["start"] - 120):row["end"] + 120].replace("\n", " ")
            print(json.dumps(row, ensure_ascii=False))
    finally:
        runner.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    pool_arguments(parser, explain="print every error (terminal only)", data=str(DEFAULT_DATA))
    parser.add_argument("--sample", action="store_true", help="print the draw with context (terminal only)")
    parser.add_argument("--pool", default="all", choices=("1", "2", "3", "all"), help="score one pool only")
    args = parser.parse_args(argv)
    if args.sample:
        sample(Path(args.data), args.semantic, "1" if args.pool == "all" else args.pool)
        return 0
    pools = ("1", "2", "3") if args.pool == "all" else (args.pool,)
    files = {"1": LABELS, "2": FRANK_LABELS, "3": FNC3_LABELS}
    labels = [lab for p in pools for lab in load_labels(files[p])]
    results, method, seconds = run(labels, Path(args.data), args.semantic, pools)
    section = {("2",): "entity-pool-2", ("3",): "entity-pool-3"}.get(pools, "entity-pool")
    emit(args, markdown(results, method, seconds), section,
         [e for name in ("all", FRANK, FNC3) for e in results.get(name, {}).get("errors", [])])
    return 0


if __name__ == "__main__":
    sys.exit(main())
