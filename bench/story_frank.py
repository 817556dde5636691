"""Story grouping precision on real news: FRANK's 149 articles, each a different event, through the stories stage.

    nice -n 10 .venv/bin/python -m bench.story_frank [--semantic auto|on|off|both] [--no-write]

../shared/data/frank/frank_joined.jsonl (SOURCE.md there; MIT) holds 149 CNN/Daily Mail and BBC articles, read
once each (by ``hash``) in the file's order, as bench/frank_articles.py reads them: no title, no date, one outlet
each. They report different events, many on the same topic (Formula One, England cricket, Premier League clubs),
so every pair the stories stage puts in one story is a candidate false merge. The script clusters them in one
batch with the default StoriesConfig (and ``--semantic off``, the lexical path), lists every merged pair and
scores it against the labels in bench/gold/story_frank.json (GUIDELINE.md section 30: same event, different
events or debatable; article hashes and a reason, no text). Pair precision = merged pairs labelled the same
event / merged pairs; a merged pair without a label is listed as such, to be labelled.

Halves: articles 0-74 of the file's order are the tune half (changes were chosen on them), 75-148 the held-out
half; each half is also clustered alone, so a figure exists for pairs the other half cannot influence. For every
labelled pair the table shows its similarity in the whole batch and the lead factor (``Scorer.lead_factor``);
near misses count the unmerged pairs within 20 % below the threshold, the margin a batch has left.
Writes the ``story-frank`` section of bench/RESULTS.md unless ``--no-write``.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.frank_articles import articles as frank_texts
from bench.pools import fingerprint
from bench.results import write_section

GOLD = Path(__file__).resolve().parent / "gold" / "story_frank.json"
HALF = 75  # articles 0..74 (file order) are the tune half
LABELS = ("same", "different", "debatable")
NEAR = 0.8  # a near miss: similarity at least this share of the threshold, and below it


@dataclass(slots=True)
class Frank:
    """The articles in file order, and the labels by (hash, hash) in file order."""

    hashes: list[str]
    articles: list[Any]  # corroborate.model.Article
    labels: dict[tuple[str, str], dict[str, Any]]


def load(data: Path, gold: Path = GOLD) -> Frank:
    from corroborate.eval.gold import article_id
    from corroborate.model import Article

    texts = frank_texts(data)
    if not texts:
        raise SystemExit(f"{data}/frank/frank_joined.jsonl not found: the benchmark needs ../shared/data")
    hashes = list(texts)
    arts = [Article(article_id(f"frank:{h}", texts[h][1]), f"frank_{h}", None, None, f"frank:{h}", texts[h][1])
            for h in hashes]
    position = {h: i for i, h in enumerate(hashes)}
    labels: dict[tuple[str, str], dict[str, Any]] = {}
    for row in json.loads(gold.read_text(encoding="utf-8"))["pairs"]:
        a, b = row["a"].removeprefix("frank-"), row["b"].removeprefix("frank-")
        for h, key in ((a, "a_fingerprint"), (b, "b_fingerprint")):
            if h not in position or fingerprint(texts[h][1]) != row[key]:
                raise SystemExit(f"story_frank.json: article frank-{h} is missing or its text changed")
        if row["label"] not in LABELS:
            raise SystemExit(f"story_frank.json: unknown label {row['label']!r}")
        labels[tuple(sorted((a, b), key=position.__getitem__))] = row  # type: ignore[index]
    return Frank(hashes, arts, labels)


def merged_pairs(frank: Frank, indices: list[int], semantic: str, embedder: Any) -> list[tuple[int, int]]:
    """(i, j), i < j in file order, of every two articles the batch stage puts in one story."""
    from corroborate.config import StoriesConfig
    from corroborate.stories.cluster import cluster_articles

    by_id = {frank.articles[i].id: i for i in indices}
    stories = cluster_articles([frank.articles[i] for i in indices], config=StoriesConfig(semantic=semantic),
                               embedder=embedder)
    out = []
    for story in stories:
        members = sorted(by_id[a] for a in story)
        out += [(i, j) for k, i in enumerate(members) for j in members[k + 1:]]
    return sorted(out)


def label(frank: Frank, pair: tuple[int, int]) -> str:
    row = frank.labels.get((frank.hashes[pair[0]], frank.hashes[pair[1]]))
    return row["label"] if row else "unlabelled"


def score(frank: Frank, pairs: list[tuple[int, int]]) -> dict[str, Any]:
    counts = {k: 0 for k in (*LABELS, "unlabelled")}
    for p in pairs:
        counts[label(frank, p)] += 1
    return {"merged": len(pairs), **counts, "precision": counts["same"] / len(pairs) if pairs else None}


def _scorer(frank: Frank, indices: list[int], semantic: str, embedder: Any) -> tuple[Any, dict[int, Any]]:
    """The stage's scorer over a batch of the articles (its term statistics, MiniLM vectors where it runs) and
    the articles' story docs by position."""
    from corroborate.config import StoriesConfig
    from corroborate.stories.cluster import Scorer, TermStats, _make_embedder, story_doc

    config = StoriesConfig(semantic=semantic)
    docs = {i: story_doc(frank.articles[i], lead_chars=config.lead_chars) for i in indices}
    stats = TermStats()
    for d in docs.values():
        stats.add(d)
    scorer = Scorer(config, stats, _make_embedder(config, embedder))
    scorer.embed(list(docs.values()), [frank.articles[i] for i in docs])
    return scorer, docs


