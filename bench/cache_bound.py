"""What the check cache's size bound costs: put_many and get_many with and without eviction (issue 21 follow-up).

    nice -n 10 .venv/bin/python -m bench.cache_bound [--entries 20000] [--size 1536] [--batch 1000] [--rounds 3]
                                                     [--baseline REV] [--dry-run]

Made-up entries (random bytes of ``--size``, 40-hex keys like the text hashes of the vectors' keys), put in
batches of ``--batch`` into a fresh file per case, as `check` puts a run's vectors:

* ``before`` — store/blobs.py of ``--baseline`` (before the bound: no ``used`` column, no index);
* ``unbounded`` — bound 0;
* ``bound not reached`` — bound 1 GiB: the size check after each put, no eviction;
* ``evicting`` — a bound of a quarter of what the entries take on disk: the later puts each evict.

Then get_many of every key still there, once with the entries two hours old (every read refreshes its time: one
UPDATE) and once right after (nothing written). Median over ``--rounds`` rounds, the cases alternating within a
round. Writes the section ``cache-bound`` of bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.results import write_section

ROOT = Path(__file__).resolve().parents[1]
CASES = ("before", "unbounded", "bound not reached", "evicting")


def _old_blobs(rev: str, where: Path):
    """The BlobCache class of ``rev``'s store/blobs.py (it imports only store.db, unchanged since)."""
    source = subprocess.run(["git", "show", f"{rev}:src/corroborate/store/blobs.py"], cwd=ROOT, check=True,
                            capture_output=True, text=True).stdout
    path = where / "blobs_before.py"
    path.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("blobs_before", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.BlobCache


def _items(entries: int, size: int) -> dict[str, bytes]:
    rng = random.Random(7)
    return {f"{rng.getrandbits(160):040x}": rng.randbytes(size) for _ in range(entries)}


def one(case: str, items: dict[str, bytes], batch: int, where: Path, before, bound: int) -> dict[str, float]:
    from corroborate.store.blobs import BlobCache

    clock = [1_000_000.0]
    path = where / f"{case.replace(' ', '-')}-{time.monotonic_ns()}.sqlite"
    if case == "before":
        cache = before(path)
    else:
        cache = BlobCache(path, max_bytes={"unbounded": 0, "bound not reached": 2**30, "evicting": bound}[case],
                          clock=lambda: clock[0])
    keys = list(items)
    start = time.perf_counter()
    for i in range(0, len(keys), batch):
        cache.put_many("vector:bench", {k: items[k] for k in keys[i:i + batch]})
    put = time.perf_counter() - start
    evicted = getattr(cache, "evicted", 0)
    conn = cache._conn()
    pages = conn.execute("PRAGMA page_count").fetchone()[0] - conn.execute("PRAGMA freelist_count").fetchone()[0]
    data_mb = pages * conn.execute("PRAGMA page_size").fetchone()[0] / 2**20
    wal = Path(f"{path}-wal")
    wal_mb = wal.stat().st_size / 2**20 if wal.exists() else 0.0
    start = time.perf_counter()
    cache.close()  # the last connection's close checkpoints what the WAL still holds: part of the writes' cost
    row = {"put": put, "written": put + time.perf_counter() - start, "per_put_ms": 1000 * put / -(-len(keys) // batch),
           "evicted": evicted, "data_mb": data_mb, "wal_mb": wal_mb, "file_mb": path.stat().st_size / 2**20}
    cache = before(path) if case == "before" else cache
    if case != "before":
        clock[0] += 2 * 3600
        start = time.perf_counter()
        row["read"] = len(cache.get_many("vector:bench", keys))
        row["get_touch"] = time.perf_counter() - start
    start = time.perf_counter()
    row["read"] = len(cache.get_many("vector:bench", keys))
    row["get_fresh"] = time.perf_counter() - start
    cache.close()
    for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        p.unlink(missing_ok=True)
    return row


def render(rows: dict[str, list[dict[str, float]]], spec: dict[str, object]) -> str:
    def med(case: str, key: str) -> float | None:
        values = [r[key] for r in rows[case] if key in r]
        return statistics.median(values) if values else None

    def cell(value: float | None, fmt: str) -> str:
        return "—" if value is None else format(value, fmt)

    lines = [f"{spec['entries']:,} made-up entries of {spec['size']:,} bytes put in batches of {spec['batch']:,} into "
             "a fresh cache file per case, then closed (its WAL checkpointed); median of "
             f"{spec['rounds']} rounds, the cases alternating. `before` is "
             f"store/blobs.py at {spec['baseline']} (no `used` column or index); `evicting` has a bound of "
             f"{spec['bound'] / 2**20:.1f} MB, a quarter of what the entries take unbounded. get_many reads every "
             "key left: `refresh` with the entries two hours old (one UPDATE), `no refresh` right after.", "",
             "| case | put_many total s | ms per put | puts + close s | evicted | pages in use MB "
             "| WAL MB before close | file MB | get_many refresh s | get_many no refresh s | entries read |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for case in CASES:
        if not rows.get(case):
            continue
        lines.append(f"| {case} | {med(case, 'put'):.3f} | {med(case, 'per_put_ms'):.1f} | "
                     f"{med(case, 'written'):.3f} | {med(case, 'evicted'):,.0f} | {med(case, 'data_mb'):.1f} | "
                     f"{med(case, 'wal_mb'):.1f} | {med(case, 'file_mb'):.1f} | "
                     f"{cell(med(case, 'get_touch'), '.3f')} | {cell(med(case, 'get_fresh'), '.3f')} | "
                     f"{med(case, 'read'):,.0f} |")
    unbounded, evicting = med("unbounded", "put"), med("evicting", "put")
    if rows.get("unbounded"):
        per = med("unbounded", "data_mb") * 2**20 / spec["entries"]
        lines += ["", f"Unbounded, an entry of {spec['size']:,} bytes takes {per:,.0f} bytes of pages: past ~1 KB a "
                  "WITHOUT ROWID row's value goes on to an overflow page of its own. Evicting, the pages in use stay "
                  "under the bound and the file keeps the pages freed, which later puts reuse. The machine is shared: "
                  "compare the rows of one run only."]
    if unbounded and evicting:
        lines += ["", f"Evicting / unbounded put_many time: **{evicting / unbounded:.2f}x** (puts and close: "
                  f"**{med('evicting', 'written') / med('unbounded', 'written'):.2f}x**)."]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--entries", type=int, default=20_000)
    parser.add_argument("--size", type=int, default=1536)
    parser.add_argument("--batch", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--baseline", default="1f22b55", help="revision whose blobs.py is `before`")
    parser.add_argument("--dry-run", action="store_true", help="print the table, do not write RESULTS.md")
    args = parser.parse_args(argv)
    items = _items(args.entries, args.size)
    rows: dict[str, list[dict[str, float]]] = {case: [] for case in CASES}
    with tempfile.TemporaryDirectory() as tmp:
        where = Path(tmp)
        before = _old_blobs(args.baseline, where)
        probe = one("unbounded", items, args.batch, where, before, 0)
        bound = int(probe["data_mb"] * 2**20 / 4)
        for _ in range(args.rounds):
            for case in CASES:
                rows[case].append(one(case, items, args.batch, where, before, bound))
    spec = {"entries": args.entries, "size": args.size, "batch": args.batch, "rounds": args.rounds,
            "baseline": args.baseline, "bound": bound}
    text = render(rows, spec)
    print(text)
    if not args.dry_run:
        write_section("cache-bound", "## The check cache's size bound (`bench/cache_bound.py`)\n\n" + text)
    return 0


if __name__ == "__main__":
    os.environ.setdefault("OPENBLAS_CORETYPE", "Haswell")
    sys.exit(main())
