"""Corpus-scale benchmark: `corroborate add` throughput and peak memory at 1k, 10k and 100k articles.

The corpus is generated on the fly in a temporary folder (never committed) from real news texts in
../shared/data (ECB+ documents, BASIL articles, Clust-McMs documents, FNC-1 bodies, QAGS CNN/DM articles,
UCI headlines as titles), with realistic variation: an *event* is a source text on a date;
its articles are syndicated copies (light edits), rewrites (sentences dropped, swapped, numbers changed,
synonyms swapped) and follow-ups that borrow sentences from another text. The corpus grows the way a crawl
does: a constant number of articles per day, so a bigger corpus covers more days, not denser ones.
There are about 2,000 source texts, so a corpus past ~16k articles needs more events than texts: a later
*round* of a text is a new event whose base is that text's sentences interleaved with another text's, with
numbers and synonyms edited. (Until 2026-11-22 later rounds reused the text verbatim, so each article found
ever more near-duplicates among earlier rounds: 2.7 per article at 2k rising to 11.7 at 38k. That measured a
corpus whose duplication rate grows with its size, not what one add costs; a crawl's rate is stationary.)

The scaled job is ``corroborate add`` (ingest JSONL -> store -> fingerprints, LSH, near-duplicates ->
incremental story assignment), run in a fresh process per size and engine, lexical path (``--semantic off``):
MiniLM on 2 CPU cores would measure the model, not the store. Peak RSS is the child's ``ru_maxrss``.

    nice -n 10 .venv/bin/python bench/scale.py --sizes 1000 10000 100000 --engines local dask
"""

from __future__ import annotations

import argparse
import ast
import csv
import itertools
import json
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("CORROBORATE_SHARED", REPO.parent / "shared")) / "data"
ARTICLES_PER_DAY = 400
CALIBRATE_S = 5.0  # CPU seconds between two timings of the reference job (besides tenths and the tail)
TAIL = 1000  # the last articles of a run, timed apart: the same articles are also run in a fresh store
OUTLETS = [f"outlet-{i:02d}" for i in range(60)]
SYNONYMS = {"said": "stated", "says": "states", "big": "large", "large": "big", "killed": "left dead",
            "police": "officers", "began": "started", "started": "began", "help": "assist", "show": "reveal",
            "buy": "purchase", "died": "was killed", "attack": "assault", "quickly": "rapidly",
            "announced": "revealed", "government": "administration", "people": "individuals",
            "children": "kids", "car": "vehicle", "home": "house", "house": "home", "fire": "blaze",
            "officials": "authorities", "city": "town", "increase": "rise", "company": "firm",
            "reported": "disclosed", "after": "following", "before": "prior to", "also": "additionally"}
_SENT = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'“])")
_NUM = re.compile(r"\b\d+\b")
_WORD = re.compile(r"\b[a-z]+\b")


