"""Bad input, huge input and crash safety: what `corroborate` does with each, how long it takes, what it costs.

    python -m bench.robustness [--full] [--store-rounds 20]

1. The bad-input batch of tests/robustness/badinputs.py (every broken input plus two good articles) through
   `corroborate check` as a subprocess: the outcome of each input, the exit status, any traceback, time and
   peak RSS.
2. Huge inputs: the 50 MB text file and the 1 MB line alone through `check`; the cheap stages (decode,
   clean, segment, repeats) on them in a child process, with CPU time and peak RSS. ``--full`` adds the
   expensive runs that justify the article limit: a 500,000-character line (at the limit) and 250,000
   characters of real news sentences (ECB+, from ../shared) through the whole `check`, and repeats on a
   degenerate article whose every sentence resembles every other.
3. Crash safety of the store: ``--store-rounds`` times, `corroborate add` is killed with SIGKILL at a random
   point; after each kill the database must pass the integrity checks and keep every article committed
   before; a final `add` must complete the set.

Writes the "robustness" section of bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from tests.robustness.badinputs import MB, build_batch, drop_file_read_override, one_line, prose

from bench.results import write_section

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("CORROBORATE_SHARED", REPO.parent / "shared"))
CHECK = [sys.executable, "-m", "corroborate.cli", "check"]


@dataclass(slots=True)
class Measured:
    code: int
    stdout: str
    stderr: str
    wall: float
    cpu: float
    rss_mb: float


def measured(cmd: list[str], *, drop_root: bool = False, timeout: float = 1800) -> Measured:
    """Run ``cmd``; its own CPU time and peak RSS come from wait4, so other processes do not count."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=REPO, stdout=out, stderr=err,
                                preexec_fn=drop_file_read_override if drop_root else None)
        deadline = started + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                proc.kill()
                pid, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.05)
        wall = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Measured(proc.returncode, out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace"),
                        wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def _error_lines(stderr: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for line in stderr.splitlines():
        if line.startswith("corroborate: ") and not line.startswith(("corroborate: wrote ", "corroborate: error:")):
            path, _, problem = line.removeprefix("corroborate: ").partition(": ")
            found.setdefault(path, []).append(problem)
    return found


def bad_batch(tmp: Path) -> tuple[list[str], dict]:
    cases = build_batch(tmp / "batch")
    missing = next(c for c in cases if c.name == "missing.txt")
    report = tmp / "report.json"
    m = measured([*CHECK, str(tmp / "batch"), str(missing.path), "--semantic", "off", "-f", "json", "-o", str(report),
                  "--no-progress"], drop_root=True)
    errors = _error_lines(m.stderr)
    doc = json.loads(report.read_text(encoding="utf-8")) if report.exists() else {"articles": []}
    read = {}
    for a in doc["articles"]:
        read.setdefault(a["path"], []).append(len(a["text"]))
    crashed = "Traceback" in m.stderr
    rows = ["| input | what | outcome |", "|---|---|---|"]
    wrong = 0
    for c in cases:
        problems = errors.get(str(c.path), [])
        chars = read.get(str(c.path), [])
        parts = []
        if chars:
            parts.append(f"read: {len(chars)} article(s), {sum(chars):,} characters")
        if problems:
            shown = problems[0] if len(problems) == 1 else f"{len(problems)} lines, e.g. `{problems[0]}`"
            parts.append(f"error: `{shown}`" if len(problems) == 1 else f"errors: {shown}")
        as_expected = len(problems) == c.errors and all(c.expect in p for p in problems) if c.expect else not problems
        ok = as_expected and bool(chars) == bool(c.must_contain)
        wrong += not ok
        rows.append(f"| `{c.name}` | {c.what} | {'; '.join(parts) or 'nothing'}{'' if ok else ' **(unexpected)**'} |")
    summary = {"code": m.code, "wall": m.wall, "cpu": m.cpu, "rss": m.rss_mb, "crashed": crashed, "wrong": wrong,
               "inputs": len(cases), "articles": len(doc["articles"]), "errors": sum(map(len, errors.values()))}
    return rows, summary


_STAGES = """
import json, resource, sys, time
from corroborate.ingest import read_source_bytes
from corroborate.ingest.detect import decode
from corroborate.ingest.clean import clean
from corroborate.config import IngestConfig, RepeatsConfig
from corroborate.model import Article
from corroborate.repeats.find import find_repeats
from corroborate.ingest.segment import segment
data = open(sys.argv[1], "rb").read()
out = {}
t = time.process_time(); text, _ = decode(data); out["decode"] = time.process_time() - t
t = time.process_time(); items = list(read_source_bytes(data, path=sys.argv[1]))
out["ingest"] = time.process_time() - t
out["ingest_outcome"] = getattr(items[0], "error", "read")
article = Article("a" * 16, "o", None, None, None, text)
t = time.process_time(); removed = clean(article); out["clean"] = time.process_time() - t
t = time.process_time(); passages = segment(article, removed); out["segment"] = time.process_time() - t
out["passages"] = len(passages)
if sys.argv[2] == "repeats":
    t = time.process_time()
    r = find_repeats([article], {article.id: passages}, config=RepeatsConfig(), embedder=None)
    out["repeats"] = time.process_time() - t
    out["groups"] = len(r.groups)
print(json.dumps(out))
"""


def stages(path: Path, *, repeats: bool) -> tuple[dict, Measured]:
    m = measured([sys.executable, "-c", _STAGES, str(path), "repeats" if repeats else "-"])
    if m.code != 0:
        raise RuntimeError(m.stderr[-2000:])
    return json.loads(m.stdout.strip().splitlines()[-1]), m


def huge(tmp: Path, *, full: bool) -> list[str]:
    batch = tmp / "batch"
    rows = ["| input | run | outcome | wall | CPU | peak RSS |", "|---|---|---|---:|---:|---:|"]

    def check_row(label: str, path: Path, *extra: str) -> None:
        out = tmp / f"{path.stem}.json"
        m = measured([*CHECK, str(path), "--semantic", "off", "-f", "json", "-o", str(out), "--no-progress", *extra])
        problems = _error_lines(m.stderr).get(str(path))
        outcome = f"exit {m.code}: `{problems[0]}`" if problems else f"exit {m.code}: report written"
        if "Traceback" in m.stderr:
            outcome = f"exit {m.code}: **traceback** {m.stderr.strip().splitlines()[-1][:120]}"
        rows.append(f"| {label} | `check` | {outcome} | {m.wall:.1f} s | {m.cpu:.1f} s | {m.rss_mb:.0f} MB |")

    check_row("50 MB text file", batch / "huge.txt")
    check_row("1 MB line, no punctuation", batch / "one-line.txt")
    for label, path, with_repeats in (("50 MB text file", batch / "huge.txt", False),
                                      ("1 MB line, no punctuation", batch / "one-line.txt", True)):
        s, m = stages(path, repeats=with_repeats)
        run = "decode, ingest, clean, segment" + (", repeats" if with_repeats else "")
        detail = (f"decode {s['decode']:.2f} s, ingest {s['ingest']:.2f} s, clean {s['clean']:.2f} s, segment "
                  f"{s['segment']:.2f} s ({s['passages']:,} passages)")
        if with_repeats:
            detail += f", repeats {s['repeats']:.2f} s ({s['groups']} groups)"
        rows.append(f"| {label} | {run} (in-process) | {detail} | {m.wall:.1f} s | {m.cpu:.1f} s | "
                    f"{m.rss_mb:.0f} MB |")
    if not full:
        return rows
    at_limit = tmp / "line-500k.txt"
    at_limit.write_text(one_line(500_000 - 1, seed=1) + "\n", encoding="ascii")
    check_row("500,000-character line (at the default limit)", at_limit)
    ecb = SHARED / "data" / "ecbplus" / "ecbplus_docs.jsonl"
    if ecb.exists():
        sentences: list[str] = []
        with ecb.open(encoding="utf-8") as fh:
            for line in fh:
                sentences += [s["text"] for s in json.loads(line)["sentences"][1:]]
        for n in (100_000, 250_000):
            text, size = [], 0
            for s in sentences:
                text.append(s)
                size += len(s) + 1
                if size >= n:
                    break
            path = tmp / f"ecb-{n}.txt"
            path.write_text("\n".join(text) + "\n", encoding="utf-8")
            check_row(f"{n:,} characters of news sentences (ECB+), one article", path)
    for n in (25_000, 50_000):
        path = tmp / f"degenerate-{n}.txt"
        path.write_text(prose(n, seed=5), encoding="ascii")
        s, m = stages(path, repeats=True)
        rows.append(f"| {n:,} characters, every sentence alike (19-word vocabulary) | repeats (in-process) | "
                    f"{s['passages']:,} passages, {s['groups']:,} repeat groups in {s['repeats']:.1f} s | "
                    f"{m.wall:.1f} s | {m.cpu:.1f} s | {m.rss_mb:.0f} MB |")
    return rows


def store_kills(tmp: Path, rounds: int) -> dict:
    import sqlite3

    from tests.test_store import check_consistent, synthetic_articles, write_folder

    # Large enough that every kill lands in the middle of an add (600 articles are all stored within 3 s).
    corpus = synthetic_articles(400, 10, seed=11)
    folder = write_folder(corpus, tmp / "store-in")
    db = tmp / "killed.db"
    add = [sys.executable, "-m", "corroborate.cli", "add", str(folder), "--db", str(db), "--semantic", "off", "--quiet"]
    rng = random.Random(rounds)
    stored, lost, broken, counts = 0, 0, 0, []
    for _ in range(rounds):
        proc = subprocess.Popen(add, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.3, 3.0))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        if not db.exists():
            continue
        try:
            now = check_consistent(db)
        except (AssertionError, sqlite3.Error):
            broken += 1
            continue
        lost += max(0, stored - now)
        stored = max(stored, now)
        counts.append(now)
    final = subprocess.run(add, cwd=REPO, capture_output=True, text=True, timeout=1800)
    total = check_consistent(db) if final.returncode == 0 else -1
    return {"rounds": rounds, "counts": counts, "lost": lost, "broken": broken, "final": total,
            "expected": len(corpus), "final_code": final.returncode}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--full", action="store_true", help="also the expensive runs at the article limit")
    parser.add_argument("--store-rounds", type=int, default=20, help="kill -9 rounds during `add` (0: skip)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        batch_rows, b = bad_batch(tmp)
        print("\n".join(batch_rows), flush=True)
        huge_rows = huge(tmp, full=args.full)
        print("\n".join(huge_rows), flush=True)
        kills = store_kills(tmp, args.store_rounds) if args.store_rounds else None
    lines = ["## Robustness: bad input, huge input, crash safety (bench/robustness.py)", "",
             f"`python -m bench.robustness{' --full' if args.full else ''}` — one `corroborate check --semantic off` "
             f"over a batch of {b['inputs']} inputs (tests/robustness/badinputs.py; the unreadable file is made "
             "unreadable for root too, by dropping CAP_DAC_OVERRIDE):", "",
             f"**exit status {b['code']}**, {b['errors']} one-line errors on stderr, {b['articles']} articles in the "
             f"report, tracebacks: {int(b['crashed'])}, inputs with an unexpected outcome: {b['wrong']}; "
             f"{b['wall']:.1f} s wall, {b['cpu']:.1f} s CPU, peak RSS {b['rss']:.0f} MB.", "", *batch_rows, "",
             "### Huge inputs", "",
             f"Articles over `ingest.max_article_chars` (default 500,000 characters; `--max-article-chars`, at most "
             f"1,000,000, spaCy's limit) are refused. 1 MB = {MB:,} bytes. CPU and peak RSS are the child process's "
             "own (wait4).", "", *huge_rows]
    if kills:
        k = kills
        lines += ["", "### Store: kill -9 during `corroborate add`", "",
                  f"{k['rounds']} rounds on {k['expected']:,} synthetic articles, each `add` killed after 0.3–3 s. "
                  f"Articles stored after each kill: {k['counts']}. Committed articles lost: **{k['lost']}**. "
                  f"Databases failing the integrity checks (a partial article, an orphan row): **{k['broken']}**. "
                  f"A final `add` exited {k['final_code']} with {k['final']:,} of {k['expected']:,} articles stored."]
    write_section("robustness", "\n".join(lines))
    print("\n".join(lines[-3:]))


if __name__ == "__main__":
    main()
