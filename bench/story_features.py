"""Speed and output volume of the story features (entities, quotes, misquotes, timeline) on real news.

    python -m bench.story_features [--limit N] [--model]

Input: ECB+ (../shared/data/ecbplus/ecbplus_docs.jsonl); each ECB+ topic is one story of several articles
about one event, which is the shape these functions get from the pipeline. ECB+ text is tokenised
("Reid , her rep told People ."; quotes as `` and ''), so quote counts here understate what the readers find
in ordinary text; the articles carry no published date, so every relative time expression stays undated.
What is measured: wall time per stage, and how much each stage produced. Writes the "story-features"
section of bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from bench.results import write_section
from corroborate.attribution.entities import extract_entities
from corroborate.attribution.misquotes import find_misquotes
from corroborate.attribution.quotes import extract_quotes
from corroborate.crosscheck.timeline import build_timeline
from corroborate.ingest.segment import segment
from corroborate.model import Article

ECB = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "ecbplus" / "ecbplus_docs.jsonl"


def load_stories(limit: int | None) -> list[list[Article]]:
    if not ECB.exists():
        raise SystemExit(f"{ECB} not found: the benchmark needs ../shared/data/ecbplus")
    stories: dict[int, list[Article]] = defaultdict(list)
    count = 0
    with ECB.open(encoding="utf-8") as fh:
        for line in fh:
            doc = json.loads(line)
            sents = [s["text"] for s in doc["sentences"]]
            if doc.get("source_url"):
                sents = sents[1:]  # sentence 0 is the tokenised source URL
            text = "\n".join(sents)
            aid = hashlib.sha256(text.encode()).hexdigest()[:16]
            stories[doc["topic"]].append(Article(aid, doc["doc_id"], None, None, f"ecbplus:{doc['doc_id']}", text))
            count += 1
            if limit and count >= limit:
                break
    return [stories[k] for k in sorted(stories)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None, help="first N documents only")
    ap.add_argument("--model", action="store_true", help="also pass the project's spaCy pipeline (when built)")
    args = ap.parse_args()
    stories = load_stories(args.limit)
    nlp: Any = None
    reader = "rules"
    if args.model:
        from corroborate import nlp as nlp_mod

        nlp = nlp_mod.load_pipeline()
        reader = f"rules + {nlp_mod.describe()}"
    secs: dict[str, float] = defaultdict(float)
    n: dict[str, int] = defaultdict(int)
    for arts in stories:
        passages = {a.id: segment(a) for a in arts}
        t = time.perf_counter()
        ents = extract_entities(arts, passages, nlp=nlp)
        secs["entities"] += time.perf_counter() - t
        t = time.perf_counter()
        quotes = {a.id: extract_quotes(a, passages[a.id], entities=ents) for a in arts}
        secs["quotes"] += time.perf_counter() - t
        t = time.perf_counter()
        conflicts = find_misquotes(quotes, {a.id: a for a in arts})
        secs["misquotes"] += time.perf_counter() - t
        t = time.perf_counter()
        events = build_timeline(arts, passages)
        secs["timeline"] += time.perf_counter() - t
        n["articles"] += len(arts)
        n["characters"] += sum(len(a.text) for a in arts)
        n["entities"] += len(ents)
        n["PER entities with an alias"] += sum(1 for e in ents if e.type == "PER" and e.aliases)
        all_q = [q for qs in quotes.values() for q in qs]
        n["direct quotes"] += sum(1 for q in all_q if q.kind == "direct")
        n["reported quotes"] += sum(1 for q in all_q if q.kind == "reported")
        n["quotes with a speaker"] += sum(1 for q in all_q if q.speaker)
        n["speakers resolved to an entity"] += sum(1 for q in all_q if q.speaker and
                                                   any(q.speaker == e.name for e in ents))
        n["quote conflicts"] += len(conflicts)
        n["timeline events"] += len(events)
    total = sum(secs.values())
    lines = ["## Story features on ECB+ (`bench/story_features.py`)", "",
             f"{len(stories)} stories (ECB+ topics), {n['articles']} articles, {n['characters']:,} characters; "
             f"reader: {reader}. Tokenised text without dates: see the script's docstring.", "",
             "| stage | seconds | articles/s |", "|---|---|---|"]
    for stage in ("entities", "quotes", "misquotes", "timeline"):
        rate = n["articles"] / secs[stage] if secs[stage] else float("inf")
        lines.append(f"| {stage} | {secs[stage]:.2f} | {rate:,.0f} |")
    lines.append(f"| all four | {total:.2f} | {n['articles'] / total:,.0f} |")
    lines += ["", "| output | count |", "|---|---|"]
    for key in ("entities", "PER entities with an alias", "direct quotes", "reported quotes",
                "quotes with a speaker", "speakers resolved to an entity", "quote conflicts", "timeline events"):
        lines.append(f"| {key} | {n[key]} |")
    opts = (f" --limit {args.limit}" if args.limit else "") + (" --model" if args.model else "")
    lines += ["", f"Command: `nice -n 10 .venv/bin/python -m bench.story_features{opts}`"]
    print("\n".join(lines))
    write_section("story-features", "\n".join(lines))


if __name__ == "__main__":
    main()