# -- real texts ------------------------------------------------------------------------------------
def load_texts() -> tuple[list[tuple[str | None, str]], list[str]]:
    """(title, text) of every usable news text, and UCI headlines (titles for untitled texts)."""
    texts: list[tuple[str | None, str]] = []
    with (SHARED / "ecbplus" / "ecbplus_docs.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            doc = json.loads(line)
            sents = [s["text"] for s in doc["sentences"] if not s["text"].startswith("http")]
            texts.append((None, " ".join(sents)))
    for path in sorted((SHARED / "basil" / "articles").glob("*/*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        paras = doc["body-paragraphs"]
        paras = ast.literal_eval(paras) if isinstance(paras, str) else paras
        texts.append((doc["title"], "\n\n".join(" ".join(p) for p in paras)))
    raw = (SHARED / "clust_mcms_news_clusters" / "mds_clusters_gpt_event_dev.json").read_text(encoding="utf-8")
    clusters = json.loads(re.sub(r",\s*([}\]])", r"\1", raw))  # not strict JSON: trailing commas (SOURCE.md)
    for cluster in clusters:
        for doc in cluster["documents"]:
            texts.append((doc.get("title"), " ".join(s["content"] for s in doc["sentences"])))
    csv.field_size_limit(10**8)
    with (SHARED / "fnc1" / "competition_test_bodies.csv").open(encoding="utf-8") as fh:
        texts.extend((None, row["articleBody"]) for row in csv.DictReader(fh))
    with (SHARED / "qags_mturk" / "mturk_cnndm.jsonl").open(encoding="utf-8") as fh:
        texts.extend((None, json.loads(line)["article"]) for line in fh)
    with (SHARED / "uci_news_aggregator_sample" / "uci-news-aggregator.first999rows.csv").open(encoding="utf-8") as fh:
        headlines = [row["TITLE"] for row in csv.DictReader(fh)]
    texts = [(t, x.strip()) for t, x in texts if len(x.split()) >= 80]
    return texts, headlines


# -- variation -------------------------------------------------------------------------------------
def _sentences(text: str) -> list[str]:
    return [s for s in _SENT.split(text) if s.strip()]


def _edit_numbers(s: str, rng: random.Random) -> str:
    return _NUM.sub(lambda m: str(max(0, int(m.group(0)) + rng.choice([-2, -1, 1, 2, 10])))
                    if rng.random() < 0.5 and len(m.group(0)) < 6 else m.group(0), s)


def _swap_synonyms(s: str, rng: random.Random) -> str:
    return _WORD.sub(lambda m: SYNONYMS[m.group(0)] if m.group(0) in SYNONYMS and rng.random() < 0.6
                     else m.group(0), s)


def variant(text: str, kind: str, rng: random.Random, other: str) -> str:
    sents = _sentences(text)
    if kind == "copy":  # syndication: the same text, perhaps cut short
        keep = sents[: max(3, int(len(sents) * rng.uniform(0.7, 1.0)))]
    else:
        keep = [s for s in sents if rng.random() > 0.25] or sents[:3]
        for _ in range(max(1, len(keep) // 6)):  # local reorders
            i = rng.randrange(len(keep))
            j = min(len(keep) - 1, i + 1)
            keep[i], keep[j] = keep[j], keep[i]
        keep = [_swap_synonyms(_edit_numbers(s, rng), rng) for s in keep]
        if kind == "follow-up":
            extra = _sentences(other)
            keep.extend(rng.sample(extra, min(len(extra), rng.randint(1, 4))))
    return " ".join(keep)


def recycled(text: str, other: str, rng: random.Random) -> str:
    """A later round's base text: sentences of ``text`` and ``other`` interleaved, numbers and words edited,
    so it shares sentences with both sources but is a near-duplicate of neither."""
    a, b = _sentences(text), _sentences(other)
    mixed = [s for pair in zip(a, b, strict=False) for s in pair] + a[len(b):] + b[len(a):]
    return " ".join(_swap_synonyms(_edit_numbers(s, rng), rng) for s in mixed[: max(len(a), 6)])


def generate(n: int, folder: Path, *, seed: int = 7, shard: int = 5000) -> int:
    """Write ``n`` articles as JSONL shards into ``folder``; returns the number written."""
    rng = random.Random(seed)
    texts, headlines = load_texts()
    order = list(range(len(texts)))
    rng.shuffle(order)
    start = date(2020, 1, 1)
    written = 0
    event = 0
    out = None
    while written < n:
        base_title, base = texts[order[event % len(order)]]
        other = texts[rng.randrange(len(texts))][1]
        day = start + timedelta(days=int(written / ARTICLES_PER_DAY))
        size = min(n - written, 1 + int(rng.expovariate(1 / 7)))  # mean ~8 articles per event, long tail
        round_ = event // len(order)  # a reused source text is a different event months later
        if round_:
            base = recycled(base, texts[order[(event + 7 * round_) % len(order)]][1], rng)
        for k in range(size):
            if written % shard == 0:
                if out:
                    out.close()
                out = (folder / f"part-{written // shard:04d}.jsonl").open("w", encoding="utf-8")
            kind = "original" if k == 0 and round_ == 0 else rng.choice(["copy", "rewrite", "rewrite", "follow-up"])
            text = base if kind == "original" else variant(base, kind, rng, other)
            outlet = rng.choice(OUTLETS)
            title = base_title or headlines[(order[event % len(order)] + round_) % len(headlines)]
            published = (day + timedelta(days=rng.choice([0, 0, 0, 1, 1, 2]))).isoformat()
            # The outlet's sign-off keeps two outlets' verbatim copies distinct articles, as in real syndication.
            record = {"title": title, "text": f"{text}\n\n({outlet}, {published})", "outlet": outlet,
                      "published": published, "url": f"https://{outlet}.example/{event}/{k}"}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            written += 1
        event += 1
    if out:
        out.close()
    return written


# -- measurement -----------------------------------------------------------------------------------
def worker(args: argparse.Namespace) -> None:
    """Child process: exactly what `corroborate add` does, plus a timestamp per commit."""
    from corroborate.config import Config
    from corroborate.ingest import read_sources
    from corroborate.model import Article, InputError
    from corroborate.store import Store
    from corroborate.store.incremental import MatchConfig, featurize

    config = Config(semantic="off", engine=args.engine)
    # One-time costs (lazy imports of numpy and datasketch, drawing the MinHash permutations) are paid before
    # the clock starts: they are per process, not per article, and would inflate the smallest corpus most.
    featurize(Article("warm-up", "bench", None, None, None, "A warm-up text, never stored."))
    # The machine's speed drifts on this shared VM (the reference below took 0.99-1.83 ms within one 50 s
    # run; the same first 10k articles cost 4.2 ms each in one run and 5.2 ms in another). A fixed reference
    # job gives the cost in units that cancel the drift: CPU per add / CPU to featurise one reference article.
    # It is timed at every tenth of the run, at the start of its last TAIL articles, and whenever CALIBRATE_S
    # of CPU passed since the last time (at 100k articles: every ~1,300 adds, where tenths alone were 40 s
    # apart and missed slow spells between them). The reference is the corpus's first 100 articles, the same
    # at every size (generate is prefix-stable); calibration time is taken off the clocks.
    items = read_sources([args.src], config=config.ingest, stdin=None)
    reference = [a for a in itertools.islice(items, 100) if not isinstance(a, InputError)]

    def calibrate() -> float:
        c = time.process_time()
        for a in reference:
            featurize(a)
        return 1000 * (time.process_time() - c) / len(reference)

    stream = itertools.chain(reference, items)  # the reference articles are stored like all others, read once
    for _ in itertools.islice(stream, args.skip):  # --skip: read (and parse) before the clocks start
        pass
    calibrations = [(0, calibrate(), 0.0)]  # (articles added, reference ms, CPU s of the job so far)
    paused = [0.0, 0.0]  # wall, CPU spent calibrating
    marks: list[tuple[int, float, float]] = []
    due = sorted(({args.expect * k // 10 for k in range(1, 11)} | {args.expect - TAIL}) - {0}) if args.expect else []
    t0 = time.perf_counter()
    c0 = time.process_time()
    # Progress also goes to a side file, so a run stopped before its end still shows its measured part.
    side = Path(f"{args.db}.marks.jsonl").open("a", encoding="utf-8")  # noqa: SIM115 - closed after the run

    def progress(added: int, _skipped: int) -> None:
        marks.append((added, time.perf_counter() - t0 - paused[0], time.process_time() - c0 - paused[1]))
        if len(marks) % 32 == 0:
            side.write(json.dumps(marks[-1]) + "\n")
            side.flush()
        passed = False
        while due and added >= due[0]:  # one commit may pass two points (a tenth and the tail's start)
            due.pop(0)
            passed = True
        if args.expect and (passed or marks[-1][2] - calibrations[-1][2] >= CALIBRATE_S):
            t, c = time.perf_counter(), time.process_time()
            calibrations.append((added, calibrate(), marks[-1][2]))
            paused[0] += time.perf_counter() - t
            paused[1] += time.process_time() - c

    match = MatchConfig(**{k: int(v) for k, v in (kv.split("=", 1) for kv in args.match)})
    with Store(args.db, config=config, match=match) as store:
        articles = (a for a in stream if not isinstance(a, InputError))
        result = store.add(articles, progress=progress)
        wall = time.perf_counter() - t0 - paused[0]
        cpu = time.process_time() - c0 - paused[1]
        if args.expect and calibrations[-1][0] < len(result.added):  # duplicates skipped: ended short of expect
            calibrations.append((len(result.added), calibrate(), cpu))
        counts = store.count()
        quality = story_quality(store)
    side.close()
    rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"added": len(result.added), "skipped": len(result.skipped), "wall": wall, "cpu": cpu,
                      "marks": marks, "calibrations": calibrations, "rss_mb": rss_kb / 1024, **counts, **quality}))


def story_quality(store: Any) -> dict[str, float]:
    """BCubed of the stored stories against the generated events (the event number is in each article's URL):
    what the candidate caps cost in clustering, measured on the same run as their speed."""
    from corroborate.eval.metrics import bcubed

    rows = store._read(lambda c: c.execute(
        "SELECT a.id, a.url, m.story_id FROM articles a JOIN story_members m ON m.seq = a.seq").fetchall())
    p, r, f = bcubed({aid: story for aid, _, story in rows}, {aid: url.split("/")[-2] for aid, url, _ in rows})
    return {"b3_p": p, "b3_r": r, "b3_f1": f}


def _slices(marks: list[tuple[int, float, float]], n: int, column: int) -> list[float]:
    """Milliseconds (wall: column 1, CPU: column 2) per article in each tenth of the run: the marginal cost
    as the corpus grows."""
    out, prev_n, prev_t = [], 0, 0.0
    for tenth in range(1, 11):
        target = n * tenth // 10
        hit = next((m for m in marks if m[0] >= target), marks[-1])
        if hit[0] > prev_n:
            out.append(1000 * (hit[column] - prev_t) / (hit[0] - prev_n))
        prev_n, prev_t = hit[0], hit[column]
    return out


def _units(calibrations: list[list[float]], n: int) -> dict[str, Any]:
    """CPU per add in reference units, between each two calibrations: the CPU spent over the mean of the
    reference at its two ends. Tenths, the last TAIL articles and the whole run are sums of such intervals, so
    the drift cancels wherever it was measured (the fewer articles an interval spans, the better)."""
    if len(calibrations) < 2:
        return {}
    spans = [(a0, a1, 1000 * (c1 - c0) / ((r0 + r1) / 2))
             for (a0, r0, c0), (a1, r1, c1) in itertools.pairwise(calibrations)]

    def per_article(lo: int, hi: int) -> float:
        # An interval belongs where it starts: a tenth's calibration comes at the first commit past it.
        inside = [(a1 - a0, u) for a0, a1, u in spans if lo <= a0 < hi and a1 > a0]
        return sum(u for _, u in inside) / max(sum(k for k, _ in inside), 1)

    end = calibrations[-1][0]
    bounds = [0, *(n * k // 10 for k in range(1, 10)), end]
    return {"ref_ms": [r for _, r, _ in calibrations], "tenths": [per_article(lo, hi) for lo, hi in
            itertools.pairwise(bounds)], "tail": per_article(max(n - TAIL, 0), end), "mean": per_article(0, end)}


def measure(n: int, engine: str, src: Path, work: Path, match: list[str] | None = None, skip: int = 0) -> dict:
    """One worker run: ``n`` articles of the corpus in ``src``, after skipping its first ``skip``."""
    db = work / f"{engine}-{n}.db"
    proc = subprocess.run([sys.executable, __file__, "_worker", "--db", str(db), "--src", str(src),
                           "--engine", engine, "--expect", str(n), "--skip", str(skip),
                           *(f"--match={kv}" for kv in match or [])],
                          capture_output=True, text=True, check=False)
    if proc.returncode:
        raise SystemExit(f"worker failed ({proc.returncode}): {proc.stderr[-2000:]}")
    data = json.loads(proc.stdout.strip().splitlines()[-1])
    data["db_mb"] = sum(p.stat().st_size for p in work.glob(f"{engine}-{n}.db*")) / 1e6
    marks = data.pop("marks")
    data["slices"] = _slices(marks, data["added"], 1)
    data["cpu_slices"] = _slices(marks, data["added"], 2)
    data["units"] = _units(data.pop("calibrations"), n)
    for p in work.glob(f"{engine}-{n}.db*"):
        p.unlink()
    return data


def table(rows: list[tuple[int, str, dict]]) -> str:
    lines = ["| articles | engine | wall (s) | wall ms / article | CPU ms / article | CPU ms/article, first 10% |"
             " CPU ms/article, last 10% | CPU / reference: mean (first, last 10%) | peak RSS (MB) | stories |"
             " story B³ F1 (P / R) | near-dup pairs | db (MB) |",
             "|---:|---|---:|---:|---:|---:|---:|---|---:|---:|---|---:|---:|"]
    for n, engine, d in rows:
        per = max(d["added"], 1)
        u = d.get("units") or {}
        units = f"{u['mean']:.2f} ({u['tenths'][0]:.2f}, {u['tenths'][-1]:.2f})" if u else "—"
        lines.append(f"| {d.get('label') or format(n, ',')} | {engine} | {d['wall']:.1f} | "
                     f"{1000 * d['wall'] / per:.2f} | {1000 * d['cpu'] / per:.2f} | {d['cpu_slices'][0]:.2f} | "
                     f"{d['cpu_slices'][-1]:.2f} | {units} | "
                     f"{d['rss_mb']:.0f} | {d['stories']:,} | {_b3(d)} | {d['near_duplicates']:,} | {d['db_mb']:.0f} |")
    return "\n".join(lines)


def _b3(d: dict) -> str:
    return f"{d['b3_f1']:.3f} ({d['b3_p']:.3f} / {d['b3_r']:.3f})" if "b3_f1" in d else "—"


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "_worker":
        p = argparse.ArgumentParser()
        p.add_argument("_worker")
        p.add_argument("--db", required=True)
        p.add_argument("--src", required=True)
        p.add_argument("--engine", default="local")
        p.add_argument("--expect", type=int, default=0, help="articles in the corpus (calibrate at each tenth)")
        p.add_argument("--skip", type=int, default=0, help="start this many articles into the corpus")
        p.add_argument("--match", action="append", default=[], metavar="NAME=VALUE")
        worker(p.parse_args())
        return
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    p.add_argument("--engines", nargs="+", default=["local", "dask"], choices=["local", "dask"])
    p.add_argument("--dask-max", type=int, default=None, help="skip dask runs above this size")
    p.add_argument("--no-write", action="store_true", help="print the table, leave RESULTS.md alone")
    p.add_argument("--from-log", metavar="FILE", help="rebuild the section from the JSON lines of an earlier run")
    p.add_argument("--match", action="append", default=[], metavar="NAME=VALUE",
                   help="override a MatchConfig setting (e.g. per_key=50); implies --no-write")
    args = p.parse_args()
    if args.match:
        args.no_write = True
    if args.from_log:
        rows = [(d.pop("n"), d.pop("engine"), d) for d in (json.loads(line) for line in
                Path(args.from_log).read_text(encoding="utf-8").splitlines() if line.startswith("{"))]
        print(table(rows) + same_articles(rows))
        if not args.no_write:
            _write(rows)
        return
    if not SHARED.exists():
        raise SystemExit(f"{SHARED} not found: the benchmark reads ../shared/data")
    rows: list[tuple[int, str, dict]] = []
    with tempfile.TemporaryDirectory(prefix="corroborate-scale-") as tmp:
        work = Path(tmp)
        for n in args.sizes:
            src = work / f"corpus-{n}"
            src.mkdir()
            t = time.perf_counter()
            generate(n, src)
            print(f"generated {n} articles in {time.perf_counter() - t:.1f}s", flush=True)
            for engine in args.engines:
                if engine == "dask" and args.dask_max and n > args.dask_max:
                    continue
                # A short run is at the mercy of a noisy neighbour on a shared VM (1k: 3.9 to 4.6 ms per
                # article from one run to the next): small corpora are run three times, the median row kept.
                runs = 3 if n <= 10_000 else 1
                rows.append((n, engine, _median(runs, n, engine, src, work, args.match)))
                print(json.dumps({"n": n, "engine": engine, **rows[-1][2]}), flush=True)
                if not args.no_write:
                    _write(rows)
            if n == max(args.sizes) and n > TAIL and "local" in args.engines:
                # The same articles in a store of TAIL and of n: what the store's size costs, apart from what
                # the articles cost (a small corpus samples few source texts; the first 1k happen to be short).
                d = _median(3, TAIL, "local", src, work, args.match, skip=n - TAIL)
                d["label"] = f"{TAIL:,} (the {n:,} corpus's last)"
                rows.append((TAIL, "local", d))
                print(json.dumps({"n": TAIL, "engine": "local", **d}), flush=True)
                if not args.no_write:
                    _write(rows)
            for f in src.iterdir():
                f.unlink()
            src.rmdir()
    print(table(rows) + same_articles(rows))


def _median(runs: int, *args: Any, **kwargs: Any) -> dict:
    """The run with the median CPU time of ``runs`` calls of :func:`measure`."""
    done = sorted((measure(*args, **kwargs) for _ in range(runs)), key=lambda d: d["cpu"])
    d = done[len(done) // 2]
    d["runs"] = runs
    return d


def same_articles(rows: list[tuple[int, str, dict]]) -> str:
    """The store-size comparison on identical articles: the tail of the largest local run against the same
    articles added to a fresh store."""
    fresh = next((d for _, e, d in rows if e == "local" and d.get("label")), None)
    big = max(((n, d) for n, e, d in rows if e == "local" and not d.get("label")), default=None,
              key=lambda nd: nd[0])
    if not fresh or not big or "tail" not in (big[1].get("units") or {}) or not fresh.get("units"):
        return ""
    tail, alone = big[1]["units"]["tail"], fresh["units"]["mean"]
    return (f"\n\nSame articles, two store sizes: the {big[0]:,} corpus's last {TAIL:,} articles cost {alone:.2f} "
            f"(CPU / reference) added to a fresh store, and {tail:.2f} as the last adds of the {big[0]:,} run: "
            f"{100 * (tail / alone - 1):+.0f}%.")


def _write(rows: list[tuple[int, str, dict]]) -> None:
    sys.path.insert(0, str(REPO))
    from bench.results import write_section

    text = ("## Corpus scale: `corroborate add` (bench/scale.py)\n\n"
            "Generated corpus from ../shared/data news texts (copies, rewrites, follow-ups; "
            f"{ARTICLES_PER_DAY} articles/day), lexical path (`--semantic off`), fresh database per row. "
            "The machine is shared (2 cores, other jobs running), so CPU time of the `add` process (all its "
            "threads) is the steadier measure of cost; wall time is shown too. First/last 10% = marginal CPU "
            "ms per article in the first and last tenth of the run: flat means one add does not get dearer "
            "as the corpus grows. Peak RSS = the process's ru_maxrss. With 400 articles a day and a 7-day "
            "story window, a new article's candidates come from the ~3,000-6,000 articles around its day: "
            "a 1k corpus lies inside one window (fewer candidates, cheaper adds), so the steady state starts "
            "a few thousand articles in. Corpora up to 10k are run three times and the run with the median CPU "
            "time is shown; one-time costs (imports, MinHash permutations) are paid before the clock starts. "
            "CPU / reference = CPU per add over the CPU to featurise one of the corpus's first 100 articles, "
            f"timed in the same process at every tenth of the run, at the start of its last {TAIL:,} articles "
            f"and every {CALIBRATE_S:g} s of CPU (not counted in the other columns), and summed interval by "
            "interval: this VM's speed drifts (the reference took 0.99-1.83 ms within one 50 s run), and the "
            "ratio cancels the drift where it was measured, so it is the column to compare across sizes. The "
            f"last row adds the largest corpus's last {TAIL:,} articles to a fresh store (median of three runs): "
            "the same articles as the end of the big run, in a store of their own, so that the store's size and "
            "the articles' content can be told apart.\n\n"
            + table(rows) + same_articles(rows))
    write_section("scale", text)


if __name__ == "__main__":
    main()
