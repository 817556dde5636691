"""The brief's citations on news outside the gold: a labelled pool for citation support (issue 24).

    nice -n 10 .venv/bin/python -m bench.citation_pool [--semantic auto|off] [--explain] [--dump FILE] [--write]

The gold's tune half chose the citation check and its test half must stay unread, so this pool gives a third
figure on the 50 events of bench/brief_pool.py (ECB+ sub-topics no gold file uses, English Clust-McMs dev
clusters). One ``check`` runs per event; the brief of the story holding most of the event's articles is read.
The candidates of a brief sentence are the spans of its statement before the check
(:func:`~corroborate.crosscheck.brief.supported`) filters them, so the pool judges what the check drops as well
as what it keeps. Of the first five sentences' candidates to other spans, ``PER_EVENT`` per event were drawn in
hash order and each was labelled by reading the brief sentence and the cited sentence (GUIDELINE.md sections 6
and 12: supports, partial, unsupported; bench/gold/pool_citations.json holds locators and hashes, no text).

Support: of the labelled citations the briefs show (a sentence's own span always supports, as in the gold),
partial counting half; strict: supports only; others: the same over citations to other spans only. Bare:
brief sentences (of the first five) citing no other outlet. Check: of the labelled candidates, the share the
check keeps that support (precision) and the supporting ones it keeps (recall). The pool was read while fixing
the classes it shows, so its figures are tune figures.

Pool 2 (``--pool 2``, bench/gold/pool_citations2.json, GUIDELINE.md section 26) is brief pool 4's FNC-1 claim
groups; pool 3 (``--pool 3``, bench/gold/pool_citations3.json, section 36) the ECB+ sub-topics and English McMs
clusters after pool 1's (brief pools 2 and 3's), drawn and labelled alike at cb5acb2 before any fix.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

from bench.brief_pool import PER_POOL, sample, sample4
from bench.pools import emit, fingerprint, pool_arguments, table_row
from corroborate.errors import InputFormatError
from corroborate.eval.gold import DEFAULT_DATA
from corroborate.eval.realnews_scores import ratio

LABELS = Path(__file__).parent / "gold" / "pool_citations.json"
LABELS2 = Path(__file__).parent / "gold" / "pool_citations2.json"  # pool 2: brief pool 4's events (section 26)
LABELS3 = Path(__file__).parent / "gold" / "pool_citations3.json"  # pool 3: brief pools 2-3's ECB+/McMs (section 36)
TOP = 5  # the acceptance counts the citations of the first five brief sentences
PER_EVENT = 6  # candidates drawn per event, in hash order
VALUE = {"supports": 1.0, "partial": 0.5, "unsupported": 0.0}
DISAGREE = "Sources disagree"


def _loc(event: Any, span: Any) -> dict[str, Any] | None:
    loc = event.locate(span)
    if "s" not in loc:
        return None
    return {"doc": loc["doc"], "s": int(loc["s"]), "start": loc["start"], "end": loc["end"]}


def sentence_text(event: Any, loc: dict[str, Any]) -> str:
    return str(event.sentences[(loc["doc"], loc["s"])][2])


def key(loc: dict[str, Any]) -> str:
    return f"{loc['doc']}:{loc['s']}:{loc['start']}:{loc['end']}"


def _order(event: Any, own: str, cited: str) -> str:
    return hashlib.sha1(f"{event.event}|{own}|{cited}".encode()).hexdigest()


def load_labels(path: Path = LABELS) -> dict[tuple[str, str, str], dict[str, Any]]:
    """(event, own key, cited key) -> label row; a malformed row fails loudly."""
    out = {}
    for row in json.loads(path.read_text(encoding="utf-8"))["labels"]:
        missing = [k for k in ("event", "own", "wording", "cited", "check", "label") if k not in row]
        if missing:
            raise InputFormatError(f"{path}: label without {', '.join(missing)}: {row.get('event')!r}")
        if row["label"] not in VALUE:
            raise InputFormatError(f"{path}: {row['event']}: label must be one of {', '.join(VALUE)}")
        out[(row["event"], row["own"], row["cited"])] = row
    return out


def check_row(event: Any, row: dict[str, Any]) -> None:
    """A locator whose cited sentence changed fails loudly."""
    doc, s = row["cited"].split(":")[:2]
    if (doc, int(s)) not in event.sentences or fingerprint(event.sentences[(doc, int(s))][2]) != row["check"]:
        raise InputFormatError(f"{LABELS}: {row['event']} {row['cited']} no longer names the labelled sentence")


def candidates(event: Any, brief: list[Any], record: dict[tuple[str, str, int, int], list[Any]]) -> list[dict]:
    """The first five statement sentences of a brief, each with its shown citations and its candidates."""
    out = []
    for b in [b for b in brief if not b.text.startswith(DISAGREE) and b.citations][:TOP]:
        own = b.citations[0]
        cands = record.get((b.text, own.article, own.start, own.end), b.citations)
        out.append({"text": b.text, "own": own, "shown": b.citations, "candidates": cands})
    return out


def score_event(event: Any, sents: list[dict], labels: dict) -> dict[str, Any]:
    t: Counter = Counter()
    rows = []
    for s in sents:
        own_loc = _loc(event, s["own"])
        own = key(own_loc) if own_loc else "?"
        t["sentences"] += 1
        t["bare"] += int(all(c.article == s["own"].article for c in s["shown"]))
        shown = {(c.article, c.start, c.end) for c in s["shown"]}
        for k, c in enumerate(s["candidates"]):
            loc = _loc(event, c)
            ck = key(loc) if loc else "?"
            is_shown = (c.article, c.start, c.end) in shown
            if k == 0 and ck == own:
                t["shown"] += 1
                t["labelled"] += 1
                t["support"] += 1.0
                t["strict"] += 1
                continue
            row = labels.get((event.event, own, ck))
            if row is None:
                t["unlabelled"] += int(is_shown)
                continue
            check_row(event, row)
            v = VALUE[row["label"]]
            t["cand"] += 1
            t["cand_supports"] += int(row["label"] == "supports")
            t["kept"] += int(is_shown)
            t["kept_supports"] += int(is_shown and row["label"] == "supports")
            if is_shown:
                t["labelled"] += 1
                t["others"] += 1
                t["support"] += v
                t["others_support"] += v
                t["strict"] += int(row["label"] == "supports")
                t["others_strict"] += int(row["label"] == "supports")
            rows.append({"event": event.event, "own": own, "cited": ck, "label": row["label"], "shown": is_shown,
                         "note": row.get("note", ""), "class": row.get("class", "")})
    return {"t": t, "rows": rows}


def summarize(t: Counter) -> dict[str, Any]:
    return {"sentences": t["sentences"], "bare": t["bare"], "labelled": t["labelled"],
            "unlabelled": t["unlabelled"], "support": ratio(t["support"], t["labelled"]),
            "strict": ratio(t["strict"], t["labelled"]), "others": t["others"],
            "others_support": ratio(t["others_support"], t["others"]),
            "check_precision": ratio(t["kept_supports"], t["kept"]),
            "check_recall": ratio(t["kept_supports"], t["cand_supports"])}


def run(data: Path, semantic: str, which: int = 1) -> tuple[list[tuple[Any, list[dict]]], dict[str, Any], float]:
    """Every sampled event's first brief sentences with their candidates (recorded as the check sees them)."""
    import corroborate.crosscheck.core as core
    from corroborate.eval.realnews import Runner
    from corroborate.eval.realnews_facts import main_story

    record: dict[tuple[str, str, int, int], list[Any]] = {}
    real = core.supported

    def recording(text: str, citations: list[Any], **kw: Any) -> list[Any]:
        if citations:
            record.setdefault((text, citations[0].article, citations[0].start, citations[0].end), list(citations))
        return real(text, citations, **kw)

    runner = Runner(semantic)
    out = []
    start = time.perf_counter()
    core.supported = recording  # the bench reads the candidates; the check itself runs unchanged
    try:
        for ev in pool_events(data, which):
            record.clear()
            story = main_story(ev, list(runner.report(ev).stories))
            out.append((ev, candidates(ev, story.brief if story is not None else [], record)))
    finally:
        core.supported = real
        runner.close()
    return out, dict(runner.method), time.perf_counter() - start


