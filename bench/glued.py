"""Sentences glued by a scraper: boundary precision and recall, and where a glued quote mark goes.

    nice -n 10 .venv/bin/python -m bench.glued [--data ../shared/data] [--explain] [--write]

Scrapers that drop the line breaks between paragraphs leave "… at the Cenotaph.Anzac Day commemorates …":
FRANK's BBC articles (../shared/data/frank, SOURCE.md) are full of them; its Daily Mail articles run photo
captions with no full stop into the next sentence ("… in the Philippines The risk paid off …").
bench/gold/glued_boundaries.json (GUIDELINE.md section 28) labels, as locators (article hash, offset,
fingerprint), 100 places where sentence punctuation has no space after it (whether a sentence ends there, and
for a straight quote glued at a boundary, which sentence it belongs to) and 107 places where a caption may run
on (the space before a capitalised sentence starter). This scores ``ingest.segment``: a boundary is predicted
when a sentence ends within the mark's closing characters (at the space, for a run-on); the quote goes to the
first sentence when that sentence ends after it. The labels were read while writing the rules: tune figures.
A run-on rule also fires where no caption ran on; so the sentences it ends (at a space, after no sentence
punctuation) are counted in BASIL's articles, clean prose where each one is a false split, and in FNC-1's bodies.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import time
from pathlib import Path
from typing import Any

from bench.pools import emit, fingerprint, pool_arguments, table_row
from corroborate.errors import InputFormatError
from corroborate.ingest.segment import paragraphs, split_sentences

LABELS = Path(__file__).parent / "gold" / "glued_boundaries.json"
_CLOSERS = "\"'”’»)]"
# A sentence that ends before a space with no sentence punctuation (after closing quotes) ended at a run-on.
_PUNCTUATED_END = re.compile(r"[.!?…:;][\"'”’»)\]]*$")


def articles(data: Path) -> dict[str, str]:
    """FRANK's articles by hash (each article appears once per summary in the file)."""
    path = data / "frank" / "frank_joined.jsonl"
    if not path.is_file():
        raise InputFormatError(f"{path}: FRANK articles not found (set --data to the shared data root)")
    out: dict[str, str] = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            out.setdefault(str(row["hash"]), row["article"])
    return out


def prose(data: Path) -> dict[str, list[str]]:
    """Texts with no Daily Mail caption runs: BASIL's articles (paragraphs kept) and FNC-1's bodies, by name;
    empty lists where a dataset is absent."""
    basil = []
    for f in sorted((data / "basil" / "articles").glob("*/*.json")):
        doc = json.loads(f.read_text(encoding="utf-8"))
        basil.append("\n\n".join(" ".join(p).strip() for p in doc["body-paragraphs"]))
    fnc = []
    bodies = data / "fnc1" / "competition_test_bodies.csv"
    if bodies.is_file():
        with bodies.open(encoding="utf-8", newline="") as fh:
            fnc = [row["articleBody"] for row in csv.DictReader(fh)]
    return {"BASIL articles": basil, "FNC-1 bodies": fnc}


def run_on_ends(text: str) -> list[int]:
    """Where the segmenter ends a sentence at a run-on in ``text`` (read paragraph by paragraph, as ingest does)."""
    ends = [e for ps, pe in paragraphs(text) for _, e in split_sentences(text, ps, pe)]
    return [e for e in ends if text[e:e + 1] == " " and not _PUNCTUATED_END.search(text, max(0, e - 6), e)]


