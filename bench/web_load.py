"""A bounded load test of `corroborate serve` on loopback: latency percentiles and errors.

    python -m bench.web_load [--requests 2000] [--threads 4] [--max-seconds 60]

Fills a store with the bundled examples and the seed articles (`corroborate add --semantic off`), starts
the real server (uvicorn) on 127.0.0.1 and a free port, opens every story once (the first view of a story
runs its cross-check, which is cached: that cold time is reported apart), then sends the requests from
``--threads`` threads, one keep-alive client each, round-robin over the story list, story JSON, story pages,
article JSON and article pages, until the count or the time bound is reached. Writes the "web-load" section
of bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import threading
import time
from pathlib import Path

import httpx
from tests.robustness.webserver import build_db, serve

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


def run(*, requests: int, threads: int, max_seconds: float) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "news.db"
        added = build_db(db)
        with serve(db) as (base, proc):
            stories = httpx.get(f"{base}/api/stories", timeout=60).json()["stories"]
            articles = [a for s in stories for a in s["articles"]]
            cold: list[float] = []
            for s in stories:  # first view: the story's cross-check runs and is cached
                started = time.perf_counter()
                assert httpx.get(f"{base}/stories/{s['id']}", timeout=600).status_code == 200
                cold.append(time.perf_counter() - started)
            urls = ["/api/stories", "/"] + [f"/api/stories/{s['id']}" for s in stories] \
                + [f"/stories/{s['id']}" for s in stories] + [f"/api/articles/{a}" for a in articles] \
                + [f"/articles/{a}" for a in articles]
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
                        kind = url if url in ("/", "/api/stories") else url.rsplit("/", 1)[0] + "/{id}"
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
    return {"added": added, "stories": len(stories), "articles": len(articles), "cold": cold, "latencies": latencies,
            "all": every, "errors": errors, "wall": wall, "threads": threads, "rss": rss, "requested": requests}


def table(r: dict) -> str:
    ms = 1000.0
    every = r["all"]
    lines = ["## Web app under load (bench/web_load.py)", "",
             f"`python -m bench.web_load` — `corroborate serve` (uvicorn, one process) on 127.0.0.1 over a store of "
             f"{r['articles']} articles in {r['stories']} stories (the examples and the seeds, lexical). "
             f"{len(every)} of {r['requested']} requests sent in {r['wall']:.1f} s from {r['threads']} threads with "
             f"keep-alive ({len(every) / r['wall']:.0f} requests/s); first views of story pages (cross-check, then "
             "cached) are measured apart.", "",
             "| requests | p50 | p95 | p99 | max | errors | server peak RSS |", "|---|---:|---:|---:|---:|---:|---:|"]
    rss = f"{r['rss']:.0f} MB" if r["rss"] else "n/a"
    lines.append(f"| all ({len(every)}) | {statistics.median(every) * ms:.1f} ms | {_percentile(every, 95) * ms:.1f} ms"
                 f" | {_percentile(every, 99) * ms:.1f} ms | {max(every) * ms:.1f} ms | {len(r['errors'])} | {rss} |")
    for kind, values in sorted(r["latencies"].items()):
        lines.append(f"| `{kind}` ({len(values)}) | {statistics.median(values) * ms:.1f} ms | "
                     f"{_percentile(values, 95) * ms:.1f} ms | {_percentile(values, 99) * ms:.1f} ms | "
                     f"{max(values) * ms:.1f} ms | | |")
    cold = r["cold"]
    lines += ["", f"First view of a story page (runs the story's cross-check): median {statistics.median(cold):.2f} s, "
              f"max {max(cold):.2f} s over {len(cold)} stories."]
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
