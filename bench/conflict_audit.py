"""Conflict flags on news nobody tuned on before reading them: an editor's audit of every flag.

    python -m bench.conflict_audit [--semantic auto|off] [--dump FILE] [--write]

The gold set (bench/gold) scores precision and recall, but its test half must stay unread and its tune half
is small. This audit adds two pools: the ECB+ sub-topics in ../shared/data that no gold file uses (56 of
66; one sub-topic = one event, all its documents checked together), and the 50 Clust-McMs dev clusters
(Singapore outlets, some articles in Malay). Every conflict ``check`` flags there is
listed; bench/gold/audit_conflicts.json holds an editor's label for each flag read so far (GUIDELINE.md
section 7), as locators: document, sentence, the values. No text is copied.

What it measures, per run: flags, flags per article, and the precision of the labelled flags (a true
conflict counts 1, a debatable one half). A flag no label covers is counted as *unreviewed*: read it, label
it, and run again. The pool was read after it had shaped fixes (the false-flag classes it showed are in the
section's notes), so its precision is a tune figure; the held-out figure stays the gold test half
(bench/realnews.py).

``--dump FILE`` writes every flag with its sentences to FILE (outside the repository) for reading.
``--write`` puts the table in bench/RESULTS.md (section ``conflict-audit``).
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from pathlib import Path
from typing import Any

from bench.results import write_section
from corroborate.eval.gold import DEFAULT_DATA

LABELS = Path(__file__).parent / "gold" / "audit_conflicts.json"
WEIGHT = {"true": 1.0, "debatable": 0.5, "false": 0.0}


def pool(data: Path) -> list[Any]:
    """The ECB+ sub-topics outside the gold, as events (sorted, so the pool is the same on every run)."""
    from corroborate.eval.gold import SECTIONS, SourceData, build_event, gold_files

    src = SourceData(data)
    used = {(g["dataset"], g["event"]) for g in (json.loads(p.read_text(encoding="utf-8")) for p in gold_files())}
    events = []
    for name, docs in sorted(src.ecbplus().items()):
        if ("ecbplus", name) in used:
            continue
        gold = {"dataset": "ecbplus", "event": name, "split": "tune", "docs": sorted(docs),
                **{s: [] for s in SECTIONS}}
        events.append(build_event(gold, docs, Path(f"audit/{name}")))
    return events


def mcms_pool(data: Path) -> list[Any]:
    """The Clust-McMs dev clusters (../shared/data/clust_mcms_news_clusters, SOURCE.md): 50 events, 156
    articles of Singapore outlets, some in Malay. No outlet is given, so each article is its own source; a
    sentence is located by the article's ID and the sentence's SID."""
    import re

    from corroborate.eval.gold import GoldEvent, article_id
    from corroborate.model import Article

    path = data / "clust_mcms_news_clusters" / "mds_clusters_gpt_event_dev.json"
    if not path.is_file():
        return []
    # Not strict JSON (trailing commas), as SOURCE.md says.
    clusters = json.loads(re.sub(r",\s*([}\]])", r"\1", path.read_text(encoding="utf-8")))
    events = []
    for k, cluster in enumerate(clusters):
        ev = GoldEvent("mcms", f"mcms-{k}", "tune", path, {})
        for doc in cluster["documents"]:
            name, parts, pos = f"mcms_{doc['ID']}", [], 0
            for sent in doc["sentences"]:
                if parts:
                    parts.append(" ")
                    pos += 1
                ev.sentences[(name, int(sent["SID"]))] = (pos, pos + len(sent["content"]), sent["content"])
                parts.append(sent["content"])
                pos += len(sent["content"])
            text = "".join(parts)
            aid = article_id(f"mcms:{doc['ID']}", text)
            ev.articles.append(Article(aid, name, doc.get("title"), doc.get("publish_date"), f"mcms:{doc['ID']}",
                                       text))
            ev.doc_article[name], ev.article_doc[aid] = aid, name
        events.append(ev)
    return events


def flags(events: list[Any], semantic: str) -> tuple[list[dict[str, Any]], int, float]:
    from corroborate.eval.realnews import Runner

    runner = Runner(semantic)
    out: list[dict[str, Any]] = []
    articles = 0
    start = time.perf_counter()
    for ev in events:
        report = runner.report(ev)
        articles += len(ev.articles)
        for story in report.stories:
            for c in story.conflicts:
                sides = []
                for span, value in zip(c.spans, c.values, strict=True):
                    loc = ev.locate(span)
                    key = (loc["doc"], loc.get("s"))
                    sentence = ev.sentences.get(key, (0, 0, span.text))[2]
                    sides.append({"doc": loc["doc"], "s": loc.get("s"), "value": value, "sentence": sentence})
                out.append({"event": ev.event, "kind": c.kind, "confidence": c.confidence,
                            "explanation": c.explanation, "sides": sides})
    runner.close()
    return out, articles, time.perf_counter() - start


def label_of(flag: dict[str, Any], labels: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The label whose two sides' sentences are both among the flag's (same event and kind)."""
    where = {(s["doc"], s["s"]) for s in flag["sides"]}
    for lab in labels:
        if lab["event"] == flag["event"] and lab["kind"] == flag["kind"] \
                and all((s["doc"], s["s"]) in where for s in lab["sides"]):
            return lab
    return None