def near_misses(frank: Frank, indices: list[int], semantic: str, embedder: Any) -> int:
    """Pairs of the batch whose similarity is within ``NEAR`` below the threshold: the margin left to a merge."""
    scorer, docs = _scorer(frank, indices, semantic, embedder)
    low = NEAR * scorer.threshold
    return sum(low <= scorer.similarity(docs[i], docs[j]) < scorer.threshold
               for k, i in enumerate(indices) for j in indices[k + 1:])


def diagnostics(frank: Frank, semantic: str, embedder: Any) -> dict[tuple[int, int], tuple[float, float]]:
    """Similarity and lead factor of every labelled pair in the whole batch (the batch's term statistics)."""
    from corroborate.stories.cluster import _cosine

    scorer, docs = _scorer(frank, list(range(len(frank.articles))), semantic, embedder)
    position = {h: i for i, h in enumerate(frank.hashes)}
    out = {}
    for i, j in sorted((position[a], position[b]) for a, b in frank.labels):
        a, b = docs[i], docs[j]
        out[(i, j)] = (scorer.similarity(a, b), scorer.lead_factor(a, b, _cosine(a.words, b.words, scorer.stats)))
    return out


def _cell(value: Any) -> str:
    return "–" if value is None else f"{value:.3f}" if isinstance(value, float) else str(value)


