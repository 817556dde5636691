"""Timeline dates on news outside the gold: a labelled pool of time expressions (issue 24).

    nice -n 10 .venv/bin/python -m bench.timeline_pool [--pool 1|2|3|all] [--explain] [--write]

The gold's tune half shaped the timeline rules and its test half must stay unread, so this pool gives a third
figure: 150 time expressions sampled by hash over the ECB+ sub-topics no gold file uses and the English articles
of the Clust-McMs dev clusters (the events of bench/conflict_audit.py), in articles that have a reference date
(McMs: the published date; ECB+: none is given, so the dateline printed at the top of the text, as the timeline
reads it). The sample holds expressions the timeline reported and expressions it missed (found by a wider scan
of time words); each was read in its article and labelled with the date it names (GUIDELINE.md section 10) or
'none'. bench/gold/pool_timeline.json holds locators only: document, character offsets in the article text,
a hash of the expression, the ISO value, a note.

The timeline is built per event on all the event's articles (``build_timeline``, the stage ``check`` runs per
story; the pool's events are one story each) and scored with the gold's own timeline scorer
(:func:`corroborate.eval.realnews_facts.score_timeline`): coverage (labelled dates some reported expression
overlaps), date accuracy (of those, dated right), precision (reported expressions overlapping a labelled one,
dated right; one overlapping a 'none' label counts as wrong). The pool was read while fixing the classes it
shows, so its figures are tune figures.

Pool 2 (bench/gold/pool_timeline2.json, GUIDELINE.md section 16) holds 129 more expressions of the same events
that pool 1 did not sample, drawn by hash from three strata: reported by the timeline, found only by the wider
scan, and relative or anaphoric ('the next day', 'two days later', 'earlier this month'); its rows come per
source and per stratum. Its first figure was measured before any fix it prompted; later ones are tune figures.

Pool 3 (bench/gold/pool_timeline3.json, GUIDELINE.md section 25) holds 155 more expressions of the same events that
pools 1 and 2 did not sample, with a fourth stratum beside pool 2's: *deictic* words that name the article's own
time and may instead be rhetorical or a title ('today', 'this week', 'this season', a decade).

``--pool`` picks the labels (default ``all``: every pool, each on its own rows). ``--explain`` prints every
miss and wrong date with its expression (terminal only). ``--write`` puts the table
in bench/RESULTS.md (section ``timeline-pool``).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.pools import cell, emit, fingerprint
from corroborate.errors import InputFormatError
from corroborate.eval.gold import DEFAULT_DATA

LABELS = Path(__file__).parent / "gold" / "pool_timeline.json"
LABELS2 = Path(__file__).parent / "gold" / "pool_timeline2.json"
LABELS3 = Path(__file__).parent / "gold" / "pool_timeline3.json"
FILES = {"1": LABELS, "2": LABELS2, "3": LABELS3}
NONE = "none"
POOLS = {"ecbplus": "ECB+ sub-topics outside the gold", "mcms": "Clust-McMs dev clusters (English)", "all": "both"}
STRATA = {"reported": "reported by the timeline", "scan": "found only by the wider scan",
          "relative": "relative or anaphoric", "deictic": "the article's own time ('today', 'this week')"}


def precision_of(value: str) -> str:
    """'day', 'month', 'year', 'range' (a decade as '1930/1939') or 'none'."""
    if value == NONE:
        return NONE
    return "range" if "/" in value else {10: "day", 7: "month", 4: "year"}.get(len(value), "other")


def load_labels(path: Path = LABELS) -> list[dict[str, Any]]:
    rows = json.loads(path.read_text(encoding="utf-8"))["labels"]
    for row in rows:
        missing = [k for k in ("dataset", "event", "doc", "start", "end", "check", "date") if k not in row]
        if missing:
            raise InputFormatError(f"{path}: label without {', '.join(missing)}: {row.get('event')!r}")
        if precision_of(str(row["date"])) == "other":
            raise InputFormatError(f"{path}: {row['event']} {row['doc']}: date {row['date']!r} is no ISO day, "
                                   "month, year, range or 'none'")
    return rows


@dataclass
class PoolEvent:
    """A pool event shaped for the gold's timeline scorer: ``gold['timeline']`` holds its dated labels and
    :meth:`span` turns a label into the span it names (the hash must still match the text)."""

    dataset: str
    event: str
    articles: list[Any]
    doc_article: dict[str, str]
    split: str = "pool"
    source: Path = LABELS
    gold: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: {"timeline": []})
    nones: list[dict[str, Any]] = field(default_factory=list)

    def span(self, row: dict[str, Any]) -> Any:
        from corroborate.model import Span

        article = next(a for a in self.articles if a.id == self.doc_article[str(row["doc"])])
        span = Span.of(article, int(row["start"]), int(row["end"]))
        if fingerprint(span.text) != row["check"]:
            raise InputFormatError(f"{self.source}: {row['event']} {row['doc']} {row['start']}:{row['end']} no longer "
                                   "names the labelled expression")
        return span


def pool_events(data: Path, rows: list[dict[str, Any]], source: Path = LABELS) -> list[PoolEvent]:
    """The labelled events, in label order of first appearance, with their labels attached."""
    from bench.brief_pool import english_only
    from bench.conflict_audit import mcms_pool, pool

    wanted = {(r["dataset"], r["event"]) for r in rows}
    found = {("ecbplus", e.event): e for e in pool(data) if ("ecbplus", e.event) in wanted}
    found |= {("mcms", e.event): english_only(e) for e in mcms_pool(data) if ("mcms", e.event) in wanted}
    out: dict[tuple[str, str], PoolEvent] = {}
    for r in rows:
        key = (r["dataset"], r["event"])
        if key not in found:
            raise InputFormatError(f"{source}: event {key} not found under {data}")
        ev = out.setdefault(key, PoolEvent(r["dataset"], r["event"], found[key].articles,
                                           dict(found[key].doc_article), source=source))
        (ev.nones if r["date"] == NONE else ev.gold["timeline"]).append(r)
    return list(out.values())


def score_event(ev: PoolEvent) -> dict[str, Any]:
    """The gold scorer's tally for one event, plus reported expressions that overlap a 'none' label."""
    from types import SimpleNamespace

    from corroborate.crosscheck.timeline import build_timeline
    from corroborate.eval.realnews_facts import mention_ranges, score_timeline
    from corroborate.eval.realnews_scores import overlaps

    timeline = build_timeline(ev.articles, {})
    t = score_timeline(ev, [SimpleNamespace(timeline=timeline)])  # type: ignore[arg-type]
    nones = [ev.span(r) for r in ev.nones]
    t["false_dates"], t["false"] = 0, []
    for item in timeline:
        for span in sorted(item.spans):
            ranges, _ = mention_ranges(item, span)
            if any(overlaps(r, n) for r in ranges for n in nones):
                t["false_dates"] += 1
                t["false"].append({"event": ev.event, "expression": item.expression, "predicted": item.date})
    by = Counter()
    for row in ev.gold["timeline"]:
        by[precision_of(row["date"])] += 1
    t["labels"] = {"day": by["day"], "month": by["month"], "year": by["year"], "range": by["range"],
                   NONE: len(ev.nones)}
    return t


