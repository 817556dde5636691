"""Conflict flags on FNC-1 story groups: a third audit pool, natural news nobody tuned the judge on.

    nice -n 10 .venv/bin/python -m bench.conflict_fnc [--pool 1|2] [--semantic auto|off] [--dump FILE] [--write]

FNC-1 (../shared/data/fnc1, SOURCE.md) pairs real headlines with real article bodies from many outlets. The
bodies related to one headline (stance agree, discuss or disagree) report one claim, so they are a story as
``check`` sees one: several outlets on the same happening, some of them (``disagree``) disputing it. The pool:

* headlines in SHA-1 order; each takes its related bodies that no earlier group took (a body serves several
  headlines, it is given to one group only), and becomes a group when 3 or more are left and at least one of
  them disputes the headline; a group keeps at most 8 bodies, its disputing ones first, then by SHA-1 of the
  body ID; when such groups run out, a second pass in the same order takes groups of 3 or more without a
  disputing body, up to :data:`GROUPS` groups;
* one ``check`` per group, each body its own source (FNC-1 gives no outlet and no date);
* every flag is read with both sentences in their bodies and labelled in bench/gold/audit_conflicts_fnc.json
  (GUIDELINE.md section 19, with section 7's labels and classes): locators only (body, sentence offsets in the
  body, a fingerprint of the sentence, the value), no text;
* a sample of real disagreements between bodies (``natural`` in the same file) gives a recall figure: one is
  found when a flag of any kind holds both its sentences.

A label side covers a flag side when the flag's span starts inside the labelled sentence of the same body, so
the labels survive a change of segmentation; a fingerprint that no longer matches fails loudly. Its first
figure, measured before any fix it prompted, is the fresh one; later figures are tune figures.

``--pool 2`` scores the next 18 groups of the same order (41-58, events ``fncg-40`` .. ``fncg-57``) against
their own labels, bench/gold/audit_conflicts_fnc2.json (GUIDELINE.md section 24): fresh news for a second reading.
The order is prefix-stable (asking for more groups never changes the earlier ones), so the two pools share no body.

``--dump FILE`` writes every flag with its sentences to FILE (outside the repository) for reading.
``--write`` puts the table in bench/RESULTS.md (section ``conflict-fnc``, or ``conflict-fnc2`` for pool 2).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
from collections import Counter
from pathlib import Path
from typing import Any

from bench.conflict_audit import WEIGHT
from bench.pools import cell, emit, fingerprint
from corroborate.errors import InputFormatError
from corroborate.eval.gold import DEFAULT_DATA

LABELS = Path(__file__).parent / "gold" / "audit_conflicts_fnc.json"
DATASET = "fnc1"
GROUPS = 40
# pool -> (first group, end group, labels file, RESULTS section, GUIDELINE section)
POOLS = {1: (0, GROUPS, LABELS, "conflict-fnc", 19),
         2: (GROUPS, 58, LABELS.with_name("audit_conflicts_fnc2.json"), "conflict-fnc2", 24)}
MIN_BODIES, MAX_BODIES = 3, 8
RELATED = ("agree", "discuss", "disagree")


def _sha(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def groups(data: Path, n: int = GROUPS) -> list[tuple[str, list[tuple[int, str]]]]:
    """(headline, [(body id, stance)]) of the pool's groups, in the pool's order (see the module text)."""
    path = data / "fnc1" / "competition_test_stances.csv"
    if not path.is_file():
        return []
    related: dict[str, list[tuple[int, str]]] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            # (the stored snapshot holds a headline with a line break that shifts two rows: skipped)
            if row.get("Stance") in RELATED and (row.get("Body ID") or "").strip().isdigit():
                related.setdefault(row["Headline"], []).append((int(row["Body ID"]), row["Stance"]))
    taken: set[int] = set()
    out: list[tuple[str, list[tuple[int, str]]]] = []
    # Two passes in the same order: groups with a disputing body first; when they run out (30 in the stored
    # snapshot), groups without one fill the pool.
    for disputed in (True, False):
        for headline in sorted(related, key=_sha):
            free = sorted({b: s for b, s in related[headline] if b not in taken}.items(),
                          key=lambda bs: (bs[1] != "disagree", _sha(str(bs[0]))))
            if len(out) == n or len(free) < MIN_BODIES or (disputed and free[0][1] != "disagree"):
                continue
            chosen = free[:MAX_BODIES]
            taken.update(b for b, _ in chosen)
            out.append((headline, chosen))
    return out


def events(data: Path, n: int = GROUPS, first: int = 0) -> list[Any]:
    """Groups ``first`` .. ``n - 1`` as events ``fncg-K`` (K: the group's place in the order), document
    ``fnc_ID`` per body, its sentences the ingest segmenter's, keyed (document, index)."""
    from corroborate.eval.gold import GoldEvent, article_id
    from corroborate.ingest.segment import segment
    from corroborate.model import Article

    path = data / "fnc1" / "competition_test_bodies.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        rows = {int(r["Body ID"]): r["articleBody"] for r in csv.DictReader(fh)}
    out = []
    for k, (_headline, bodies) in enumerate(groups(data, n)):
        if k < first:
            continue
        ev = GoldEvent(DATASET, f"fncg-{k}", "tune", path, {})
        ev.gold["stances"] = {f"fnc_{b}": s for b, s in bodies}
        for bid, _stance in sorted(bodies):
            name = f"fnc_{bid}"
            art = Article(article_id(f"fnc1:{bid}", rows[bid]), name, None, None, f"fnc1:{bid}", rows[bid])
            ev.articles.append(art)
            ev.doc_article[name], ev.article_doc[art.id] = art.id, name
            for p in segment(art):
                ev.sentences[(name, p.index)] = (p.start, p.end, p.text)
        out.append(ev)
    return out


def load_labels(path: Path = LABELS, section: str = "labels") -> list[dict[str, Any]]:
    """The flag labels, or (``section="natural"``) the disagreements between bodies read for recall."""
    return json.loads(path.read_text(encoding="utf-8")).get(section, []) if path.exists() else []


def check_labels(labels: list[dict[str, Any]], evs: list[Any], path: Path = LABELS) -> None:
    """Every label side's sentence offsets still hold the words it was labelled on."""
    by_name = {ev.event: ev for ev in evs}
    for lab in labels:
        ev = by_name.get(lab["event"])
        if ev is None:
            raise InputFormatError(f"{path}: event {lab['event']!r} is not in the pool")
        for side in lab["sides"]:
            text = ev.article(side["doc"]).text[side["start"]:side["end"]]
            if fingerprint(text) != side["check"]:
                raise InputFormatError(f"{path}: {lab['event']} {side['doc']} {side['start']}:{side['end']} no "
                                       "longer holds the labelled sentence")


def flags(evs: list[Any], semantic: str) -> tuple[list[dict[str, Any]], int, float]:
    """Every flag of one ``check`` per group, each side with its sentence's offsets in its body."""
    from bench.conflict_audit import flags as audit_flags

    found, articles, seconds = audit_flags(evs, semantic)
    by_name = {ev.event: ev for ev in evs}
    for f in found:
        ev = by_name[f["event"]]
        for side in f["sides"]:
            start, end, _ = ev.sentences.get((side["doc"], side["s"]), (0, 0, ""))
            side.update(start=start, end=end, stance=ev.gold["stances"].get(side["doc"]))
    return found, articles, seconds


def label_of(flag: dict[str, Any], labels: list[dict[str, Any]], *, any_kind: bool = False) -> dict[str, Any] | None:
    """The label of the same group and kind whose sides' sentences hold the flag's sentences."""
    for lab in labels:
        if lab["event"] != flag["event"] or (lab["kind"] != flag["kind"] and not any_kind):
            continue
        if all(any(s["doc"] == side["doc"] and side["start"] <= s["start"] < side["end"] for s in flag["sides"])
               for side in lab["sides"]):
            return lab
    return None


def score(found: list[dict[str, Any]], labels: list[dict[str, Any]], articles: int,
          natural: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    natural = natural or []
    labelled = [(f, label_of(f, labels)) for f in found]
    # A natural disagreement is found when some flag, of any kind, holds both its sentences.
    hit = sum(1 for nat in natural if any(label_of(f, [nat], any_kind=True) for f in found))
    judged = [(f, lab) for f, lab in labelled if lab is not None]
    by_kind: dict[str, Counter[str]] = {}
    for f, lab in labelled:
        by_kind.setdefault(f["kind"], Counter())[lab["label"] if lab else "unreviewed"] += 1
    value = sum(WEIGHT[lab["label"]] for _, lab in judged)
    return {"flags": len(found), "articles": articles, "per_article": len(found) / max(articles, 1),
            "labelled": len(judged), "unreviewed": len(found) - len(judged),
            "false": sum(1 for _, lab in judged if lab["label"] == "false"),
            "precision": value / len(judged) if judged else None, "by_kind": by_kind,
            "natural": len(natural), "natural_found": hit}


def markdown(r: dict[str, Any], n_events: int, *, semantic: str, seconds: float, pool: int = 1) -> str:
    first, end, path, _, guide = POOLS[pool]
    lines = [
        "## Conflict flags on FNC-1 story groups: an editor's audit (`bench/conflict_fnc.py`"
        + (f" `--pool {pool}`)" if pool > 1 else ")"),
        "",
        f"{n_events} groups of FNC-1 bodies related to one headline (groups {first + 1}-{end} of the order; 3-8 "
        f"bodies each, {r['disputed']} groups with a body disputing it; GUIDELINE.md section {guide}), one `check` "
        f"per group ({semantic} semantic path), each body its own source. "
        f"Every flag is matched to an editor's label in bench/gold/{path.name} (true, debatable = half, false).",
        "",
        "| groups | articles | flags | flags / article | labelled | unreviewed | false | precision of labelled "
        "| natural disagreements found |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        f"| {n_events} | {r['articles']} | {r['flags']} | {cell(r['per_article'])} | {r['labelled']} | "
        f"{r['unreviewed']} | {r['false']} | {cell(r['precision'])} | {r['natural_found']} of {r['natural']} |",
        "", "| kind | true | debatable | false | unreviewed |", "|---|---:|---:|---:|---:|",
    ]
    for kind, counts in sorted(r["by_kind"].items()):
        lines.append(f"| {kind} | " + " | ".join(str(counts.get(k, 0))
                                                for k in ("true", "debatable", "false", "unreviewed")) + " |")
    lines += ["", f"{seconds:.0f} s on this machine (shared with other jobs)."]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--semantic", default="auto", choices=("auto", "on", "off"))
    parser.add_argument("--data", default=str(DEFAULT_DATA))
    parser.add_argument("--pool", type=int, default=1, choices=sorted(POOLS))
    parser.add_argument("--dump", default=None, help="write every flag with its sentences to this JSON file")
    parser.add_argument("--write", action="store_true", help="write the table to bench/RESULTS.md")
    parser.add_argument("--notes", default="", help="markdown appended to the section (before/after, classes)")
    args = parser.parse_args()
    first, end, path, section, _ = POOLS[args.pool]
    evs = events(Path(args.data), end, first)
    labels, natural = load_labels(path), load_labels(path, section="natural")
    check_labels([*labels, *natural], evs, path)
    found, articles, seconds = flags(evs, args.semantic)
    result = score(found, labels, articles, natural)
    result["disputed"] = sum("disagree" in ev.gold["stances"].values() for ev in evs)
    if args.dump:
        dumped = [{**f, "label": (label_of(f, labels) or {}).get("label")} for f in found]
        Path(args.dump).write_text(json.dumps(dumped, indent=1, ensure_ascii=False), encoding="utf-8")
    text = markdown(result, len(evs), semantic=args.semantic, seconds=seconds, pool=args.pool)
    emit(args, text, section)


if __name__ == "__main__":
    main()