def report(frank: Frank, paths: list[str], embedder: Any) -> str:
    from corroborate.stories.cluster import method

    everything = list(range(len(frank.articles)))
    halves = {"all 149 (one batch)": everything, f"tune half 0-{HALF - 1} alone": everything[:HALF],
              f"held-out half {HALF}-{len(everything) - 1} alone": everything[HALF:]}
    lines = ["## Story grouping precision on FRANK (`bench/story_frank.py`)", "",
             f"{len(frank.articles)} FRANK articles (CNN/Daily Mail and BBC, each a different event), clustered by the "
             "stories stage with the default StoriesConfig; labels: bench/gold/story_frank.json "
             f"({len(frank.labels)} pairs; GUIDELINE.md section 30). Precision = merged pairs labelled the same "
             f"event / merged pairs. Near misses: unmerged pairs with a similarity of at least {NEAR} x the threshold "
             "(unlabelled; the margin a batch leaves before the next merge).", "",
             "| path | batch | merged pairs | same | different | debatable | unlabelled | pair precision "
             "| near misses |",
             "|---|---|---|---|---|---|---|---|---|"]
    listed: dict[str, list[tuple[int, int]]] = {}
    methods: list[str] = []
    for semantic in paths:
        from corroborate.config import StoriesConfig
        from corroborate.stories.cluster import _make_embedder

        used = method(StoriesConfig(semantic=semantic), _make_embedder(StoriesConfig(semantic=semantic), embedder))
        name = used.split(":")[0]  # "semantic" or "lexical"; the whole method is listed below the table
        methods.append(used)
        for batch, indices in halves.items():
            pairs = merged_pairs(frank, indices, semantic, embedder)
            if indices is everything:
                listed[name] = pairs
                whole = pairs
            s = score(frank, pairs)
            near = near_misses(frank, indices, semantic, embedder)
            lines.append(f"| {name} | {batch} | {s['merged']} | {s['same']} | {s['different']} | {s['debatable']} "
                         f"| {s['unlabelled']} | {_cell(s['precision'])} | {near} |")
            print(lines[-1], flush=True)
        cross = [p for p in whole if p[0] < HALF <= p[1]]
        lines.append(f"| {name} | all 149: pairs across the halves | {len(cross)} | "
                     + " | ".join(str(sum(label(frank, p) == k for p in cross)) for k in (*LABELS, "unlabelled"))
                     + f" | {_cell(score(frank, cross)['precision'])} | |")
        print(lines[-1], flush=True)
    lines += ["", "Methods: " + "; ".join(methods) + ".", "",
              "Labelled pairs (file-order positions; M = merged in the whole batch; similarity and lead factor in the "
              "whole batch, semantic path where it ran):", "",
              "| pair | label | " + " | ".join(f"M {p}" for p in listed) + " | similarity | lead factor | reason |",
              "|---|---|" + "---|" * len(listed) + "---|---|---|"]
    semantic_path = "on" if "on" in paths or "auto" in paths else "off"
    diag = diagnostics(frank, semantic_path, embedder)
    for (i, j), (sim, factor) in sorted(diag.items()):
        row = frank.labels[(frank.hashes[i], frank.hashes[j])]
        marks = " | ".join("yes" if (i, j) in pairs else "no" for pairs in listed.values())
        lines.append(f"| {i}-{j} | {row['label']} | {marks} | {sim:.3f} | {factor:.3f} | {row['reason']} |")
    unlabelled = sorted({p for pairs in listed.values() for p in pairs if label(frank, p) == "unlabelled"})
    if unlabelled:
        lines += ["", "Unlabelled merged pairs (label them in bench/gold/story_frank.json): "
                  + ", ".join(f"{i}-{j} (frank-{frank.hashes[i][:10]}, frank-{frank.hashes[j][:10]})"
                              for i, j in unlabelled)]
    opts = "" if paths == ["auto", "off"] else f" --semantic {'both' if len(paths) > 1 else paths[0]}"
    lines += ["", f"Command: `nice -n 10 .venv/bin/python -m bench.story_frank{opts}`"]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    from corroborate.eval.gold import DEFAULT_DATA

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default=str(DEFAULT_DATA))
    parser.add_argument("--semantic", choices=("auto", "on", "off", "both"), default="both",
                        help="the stories path; both: the default (auto) and the lexical one")
    parser.add_argument("--no-write", action="store_true", help="print only; leave bench/RESULTS.md alone")
    args = parser.parse_args(argv)
    paths = ["auto", "off"] if args.semantic == "both" else [args.semantic]
    embedder = None
    if any(p != "off" for p in paths):
        from corroborate.ingest.embed import Embedder, semantic_available

        embedder = Embedder() if semantic_available() else None
    text = report(load(Path(args.data)), paths, embedder)
    print(text)
    if not args.no_write:
        write_section("story-frank", text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