def summarize(t: dict[str, Any]) -> dict[str, Any]:
    from corroborate.eval.realnews_facts import summarize_timeline
    from corroborate.eval.realnews_scores import ratio

    s = summarize_timeline(t)
    s["false_dates"] = t["false_dates"]
    s["precision"] = ratio(t["overlapping_right"], t["overlapping"] + t["false_dates"])
    return s


def _tallies(data: Path, rows: list[dict[str, Any]], source: Path) -> dict[str, dict[str, Any]]:
    """Per source and both sources together: the merged tally of ``rows``."""
    from corroborate.eval.realnews_scores import merge

    tallies: dict[str, list[dict[str, Any]]] = {}
    for ev in pool_events(data, rows, source):
        tallies.setdefault(ev.dataset, []).append(score_event(ev))
    groups = {**tallies, "all": [t for ts in tallies.values() for t in ts]}
    return {name: merge(ts) for name, ts in groups.items()}


def run(data: Path, pools: str = "all") -> dict[str, dict[str, Any]]:
    """Table rows, keyed 'pool|group': each pool per source and both; pools 2 and 3 also per stratum."""
    out: dict[str, dict[str, Any]] = {}
    for pool in tuple(FILES) if pools == "all" else (pools,):
        rows = load_labels(FILES[pool])
        for name, t in _tallies(data, rows, FILES[pool]).items():
            out[f"{pool}|{name}"] = t
        for stratum in STRATA:
            part = [r for r in rows if r.get("stratum") == stratum]
            if part:
                out[f"{pool}|{stratum}"] = _tallies(data, part, FILES[pool])["all"]
    return out


