"""The same-fact reader (an experiment, not shipped): do two sentences state one fact alike, state it
differently, or say other things?

A cross-encoder on the all-MiniLM-L6-v2 weights corroborate already uses: the pair goes through the model as
one input (``[CLS] a [SEP] b [SEP]``), so every word of one side can look at the other, which sentence vectors
cannot (two sentences that differ in one figure have nearly the same vector). Its bottom layers are the
wheel's, unchanged; its top layers and a three-way head (entailment, neutral, contradiction) are fine-tuned on
CPU by ``train/nli.py`` on open data (SICK, part of MNLI, and MRPC news pairs with one shared value changed,
FactCC-style) into ``train/work/same_fact.safetensors`` (not committed: 14 MB).

Issue 20 asked for a learned same-fact judgement; this is the one focused attempt. On the conflict judge's
candidates it did not tell true disagreements from false ones, and as a ranker of value-difference pairs it
put no gold conflict in any kind's top 5 (bench/RESULTS.md, "Conflict judge"), so the package does not ship or
call it. ``bench/conflict_ceiling.py --scorer cross`` reruns the ranking. Determinism as the encoder's: the pair
is read both ways and averaged, inputs of equal length share an unpadded pass, probabilities are rounded to 1e-4.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from corroborate.ingest import encoder

MAX_SIDE = 60  # word pieces per side: a pair is at most 123 positions
WEIGHTS = Path(__file__).resolve().parent / "work" / "same_fact.safetensors"
LABELS = ("entailment", "neutral", "contradiction")
_lock = threading.Lock()
_state: dict[str, Any] = {}


def available() -> bool:
    """Whether ``train/nli.py`` has built the fine-tuned weights on this machine."""
    return WEIGHTS.is_file()


def pair_ids(pairs: Sequence[tuple[str, str]]) -> list[list[int]]:
    """``[CLS] a [SEP] b [SEP]`` word pieces of each pair, each side cut to :data:`MAX_SIDE` pieces."""
    tok = encoder.tokenizer()
    texts = [t for pair in pairs for t in pair]
    pieces = tok(texts, add_special_tokens=False)["input_ids"]
    cls, sep = tok.cls_token_id, tok.sep_token_id
    return [[cls, *a[:MAX_SIDE], sep, *b[:MAX_SIDE], sep] for a, b in zip(pieces[::2], pieces[1::2], strict=True)]


def pooled(last: Any) -> Any:
    """What the head reads from the last layer of one or more unpadded inputs: [CLS] and the mean state."""
    import torch

    return torch.cat([last[..., 0, :], last.mean(dim=-2)], dim=-1)


def load() -> tuple[Any, Any, dict[str, Any]]:
    """(model, head, metadata): the encoder's model with its top layers replaced by the shipped ones, sharing
    the unchanged tensors with the encoder, so it adds only what was fine-tuned."""
    with _lock:
        if "model" not in _state:
            from corroborate.errors import require

            torch, _tok, base = encoder.load_torch()
            st = require("safetensors", "semantic", purpose="the same-fact weights")
            with st.safe_open(str(WEIGHTS), framework="pt") as fh:
                meta = json.loads(fh.metadata()["corroborate"])
                tuned = {k: fh.get_tensor(k).float() for k in fh.keys()}  # noqa: SIM118 - safe_open has no iteration
            weights = {name: p.detach() for name, p in base.named_parameters()}
            weights.update({k: v for k, v in tuned.items() if not k.startswith("head.")})
            model = encoder.MiniLM.build(torch, meta["config"], weights).eval()
            head = torch.nn.Linear(1, 1)
            head.weight = torch.nn.Parameter(tuned["head.weight"], requires_grad=False)
            head.bias = torch.nn.Parameter(tuned["head.bias"], requires_grad=False)
            _state["model"] = (model, head, meta)
        return _state["model"]


def probabilities(pairs: Sequence[tuple[str, str]]) -> np.ndarray:
    """(entailment, neutral, contradiction) of each pair, read both ways and averaged, rounded to 1e-4."""
    if not pairs:
        return np.zeros((0, 3))
    import torch

    model, head, _meta = load()
    both = [p for a, b in pairs for p in ((a, b), (b, a))]
    states = encoder.forward(pair_ids(both), model=model)  # unpadded, grouped by length, as the encoder's
    with torch.inference_mode():
        out = torch.softmax(head(torch.stack([pooled(s[-1]) for s in states])), dim=-1).numpy()
    return np.round((out[0::2] + out[1::2]) / 2, 4)
