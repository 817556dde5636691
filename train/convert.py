"""Convert UD English EWT + UNER English EWT into spaCy DocBin files for training.

Usage: python -m train.convert OUTDIR   (writes train.spacy, dev.spacy and test.spacy)
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from corroborate.nlp.conllu import Sentence, bio_spans, read_joined

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "data"
UD = SHARED / "ud_english_ewt"
UNER = SHARED / "uner_english_ewt"
SPLITS: dict[str, tuple[Path, Path]] = {
    "train": (UD / "en_ewt-ud-train.conllu", UNER / "en_ewt-ud-train.prelim.iob2"),
    "dev": (UD / "en_ewt-ud-dev.conllu", UNER / "en_ewt-ud-dev.iob2"),
    "test": (UD / "en_ewt-ud-test.conllu", UNER / "en_ewt-ud-test.iob2"),
}
# Several sentences per training document, as spaCy's own CoNLL-U converter does: the parser then also
# learns where sentences end, which corroborate needs on running news text.
SENTS_PER_DOC = 10


def group(sentences: Iterable[Sentence], *, size: int) -> Iterator[list[Sentence]]:
    """Consecutive sentences of the same source document, at most ``size`` at a time."""
    batch: list[Sentence] = []
    for sent in sentences:
        if batch and (len(batch) >= size or sent.doc_id != batch[-1].doc_id):
            yield batch
            batch = []
        batch.append(sent)
    if batch:
        yield batch


def to_doc(vocab, sentences: list[Sentence]):  # type: ignore[no-untyped-def]
    """One spaCy Doc with gold tags, morphology, lemmas, parse and entities for ``sentences``."""
    from spacy.tokens import Doc, Span

    words: list[str] = []
    spaces: list[bool] = []
    heads: list[int] = []
    fields: dict[str, list[str]] = {"tags": [], "pos": [], "morphs": [], "lemmas": [], "deps": []}
    sent_starts: list[bool] = []
    for sent in sentences:
        offset = len(words)
        words.extend(sent.words)
        spaces.extend(sent.spaces)
        heads.extend(h + offset for h in sent.heads)
        fields["tags"].extend(sent.xpos)
        fields["pos"].extend(sent.upos)
        fields["morphs"].extend(sent.feats)
        fields["lemmas"].extend(sent.lemmas)
        fields["deps"].extend("ROOT" if d == "root" else d for d in sent.deprels)
        sent_starts.extend([True] + [False] * (len(sent.words) - 1))
    doc = Doc(vocab, words=words, spaces=spaces, heads=heads, **fields)
    ents: list[Span] = []
    missing: list[Span] = []
    offset = 0
    for sent in sentences:
        if sent.ner is None:
            # No NER annotation for this sentence: mark it missing rather than "no entities".
            missing.append(Span(doc, offset, offset + len(sent.words)))
        else:
            ents.extend(Span(doc, offset + s, offset + e, label=lab) for s, e, lab in bio_spans(sent.ner))
        offset += len(sent.words)
    doc.set_ents(ents, missing=missing, default="outside")
    return doc


def convert(outdir: Path) -> dict[str, int]:
    """Write ``<split>.spacy`` for every split; returns the number of documents per split."""
    import spacy
    from spacy.tokens import DocBin

    outdir.mkdir(parents=True, exist_ok=True)
    nlp = spacy.blank("en")
    counts: dict[str, int] = {}
    for split, (conllu, iob2) in SPLITS.items():
        for path in (conllu, iob2):
            if not path.exists():
                raise SystemExit(f"{path} not found: training needs ../shared/data beside the repository")
        sentences = read_joined(conllu, iob2, strict=split != "train")
        docbin = DocBin(store_user_data=False)
        for batch in group(sentences, size=SENTS_PER_DOC):
            docbin.add(to_doc(nlp.vocab, batch))
        docbin.to_disk(outdir / f"{split}.spacy")
        counts[split] = len(docbin)
    return counts


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    outdir = Path(args[0]) if args else REPO / "train" / "work" / "corpus"
    for split, n in convert(outdir).items():
        print(f"{split}: {n} documents -> {outdir / (split + '.spacy')}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