def markdown(merged: dict[str, dict[str, Any]]) -> str:
    keys = ["events", "gold", "matched", "coverage", "date_accuracy", "precision", "false_dates"]
    lines = [
        "## Timeline dates on news outside the gold (`bench/timeline_pool.py`)",
        "",
        "A labelled pool for issue 24 (timeline dates): time expressions sampled by hash from the ECB+ sub-topics "
        "no gold file uses and the English Clust-McMs dev clusters, in articles with a reference date (McMs: "
        "published; ECB+: the dateline at the top of the text). Expressions the timeline reported and ones a wider "
        "scan found were read and labelled with the date they name, or none (bench/gold/pool_timeline.json, "
        "GUIDELINE.md section 10). `build_timeline` per event, scored by the gold's timeline scorer: coverage "
        "(labelled dates a reported expression overlaps), date accuracy (of those), precision (reported "
        "expressions on a label, dated right; on a 'none' label: a false date). The pool was read while fixing "
        "the classes it shows: these are tune figures. Pool 2 (bench/gold/pool_timeline2.json, GUIDELINE.md section "
        "16): 129 more expressions of the same events, drawn by hash from three strata (reported by the timeline, "
        "found only by the wider scan, relative or anaphoric), read before any fix it prompted; its rows per "
        "stratum follow its rows per source. Pool 3 (bench/gold/pool_timeline3.json, GUIDELINE.md section 25): 155 "
        "more, drawn the same way with a fourth stratum (words naming the article's own time: 'today', 'this "
        "week', 'this season', a decade), read before any fix it prompted.",
        "",
        "| pool | rows | " + " | ".join(keys) + " | day / month / year / range / none labels |",
        "|---|---|" + "---:|" * (len(keys) + 1),
    ]
    for key, t in merged.items():
        pool, name = key.split("|")
        s = summarize(t)
        lab = t["labels"]
        lines.append(f"| {pool} | {POOLS.get(name) or STRATA.get(name, name)} | "
                     + " | ".join(cell(s[k]) for k in keys) + " | "
                     + " / ".join(str(lab[k]) for k in ("day", "month", "year", "range", NONE)) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default=str(DEFAULT_DATA))
    parser.add_argument("--pool", choices=[*FILES, "all"], default="all", help="which labels (default: all)")
    parser.add_argument("--explain", action="store_true", help="print every miss and wrong date (terminal only)")
    parser.add_argument("--write", action="store_true", help="write the table to bench/RESULTS.md")
    parser.add_argument("--notes", default="", help="markdown appended to the section (before/after, classes)")
    args = parser.parse_args(argv)
    merged = run(Path(args.data), args.pool)
    text = markdown(merged)
    emit(args, text, "timeline-pool",
         (f"{name[0]} {key} {json.dumps(row, ensure_ascii=False)}" for name, t in merged.items()
          if name.endswith("|all") for key in ("missed", "wrong_date", "false") for row in t.get(key, [])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
