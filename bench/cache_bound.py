"""What the check cache's size bound and its table layout cost: put_many, get_many, eviction, bytes of pages per
entry, and the rebuild of a file of the older layout (issue 21 follow-ups).

    nice -n 10 .venv/bin/python -m bench.cache_bound [--entries 20000] [--size 1536] [--batch 1000] [--rounds 3]
                                                     [--baseline REV] [--old REV] [--migrate 46500] [--dry-run]

Made-up entries (random bytes of ``--size``, 24-hex keys like the vectors' text hashes, the vectors' namespace
length), put in batches of ``--batch`` into a fresh file per case, as `check` puts a run's vectors:

* ``before`` — store/blobs.py of ``--baseline`` (before the bound: no ``used`` column, no index);
* ``old unbounded``, ``old evicting`` — store/blobs.py of ``--old`` (the bound, on a WITHOUT ROWID table);
* ``unbounded`` — bound 0;
* ``bound not reached`` — bound 1 GiB: the size check after each put, no eviction;
* ``evicting`` (both layouts) — one bound, a quarter of what the entries take unbounded in the current layout:
  the later puts each evict.

Then get_many of every key still there, once with the entries two hours old (every read refreshes its time: one
UPDATE) and once right after (nothing written). Median over ``--rounds`` rounds, the cases alternating within a
round. Last, once: a file of ``--old``'s layout shaped as a real cache (``--migrate`` entries: 1,500 parse-sized
values of 0.9-70 kB, the rest vectors) opened by the current code, which rebuilds its table. Writes the section
``cache-bound`` of bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.results import write_section

ROOT = Path(__file__).resolve().parents[1]
CASES = ("before", "old unbounded", "old evicting", "unbounded", "bound not reached", "evicting")
NAMESPACE = "vector:made-up-model-L6-v2:2:0123456789ab"  # as long as the real vectors' namespace


def _old_blobs(rev: str, where: Path, name: str = "blobs_before"):
    """The BlobCache class of ``rev``'s store/blobs.py (it imports only store.db, unchanged since)."""
    source = subprocess.run(["git", "show", f"{rev}:src/corroborate/store/blobs.py"], cwd=ROOT, check=True,
                            capture_output=True, text=True).stdout
    path = where / f"{name}.py"
    path.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # a dataclass (741fded's Usage) looks its module up while it is made
    spec.loader.exec_module(module)
    return module.BlobCache


def _items(entries: int, size: int) -> dict[str, bytes]:
    rng = random.Random(7)
    return {f"{rng.getrandbits(96):024x}": rng.randbytes(size) for _ in range(entries)}


def one(case: str, items: dict[str, bytes], batch: int, where: Path, before, bound: int,
        old=None) -> dict[str, float]:
    from corroborate.store.blobs import BlobCache

    clock = [1_000_000.0]
    path = where / f"{case.replace(' ', '-')}-{time.monotonic_ns()}.sqlite"
    if case == "before":
        cache = before(path)
    else:
        layout = old if case.startswith("old ") else BlobCache
        cache = layout(path, max_bytes={"unbounded": 0, "bound not reached": 2**30, "evicting": bound}[
            case.removeprefix("old ")], clock=lambda: clock[0])
    keys = list(items)
    start = time.perf_counter()
    for i in range(0, len(keys), batch):
        cache.put_many(NAMESPACE, {k: items[k] for k in keys[i:i + batch]})
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
        row["read"] = len(cache.get_many(NAMESPACE, keys))
        row["get_touch"] = time.perf_counter() - start
    start = time.perf_counter()
    row["read"] = len(cache.get_many(NAMESPACE, keys))
    row["get_fresh"] = time.perf_counter() - start
    row["per_entry"] = data_mb * 2**20 / max(row["read"], 1)
    cache.close()
    for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        p.unlink(missing_ok=True)
    return row


