"""How far can "same sentence, different value" go on natural news? A diagnostic for issue 20's recall.

    python -m bench.conflict_ceiling [--semantic auto|off]

The shipped detectors propose only about a tenth of the gold conflicts (bench/RESULTS.md, "realnews-gold").
This script asks whether a broader candidate generator would do better, before anyone builds one: for every
pair of sentences from two different outlets of a gold event, it lists each kind of typed value (weekday,
month-day date, clock time, year, number, capitalised name) that the two sentences both hold but with
different values, neither side also writing the other's value (and numbers the number reader finds
incompatible). Then it measures, per half of the gold split:

- **the ceiling**: the share of gold conflict weight (debatable = half) such candidates cover, at several
  thresholds of context overlap (content words the two sentences share once their values are masked);
- **the ranking**: the precision of the top-k candidates ranked by the cosine of the masked sentences under
  MiniLM (lexical overlap without it), per value kind. This is the "same slot" signal a judge would have.

The table goes to bench/RESULTS.md (section ``conflict-ceiling``). Nothing here ships; it tells the next
person what the detector and judge would have to separate.
"""

from __future__ import annotations

import argparse
import re
import time
from collections import Counter
from typing import Any

from bench.results import write_section

KINDS = ("weekday", "date", "time", "year", "number", "name")
THRESHOLDS = (0.0, 0.2, 0.3, 0.5)
TOP_K = (1, 5, 10, 25)


def _patterns() -> dict[str, re.Pattern[str]]:
    from corroborate.text.dates import MONTHS, WEEKDAYS
    from corroborate.text.numbers import TENS, UNITS

    weekday = "|".join(w.capitalize() for w in WEEKDAYS)
    month = "|".join(sorted((m.capitalize() for m in MONTHS), key=len, reverse=True))
    words = "|".join(sorted({*UNITS, *TENS, "dozen", "dozens", "hundreds", "thousands"} - {"zero", "one"}))
    return {
        "time": re.compile(r"\b\d{1,2}(?:\s*:\s*\d\d)?\s*(?:a\s*\.?\s*m|p\s*\.?\s*m)\b\.?", re.I),
        "date": re.compile(rf"\b(?:{month})\.?\s+\d{{1,2}}\b"),
        "weekday": re.compile(rf"\b(?:{weekday})\b"),
        "year": re.compile(r"\b(?:19|20)\d\d\b"),
        "number": re.compile(rf"(?<![\w.:])[$£€]?\d[\d,]*(?:\.\d+)?(?:\s*(?:million|billion|percent|%))?(?![\w:])"
                             rf"|\b(?:{words})\b", re.I),
        "name": re.compile(r"(?<=\w[\s,])[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*"),
    }


def _values(text: str, patterns: dict[str, re.Pattern[str]]) -> list[tuple[str, str, int, int]]:
    out: list[tuple[str, str, int, int]] = []
    for kind in ("time", "date", "weekday", "year", "number", "name"):  # the more specific reading first
        for m in patterns[kind].finditer(text):
            if not any(s < m.end() and m.start() < e for _, _, s, e in out):
                out.append((kind, m.group(0).strip(), m.start(), m.end()))
    return out


def _masked(text: str, values: list[tuple[str, str, int, int]]) -> str:
    for kind, _, s, e in sorted(values, key=lambda v: -v[2]):
        text = text[:s] + kind.upper() + text[e:]
    return text


