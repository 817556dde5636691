"""Quote speakers on news outside the gold: a third labelled pool for corroborate's attribution.

    nice -n 10 .venv/bin/python -m bench.speaker_pool [--semantic auto|off] [--explain] [--write]

The gold's tune half shaped the speaker rules and its test half must stay unread, so this pool gives a third
figure: about 200 direct quotes sampled by hash from the ECB+ sub-topics no gold file uses and the Clust-McMs dev
clusters (the events of bench/conflict_audit.py), each read in its article and labelled with its true speaker
(bench/gold/pool_quotes.json, GUIDELINE.md section 8: locators and names only, no text). One ``check`` runs per
labelled event, as bench/conflict_audit.py does.

A labelled quote is *found* when a direct quote of the report overlaps its span (the most overlapping one is
scored). Its speaker is correct by the realnews scorer's rule (the labelled name or one of its forms, middle
initials and suffixes aside; corroborate.eval.realnews_scores.speaker_correct); 'not names': predicted speakers
that are no labelled name or form of the event. Words in marks labelled as no quote count when corroborate reports
them as a direct quote. The pool was read while fixing the errors it shows, so its figures are tune figures.

A second pool, on different news, checks the same rules again (bench/gold/pool_quotes_fnc.json, GUIDELINE.md
section 11): 150 quoted spans sampled by hash from 84 FNC-1 article bodies (../shared/data/fnc1), each body checked
as one article on its own. Its first figure, measured before any fix it prompted, is the fresh one; the pool was
read while fixing the errors it shows, so its later figures are tune figures too. A third pool
(bench/gold/pool_quotes_fnc2.json, GUIDELINE.md section 13) takes 100 quoted spans from the next 58 FNC-1 bodies in
the same hash order, and a fourth (bench/gold/pool_quotes_fnc3.json, GUIDELINE.md section 15) 108 spans from the
next 60, and a fifth (bench/gold/pool_quotes_fnc4.json, GUIDELINE.md section 23) 115 spans from the 60 after those.
A sixth (bench/gold/pool_quotes_frank.json, GUIDELINE.md section 27) takes 145 quoted spans from 24 CNN/DailyMail and
BBC articles of FRANK (../shared/data/frank, read by bench/frank_articles.py), each article checked on its own.
A seventh (bench/gold/pool_quotes_fnc5.json, GUIDELINE.md section 32) takes 100 quoted spans from 60 FNC-1 bodies
after pool 5's in the same hash order that no file of bench/gold names and no claim group holds (drawn by
bench/fnc_quote_sample.py): a held-out check, whose errors are not to be read while fixing. An eighth
(bench/gold/pool_quotes_fnc6.json, GUIDELINE.md section 33) takes 80 spans from the next 50 such bodies, drawn the same
way after pool 7's: a fresh tune pool, whose errors are read while fixing as pools 1-6's are.
``--pool 1`` to ``--pool 8`` scores one pool only (``--explain`` prints pool 7's errors only with ``--pool 7``).

``--explain`` prints every error with its sentence (to the terminal only; read the article before changing a
label). ``--write`` puts the table in bench/RESULTS.md (section ``speaker-pool``).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

from bench.frank_articles import FRANK, frank_pool
from bench.pools import emit, fingerprint, merge, pool_arguments, table_rows
from corroborate.errors import InputFormatError
from corroborate.eval.gold import DEFAULT_DATA
from corroborate.eval.realnews_scores import norm, ratio, speaker_correct

LABELS = Path(__file__).parent / "gold" / "pool_quotes.json"
FNC_LABELS = Path(__file__).parent / "gold" / "pool_quotes_fnc.json"
FNC2_LABELS = Path(__file__).parent / "gold" / "pool_quotes_fnc2.json"
FNC3_LABELS = Path(__file__).parent / "gold" / "pool_quotes_fnc3.json"
FNC4_LABELS = Path(__file__).parent / "gold" / "pool_quotes_fnc4.json"
FRANK_LABELS = Path(__file__).parent / "gold" / "pool_quotes_frank.json"
FNC5_LABELS = Path(__file__).parent / "gold" / "pool_quotes_fnc5.json"
FNC6_LABELS = Path(__file__).parent / "gold" / "pool_quotes_fnc6.json"
FNC = "fnc1"  # the dataset name of the second and third pools' labels
FNC3 = "fnc1-pool3"  # the third pool's row: FNC-1 bodies the second pool did not use
FNC4 = "fnc1-pool4"  # the fourth pool's row: FNC-1 bodies after the third pool's
FNC5 = "fnc1-pool5"  # the fifth pool's row: FNC-1 bodies after the fourth pool's
FNC7 = "fnc1-pool7"  # the seventh pool's row: unread FNC-1 bodies after the fifth pool's
FNC8 = "fnc1-pool8"  # the eighth pool's row: FNC-1 bodies after the seventh pool's, a tune pool
UNATTRIBUTED = "unattributed"


def load_labels(path: Path = LABELS, row: str | None = None) -> list[dict[str, Any]]:
    """Labels of one pool file; ``row`` names the table row of an FNC-1 pool (both share the dataset name)."""
    labels = json.loads(path.read_text(encoding="utf-8"))["labels"]
    for lab in labels:
        missing = [k for k in ("dataset", "event", "doc", "start", "end", "check", "speaker") if k not in lab]
        if missing:
            raise InputFormatError(f"{path}: label without {', '.join(missing)}: {lab!r}")
        if row is not None:
            lab["_row"] = row
    return labels


def is_quote(lab: dict[str, Any]) -> bool:
    return lab.get("quote", True) is not False


def fnc_pool(data: Path, bodies: set[int]) -> list[Any]:
    """FNC-1 competition-test bodies (../shared/data/fnc1, SOURCE.md: no dates, no outlets) as one-article events,
    in Body ID order: the body text as the CSV gives it, event ``fnc-ID``, document ``fnc_ID``."""
    import csv

    from corroborate.eval.gold import GoldEvent, article_id
    from corroborate.model import Article

    path = data / "fnc1" / "competition_test_bodies.csv"
    if not path.is_file():
        return []
    with path.open(encoding="utf-8", newline="") as fh:
        rows = {int(r["Body ID"]): r["articleBody"] for r in csv.DictReader(fh)}
    events = []
    for bid in sorted(bodies & rows.keys()):
        ev, name = GoldEvent(FNC, f"fnc-{bid}", "tune", path, {}), f"fnc_{bid}"
        aid = article_id(f"fnc1:{bid}", rows[bid])
        ev.articles.append(Article(aid, name, None, None, f"fnc1:{bid}", rows[bid]))
        ev.doc_article[name], ev.article_doc[aid] = aid, name
        events.append(ev)
    return events


def events_for(labels: list[dict[str, Any]], data: Path) -> list[Any]:
    """The pools' events that hold a label, in the pools' (sorted) order: the first pool's, FNC-1 bodies, then
    FRANK articles."""
    from bench.conflict_audit import mcms_pool, pool

    wanted = {(lab["dataset"], lab["event"]) for lab in labels}
    first = [*pool(data), *mcms_pool(data)] if any(d not in (FNC, FRANK) for d, _ in wanted) else []
    bodies = {int(e.removeprefix("fnc-")) for d, e in wanted if d == FNC}
    frank = frank_pool(data, {e.removeprefix("frank-") for d, e in wanted if d == FRANK})
    return [ev for ev in [*first, *fnc_pool(data, bodies), *frank] if (ev.dataset, ev.event) in wanted]


def resolve(lab: dict[str, Any], event: Any) -> tuple[str, str]:
    """(article id, quote text) of a label; a locator whose text changed fails loudly rather than scoring noise."""
    rows = {FNC3: FNC2_LABELS, FNC4: FNC3_LABELS, FNC5: FNC4_LABELS, FNC7: FNC5_LABELS, FNC8: FNC6_LABELS}
    source = rows.get(lab.get("_row", ""), FNC_LABELS) if lab["dataset"] == FNC \
        else FRANK_LABELS if lab["dataset"] == FRANK else LABELS
    aid = event.doc_article.get(lab["doc"])
    article = next((a for a in event.articles if a.id == aid), None)
    if article is None:
        raise InputFormatError(f"{source}: document {lab['doc']!r} not in event {lab['event']}")
    text = article.text[lab["start"]:lab["end"]]
    if fingerprint(text) != lab["check"]:
        raise InputFormatError(f"{source}: {lab['event']} {lab['doc']} {lab['start']}:{lab['end']} no longer holds "
                               "the labelled quote (the article text changed)")
    return article.id, text


def best_quote(quotes: list[Any], article: str, start: int, end: int) -> Any:
    """The direct quote whose spans overlap [start, end) most (ties: the first in report order), or None."""
    best, most = None, 0
    for q in quotes:
        overlap = sum(max(0, min(s.end, end) - max(s.start, start)) for s in q.spans if s.article == article)
        if overlap > most:
            best, most = q, overlap
    return best


def forms_of(labels: list[dict[str, Any]]) -> dict[str, set[str]]:
    """Labelled name -> its normalised forms (the name and its aliases), as speaker_correct expects."""
    forms: dict[str, set[str]] = {}
    for lab in labels:
        if is_quote(lab) and lab["speaker"] != UNATTRIBUTED:
            name = norm(lab["speaker"])
            forms.setdefault(name, {name}).update(norm(a) for a in lab.get("aliases", []))
    return forms


def score_event(labels: list[dict[str, Any]], quotes: list[Any], where: dict[int, tuple[str, str]]) -> dict[str, Any]:
    """Tally of one event: ``where`` maps a label's index in ``labels`` to its (article, text)."""
    forms = forms_of(labels)
    known = {f for fs in forms.values() for f in fs}
    t: dict[str, Any] = {"quotes": 0, "found": 0, "correct": 0, "exact": 0, "gold_unattributed": 0,
                         "predicted_unattributed": 0, "predicted_speakers": 0, "named_right": 0, "not_names": 0,
                         "non_quotes": 0, "non_quotes_reported": 0, "errors": []}
    for k, lab in enumerate(labels):
        article, text = where[k]
        pred = best_quote(quotes, article, lab["start"], lab["end"])
        if not is_quote(lab):
            t["non_quotes"] += 1
            t["non_quotes_reported"] += int(pred is not None)
            continue
        t["quotes"] += 1
        t["gold_unattributed"] += int(lab["speaker"] == UNATTRIBUTED)
        if pred is None:
            t["errors"].append({**_row(lab, text), "error": "missed", "predicted": None})
            continue
        t["found"] += 1
        t["predicted_unattributed"] += int(pred.speaker is None)
        if pred.speaker is not None:
            t["predicted_speakers"] += 1
            t["not_names"] += int(norm(pred.speaker) not in known)
        t["exact"] += int(speaker_correct(pred.speaker, lab["speaker"], forms, exact=True))
        if speaker_correct(pred.speaker, lab["speaker"], forms):
            t["correct"] += 1
            t["named_right"] += int(pred.speaker is not None)
        else:
            t["errors"].append({**_row(lab, text), "error": "speaker", "predicted": pred.speaker, "cue": pred.cue})
    return t


