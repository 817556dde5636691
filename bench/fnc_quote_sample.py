"""The draw of the FNC-1 speaker pools (bench/speaker_pool.py ``--pool 3`` to ``5``, ``7``, ``8``): rebuilt by

    nice -n 10 .venv/bin/python -m bench.fnc_quote_sample --first 389 --bodies 60 --size 100 --fresh \
        --own bench/gold/pool_quotes_fnc5.json   # pool 7
    nice -n 10 .venv/bin/python -m bench.fnc_quote_sample --first 635 --bodies 50 --size 80 --fresh \
        --own bench/gold/pool_quotes_fnc6.json   # pool 8 (GUIDELINE.md section 33)

Bodies of ../shared/data/fnc1 (competition test) are read in SHA-1 order of ``fnc1:<Body ID>`` from index ``first``;
a body whose first 300 characters repeat an earlier one's is skipped (FNC-1 holds copies of one article), and with
``fresh`` so is a body any file of bench/gold names or a claim group holds (bench/fnc_groups.py, bench/conflict_fnc.py
groups 1-58), as entity pool 3 did (GUIDELINE.md section 31): pool 7 is a held-out check, so it takes no body anyone
read while fixing. The first ``bodies`` that hold a candidate are taken: a span between double quotation marks
(straight or curly, paired in order within one line, a mark left open running to the line's end) of four words or
more, found without corroborate. Each body gives its first candidate in SHA-1 order of ``<Body ID>:<offset>``, then
the other candidates in that order fill the sample up to ``size``. Pools 5 and 7 come out exactly (pool 4 with one end
trimmed by hand), and so does pool 8. The draw is printed as locators only (terminal); the labels are
bench/gold/pool_quotes_fnc*.json.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import re
import sys
from pathlib import Path

from bench.pools import quoted_span

GOLD = Path(__file__).parent / "gold"
_DOUBLE = "\"“”"


def _sha(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def bodies(data: Path) -> dict[int, str]:
    """Body ID -> body text as the CSV gives it; {} without the file."""
    path = data / "fnc1" / "competition_test_bodies.csv"
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8", newline="") as fh:
        return {int(r["Body ID"]): r["articleBody"] for r in csv.DictReader(fh)}


def candidates(text: str) -> list[tuple[int, int]]:
    """Spans between double marks of four words or more, paired in order within one line (a mark left open runs to
    the line's end), trimmed of spaces. Unlike bench/frank_articles.py, single marks open nothing: FNC-1 copy quotes
    in double marks and its apostrophes would pair wrongly."""
    out, pos = [], 0
    for line in text.split("\n"):
        k = 0
        while k < len(line):
            if line[k] not in _DOUBLE:
                k += 1
                continue
            close = next((j for j in range(k + 1, len(line)) if line[j] in _DOUBLE), len(line))
            if (span := quoted_span(text, pos + k + 1, pos + close)) is not None:
                out.append(span)
            k = close + 1
        pos += len(line) + 1
    return out


def taken(data: Path, own: Path | None = None) -> set[int]:
    """Bodies someone has read: named by a file of bench/gold other than the pool's ``own`` label file (``fnc-ID``,
    ``fnc_ID`` or a pinned ``bodies`` list) or held by a claim group."""
    import json

    from bench import conflict_fnc, fnc_groups

    out: set[int] = set()
    for path in sorted(GOLD.rglob("*.json")):
        if own is not None and path.resolve() == own.resolve():
            continue
        raw = path.read_text(encoding="utf-8")
        out |= {int(n) for n in re.findall(r"fnc[_-](\d+)", raw)}
        pinned = json.loads(raw).get("bodies") if raw.lstrip().startswith("{") else None
        out |= {b for b in pinned or [] if isinstance(b, int)}
    out |= {b for _, bids in fnc_groups.groups(data, 10 ** 6) for b in bids}
    out |= {b for _, bs in conflict_fnc.groups(data, 58) for b, _ in bs}
    return out


def draw(data: Path, first: int, count: int, size: int, skip: set[int] | frozenset[int] = frozenset()) \
        -> tuple[list[tuple[int, int, int]], int]:
    """((Body ID, start, end) of the sample in Body ID and offset order, the index of the last body taken)."""
    text = bodies(data)
    openings: set[str] = set()
    chosen: list[tuple[int, list[tuple[int, int]]]] = []
    last = -1
    for k, bid in enumerate(sorted(text, key=lambda b: _sha(f"fnc1:{b}"))):
        opening = text[bid][:300]
        fresh = opening not in openings
        openings.add(opening)
        if k < first or not fresh or bid in skip or len(chosen) >= count:
            continue
        found = candidates(text[bid])
        if found:
            chosen.append((bid, found))
            last = k
    firsts, rest = [], []
    for bid, found in chosen:
        ordered = sorted(found, key=lambda se: _sha(f"{bid}:{se[0]}"))
        firsts.append((bid, *ordered[0]))
        rest += [(bid, *se) for se in ordered[1:]]
    rest.sort(key=lambda t: _sha(f"{t[0]}:{t[1]}"))
    return sorted(firsts + rest[:max(0, size - len(firsts))]), last


def main(argv: list[str] | None = None) -> int:
    from corroborate.eval.gold import DEFAULT_DATA

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default=str(DEFAULT_DATA))
    parser.add_argument("--first", type=int, required=True, help="index in the hash order to start at")
    parser.add_argument("--bodies", type=int, default=60)
    parser.add_argument("--size", type=int, default=100)
    parser.add_argument("--fresh", action="store_true", help="skip bodies bench/gold names or a claim group holds")
    parser.add_argument("--own", default=None, help="the pool's own label file, not counted as a reader")
    args = parser.parse_args(argv)
    data = Path(args.data)
    skip = taken(data, Path(args.own) if args.own else None) if args.fresh else frozenset()
    sample, last = draw(data, args.first, args.bodies, args.size, skip)
    for bid, s, e in sample:
        print(f"fnc-{bid}\t{s}\t{e}")
    print(f"last body index {last}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
