"""all-MiniLM-L6-v2's forward pass in NumPy: transformers' BertModel (eval mode, no attention mask) over the
wheel's model.safetensors, with no torch.

Why NumPy: importing torch costs 1.2-1.5 s of every cold default `check` (more than the forward passes of the
seed articles), and a 6-layer BERT of 22M parameters is a dozen matrix products per layer, which NumPy's BLAS
runs about as fast as torch's on one thread. The floats are not torch's (another BLAS, another erf): hidden
states agree with :class:`~corroborate.ingest.bert_torch.MiniLM` to about 1e-5, sentence vectors to about 3e-7
(tests/ingest/test_bert_numpy.py).

**Determinism.** OpenBLAS rounds a row of a product differently depending on where the row falls in its
kernel's tiles and on how many threads share the call (measured: 2 threads and 1 differ, and a row of a
17-row product differs from the same row in a 24-row one). So every product here is one sequence's (a 3-D
``matmul`` is one sgemm per leading index), never rows of several sequences stacked, and
:func:`one_blas_thread` keeps BLAS to one thread for the pass: a sequence gets the same bytes alone, in any
batch and on any core count. Everything else is row-wise.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np

F = np.float32
# ATen's vectorised float erf (Abramowitz & Stegun 7.1.26, |error| < 1.5e-7), the one torch's exact GELU runs.
_P, _A1, _A2, _A3, _A4, _A5 = (F(v) for v in (0.3275911, 0.254829592, -0.284496736, 1.421413741, -1.453152027,
                                               1.061405429))


def load_weights(path: Path) -> dict[str, np.ndarray]:
    """The float32 tensors of a BertModel safetensors file, keyed without the ``bert.`` prefix."""
    from corroborate.errors import require

    safetensors = require("safetensors.numpy", "semantic", purpose="the all-MiniLM-L6-v2 weights")
    return {k.removeprefix("bert."): np.asarray(v, dtype=F) for k, v in safetensors.load_file(str(path)).items()}


@contextmanager
def one_blas_thread() -> Iterator[None]:
    """BLAS on one thread inside the block (its thread count changes the floats, see the module docstring).

    The setting is the process's, so passes on several threads at once (a threaded engine) share one limit,
    lifted when the last of them ends: none runs a product on two threads while another is still inside."""
    with _blas_lock:
        if not _blas["users"]:
            if "controller" not in _blas:
                from corroborate.errors import require

                threadpoolctl = require("threadpoolctl", "semantic", purpose="one BLAS thread in the MiniLM pass")
                _blas["controller"] = threadpoolctl.ThreadpoolController().select(user_api="blas")
            _blas["limiter"] = _blas["controller"].limit(limits=1)
        _blas["users"] += 1
    try:
        yield
    finally:
        with _blas_lock:
            _blas["users"] -= 1
            if not _blas["users"]:
                _blas.pop("limiter").restore_original_limits()


_blas_lock = threading.Lock()
_blas: dict[str, Any] = {"users": 0}


def blas_held() -> bool:
    """Whether BLAS runs on one thread now (inside :func:`one_blas_thread`, on any thread of the process)."""
    return _blas["users"] > 0


def gelu_(h: np.ndarray) -> np.ndarray:
    """GELU(h) = h * (1 + erf(h / sqrt 2)) / 2, in place, with ATen's erf: torch's exact GELU, within an ulp."""
    z = h * F(0.7071067811865476)
    t = np.abs(z)
    t *= _P
    t += F(1)
    np.divide(F(1), t, out=t)
    r = t * _A5
    for a in (_A4, _A3, _A2, _A1):
        r += a
        r *= t
    np.multiply(z, z, out=t)
    np.negative(t, out=t)
    np.exp(t, out=t)
    r *= t
    np.subtract(F(1), r, out=r)
    np.copysign(r, z, out=r)
    r += F(1)
    h *= F(0.5)
    h *= r
    return h


def layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray, eps: float) -> np.ndarray:
    """LayerNorm over the last axis; the moments in float64 (torch's float accumulation is within an ulp)."""
    mean = x.mean(axis=-1, keepdims=True, dtype=np.float64)
    centred = x - mean.astype(F)
    var = np.square(centred, dtype=np.float64).mean(axis=-1, keepdims=True)
    centred *= (1.0 / np.sqrt(var + eps)).astype(F)
    centred *= weight
    centred += bias
    return centred


class Bert:
    """BertModel's encoder in NumPy. ``model(input_ids=ids)`` (ids: an int array of shape (batch, length), no
    padding) gives the hidden states of every layer, the embeddings' first, each (batch, length, hidden)."""

    def __init__(self, config: dict, weights: dict[str, np.ndarray]) -> None:
        self.heads = config["num_attention_heads"]
        self.eps = config["layer_norm_eps"]
        self.word = weights["embeddings.word_embeddings.weight"]
        self.position = weights["embeddings.position_embeddings.weight"]
        self.token_type = weights["embeddings.token_type_embeddings.weight"][0]  # every token is segment 0
        self.norm = (weights["embeddings.LayerNorm.weight"], weights["embeddings.LayerNorm.bias"])
        self.layers = []
        for i in range(config["num_hidden_layers"]):
            def w(name: str, at: str = f"encoder.layer.{i}.") -> np.ndarray:
                return weights[at + name]

            # q, k and v in one product: the columns of each are the same dot products as alone.
            qkv = np.concatenate([w(f"attention.self.{m}.weight") for m in ("query", "key", "value")])
            qkv_bias = np.concatenate([w(f"attention.self.{m}.bias") for m in ("query", "key", "value")])
            self.layers.append((
                qkv.T, qkv_bias, w("attention.output.dense.weight").T, w("attention.output.dense.bias"),
                (w("attention.output.LayerNorm.weight"), w("attention.output.LayerNorm.bias")),
                w("intermediate.dense.weight").T, w("intermediate.dense.bias"),
                w("output.dense.weight").T, w("output.dense.bias"),
                (w("output.LayerNorm.weight"), w("output.LayerNorm.bias"))))

    def __call__(self, input_ids: Any) -> tuple[np.ndarray, ...]:
        ids = np.asarray(input_ids, dtype=np.int64)
        batch, length = ids.shape
        x = self.word[ids] + self.token_type
        x += self.position[:length]
        x = layer_norm(x, *self.norm, self.eps)
        states = [x]
        heads = self.heads
        size = x.shape[-1] // heads
        scale = F(size ** -0.5)
        with one_blas_thread():
            for qkv_w, qkv_b, out_w, out_b, norm1, mid_w, mid_b, down_w, down_b, norm2 in self.layers:
                qkv = x @ qkv_w
                qkv += qkv_b
                q, k, v = qkv.reshape(batch, length, 3, heads, size).transpose(2, 0, 3, 1, 4)
                scores = q @ k.transpose(0, 1, 3, 2)
                scores *= scale
                scores -= scores.max(axis=-1, keepdims=True)
                np.exp(scores, out=scores)
                scores /= scores.sum(axis=-1, keepdims=True)
                context = (scores @ v).transpose(0, 2, 1, 3).reshape(batch, length, heads * size)
                a = context @ out_w
                a += out_b
                a += x
                a = layer_norm(a, *norm1, self.eps)
                h = a @ mid_w
                h += mid_b
                out = gelu_(h) @ down_w
                out += down_b
                out += a
                x = layer_norm(out, *norm2, self.eps)
                states.append(x)
        return tuple(states)
