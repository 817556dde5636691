"""A bounded load test of `corroborate serve` on loopback: latency percentiles and errors.

    python -m bench.web_load [--requests 2000] [--threads 4] [--max-seconds 60]

Fills a store with the bundled examples and the seed articles (`corroborate add --semantic off`) and copies
it; the copy is then cross-checked at add time (`corroborate add --reports` over the same inputs, timed). Each
store is served by the real server (uvicorn) on 127.0.0.1 and a free port:

* the store without reports: every story page is opened once, timing the answer (the loading page) and the time
  until the page shows the story (its cross-check ran in the background);
* the store with reports: every story page is opened once (the first view, timed), then the requests are sent
  from ``--threads`` threads, one keep-alive client each, round-robin over the story list (also searched and
  sorted), story JSON, story pages, exports, article JSON and article pages, until the count or the time bound
  is reached.

Writes the "web-load" section of bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx
from tests.robustness.webserver import REPO, build_db, serve

from bench.results import write_section


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    k = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[k]


def _peak_rss_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def _copy_db(source: Path, target: Path) -> None:
    # The add process has exited, so the file is complete; copy its WAL files too, should any be left.
    for suffix in ("", "-wal", "-shm"):
        if Path(f"{source}{suffix}").exists():
            shutil.copyfile(f"{source}{suffix}", f"{target}{suffix}")


def _cold_views(base: str, stories: list[dict], *, timeout: float = 600.0) -> tuple[list[float], list[float], list]:
    """For each story of a store without reports: seconds until the page answers, until it shows the story, and
    the status codes of the first answers."""
    answer: list[float] = []
    ready: list[float] = []
    first_status = []
    with httpx.Client(base_url=base, timeout=timeout) as client:
        for s in stories:
            started = time.perf_counter()
            response = client.get(f"/stories/{s['id']}")
            answer.append(time.perf_counter() - started)
            first_status.append(response.status_code)
            while response.status_code == 202:  # the loading page: it reloads every 2 s, this polls faster
                time.sleep(0.1)
                response = client.get(f"/stories/{s['id']}")
            assert response.status_code == 200, response.status_code
            ready.append(time.perf_counter() - started)
    return answer, ready, first_status


def run(*, requests: int, threads: int, max_seconds: float) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        cold_db, db = Path(tmp) / "cold.db", Path(tmp) / "news.db"
        added = build_db(cold_db)
        _copy_db(cold_db, db)
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "corroborate.cli", "add", *added, "--db", str(db), "--semantic", "off",
                        "--reports", "--quiet"], cwd=REPO, check=True, capture_output=True, timeout=1800)
        add_reports = time.perf_counter() - started
        with serve(cold_db) as (base, _proc):
            stories = httpx.get(f"{base}/api/stories", timeout=60).json()["stories"]
            cold_answer, cold_ready, cold_status = _cold_views(base, stories)
        with serve(db) as (base, proc):
            articles = [a for s in stories for a in s["articles"]]
            first: list[float] = []
            for s in stories:  # first view of a story whose report was made at add time
                started = time.perf_counter()
                assert httpx.get(f"{base}/stories/{s['id']}", timeout=600).status_code == 200
                first.append(time.perf_counter() - started)
            urls = ["/api/stories", "/", "/?q=ferry+passengers", "/?sort=conflicts&conflicts=1"] \
                + [f"/api/stories/{s['id']}" for s in stories] + [f"/stories/{s['id']}" for s in stories] \
                + [f"/api/stories/{s['id']}/conflicts.csv" for s in stories] \
                + [f"/api/articles/{a}" for a in articles] + [f"/articles/{a}" for a in articles]
            latencies: dict[str, list[float]] = {}
            errors: list[str] = []
            lock = threading.Lock()
            counter = iter(range(requests))
            deadline = time.monotonic() + max_seconds

            def worker() -> None:
                with httpx.Client(base_url=base, timeout=60) as client:
                    while time.monotonic() < deadline:
                        with lock:
                            k = next(counter, None)
                        if k is None:
                            return
                        url = urls[k % len(urls)]
                        started = time.perf_counter()
                        try:
                            response = client.get(url)
                            status = response.status_code
                        except httpx.HTTPError as exc:
                            status = type(exc).__name__
                        elapsed = time.perf_counter() - started
                        kind = _kind(url)
                        with lock:
                            latencies.setdefault(kind, []).append(elapsed)
                            if status != 200:
                                errors.append(f"{url}: {status}")

            started = time.perf_counter()
            pool = [threading.Thread(target=worker) for _ in range(threads)]
            for t in pool:
                t.start()
            for t in pool:
                t.join()
            wall = time.perf_counter() - started
            rss = _peak_rss_mb(proc.pid)
    every = [x for xs in latencies.values() for x in xs]
    return {"added": added, "stories": len(stories), "articles": len(articles), "first": first, "latencies": latencies,
            "all": every, "errors": errors, "wall": wall, "threads": threads, "rss": rss, "requested": requests,
            "add_reports": add_reports, "cold_answer": cold_answer, "cold_ready": cold_ready,
            "cold_status": cold_status}


def _kind(url: str) -> str:
    """The row of the table a URL counts in: its path with the ids replaced."""
    if url.startswith("/?"):
        return "/?q=… or /?sort=…"
    if url in ("/", "/api/stories"):
        return url
    parts = url.split("/")
    if "." in parts[-1]:  # an export: /api/stories/ID/conflicts.csv
        return "/".join([*parts[:-2], "{id}", parts[-1]])
    return "/".join([*parts[:-1], "{id}"])


def table(r: dict) -> str:
    ms = 1000.0
    every = r["all"]
    lines = ["## Web app under load (bench/web_load.py)", "",
             f"`python -m bench.web_load` — `corroborate serve` (uvicorn, one process) on 127.0.0.1 over a store of "
             f"{r['articles']} articles in {r['stories']} stories (the examples and the seeds, lexical). "
             f"{len(every)} of {r['requested']} requests sent in {r['wall']:.1f} s from {r['threads']} threads with "
             f"keep-alive ({len(every) / r['wall']:.0f} requests/s), on the store cross-checked at add time "
             "(`add --reports`); story pages without a cached cross-check are measured apart, below.", "",
             "| requests | p50 | p95 | p99 | max | errors | server peak RSS |", "|---|---:|---:|---:|---:|---:|---:|"]
    rss = f"{r['rss']:.0f} MB" if r["rss"] else "n/a"
    lines.append(f"| all ({len(every)}) | {statistics.median(every) * ms:.1f} ms | {_percentile(every, 95) * ms:.1f} ms"
                 f" | {_percentile(every, 99) * ms:.1f} ms | {max(every) * ms:.1f} ms | {len(r['errors'])} | {rss} |")
    for kind, values in sorted(r["latencies"].items()):
        lines.append(f"| `{kind}` ({len(values)}) | {statistics.median(values) * ms:.1f} ms | "
                     f"{_percentile(values, 95) * ms:.1f} ms | {_percentile(values, 99) * ms:.1f} ms | "
                     f"{max(values) * ms:.1f} ms | | |")
    first, answer, ready = r["first"], r["cold_answer"], r["cold_ready"]
    loading = sum(1 for status in r["cold_status"] if status == 202)
    lines += ["", "Story pages: each story opened once, by one client, on a freshly started server:", "",
              "| store | story page answers | shows the story | first answers |", "|---|---:|---:|---|",
              f"| `add --reports` ({r['add_reports']:.1f} s for the store's {r['stories']} stories) | median "
              f"{statistics.median(first) * ms:.0f} ms, max {max(first) * ms:.0f} ms | same | the story |",
              f"| plain `add` (cross-checked on first view, in the background) | median "
              f"{statistics.median(answer) * ms:.0f} ms, max {max(answer) * ms:.0f} ms | median "
              f"{statistics.median(ready):.2f} s, max {max(ready):.2f} s | {loading} loading page(s), "
              f"{len(answer) - loading} story page(s) |"]
    if r["errors"]:
        lines += ["", "Errors: " + "; ".join(r["errors"][:10])]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--max-seconds", type=float, default=60.0)
    args = parser.parse_args()
    result = run(requests=args.requests, threads=args.threads, max_seconds=args.max_seconds)
    markdown = table(result)
    write_section("web-load", markdown)
    print(markdown)


if __name__ == "__main__":
    main()
