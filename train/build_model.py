"""Train corroborate's English pipeline from scratch and install it into the package (``make model``).

Steps: convert UD/UNER English EWT to DocBin (train/convert.py), ``spacy train`` with train/config.cfg
(fixed seed, fixed step budget: about an hour on 2 CPU cores), copy the dev-best model into
src/corroborate/nlp/model with its licence and metadata, and score it on the test split.

Usage: python -m train.build_model [--no-train] [--workdir DIR]
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

from train.convert import REPO, SPLITS, convert

HERE = Path(__file__).resolve().parent
CONFIG = HERE / "config.cfg"
MODEL_DIR = REPO / "src" / "corroborate" / "nlp" / "model"
NAME = "corroborate_en"
VERSION = "0.1.0"
LICENSE = "CC BY-SA 4.0"
SOURCES = [
    {
        "name": "UD English EWT",
        "url": "https://github.com/UniversalDependencies/UD_English-EWT",
        "commit": "15d613d8447b3478787d4c278730a1e48a945efb",
        "license": LICENSE,
        "author": "Universal Dependencies contributors; Silveira et al. 2014; Bies et al. 2012 (LDC2012T13)",
    },
    {
        "name": "UNER English EWT",
        "url": "https://github.com/UniversalNER/UNER_English-EWT",
        "commit": "8ed072de2fd24022cc62458997fe96a8fe191ea4",
        "license": LICENSE,
        "author": "Mayhew et al., Universal NER, NAACL 2024",
    },
]


def train(workdir: Path) -> Path:
    """Run ``spacy train``; returns the dev-best model directory."""
    corpus = workdir / "corpus"
    output = workdir / "model"
    if output.exists():
        shutil.rmtree(output)
    cmd = [
        sys.executable, "-m", "spacy", "train", str(CONFIG), "--output", str(output),
        "--paths.train", str(corpus / "train.spacy"), "--paths.dev", str(corpus / "dev.spacy"),
    ]  # fmt: skip
    print("$", " ".join(cmd), flush=True)
    subprocess.run(cmd, check=True, cwd=REPO)
    return output / "model-best"


def install(best: Path, *, dest: Path = MODEL_DIR) -> Path:
    """Copy the trained model into the package with its name, version, licence and attribution."""
    if not (best / "meta.json").is_file():
        raise SystemExit(f"{best} has no meta.json: training did not finish")
    import spacy

    from corroborate.nlp.components import FACTORY

    if dest.exists():
        shutil.rmtree(dest)
    nlp = spacy.load(best)
    # Rules for news prose (honorific + name, one label per name per document): see nlp/components.py.
    nlp.add_pipe(FACTORY, after="ner")
    nlp.to_disk(dest)
    meta_path = dest / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta.update(
        {
            "name": NAME,
            "version": VERSION,
            "description": "corroborate's English pipeline: tagger, morphologizer, parser, edit-tree "
            "lemmatizer and PER/ORG/LOC NER, trained from scratch on UD English EWT and UNER English EWT.",
            "license": LICENSE,
            "author": "corroborate developers",
            "url": "",
            "email": "",
            "sources": SOURCES,
        }
    )
    meta_path.write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    shutil.copy(HERE / "LICENSE-MODEL.md", dest / "LICENSE-MODEL.md")
    return dest


def size_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m train.build_model", description=__doc__.splitlines()[0])
    parser.add_argument("--workdir", type=Path, default=HERE / "work", help="scratch space (gitignored)")
    parser.add_argument("--no-train", action="store_true", help="install and score an already trained model")
    args = parser.parse_args(argv)
    start = time.monotonic()
    counts = convert(args.workdir / "corpus")
    print("converted:", ", ".join(f"{k} {v} docs" for k, v in counts.items()), flush=True)
    best = args.workdir / "model" / "model-best" if args.no_train else train(args.workdir)
    dest = install(best)
    print(f"installed {dest} ({size_mb(dest):.1f} MB) after {(time.monotonic() - start) / 60:.1f} min", flush=True)
    from corroborate.nlp.evaluate import evaluate, format_table
    from corroborate.nlp.pipeline import _load

    _load.cache_clear()  # a model loaded before this run would be stale
    conllu, iob2 = SPLITS["test"]
    print(format_table(evaluate(conllu, iob2)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