def score(found: list[dict[str, Any]], labels: list[dict[str, Any]], articles: int) -> dict[str, Any]:
    labelled = [(f, label_of(f, labels)) for f in found]
    judged = [(f, lab) for f, lab in labelled if lab is not None]
    value = sum(WEIGHT[lab["label"]] for _, lab in judged)
    by_kind: dict[str, Counter[str]] = {}
    for f, lab in labelled:
        by_kind.setdefault(f["kind"], Counter())[lab["label"] if lab else "unreviewed"] += 1
    return {"flags": len(found), "articles": articles, "per_article": len(found) / max(articles, 1),
            "labelled": len(judged), "unreviewed": len(found) - len(judged),
            "precision": value / len(judged) if judged else None,
            "false": sum(1 for _, lab in judged if lab["label"] == "false"), "by_kind": by_kind}


POOLS = {"ecbplus": "ECB+ sub-topics outside the gold", "mcms": "Clust-McMs dev clusters"}


def markdown(results: dict[str, dict[str, Any]], events: dict[str, int], *, semantic: str, seconds: float) -> str:
    lines = [
        "## Conflict flags on news outside the gold: an editor's audit (`bench/conflict_audit.py`)",
        "",
        f"Two pools no gold file uses, one `check` per event ({semantic} semantic path): the ECB+ sub-topics "
        "outside the gold, and the Clust-McMs dev clusters (Singapore outlets, some articles in Malay; each "
        "article its own source). Every flag is matched to an editor's label in bench/gold/audit_conflicts.json "
        "(GUIDELINE.md section 7: true, debatable = half, false); unreviewed flags are counted apart. The pools "
        "were read to find false-flag classes, so these are tune figures; the held-out one is the gold test half.",
        "",
        "| pool | events | articles | flags | flags / article | labelled | unreviewed | false "
        "| precision of labelled |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, r in results.items():
        p = r["precision"]
        lines.append(f"| {POOLS[name]} | {events[name]} | {r['articles']} | {r['flags']} | {r['per_article']:.3f} | "
                     f"{r['labelled']} | {r['unreviewed']} | {r['false']} | {'–' if p is None else f'{p:.2f}'} |")
    lines += ["", "| pool | kind | true | debatable | false | unreviewed |", "|---|---|---:|---:|---:|---:|"]
    for name, r in results.items():
        for kind, counts in sorted(r["by_kind"].items()):
            lines.append(f"| {POOLS[name]} | {kind} | " + " | ".join(
                str(counts.get(k, 0)) for k in ("true", "debatable", "false", "unreviewed")) + " |")
    lines += ["", f"{seconds:.0f} s for both pools on this machine (shared with other jobs)."]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--semantic", default="auto", choices=("auto", "on", "off"))
    parser.add_argument("--data", default=str(DEFAULT_DATA))
    parser.add_argument("--dump", default=None, help="write every flag with its sentences to this JSON file")
    parser.add_argument("--write", action="store_true", help="write the table to bench/RESULTS.md")
    parser.add_argument("--notes", default="", help="markdown appended to the section (before/after, classes)")
    args = parser.parse_args()
    pools = {"ecbplus": pool(Path(args.data)), "mcms": mcms_pool(Path(args.data))}
    labels = json.loads(LABELS.read_text(encoding="utf-8"))["labels"] if LABELS.exists() else []
    results, counts, dumped, seconds = {}, {}, [], 0.0
    for name, events in pools.items():
        if not events:
            continue
        found, articles, took = flags(events, args.semantic)
        results[name], counts[name], seconds = score(found, labels, articles), len(events), seconds + took
        for f in found:
            lab = label_of(f, labels)
            dumped.append({**f, "label": lab["label"] if lab else None})
    if args.dump:
        Path(args.dump).write_text(json.dumps(dumped, indent=1, ensure_ascii=False), encoding="utf-8")
    text = markdown(results, counts, semantic=args.semantic, seconds=seconds)
    if args.notes:
        text += "\n\n" + args.notes
    print(text)
    if args.write:
        write_section("conflict-audit", text)


if __name__ == "__main__":
    main()