def candidates(event: Any, patterns: dict[str, re.Pattern[str]]) -> list[dict[str, Any]]:
    from corroborate.crosscheck.brief import content_words
    from corroborate.ingest.segment import segment
    from corroborate.model import Span
    from corroborate.text.numbers import compatible

    sentences = []
    for a in event.articles:
        for p in segment(a):
            vals = _values(p.text, patterns)
            if vals:
                sentences.append((a, Span.of(a, p.start, p.end), vals, content_words(_masked(p.text, vals))))
    out = []
    for x, (a, sa, va, ca) in enumerate(sentences):
        for b, sb, vb, cb in sentences[x + 1:]:
            if b.outlet == a.outlet or len(ca) < 3 or len(cb) < 3:
                continue
            overlap = len(ca & cb) / min(len(ca), len(cb))
            ta, tb = sa.text.lower(), sb.text.lower()
            for kind in KINDS:
                xa = {re.sub(r"[\s.]", "", v.lower()): v for k, v, _, _ in va if k == kind}
                xb = {re.sub(r"[\s.]", "", v.lower()): v for k, v, _, _ in vb if k == kind}
                only_a = [v for k, v in xa.items() if k not in xb and v.lower() not in tb]
                only_b = [v for k, v in xb.items() if k not in xa and v.lower() not in ta]
                if not only_a or not only_b:
                    continue
                if kind == "number" and all(compatible(u, w) is not False for u in only_a for w in only_b):
                    continue
                out.append({"kind": kind, "overlap": overlap, "spans": [sa, sb],
                            "masked": (_masked(sa.text, va), _masked(sb.text, vb))})
    return out


CROSS_MIN_OVERLAP = 0.2  # the cross-encoder reads only pairs sharing this much context (it costs a forward pass)


def _cross_scores(found: list[dict[str, Any]]) -> None:
    """Score each candidate by the same-fact cross-encoder's contradiction probability on the two sentences
    (unmasked: the values are what it compares); candidates below CROSS_MIN_OVERLAP rank last."""
    from train import same_fact

    pairs = sorted({(c["spans"][0].text, c["spans"][1].text) for c in found if c["overlap"] >= CROSS_MIN_OVERLAP})
    probs = dict(zip(pairs, (float(p[2]) for p in same_fact.probabilities(pairs)), strict=True))
    for c in found:
        c["score"] = probs.get((c["spans"][0].text, c["spans"][1].text), -1.0)


def measure(split: str, semantic: str, scorer: str = "cosine") -> dict[str, Any]:
    from corroborate.eval.gold import load_events
    from corroborate.eval.realnews_scores import WEIGHT, pair_hit
    from corroborate.ingest.embed import make_embedder

    patterns = _patterns()
    embedder = make_embedder(semantic)
    rows: list[dict[str, Any]] = []
    gold_weight = 0.0
    gold_by_kind: Counter[str] = Counter()
    reach: dict[float, set[tuple[str, int]]] = {t: set() for t in THRESHOLDS}
    weights: dict[tuple[str, int], tuple[str, float]] = {}
    for event in load_events(split=split):
        gold = [(k, r, WEIGHT[r.get("label", "conflict")], event.sentence_span(r["a"]), event.sentence_span(r["b"]))
                for k, r in enumerate(event.gold["conflicts"])]
        for k, r, w, _, _ in gold:
            gold_weight += w
            gold_by_kind[r["kind"]] += w
            weights[(event.event, k)] = (r["kind"], w)
        found = candidates(event, patterns)
        if scorer == "cross":
            _cross_scores(found)
        elif embedder is not None and found:
            texts = sorted({t for c in found for t in c["masked"]})
            vectors = dict(zip(texts, embedder.encode(texts), strict=True))
        for c in found:
            hits = [(event.event, k) for k, _, _, ga, gb in gold if pair_hit(c["spans"], ga, gb)]
            c["weight"] = max((weights[h][1] for h in hits), default=0.0)
            if scorer != "cross":
                c["score"] = (round(float(vectors[c["masked"][0]] @ vectors[c["masked"][1]]), 4)
                              if embedder is not None else round(c["overlap"], 4))
            for t in THRESHOLDS:
                if c["overlap"] >= t:
                    reach[t].update(hits)
            rows.append({"kind": c["kind"], "overlap": c["overlap"], "score": c["score"], "weight": c["weight"]})
    ceiling = {t: (sum(weights[h][1] for h in reach[t]), sum(1 for r in rows if r["overlap"] >= t))
               for t in THRESHOLDS}
    ranking = {}
    for kind in KINDS:
        ranked = sorted((r for r in rows if r["kind"] == kind), key=lambda r: -r["score"])
        positives = sum(r["weight"] > 0 for r in ranked)
        ranking[kind] = {"candidates": len(ranked), "positives": positives,
                         **{f"p@{k}": (sum(r["weight"] for r in ranked[:k]) / min(k, len(ranked)))
                            if ranked else None for k in TOP_K}}
    name = ("same-fact cross-encoder's contradiction probability (pairs with overlap ≥ "
            f"{CROSS_MIN_OVERLAP})" if scorer == "cross" else "MiniLM cosine of the masked sentences"
            if embedder is not None else "masked word overlap")
    return {"split": split, "gold_weight": gold_weight, "ceiling": ceiling, "ranking": ranking, "scorer": name}