def _row(lab: dict[str, Any], text: str) -> dict[str, Any]:
    return {"event": lab["event"], "doc": lab["doc"], "start": lab["start"], "end": lab["end"],
            "gold": lab["speaker"], "note": lab.get("note", ""), "text": text}


def summarize(t: dict[str, Any]) -> dict[str, Any]:
    return {"quotes": t["quotes"], "found": t["found"], "recall": ratio(t["found"], t["quotes"]),
            "speaker_accuracy": ratio(t["correct"], t["found"]), "exact_form": ratio(t["exact"], t["found"]),
            "not_names": ratio(t["not_names"], t["predicted_speakers"]),
            "name_precision": ratio(t["named_right"], t["predicted_speakers"]),
            "gold_unattributed": ratio(t["gold_unattributed"], t["quotes"]),
            "predicted_unattributed": ratio(t["predicted_unattributed"], t["found"]),
            "non_quotes": t["non_quotes"], "non_quotes_reported": t["non_quotes_reported"]}


Tallies = dict[str, dict[str, Any]]


def run(labels: list[dict[str, Any]], data: Path, semantic: str) -> tuple[Tallies, dict[str, Any], float]:
    """Per-dataset tallies and the run's method; one checker run per labelled event."""
    from corroborate.eval.realnews import Runner

    runner = Runner(semantic)
    by_event: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for lab in labels:
        by_event.setdefault((lab["dataset"], lab["event"]), []).append(lab)
    tallies: dict[str, list[dict[str, Any]]] = {}
    start = time.perf_counter()
    try:
        for ev in events_for(labels, data):
            group = by_event[(ev.dataset, ev.event)]
            where = {k: resolve(lab, ev) for k, lab in enumerate(group)}
            quotes = [q for s in runner.report(ev).stories for q in s.quotes if q.kind == "direct"]
            tallies.setdefault(group[0].get("_row", ev.dataset), []).append(score_event(group, quotes, where))
    finally:
        runner.close()
    merged = {name: merge(ts) for name, ts in tallies.items() if name not in SEPARATE}
    if merged:
        merged["all"] = merge(list(merged.values()))
    for name in SEPARATE:
        if name in tallies:
            merged[name] = merge(tallies[name])
    return merged, dict(runner.method), time.perf_counter() - start