def pool_events(data: Path, which: int) -> list[Any]:
    """Pool 1: brief pool 1's events; pool 2: brief pool 4's FNC-1 claim groups; pool 3: every ECB+ sub-topic and
    English McMs cluster after pool 1's (the ECB+ and McMs events of brief pools 2 and 3), none drawn for
    citations before (GUIDELINE.md section 36)."""
    if which == 3:
        return sample(data, 1000, skip=PER_POOL)
    return sample(data) if which == 1 else sample4(data)


def draw(event: Any, sents: list[dict], per_event: int = PER_EVENT) -> list[tuple[dict, Any]]:
    """The event's sampled candidates to other spans: ``per_event`` of them, in hash order."""
    pairs = []
    for s in sents:
        own_loc = _loc(event, s["own"])
        for c in s["candidates"][1:]:
            loc = _loc(event, c)
            if own_loc and loc:
                pairs.append((_order(event, key(own_loc), key(loc)), s, c))
    return [(s, c) for _h, s, c in sorted(pairs, key=lambda p: p[0])[:per_event]]


def dump(results: list[tuple[Any, list[dict]]], path: Path) -> None:
    """The sampled candidates with both sentences, for labelling (outside the repository)."""
    out = []
    for ev, sents in results:
        for s, c in draw(ev, sents):
            own, loc = _loc(ev, s["own"]), _loc(ev, c)
            shown = any((x.article, x.start, x.end) == (c.article, c.start, c.end) for x in s["shown"])
            out.append({"event": ev.event, "own": key(own), "wording": fingerprint(s["text"]), "cited": key(loc),
                        "check": fingerprint(sentence_text(ev, loc)), "shown": shown, "sentence": s["text"],
                        "span": c.text, "cited_sentence": sentence_text(ev, loc)})
    path.write_text(json.dumps(out, indent=1, ensure_ascii=False), encoding="utf-8")