def table(results: list[dict[str, Any]], seconds: float) -> str:
    lines = ["## Conflict candidates from value differences: the ceiling on natural news "
             "(`bench/conflict_ceiling.py`)", "",
             "Every pair of sentences from two outlets of a gold event that hold the same kind of value with "
             "different values. *Reach*: share of gold conflict weight (debatable = half) such a pair covers, "
             "when the sentences share at least that share of their content words once the values are masked.",
             ""]
    lines += ["| half | gold weight | " + " | ".join(f"reach, overlap ≥ {t} (candidates)" for t in THRESHOLDS) + " |",
              "|---|---:|" + "---:|" * len(THRESHOLDS)]
    for r in results:
        cells = [f"{r['ceiling'][t][0] / r['gold_weight']:.3f} ({r['ceiling'][t][1]})" for t in THRESHOLDS]
        lines.append(f"| {r['split']} | {r['gold_weight']:g} | " + " | ".join(cells) + " |")
    lines += ["", f"Ranking each kind's candidates by the {results[0]['scorer']}: precision of the top k "
              "(debatable = half).", "",
              "| half | value kind | candidates | gold among them | " + " | ".join(f"p@{k}" for k in TOP_K) + " |",
              "|---|---|---:|---:|" + "---:|" * len(TOP_K)]
    for r in results:
        for kind, row in r["ranking"].items():
            cells = [f"{row[f'p@{k}']:.2f}" if row[f"p@{k}"] is not None else "–" for k in TOP_K]
            lines.append(f"| {r['split']} | {kind} | {row['candidates']} | {row['positives']} | " + " | ".join(cells)
                         + " |")
    best = {r["split"]: max((row["p@5"] or 0.0) for row in r["ranking"].values()) for r in results}
    short = {r["split"]: r["ceiling"][0.5][0] / r["gold_weight"] for r in results}
    if "cosine" not in results[0]["scorer"]:  # the reading below is the cosine run's (RESULTS.md says the rest)
        return "\n".join([*lines, "", f"{seconds:.0f} s on this machine (shared with other jobs)."])
    lines += ["", "Reading: a candidate generator this broad reaches most gold conflicts only when it ignores "
              "context (tens of thousands of candidates per half); at an overlap that keeps the list to a few "
              "thousand (≥ 0.5) it reaches " + ", ".join(f"{v:.2f} ({k})" for k, v in short.items()) + ". The "
              "same-slot signal at hand, how alike the two sentences are once the values are masked, puts few "
              "gold conflicts near the top: the best precision of any kind's top 5 is "
              + ", ".join(f"{v:.2f} ({k})" for k, v in best.items()) + ". Outlets word one fact too differently, "
              "and different facts too alike. Precision 0.85 at recall 0.60 needs event-level alignment (which "
              "event, and which slot of it, each value fills), not sentence similarity.",
              "", f"{seconds:.0f} s on this machine (shared with other jobs)."]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--semantic", choices=("auto", "off"), default="auto")
    parser.add_argument("--scorer", choices=("cosine", "cross"), default="cosine")
    parser.add_argument("--split", choices=("tune", "test", "both"), default="both")
    args = parser.parse_args()
    start = time.perf_counter()
    splits = ("tune", "test") if args.split == "both" else (args.split,)
    results = [measure(split, args.semantic, args.scorer) for split in splits]
    markdown = table(results, time.perf_counter() - start)
    if args.split == "both":  # a one-half run is a look at tune, not a figure for RESULTS.md
        write_section("conflict-ceiling" if args.scorer == "cosine" else "conflict-ceiling-cross", markdown)
    print(markdown)


if __name__ == "__main__":
    main()
