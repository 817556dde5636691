"""Age conflicts on natural news: every candidate of the age reader (crosscheck/ages.py), read and labelled.

    nice -n 10 .venv/bin/python -m bench.age_pool [--dump FILE]

Pools (none of the held-out test half is read): the BASIL gold's tune events, the ECB+ gold's tune sub-topics
and the ECB+ sub-topics outside the gold (bench/conflict_audit.pool), the Clust-McMs dev clusters, and every
FNC-1 story group of 3+ related bodies (bench/conflict_fnc.groups, no cap on groups). Per event: the story's
entities, the ages read per person, and the age candidates with the judge's decision (kept or the drop reason),
each article its own source: the repeats stage does not run here, so two copies of one text (one source to
``check``, which then drops the candidate) count as two.
Each candidate is matched to its label in bench/gold/audit_ages.json (GUIDELINE.md section 20): locators only
(dataset, event, the two sides' documents and sentences with a fingerprint of the sentence, the ages), no text.
``--dump FILE`` writes every candidate with its sentences to FILE (outside the repository) for reading.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import Any

from bench.pools import fingerprint

LABELS = Path(__file__).parent / "gold" / "audit_ages.json"


def pools(data: Path) -> dict[str, list[Any]]:
    from bench.conflict_audit import mcms_pool, pool
    from bench.conflict_fnc import events as fnc_events
    from corroborate.eval.gold import load_events

    return {"basil-tune": load_events(dataset="basil", split="tune", data_root=data),
            "ecbplus": [*load_events(dataset="ecbplus", split="tune", data_root=data), *pool(data)],
            "mcms": mcms_pool(data), "fnc": fnc_events(data, 10 ** 6)}


def candidates(ev: Any) -> tuple[int, list[dict[str, Any]]]:
    """(ages read, candidates with their sides and the judge's decision) of one event."""
    from corroborate.attribution.entities import extract_entities
    from corroborate.config import ConflictConfig
    from corroborate.crosscheck.ages import age_candidates, read_ages
    from corroborate.crosscheck.judge import JudgeContext, review
    from corroborate.ingest.segment import segment

    arts = ev.articles
    passages = {a.id: segment(a) for a in arts}
    entities = extract_entities(arts, passages)
    read = sum(len(s) for a in arts for s in read_ages(a, entities).values())
    kept, dropped = review(age_candidates(arts, entities), JudgeContext.for_story(arts, passages, None),
                           ConflictConfig(explain=True))
    out = []
    for c, verdict in [*((k, "kept") for k in kept), *((d, d.explanation.split(".")[0]) for d in dropped)]:
        sides = []
        for span, value in zip(c.spans, c.values, strict=True):
            loc = ev.locate(span)
            sentence = ev.sentences.get(tuple(v for k, v in loc.items() if k in ("doc", "p", "s")), (0, 0, ""))[2]
            sides.append({**{k: loc[k] for k in ("doc", "p", "s") if k in loc}, "value": value,
                          "check": fingerprint(sentence), "sentence": sentence, "span": span.text})
        out.append({"dataset": ev.dataset, "event": ev.event, "explanation": c.explanation, "verdict": verdict,
                    "confidence": c.confidence, "sides": sides})
    return read, out


def label_of(found: dict[str, Any], labels: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The label whose event and person match, and whose sides all lie in the candidate's sentences."""
    here = {(s["doc"], s.get("p"), s["s"]) for s in found["sides"]}
    for lab in labels:
        if lab["event"] != found["event"] or lab["person"] != found["explanation"].split(":")[0]:
            continue
        if all((s["doc"], s.get("p"), s["s"]) in here for s in lab["sides"]):
            for s in lab["sides"]:
                where = (s["doc"], s.get("p"), s["s"])
                side = next(x for x in found["sides"] if (x["doc"], x.get("p"), x["s"]) == where)
                if side["check"] != s["check"]:
                    raise ValueError(f"{LABELS}: fingerprint of {s} no longer matches")
            return lab
    return None


def main() -> None:
    from corroborate.eval.gold import DEFAULT_DATA

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--dump", type=Path)
    args = ap.parse_args()
    labels = json.loads(LABELS.read_text(encoding="utf-8"))["labels"] if LABELS.exists() else []
    start, dump = time.perf_counter(), []
    print("| pool | events | articles | ages read | candidates | kept | kept true | kept false | unlabelled |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name, events in pools(args.data).items():
        read, found = 0, []
        for ev in events:
            n, cs = candidates(ev)
            read, found = read + n, found + cs
        for c in found:
            lab = label_of(c, labels)
            c["label"] = lab["label"] if lab else None
        kept = [c for c in found if c["verdict"] == "kept"]
        print(f"| {name} | {len(events)} | {sum(len(e.articles) for e in events)} | {read} | {len(found)} | "
              f"{len(kept)} | {sum(c['label'] == 'true' for c in kept)} | {sum(c['label'] == 'false' for c in kept)}"
              f" | {sum(c['label'] is None for c in found)} |")
        dump += found
    print(f"\n{time.perf_counter() - start:.0f} s")
    if args.dump:
        args.dump.write_text(json.dumps(dump, indent=1, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
