"""The brief's first sentence on news outside the gold: a labelled pool for the lead choice (issue 24).

    nice -n 10 .venv/bin/python -m bench.brief_pool [--pool 1|2] [--semantic auto|off] [--explain] [--dump FILE]
        [--write]

The gold's tune half shaped the lead rules and its test half must stay unread, so this pool gives a third figure:
about 50 events sampled by hash from the ECB+ sub-topics no gold file uses and the English articles of the
Clust-McMs dev clusters (the events of bench/conflict_audit.py), each with at least two articles. Every sentence
of every article's lead was read and labelled: acceptable as a brief's first sentence (it states the event: who
did what, and when or where when the articles say), or why not (bench/gold/pool_brief.json, GUIDELINE.md
section 9: locators only, no text). One ``check`` runs per event, on the event's articles.

Hit: the first sentence of the brief of the story holding most of the event's articles cites an acceptable
sentence (as the gold's ``first_sentence_hit`` does); 'reads': its own span, the text shown, lies in one. A first
sentence in no acceptable sentence is classed by its label (quote, future, background, detail, other); one that
no label covers is 'unread': read it, label it, and run again. The pool was read while fixing the classes it
shows, so its figures are tune figures. Pool 2 (``--pool 2``, bench/gold/pool_brief2.json, GUIDELINE.md section
14) is the next 15 events of each source in the same order, labelled alike after pool 1's fixes; pool 3
(section 17) the events both sources have left and 10 FNC-1 claim groups; pool 4 (section 26) the FNC-1 claim
groups 11-58. ``--write`` scores every pool.

``--explain`` prints every miss with its sentence (terminal only); ``--dump FILE`` writes each sampled event's
lead sentences and brief to FILE (outside the repository) for labelling. ``--write`` puts the table in
bench/RESULTS.md (section ``brief-pool``).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

from bench.pools import emit, fingerprint, pool_arguments, table_row
from corroborate.errors import InputFormatError
from corroborate.eval.gold import DEFAULT_DATA

LABELS = Path(__file__).parent / "gold" / "pool_brief.json"
LABELS2 = Path(__file__).parent / "gold" / "pool_brief2.json"
LABELS3 = Path(__file__).parent / "gold" / "pool_brief3.json"
LABELS4 = Path(__file__).parent / "gold" / "pool_brief4.json"
PER_POOL = 25  # events drawn from each pool
PER_POOL2 = 15  # pool 2: the next events of each source in the same order, after pool 1's
FNC_GROUPS = 10  # pool 3: FNC-1 claim groups beside the ECB+ and McMs events pools 1-2 left (bench/fnc_groups.py)
FNC_GROUPS4 = 58  # pool 4: the FNC-1 claim groups after pool 3's, up to this one (GUIDELINE.md section 26)
CLASSES = ("quote", "future", "background", "detail", "other")
_EN = frozenset(["the", "and", "of", "to", "in", "was", "is", "said"])
_MS = frozenset(["yang", "dan", "di", "untuk", "dengan", "ini", "itu", "tidak", "kepada"])


def english(text: str) -> bool:
    """An English article, not a Malay, Chinese or Tamil one: English function words, few Malay ones."""
    words = re.findall(r"[a-z]+", text.lower())
    en, ms = sum(w in _EN for w in words), sum(w in _MS for w in words)
    return en >= 5 and en > 3 * ms


def english_only(event: Any) -> Any:
    """The event restricted to its English articles (in place; a McMs cluster mixes languages)."""
    keep = [a for a in event.articles if english(a.text)]
    names = {event.article_doc[a.id] for a in keep}
    event.articles = keep
    event.doc_article = {n: aid for n, aid in event.doc_article.items() if n in names}
    event.article_doc = {aid: n for n, aid in event.doc_article.items()}
    event.sentences = {k: v for k, v in event.sentences.items() if k[0] in names}
    return event


def _order(event: Any) -> str:
    return hashlib.sha1(f"{event.dataset}:{event.event}".encode()).hexdigest()


def sample(data: Path, per_pool: int = PER_POOL, skip: int = 0) -> list[Any]:
    """The pool: from each source, the events with two articles or more, in hash order, ``per_pool`` of them
    after the first ``skip`` (pool 2 skips pool 1's)."""
    from bench.conflict_audit import mcms_pool, pool

    ecb = [e for e in pool(data) if len(e.articles) >= 2]
    mcms = [e for e in (english_only(e) for e in mcms_pool(data)) if len(e.articles) >= 2]
    return [e for group in (ecb, mcms) for e in sorted(group, key=_order)[skip:skip + per_pool]]


def sample3(data: Path) -> list[Any]:
    """Pool 3: every event of both sources that pools 1-2 left, then the first FNC-1 claim groups."""
    from bench.fnc_groups import events

    return [*sample(data, 1000, skip=PER_POOL + PER_POOL2), *events(data, FNC_GROUPS)]


def sample4(data: Path) -> list[Any]:
    """Pool 4: the FNC-1 claim groups after pool 3's (groups 11 to ``FNC_GROUPS4``), read for nothing before."""
    from bench.fnc_groups import events

    return events(data, FNC_GROUPS4)[FNC_GROUPS:]


def pool_events(data: Path, which: int) -> tuple[Path, list[Any]]:
    """A pool's label file and events."""
    if which == 4:
        return LABELS4, sample4(data)
    if which == 3:
        return LABELS3, sample3(data)
    return (LABELS, sample(data)) if which == 1 else (LABELS2, sample(data, PER_POOL2, skip=PER_POOL))


def load_labels(path: Path = LABELS) -> dict[tuple[str, str], dict[str, Any]]:
    rows = json.loads(path.read_text(encoding="utf-8"))["labels"]
    out = {}
    for row in rows:
        missing = [k for k in ("dataset", "event", "docs", "sentences") if k not in row]
        if missing:
            raise InputFormatError(f"{path}: label without {', '.join(missing)}: {row.get('event')!r}")
        for s in row["sentences"]:
            if s.get("label") not in ("event", *CLASSES):
                raise InputFormatError(f"{path}: {row['event']} {s}: label must be event or one of {CLASSES}")
        out[(row["dataset"], row["event"])] = row
    return out


def sentence_labels(row: dict[str, Any], event: Any) -> dict[tuple[str, int], str]:
    """(doc, sentence index) -> label; a locator whose sentence changed fails loudly."""
    out = {}
    for s in row["sentences"]:
        key = (str(s["doc"]), int(s["s"]))
        if key not in event.sentences or fingerprint(event.sentences[key][2]) != s["check"]:
            raise InputFormatError(f"{LABELS}: {row['event']} {key} no longer names the labelled sentence")
        out[key] = s["label"]
    return out


def _key(event: Any, span: Any) -> tuple[str, int] | None:
    loc = event.locate(span)
    return (loc["doc"], int(loc["s"])) if "s" in loc else None


def score_event(event: Any, row: dict[str, Any], brief: list[Any]) -> dict[str, Any]:
    labels = sentence_labels(row, event)
    first = brief[0] if brief else None
    own = _key(event, first.citations[0]) if first and first.citations else None
    cited = [_key(event, c) for c in first.citations] if first else []
    label = labels.get(own) if own else None
    t = {"events": 1, "hit": int(any(labels.get(k) == "event" for k in cited if k)),
         "reads": int(label == "event"), "class": label or ("none" if first is None else "unread")}
    t["miss"] = None if t["hit"] else {"event": event.event, "own": own, "label": t["class"],
                                      "text": first.text if first else None, "note": row.get("note", "")}
    return t


def run(data: Path, semantic: str,
        which: int = 1) -> tuple[dict[str, list[dict[str, Any]]], list[Any], dict[str, Any], float]:
    from corroborate.eval.realnews import Runner
    from corroborate.eval.realnews_facts import main_story

    path, events = pool_events(data, which)
    labels = load_labels(path) if path.exists() else {}
    runner = Runner(semantic)
    tallies: dict[str, list[dict[str, Any]]] = {}
    briefs = []
    start = time.perf_counter()
    try:
        for ev in events:
            story = main_story(ev, list(runner.report(ev).stories))
            brief = story.brief if story is not None else []
            briefs.append((ev, brief))
            row = labels.get((ev.dataset, ev.event))
            if row is not None:
                tallies.setdefault(ev.dataset, []).append(score_event(ev, row, brief))
    finally:
        runner.close()
    return tallies, briefs, dict(runner.method), time.perf_counter() - start


def summarize(ts: list[dict[str, Any]]) -> dict[str, Any]:
    n = len(ts)
    classes = Counter(t["class"] for t in ts if not t["reads"])
    return {"events": n, "hit": sum(t["hit"] for t in ts) / n if n else None,
            "reads": sum(t["reads"] for t in ts) / n if n else None, **{c: classes.get(c, 0) for c in
                                                                         (*CLASSES, "unread")}}


POOLS = {"ecbplus": "ECB+ sub-topics outside the gold", "mcms": "Clust-McMs dev clusters (English)",
         "fnc1": "FNC-1 claim groups", "all": "all"}
PREFIX = {1: "", 2: "pool 2: ", 3: "pool 3: ", 4: "pool 4: "}


def markdown(pools: list[tuple[str, dict[str, list[dict[str, Any]]]]], method: dict[str, Any],
             seconds: float) -> str:
    """The table: each pool's rows (per source, then all) under its prefix."""
    keys = ["events", "hit", "reads", *CLASSES, "unread"]
    lines = [
        "## The brief's first sentence on news outside the gold (`bench/brief_pool.py`)",
        "",
        "A labelled pool for issue 24 (the brief's first sentence states the event): events sampled by hash from "
        "the ECB+ sub-topics no gold file uses and the English articles of the Clust-McMs dev clusters, two "
        "articles or more each. Every lead sentence was read and labelled as stating the event or not, and why "
        "(bench/gold/pool_brief.json, GUIDELINE.md section 9; pool 2: the next 15 events of each source, "
        "bench/gold/pool_brief2.json, section 14; pool 3: the events of both sources pools 1-2 left and 10 FNC-1 "
        "claim groups, bench/gold/pool_brief3.json, section 17; pool 4: FNC-1 claim groups 11-58, "
        "bench/gold/pool_brief4.json, section 26). One `check` per event "
        f"(NLP {method.get('nlp', '?')}); the brief of the story holding most of the event's articles. Hit: its "
        "first sentence cites an acceptable sentence; reads: the sentence shown is one. The other columns count "
        "first sentences that are no acceptable sentence, by the label of the sentence shown (quote: somebody's "
        "words; future: what is planned or expected; background: earlier events or context; detail: a side fact, "
        "reaction or aftermath; other: a headline fragment, another event; unread: no label). The pool was read "
        "while fixing the classes it shows: these are tune figures.",
        "",
        "| pool | " + " | ".join(keys) + " |",
        "|---|" + "---:|" * len(keys),
    ]
    for prefix, pool in pools:
        groups = {**pool, "all": [t for ts in pool.values() for t in ts]} if pool else {}
        for name, ts in groups.items():
            s = summarize(ts)
            lines.append(table_row(f"{prefix}{POOLS.get(name, name)}", s, keys))
    lines += ["", f"{seconds:.0f} s on this machine (shared with other jobs)."]
    return "\n".join(lines)


def dump(briefs: list[Any], path: Path, lead: int = 4) -> None:
    """Each event's first ``lead`` sentences per article and its brief, for reading (outside the repository)."""
    out = []
    for ev, brief in briefs:
        docs = {}
        for (doc, s), (_a, _b, text) in sorted(ev.sentences.items(), key=lambda kv: (kv[0][0], kv[0][1])):
            if len(docs.setdefault(doc, [])) < lead:
                docs[doc].append({"s": s, "check": fingerprint(text), "text": text})
        out.append({"dataset": ev.dataset, "event": ev.event, "docs": docs,
                    "brief": [{"cites": [_key(ev, c) for c in b.citations], "text": b.text} for b in brief[:3]]})
    path.write_text(json.dumps(out, indent=1, ensure_ascii=False), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    pool_arguments(parser, explain="print every miss with its sentence (terminal only)", data=str(DEFAULT_DATA))
    parser.add_argument("--dump", default=None, help="write the sample's leads and briefs to this JSON file")
    parser.add_argument("--pool", type=int, default=1, choices=(1, 2, 3, 4),
                        help="pool 2: the next 15 events of each source; pool 3: the rest and 10 FNC-1 claim "
                             "groups; pool 4: FNC-1 claim groups 11-58")
    args = parser.parse_args(argv)
    tallies, briefs, method, seconds = run(Path(args.data), args.semantic, args.pool)
    if args.dump:
        dump(briefs, Path(args.dump))
    pools = {args.pool: tallies}
    if args.write:  # the section shows every pool, in order (GUIDELINE.md sections 9, 14 and 17)
        for which in sorted(set(PREFIX) - {args.pool}):
            pools[which], _b, _m, more = run(Path(args.data), args.semantic, which)
            seconds += more
    text = markdown([(PREFIX[w], pools[w]) for w in sorted(pools)], method, seconds)
    emit(args, text, "brief-pool", (t["miss"] for ts in tallies.values() for t in ts if t["miss"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
