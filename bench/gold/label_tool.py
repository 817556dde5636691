"""Labelling tool for the project's gold set (see GUIDELINE.md).

    python -m bench.gold.label_tool show basil TRIPLET_UUID      # print an event with [p.s] sentence indices
    python -m bench.gold.label_tool show ecbplus 5ecbplus
    python -m bench.gold.label_tool list basil                    # events and their split
    python -m bench.gold.label_tool resolve RAW.json [...]        # anchors -> locators in bench/gold/<dataset>/

A raw label file is written by the labeller outside the repository (it quotes short anchors of the text);
``resolve`` checks every anchor against the sentence it names, turns it into character offsets and writes
the locator file that is committed. Quote texts are not kept: only offsets, their length and a hash.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

SHARED = Path(__file__).resolve().parents[3] / "shared" / "data"
GOLD = Path(__file__).resolve().parent
MAX_VALUE_WORDS = 12  # values kept in the committed file are short (a number, a name, a time expression)


def split_of(event: str) -> str:
    """The fixed tune/test split: half the events by a hash of their id, never chosen by hand."""
    # Salted: the shared data's own development half was itself drawn by a plain hash of the event id.
    digest = hashlib.sha256(f"corroborate-gold:{event}".encode()).hexdigest()
    return "tune" if int(digest, 16) % 2 == 0 else "test"


def basil_events(root: Path = SHARED / "basil") -> dict[str, dict[str, dict[str, Any]]]:
    events: dict[str, dict[str, dict[str, Any]]] = {}
    for path in sorted((root / "articles").glob("*/*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        events.setdefault(doc["triplet-uuid"], {})[doc["source"].lower()] = doc
    return events


def ecb_events(root: Path = SHARED / "ecbplus") -> dict[str, dict[str, dict[str, Any]]]:
    events: dict[str, dict[str, dict[str, Any]]] = {}
    with (root / "ecbplus_docs.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            doc = json.loads(line)
            if doc["split_cybulska_vossen"] == "dev":
                events.setdefault(doc["subtopic"], {})[doc["doc_id"]] = doc
    return events


def sentence(dataset: str, docs: dict[str, dict[str, Any]], loc: dict[str, Any]) -> str:
    doc = docs[loc["doc"]]
    if dataset == "basil":
        return doc["body-paragraphs"][loc["p"]][loc["s"]]
    return doc["sentences"][loc["s"]]["text"]


def show(dataset: str, event: str) -> None:
    docs = (basil_events() if dataset == "basil" else ecb_events())[event]
    for name, doc in sorted(docs.items()):
        url = doc.get("url") or doc.get("source_url")
        print(f"==== {name}  date={doc.get('date')}  title={doc.get('title')!r}  url={url}")
        if dataset == "basil":
            for p, para in enumerate(doc["body-paragraphs"]):
                for s, sent in enumerate(para):
                    print(f"[{p}.{s}] {sent}")
        else:
            for sent in doc["sentences"]:
                print(f"[{sent['sent_id']}] {sent['text']}")
        print()


def _resolve(dataset: str, docs: dict[str, dict[str, Any]], loc: dict[str, Any], where: str,
             keep_value: bool = True) -> dict[str, Any]:
    anchor = loc.get("anchor")
    if not anchor:
        raise ValueError(f"{where}: locator has no anchor")
    try:
        text = sentence(dataset, docs, loc)
    except (KeyError, IndexError) as exc:
        raise ValueError(f"{where}: no sentence {loc}") from exc
    occurrence = int(loc.get("occurrence", 0))
    start = -1
    for _ in range(occurrence + 1):
        start = text.find(anchor, start + 1)
        if start < 0:
            raise ValueError(f"{where}: anchor {anchor!r} not found (occurrence {occurrence}) in {loc['doc']} "
                             f"{loc.get('p', '')}.{loc['s']}: {text[:80]!r}")
    out = {"doc": loc["doc"], "s": loc["s"], "start": start, "end": start + len(anchor)}
    if dataset == "basil":
        out = {"doc": loc["doc"], "p": loc["p"], **{k: out[k] for k in ("s", "start", "end")}}
    if keep_value:
        if len(anchor.split()) > MAX_VALUE_WORDS:
            raise ValueError(f"{where}: value {anchor[:40]!r}... is longer than {MAX_VALUE_WORDS} words; "
                             "anchor the differing words only")
        out["value"] = anchor
    else:
        out["sha1"] = hashlib.sha1(anchor.encode()).hexdigest()[:12]
    return out


def resolve(raw_path: Path) -> Path:
    raw = json.loads(raw_path.read_text(encoding="utf-8"))
    dataset, event = raw["dataset"], raw["event"]
    docs = (basil_events() if dataset == "basil" else ecb_events())[event]
    out: dict[str, Any] = {"dataset": dataset, "event": event, "split": split_of(event),
                           "guideline": "bench/gold/GUIDELINE.md", "labeller": raw.get("labeller", "")}
    if dataset == "basil":
        out["docs"] = {k: v["uuid"] for k, v in sorted(docs.items())}
    else:
        out["docs"] = sorted(docs)
    for section in ("conflicts", "near_misses"):
        rows = []
        for n, row in enumerate(raw.get(section, [])):
            where = f"{raw_path.name}: {section}[{n}]"
            item = {k: row[k] for k in ("kind", "label", "slot", "note") if k in row}
            item["a"] = _resolve(dataset, docs, row["a"], where + ".a")
            item["b"] = _resolve(dataset, docs, row["b"], where + ".b")
            rows.append(item)
        out[section] = rows
    quotes = []
    for n, row in enumerate(raw.get("quotes", [])):
        where = f"{raw_path.name}: quotes[{n}]"
        first = _resolve(dataset, docs, {**row, "anchor": row["quote"]}, where, keep_value=False)
        item: dict[str, Any] = {"start": first, "speaker": row["speaker"], "cue": row.get("cue")}
        if "end" in row:  # the quote runs on to a later sentence: the anchor there is its last words
            item["end"] = _resolve(dataset, docs, row["end"], where + ".end", keep_value=False)
        quotes.append(item)
    out["quotes"] = quotes
    out["entities"] = [{"name": e["name"], "type": e["type"],
                        "aliases": sorted(set(e.get("aliases", [])) | {e["name"]})} for e in raw.get("entities", [])]
    out["timeline"] = [{**_resolve(dataset, docs, t, f"{raw_path.name}: timeline[{n}]"), "date": t["date"],
                        "event": t.get("event", "")} for n, t in enumerate(raw.get("timeline", []))]
    out["brief_facts"] = [{"rank": f.get("rank", n + 1), "fact": f["fact"],
                           "support": [_resolve(dataset, docs, s, f"{raw_path.name}: brief_facts[{n}]",
                                                keep_value=False) for s in f.get("support", [])]}
                          for n, f in enumerate(raw.get("brief_facts", []))]
    dest = GOLD / dataset / f"{event}.json"
    dest.write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return dest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("show")
    p.add_argument("dataset", choices=("basil", "ecbplus"))
    p.add_argument("event")
    p = sub.add_parser("list")
    p.add_argument("dataset", choices=("basil", "ecbplus"))
    p = sub.add_parser("resolve")
    p.add_argument("raw", nargs="+", type=Path)
    args = parser.parse_args(argv)
    if args.cmd == "show":
        show(args.dataset, args.event)
    elif args.cmd == "list":
        events = basil_events() if args.dataset == "basil" else ecb_events()
        for event, docs in sorted(events.items()):
            first = next(iter(docs.values()))
            print(event, split_of(event), len(docs), first.get("date", ""), first.get("main-event", ""))
    else:
        status = 0
        for raw in args.raw:
            try:
                print(resolve(raw))
            except (ValueError, KeyError) as exc:
                print(f"label_tool: {raw}: {exc}", file=sys.stderr)
                status = 1
        return status
    return 0


if __name__ == "__main__":
    sys.exit(main())
