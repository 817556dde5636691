"""Run every ingest fuzz target for a bounded time and record what was found in bench/RESULTS.md.

    python -m fuzz.run --seconds 60

Each reader runs in its own process (atheris/libFuzzer exits the process when it finds a crash), from a
small seed corpus that the script writes itself, so the fuzzer starts from valid inputs of each format.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.results import write_section

from fuzz.target import EXTENSION

SEEDS = {
    "text": [b" date 2021-11-26 A ferry ran aground. Ms. Ruiz said: \xe2\x80\x9cNobody was hurt.\xe2\x80\x9d\n\n"
             b"READ MORE: Ferry news\nPictured: the quay", b"Title: T\nDate: 2025-03-04\n\nBody text here."],
    "html": [b"<html><head><title>T</title></head><body><article><p>A ferry ran aground.</p>"
             b"<script>alert(1)</script><p>Second para.</p></article></body></html>"],
    "feed": [b'<?xml version="1.0"?><rss version="2.0"><channel><title>Gazette</title><item><title>Ferry'
             b"</title><link>http://example.org/a</link><description>A ferry ran aground.</description>"
             b"<pubDate>Tue, 04 Mar 2025 10:00:00 GMT</pubDate></item></channel></rss>"],
    "jsonl": [b'{"id": "1", "title": "Ferry", "text": "A ferry ran aground.", "published": "2025-03-04"}\n'
              b'{"text": 5}\n{oops'],
}


def run_one(kind: str, seconds: int, workdir: Path) -> dict[str, str | int]:
    corpus = workdir / f"corpus-{kind}"
    corpus.mkdir(parents=True, exist_ok=True)
    for i, seed in enumerate(SEEDS[kind]):
        (corpus / f"seed{i}").write_bytes(seed)
    artifacts = workdir / f"crash-{kind}-"
    cmd = [sys.executable, "-m", "fuzz.target", kind, f"-max_total_time={seconds}", "-seed=1",
           "-rss_limit_mb=2048", "-timeout=20", f"-artifact_prefix={artifacts}", str(corpus)]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    log = proc.stdout + proc.stderr
    runs = re.findall(r"#(\d+)\s", log)
    crashes = sorted(p.name for p in workdir.glob(f"crash-{kind}-*"))
    found = re.search(r"(Uncaught Python exception|ERROR: libFuzzer: \w[\w-]*).*?\n(.*?)\n", log, re.S)
    return {"reader": kind, "seconds": seconds, "runs": int(runs[-1]) if runs else 0,
            "exit": proc.returncode, "crashes": len(crashes),
            "finding": (found.group(0).strip().splitlines()[-1][:160] if found else "none")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=int, default=60, help="fuzzing time per reader")
    parser.add_argument("--readers", nargs="*", default=list(EXTENSION))
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for kind in args.readers:
            row = run_one(kind, args.seconds, Path(tmp))
            print(row, flush=True)
            rows.append(row)
    lines = ["## Fuzzing the ingest readers (fuzz/run.py, atheris)", "",
             f"`make fuzz` — {args.seconds} s per reader, libFuzzer seed 1; every input goes through "
             "read → clean → segment with the span rule asserted.", "",
             "| reader | seconds | inputs tried | crashes | finding |", "|---|---:|---:|---:|---|"]
    lines += [f"| {r['reader']} | {r['seconds']} | {r['runs']} | {r['crashes']} | {r['finding']} |" for r in rows]
    write_section("fuzz", "\n".join(lines))
    print("\n".join(lines))
    if any(r["crashes"] for r in rows):
        raise SystemExit(1)


if __name__ == "__main__":
    main()
