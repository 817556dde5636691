"""``corroborate nlp-eval``: score the shipped pipeline on a CoNLL-U treebank and its UNER IOB2 file.

Definitions follow the CoNLL 2018 shared task on gold tokenisation: UPOS and lemma are per-word exact
matches; UAS counts words with the right head; LAS also needs the right relation, compared on its universal
part (``nmod:poss`` counts as ``nmod``). NER is exact-span micro P/R/F1 over LOC, ORG and PER. Each gold
sentence is parsed as one document, so the scores do not depend on sentence splitting.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from pathlib import Path
from typing import Any

from corroborate.errors import InputFormatError
from corroborate.nlp.conllu import Sentence, bio_spans, read_joined


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(100 * p, 2), "recall": round(100 * r, 2), "f1": round(100 * f, 2)}


def _read(conllu: Path, iob2: Path) -> list[Sentence]:
    for path in (conllu, iob2):
        if not path.is_file():
            raise InputFormatError(f"{path}: no such file")
    sentences = read_joined(conllu, iob2, strict=True)
    if not sentences:
        raise InputFormatError(f"{conllu}: no CoNLL-U sentences found")
    if all(s.ner is None for s in sentences):
        raise InputFormatError(f"{iob2}: none of the sent_ids of {conllu} appear in it")
    return sentences


def score(sentences: list[Sentence], docs: list[Any]) -> dict[str, Any]:
    """Scores for predicted ``docs`` (spaCy Docs over the gold words) against the gold ``sentences``."""
    counts: Counter[str] = Counter()
    ner_tp: Counter[str] = Counter()
    ner_pred: Counter[str] = Counter()
    ner_gold: Counter[str] = Counter()
    for sent, doc in zip(sentences, docs, strict=True):
        for i, token in enumerate(doc):
            counts["words"] += 1
            counts["upos"] += token.pos_ == sent.upos[i]
            counts["xpos"] += token.tag_ == sent.xpos[i]
            counts["feats"] += str(token.morph) == sent.feats[i]
            counts["lemma"] += token.lemma_ == sent.lemmas[i]
            if token.head.i == sent.heads[i]:
                counts["uas"] += 1
                pred_rel = token.dep_.lower().split(":")[0]
                counts["las"] += pred_rel == sent.deprels[i].split(":")[0]
        if sent.ner is None:
            continue
        gold = set(bio_spans(sent.ner))
        pred = {(e.start, e.end, e.label_) for e in doc.ents}
        for _s, _e, label in gold:
            ner_gold[label] += 1
        for span in pred:
            ner_pred[span[2]] += 1
            ner_tp[span[2]] += span in gold
    words = counts["words"] or 1
    labels = sorted(set(ner_gold) | set(ner_pred))
    return {
        **{key: round(100 * counts[key] / words, 2) for key in ("upos", "uas", "las", "lemma", "xpos", "feats")},
        "ner_f1": _prf(sum(ner_tp.values()), sum(ner_pred.values()), sum(ner_gold.values()))["f1"],
        "ner_per_label": {lab: _prf(ner_tp[lab], ner_pred[lab], ner_gold[lab]) for lab in labels},
        "words": counts["words"],
    }


def evaluate(conllu: Path, iob2: Path, *, variant: str = "auto") -> dict[str, Any]:
    """Run the shipped pipeline on the gold words of ``conllu`` and score it (see the module docstring).

    Keys: upos, uas, las, lemma, ner_f1, ner_per_label {label: {precision, recall, f1}}, sentences,
    seconds (wall time of the pipeline alone), plus xpos, feats, words and model.
    """
    from corroborate.nlp.loader import describe_loaded, load_pipeline

    sentences = _read(Path(conllu), Path(iob2))
    nlp = load_pipeline(variant)
    from spacy.tokens import Doc

    inputs = [Doc(nlp.vocab, words=s.words, spaces=s.spaces) for s in sentences]
    start = time.perf_counter()
    docs = list(nlp.pipe(inputs, batch_size=256))
    seconds = time.perf_counter() - start
    result = score(sentences, docs)
    result.update({"sentences": len(sentences), "seconds": round(seconds, 2), "model": describe_loaded(nlp)})
    return result


def format_table(result: dict[str, Any]) -> str:
    lines = [
        f"model: {result.get('model', '?')}  sentences: {result['sentences']}  words: {result['words']}  "
        f"time: {result['seconds']:.1f}s",
        "",
        "metric   score",
    ]
    lines += [f"{key:<8} {result[key]:6.2f}" for key in ("upos", "xpos", "feats", "lemma", "uas", "las", "ner_f1")]
    lines += ["", "label    precision  recall     f1"]
    for label, prf in result["ner_per_label"].items():
        lines.append(f"{label:<8} {prf['precision']:9.2f} {prf['recall']:7.2f} {prf['f1']:6.2f}")
    return "\n".join(lines)


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "nlp-eval",
        help="score the bundled NLP model on a CoNLL-U + IOB2 pair (UPOS, UAS, LAS, lemma, NER F1)",
        description="Score the bundled NLP model on gold tokens of a CoNLL-U treebank and its UNER IOB2 file.",
    )
    parser.add_argument("--conllu", type=Path, required=True, metavar="FILE", help="UD treebank (CoNLL-U)")
    parser.add_argument("--iob2", type=Path, required=True, metavar="FILE", help="UNER entities (IOB2)")
    parser.add_argument("--model", choices=["auto", "cnn", "minilm"], default="auto",
                        help="which shipped pipeline (auto: MiniLM when corroborate[semantic] is installed)")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")


def run(args: argparse.Namespace) -> int:
    result = evaluate(args.conllu, args.iob2, variant=args.model)
    print(json.dumps(result, indent=2, sort_keys=True) if args.json else format_table(result))
    return 0
