"""Finding and loading the shipped spaCy model (src/corroborate/nlp/model), lazily and once per process."""

from __future__ import annotations

import functools
import importlib.util
import json
from pathlib import Path
from typing import TYPE_CHECKING

from corroborate.errors import CorroborateError

if TYPE_CHECKING:  # spaCy is imported only when the model is loaded
    import spacy

MODEL_DIR = Path(__file__).resolve().parent / "model"
FALLBACK = "rules (no NLP model: run `make model`)"


class ModelUnavailable(CorroborateError):
    """The shipped NLP model (or spaCy) is missing; the message says how to build or install it."""


def _model_present(model_dir: Path) -> bool:
    # config.cfg and meta.json are what spacy.load needs first; a half-written directory has neither.
    return (model_dir / "config.cfg").is_file() and (model_dir / "meta.json").is_file()


def available() -> bool:
    """True when the model directory exists and spaCy is importable (checked without importing it)."""
    return _model_present(MODEL_DIR) and importlib.util.find_spec("spacy") is not None


def describe() -> str:
    """What does the NLP work: ``"corroborate-en 0.1.0"`` with the model, else the rule-based fallback."""
    if not available():
        return FALLBACK
    try:
        meta = json.loads((MODEL_DIR / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return FALLBACK
    name = str(meta.get("name", "corroborate_en")).replace("_", "-")
    return f"{name} {meta.get('version', '?')}"


def load_pipeline() -> spacy.Language:
    """The shipped pipeline, loaded on first call and shared afterwards (it is read-only in use)."""
    return _load(str(MODEL_DIR))


@functools.lru_cache(maxsize=2)
def _load(model_dir: str) -> spacy.Language:
    path = Path(model_dir)
    if not _model_present(path):
        raise ModelUnavailable(
            f"the NLP model is not built ({path} is missing): run `make model` "
            "(trains it from ../shared/data in about an hour on 2 cores)"
        )
    if importlib.util.find_spec("spacy") is None:
        raise ModelUnavailable("spaCy is not installed, so the NLP model cannot load: pip install 'spacy>=3.7,<4'")
    import spacy

    import corroborate.nlp.components  # noqa: F401  registers the rule components the model config names

    try:
        return spacy.load(path)
    except (OSError, ValueError) as exc:  # a model from an incompatible spaCy, or a damaged directory
        raise ModelUnavailable(f"cannot load the NLP model at {path}: {exc}; rebuild it with `make model`") from exc