def _pages_mb(path: Path) -> float:
    with sqlite3.connect(path) as conn:
        pages = conn.execute("PRAGMA page_count").fetchone()[0] - conn.execute("PRAGMA freelist_count").fetchone()[0]
        size = pages * conn.execute("PRAGMA page_size").fetchone()[0] / 2**20
    conn.close()
    return size


def migrate(entries: int, where: Path, old) -> dict[str, float]:
    """A file of ``old``'s layout holding ``entries`` entries (up to 1,500 parse-sized values of 0.9-70 kB under
    another namespace, the rest vectors), then the first open and read by the current code, which rebuilds the table."""
    from corroborate.store.blobs import BlobCache

    rng = random.Random(11)
    path = where / "migrate.sqlite"
    cache = old(path)
    parses = min(1500, entries // 10)
    for start in range(0, parses, 100):
        cache.put_many("parse:3:bench", {f"{rng.getrandbits(96):024x}": rng.randbytes(rng.randint(900, 70_000))
                                         for _ in range(min(100, parses - start))})
    for start in range(parses, entries, 1000):
        cache.put_many(NAMESPACE, {f"{rng.getrandbits(96):024x}": rng.randbytes(1536)
                                   for _ in range(min(1000, entries - start))})
    cache.close()
    row = {"entries": entries, "parses": parses, "file_before": path.stat().st_size / 2**20,
           "data_before": _pages_mb(path)}
    start = time.perf_counter()
    cache = BlobCache(path)
    cache.get_many(NAMESPACE, ["absent"])  # opens the file: the rebuild
    row["seconds"] = time.perf_counter() - start
    wal = Path(f"{path}-wal")
    row["wal_mb"] = wal.stat().st_size / 2**20 if wal.exists() else 0.0
    row["count"] = cache.count(NAMESPACE) + cache.count("parse:3:bench")
    cache.close()
    row["file_after"], row["data_after"] = path.stat().st_size / 2**20, _pages_mb(path)
    for p in (path, wal, Path(f"{path}-shm")):
        p.unlink(missing_ok=True)
    return row


def render(rows: dict[str, list[dict[str, float]]], spec: dict[str, object],
           moved: dict[str, float] | None = None) -> str:
    def med(case: str, key: str) -> float | None:
        values = [r[key] for r in rows[case] if key in r]
        return statistics.median(values) if values else None

    def cell(value: float | None, fmt: str) -> str:
        return "—" if value is None else format(value, fmt)

    labels = {"before": f"before ({spec['baseline']}: no bound)", "old unbounded": f"old layout ({spec['old']}), "
              "unbounded", "old evicting": f"old layout ({spec['old']}), evicting"}
    lines = [f"{spec['entries']:,} made-up entries of {spec['size']:,} bytes put in batches of {spec['batch']:,} into "
             "a fresh cache file per case, then closed (its WAL checkpointed); median of "
             f"{spec['rounds']} rounds, the cases alternating. `before` is store/blobs.py at {spec['baseline']} (no "
             f"`used` column or index); `old layout` is store/blobs.py at {spec['old']} (the bound, on a WITHOUT "
             "ROWID table); the others are the current code (a rowid table with a unique index on (namespace, key), "
             f"8 KB pages in a new file). Both `evicting` cases have a bound of {spec['bound'] / 2**20:.1f} MB, a "
             "quarter of what the entries take unbounded in the current layout. get_many reads every key left: "
             "`refresh` with the entries two hours old (one UPDATE), `no refresh` right after.", "",
             "| case | put_many total s | ms per put | puts + close s | evicted | pages in use MB "
             "| bytes of pages per entry | WAL MB before close | file MB | get_many refresh s "
             "| get_many no refresh s | entries read |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for case in CASES:
        if not rows.get(case):
            continue
        lines.append(f"| {labels.get(case, case)} | {med(case, 'put'):.3f} | {med(case, 'per_put_ms'):.1f} | "
                     f"{med(case, 'written'):.3f} | {med(case, 'evicted'):,.0f} | {med(case, 'data_mb'):.1f} | "
                     f"{cell(med(case, 'per_entry'), ',.0f')} | {med(case, 'wal_mb'):.1f} | "
                     f"{med(case, 'file_mb'):.1f} | {cell(med(case, 'get_touch'), '.3f')} | "
                     f"{cell(med(case, 'get_fresh'), '.3f')} | {med(case, 'read'):,.0f} |")
    lines += ["", "Bytes of pages per entry: pages in use over the entries left. The old layout's WITHOUT ROWID "
              "table is an index b-tree to SQLite, which keeps ~1 KB of a row on its leaf and puts the rest of a "
              "1.5 KB value on an overflow page of its own; a rowid table's leaf keeps up to ~4 KB (8 KB pages: five "
              "vectors a page). Under one bound the current layout keeps more entries. The machine is shared (others "
              "run CPU-heavy work): compare the rows of one run only."]
    for prefix, name in (("old ", f"old layout ({spec['old']})"), ("", "current layout")):
        unbounded, evicting = med(f"{prefix}unbounded", "put"), med(f"{prefix}evicting", "put")
        if unbounded and evicting:
            lines += ["", f"{name}: evicting / unbounded put_many time **{evicting / unbounded:.2f}x** (puts and "
                      f"close: **{med(f'{prefix}evicting', 'written') / med(f'{prefix}unbounded', 'written'):.2f}x**)."]
    if moved:
        lines += ["", f"Rebuild of an old-layout file on its first open by the current code (once): "
                  f"{moved['entries']:,} entries ({moved['parses']:,} of 0.9-70 kB, the rest vectors), "
                  f"**{moved['seconds']:.2f} s**; pages in use {moved['data_before']:.1f} -> "
                  f"{moved['data_after']:.1f} MB (4 KB pages, as the old file has), file {moved['file_before']:.1f} -> "
                  f"{moved['file_after']:.1f} MB (the freed pages stay in the file for later puts; "
                  f"`corroborate cache clear` gives them back), WAL {moved['wal_mb']:.1f} MB before close (the "
                  f"rebuild's one transaction: checkpointed at its commit, cut back to 16 MB by the next write); "
                  f"{moved['count']:,.0f} entries read back."]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--entries", type=int, default=20_000)
    parser.add_argument("--size", type=int, default=1536)
    parser.add_argument("--batch", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--baseline", default="1f22b55", help="revision whose blobs.py is `before`")
    parser.add_argument("--old", default="741fded", help="revision whose blobs.py is the old layout")
    parser.add_argument("--migrate", type=int, default=46_500, help="entries of the rebuilt file (0: skip)")
    parser.add_argument("--dry-run", action="store_true", help="print the table, do not write RESULTS.md")
    args = parser.parse_args(argv)
    items = _items(args.entries, args.size)
    rows: dict[str, list[dict[str, float]]] = {case: [] for case in CASES}
    with tempfile.TemporaryDirectory() as tmp:
        where = Path(tmp)
        before = _old_blobs(args.baseline, where)
        old = _old_blobs(args.old, where, "blobs_old")
        probe = one("unbounded", items, args.batch, where, before, 0)
        bound = int(probe["data_mb"] * 2**20 / 4)
        for _ in range(args.rounds):
            for case in CASES:
                rows[case].append(one(case, items, args.batch, where, before, bound, old))
        moved = migrate(args.migrate, where, old) if args.migrate else None
    spec = {"entries": args.entries, "size": args.size, "batch": args.batch, "rounds": args.rounds,
            "baseline": args.baseline, "old": args.old, "bound": bound}
    text = render(rows, spec, moved)
    print(text)
    if not args.dry_run:
        write_section("cache-bound", "## The check cache's size bound and layout (`bench/cache_bound.py`)\n\n" + text)
    return 0


if __name__ == "__main__":
    os.environ.setdefault("OPENBLAS_CORETYPE", "Haswell")
    sys.exit(main())