SEPARATE = (FNC, FNC3, FNC4, FNC5, FRANK, FNC7, FNC8)  # pools 2-8: rows of their own, outside pool 1's "both"
POOLS = {"ecbplus": "ECB+ sub-topics outside the gold", "mcms": "Clust-McMs dev clusters", "all": "both",
         FNC: "pool 2: FNC-1 bodies", FNC3: "pool 3: FNC-1 bodies after pool 2's",
         FNC4: "pool 4: FNC-1 bodies after pool 3's", FNC5: "pool 5: FNC-1 bodies after pool 4's",
         FRANK: "pool 6: FRANK CNN/DM and BBC articles", FNC7: "pool 7: unread FNC-1 bodies after pool 5's",
         FNC8: "pool 8: FNC-1 bodies after pool 7's (tune)"}


def markdown(results: dict[str, dict[str, Any]], events: int, method: dict[str, Any], seconds: float) -> str:
    keys = ["quotes", "found", "recall", "speaker_accuracy", "exact_form", "not_names", "name_precision",
            "gold_unattributed",
            "predicted_unattributed", "non_quotes", "non_quotes_reported"]
    lines = [
        "## Quote speakers on news outside the gold (`bench/speaker_pool.py`)",
        "",
        f"A third labelled pool for attribution: direct quotes sampled by hash from {events} events no gold file "
        "uses (ECB+ sub-topics outside the gold, Clust-McMs dev clusters), each labelled with its true speaker by "
        "reading its article (bench/gold/pool_quotes.json, GUIDELINE.md section 8). One `check` per event "
        f"(NLP {method.get('nlp', '?')}). Found: a direct quote overlaps the labelled span. Speaker accuracy over "
        "found quotes, by the realnews rule (the labelled name or one of its forms, middle initials and suffixes "
        "aside); 'not names': predicted speakers that are no labelled name or form; 'name precision': of the found "
        "quotes given a name, the share whose name is right. Unattributed: share of quotes "
        "labelled so, and of found quotes corroborate leaves without a speaker. Non-quotes: words in marks labelled "
        "as no quote, and how many of them corroborate reports. The pool was read while fixing the errors it "
        "shows: these are tune figures. Pool 2 (bench/gold/pool_quotes_fnc.json, GUIDELINE.md section 11): quotes "
        "sampled by hash from FNC-1 article bodies, each body checked on its own; only its figure before the fixes "
        "it prompted was fresh. Pool 3 (bench/gold/pool_quotes_fnc2.json, GUIDELINE.md section 13): the same on "
        "the FNC-1 bodies that follow pool 2's in hash order; likewise only its first figure was fresh. Pool 4 "
        "(bench/gold/pool_quotes_fnc3.json, GUIDELINE.md section 15): the next FNC-1 bodies after pool 3's; "
        "likewise. Pool 5 (bench/gold/pool_quotes_fnc4.json, GUIDELINE.md section 23): the next after pool 4's; "
        "likewise. Pool 6 (bench/gold/pool_quotes_frank.json, GUIDELINE.md section 27): quoted spans of the first "
        "CNN/DailyMail and BBC articles of FRANK in hash order, each article checked on its own; likewise. Pool 7 "
        "(bench/gold/pool_quotes_fnc5.json, GUIDELINE.md section 32): FNC-1 bodies after pool 5's that no labelled "
        "file or claim group uses, a held-out check whose errors are not read while fixing. Pool 8 "
        "(bench/gold/pool_quotes_fnc6.json, GUIDELINE.md section 33): the next such FNC-1 bodies after pool 7's, drawn "
        "the same way, a tune pool whose errors are read while fixing; only its first figure was fresh.",
        "",
        "| pool | quotes | found | recall | speaker accuracy | exact form | not names | name precision "
        "| labelled unattributed "
        "| predicted unattributed | non-quotes | reported as quotes |",
        "|---|" + "---:|" * len(keys),
    ]
    lines += table_rows(results, POOLS, keys, summarize, seconds)
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    pool_arguments(parser, explain="print every error with its quote (terminal only)", data=str(DEFAULT_DATA))
    pools = ("1", "2", "3", "4", "5", "6", "7", "8")
    parser.add_argument("--pool", default="all", choices=(*pools, "all"), help="score one pool only")
    args = parser.parse_args(argv)
    wanted = set(pools) if args.pool == "all" else {args.pool}
    labels = [*(load_labels() if "1" in wanted else []), *(load_labels(FNC_LABELS, FNC) if "2" in wanted else []),
              *(load_labels(FNC2_LABELS, FNC3) if "3" in wanted else []),
              *(load_labels(FNC3_LABELS, FNC4) if "4" in wanted else []),
              *(load_labels(FNC4_LABELS, FNC5) if "5" in wanted else []),
              *(load_labels(FRANK_LABELS) if "6" in wanted else []),
              *(load_labels(FNC5_LABELS, FNC7) if "7" in wanted else []),
              *(load_labels(FNC6_LABELS, FNC8) if "8" in wanted else [])]
    results, method, seconds = run(labels, Path(args.data), args.semantic)
    first = {(lab["dataset"], lab["event"]) for lab in labels if lab["dataset"] not in (FNC, FRANK)}
    text = markdown(results, len(first), method, seconds)
    # Pool 7 is held out: its errors print only when it is asked for alone, never in a run over all pools.
    shown = ("all", *SEPARATE) if args.pool == "7" else ("all", *(n for n in SEPARATE if n != FNC7))
    emit(args, text, "speaker-pool", (e for name in shown for e in results.get(name, {}).get("errors", [])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