def score(texts: dict[str, str], labels: list[dict[str, Any]]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The tallies over the labelled places of one kind, and one row per place the segmenter gets wrong."""
    ends: dict[str, set[int]] = {}
    t = {"places": 0, "boundaries": 0, "predicted": 0, "correct": 0, "quotes": 0, "quotes_right": 0}
    wrong = []
    for item in labels:
        text = texts[item["article"]]
        mark = item["space"] if item.get("kind") == "run-on" else item["punctuation"]
        if fingerprint(text[mark - 12:mark + 12]) != item["fingerprint"]:
            raise InputFormatError(f"{LABELS}: {item['article']}@{mark}: the text moved (fingerprint differs)")
        if item["article"] not in ends:
            ends[item["article"]] = {e for _, e in split_sentences(text, 0, len(text))}
        if item.get("kind") == "run-on":
            split = [mark] if mark in ends[item["article"]] else []  # a sentence ends right before the space
        else:
            close = mark + 1
            while close < len(text) and text[close] in _CLOSERS:
                close += 1
            split = [e for e in ends[item["article"]] if mark < e <= close]
        t["places"] += 1
        t["boundaries"] += item["boundary"]
        t["predicted"] += bool(split)
        t["correct"] += bool(split) and item["boundary"]
        side = item.get("quote")
        if side in ("opens", "closes") and split:
            t["quotes"] += 1
            got = "closes" if split[0] > mark + 1 else "opens"  # the quote mark sits right after the punctuation
            t["quotes_right"] += got == side
            if got != side:
                wrong.append({"article": item["article"], "punctuation": mark, "quote": side, "got": got})
        if bool(split) != item["boundary"]:
            wrong.append({"article": item["article"], "at": mark, "kind": item.get("kind", "glued"),
                          "boundary": item["boundary"], "split": bool(split)})
    return t, wrong


def summarize(t: dict[str, Any]) -> dict[str, Any]:
    def rate(a: int, b: int) -> float | None:
        return a / b if b else None

    return {**t, "precision": rate(t["correct"], t["predicted"]), "recall": rate(t["correct"], t["boundaries"]),
            "quote_accuracy": rate(t["quotes_right"], t["quotes"])}


KEYS = ("places", "boundaries", "predicted", "precision", "recall", "quotes", "quote_accuracy")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench.glued", description=__doc__.splitlines()[0])
    pool_arguments(parser, explain="print every place the segmenter gets wrong", data="../shared/data")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    texts = articles(Path(args.data))
    items = json.loads(LABELS.read_text(encoding="utf-8"))["items"]
    glued, wrong = score(texts, [x for x in items if x.get("kind") != "run-on"])
    runs, wrong_runs = score(texts, [x for x in items if x.get("kind") == "run-on"])
    counts, found = [], []
    for name, docs in prose(Path(args.data)).items():
        ends = [(i, e) for i, doc in enumerate(docs) for e in run_on_ends(doc)]
        counts.append(f"{name} ({len(docs)}): {len(ends)}")
        found += [f"run-on split in {name} #{i} at {e}" for i, e in ends]
    rows = [table_row("no space after the punctuation (FRANK, BBC and CNN/DM)", summarize(glued), KEYS),
            table_row("captions with no full stop (FRANK, CNN/DM)", summarize(runs), KEYS)]
    text = "\n".join([
        "## Sentences glued by a scraper (`bench/glued.py`)", "",
        "Places in FRANK's articles labelled by reading (bench/gold/glued_boundaries.json, GUIDELINE.md section "
        "28): 100 where sentence punctuation has no space after it, and 107 where a Daily Mail caption with no "
        "full stop may run into the next sentence. Does `ingest.segment` end a sentence there, and does a "
        "straight quote glued at a boundary go to the sentence it belongs to. Read while writing the rules: "
        "tune figures.", "",
        "| places | labelled | boundaries | split | precision | recall | glued quotes | quote placed right |",
        "|---|---:|---:|---:|---:|---:|---:|---:|", *rows, "",
        f"Sentences ended at a run-on outside FRANK (BASIL is clean prose: each one there is a false split): "
        f"{'; '.join(counts)}.", "",
        f"{time.perf_counter() - start:.1f} s on this machine.",
    ])
    emit(args, text, "glued", [*wrong, *wrong_runs, *found])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
