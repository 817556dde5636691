"""Throughput of `corroborate check` on the ECB+ documents, on the lexical and the semantic path.

    python -m bench.check [--limit N]

Articles are built from ../shared/data/ecbplus/ecbplus_docs.jsonl (sentences joined, one per line) and run
through the whole check job in-process (ingest from disk is measured separately by the CLI; here the
documents are already parsed). Reports articles/s, sentences/s, and how the time splits between
computing embeddings and everything else. Writes the "check-throughput" section of bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import time
from pathlib import Path

from bench.results import write_section
from corroborate.config import Config
from corroborate.model import Article
from corroborate.pipeline import Checker

ECB = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "ecbplus" / "ecbplus_docs.jsonl"


def load_ecb(limit: int | None = None) -> list[Article]:
    articles = []
    with ECB.open(encoding="utf-8") as fh:
        for line in fh:
            doc = json.loads(line)
            sents = [s["text"] for s in doc["sentences"]]
            if doc.get("source_url"):
                sents = sents[1:]  # ecbplus sentence 0 is the tokenised source URL
            text = "\n".join(sents)
            aid = hashlib.sha256(text.encode()).hexdigest()[:16]
            articles.append(Article(id=aid, outlet=doc["doc_id"], title=None, published=None,
                                    path=f"ecbplus:{doc['doc_id']}", text=text))
            if limit and len(articles) >= limit:
                break
    return articles


def run(mode: str, articles: list[Article]) -> dict[str, float]:
    # Cache off: this measures computing everything (bench/speed.py measures the cache).
    checker = Checker(config=Config(semantic=mode, cache="off"))
    start = time.perf_counter()
    report = checker.run_articles(articles)
    wall = time.perf_counter() - start
    sentences = report.counters["passages"]
    return {
        "mode": mode, "articles": len(articles), "sentences": sentences, "wall": wall,
        "articles_s": len(articles) / wall, "sentences_s": sentences / wall,
        "embedding": checker.timings.embedding, "stages": dict(checker.timings.stages),
        "method": report.method.get("alignment", "?"), "nlp": report.method.get("nlp", "?"),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=None, help="only the first N documents")
    args = parser.parse_args()
    if not ECB.exists():
        raise SystemExit(f"{ECB} not found: this benchmark needs ../shared/data/ecbplus")
    articles = load_ecb(args.limit)
    rows = [run("off", articles), run("on", articles)]
    lines = [
        "## `check` throughput on ECB+ (bench/check.py)", "",
        f"{len(articles)} ECB+ documents, {rows[0]['sentences']} sentences, whole check job in one process, cache "
        "off, torch on one thread (the default); the 2-core machine was shared with three other agents.", "",
        "| path | alignment | NLP | wall s | articles/s | sentences/s | embedding s | everything else s |",
        "|---|---|---|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(f"| {'lexical' if r['mode'] == 'off' else 'semantic'} | {r['method']} | {r['nlp']} | "
                     f"{r['wall']:.1f} | "
                     f"{r['articles_s']:.1f} | {r['sentences_s']:.0f} | {r['embedding']:.1f} | "
                     f"{r['wall'] - r['embedding']:.1f} |")
    stages = list(dict.fromkeys(k for r in rows for k in r["stages"]))  # every stage either path ran, in order
    lines += ["", "Time per stage (s; embedding time is inside the stages that embed):", "",
              "| path | " + " | ".join(stages) + " |", "|---|" + "---:|" * len(stages)]
    for r in rows:
        lines.append(f"| {'lexical' if r['mode'] == 'off' else 'semantic'} | "
                     + " | ".join(f"{r['stages'].get(k, 0.0):.1f}" for k in stages) + " |")
    write_section("check-throughput", "\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