POOLS = {"ecbplus": "ECB+ sub-topics outside the gold", "mcms": "Clust-McMs dev clusters (English)",
         "fnc1": "FNC-1 claim groups 11-58", "all": "all"}
COLUMNS = ("sentences", "bare", "labelled", "unlabelled", "support", "strict", "others", "others_support",
           "check_precision", "check_recall")


PREFIX = {1: "", 2: "pool 2: ", 3: "pool 3: "}


def markdown(pools: list[tuple[str, dict[str, Counter]]], method: dict[str, Any], seconds: float) -> str:
    lines = [
        "## The brief's citations on news outside the gold (`bench/citation_pool.py`)",
        "",
        "A labelled pool for issue 24 (brief citations support their sentence): the events of "
        "`bench/brief_pool.py`, one `check` each "
        f"(NLP {method.get('nlp', '?')}), the brief of the story holding most of the event's articles. Of the "
        f"first {TOP} sentences' candidate citations to other spans (the statement's spans before the check), "
        f"{PER_EVENT} per event drawn in hash order, each labelled supports / partial / unsupported by reading both "
        "sentences (bench/gold/pool_citations.json, GUIDELINE.md section 12; pool 2: brief pool 4's FNC-1 claim "
        "groups, bench/gold/pool_citations2.json, section 26; pool 3: the ECB+ sub-topics and McMs clusters after "
        "pool 1's, bench/gold/pool_citations3.json, section 36). Support: labelled citations shown, "
        "own spans included (they support), partial half; strict: supports only; others_support: citations to "
        "other spans only; bare: sentences citing no other outlet; check precision / recall: of the labelled "
        "candidates, supporting share of those kept / kept share of the supporting ones. The pool was read "
        "while fixing the classes it shows: these are tune figures.",
        "",
        "| pool | " + " | ".join(COLUMNS) + " |",
        "|---|" + "---:|" * len(COLUMNS),
    ]
    for prefix, totals in pools:
        for name in sorted(totals, key=lambda n: (n == "all", n)):
            s = summarize(totals[name])
            lines.append(table_row(prefix + POOLS.get(name, name), s, COLUMNS))
    lines += ["", f"{seconds:.0f} s on this machine (shared with other jobs)."]
    return "\n".join(lines)


def score(data: Path, semantic: str, which: int, dump_to: str | None = None
          ) -> tuple[dict[str, Counter], list[dict], dict[str, Any], float]:
    """One pool's totals per source and its shown citations short of support."""
    results, method, seconds = run(data, semantic, which)
    if dump_to:
        dump(results, Path(dump_to))
    path = {1: LABELS, 2: LABELS2, 3: LABELS3}[which]
    labels = load_labels(path) if path.exists() else {}
    totals: dict[str, Counter] = {}
    misses = []
    for ev, sents in results:
        scored = score_event(ev, sents, labels)
        for name in (ev.dataset, "all"):
            totals.setdefault(name, Counter()).update(scored["t"])
        misses += [r for r in scored["rows"] if r["label"] != "supports" and r["shown"]]
    return totals, misses, method, seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    pool_arguments(parser, explain="print every labelled citation not 'supports'", data=str(DEFAULT_DATA))
    parser.add_argument("--dump", default=None, help="write the sampled candidates to this JSON file")
    parser.add_argument("--pool", type=int, default=1, choices=(1, 2, 3),
                        help="pool 2: the FNC-1 claim groups of brief pool 4 (GUIDELINE.md section 26); pool 3: "
                        "the ECB+ and McMs events after pool 1's (section 36)")
    args = parser.parse_args(argv)
    totals, misses, method, seconds = score(Path(args.data), args.semantic, args.pool, args.dump)
    pools = {args.pool: totals}
    if args.write:  # the section shows every pool, in order (GUIDELINE.md sections 12, 26 and 36)
        for which in sorted(set(PREFIX) - {args.pool}):
            pools[which], _m, _x, more = score(Path(args.data), args.semantic, which)
            seconds += more
    text = markdown([(PREFIX[w], pools[w]) for w in sorted(pools)], method, seconds)
    emit(args, text, "citation-pool", misses)
    return 0


if __name__ == "__main__":
    sys.exit(main())
