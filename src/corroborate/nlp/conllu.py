"""Readers for CoNLL-U (UD English EWT) and IOB2 (UNER English EWT), joined on ``sent_id``.

Pure Python, no spaCy: the evaluator (corroborate.nlp.evaluate) and the training converter (train/convert.py)
both use it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from corroborate.errors import InputFormatError

# The released UNER English EWT dev/test files (and the release statistics) carry only these three labels;
# the preliminary train file also has OTH and stray B-O tags, which we read as O so that train and
# test follow the same convention (see train/README.md).
NER_LABELS: tuple[str, ...] = ("LOC", "ORG", "PER")


class FormatError(InputFormatError, ValueError):
    """A line that does not follow the expected format; the message names the file and line."""


@dataclass(slots=True)
class Sentence:
    """One UD sentence over its syntactic words (multiword-token ranges and empty nodes are dropped)."""

    sent_id: str
    doc_id: str
    words: list[str] = field(default_factory=list)
    spaces: list[bool] = field(default_factory=list)
    lemmas: list[str] = field(default_factory=list)
    upos: list[str] = field(default_factory=list)
    xpos: list[str] = field(default_factory=list)
    feats: list[str] = field(default_factory=list)
    heads: list[int] = field(default_factory=list)  # 0-based index into words; the root points at itself
    deprels: list[str] = field(default_factory=list)
    ner: list[str] | None = None  # BIO tags, one per word, once joined


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    """Numbered lines without their newline; undecodable bytes become a FormatError naming the file."""
    try:
        with path.open(encoding="utf-8") as handle:
            for lineno, raw in enumerate(handle, 1):
                yield lineno, raw.rstrip("\n")
    except UnicodeDecodeError as exc:
        raise FormatError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from exc


def _space_after(misc: str) -> bool:
    return "SpaceAfter=No" not in misc.split("|")


def read_conllu(path: Path) -> Iterator[Sentence]:
    """Yield the sentences of a CoNLL-U file, with spaces from ``SpaceAfter=No`` (also on multiword tokens)."""
    doc_id = ""
    sent: Sentence | None = None
    # A multiword token (e.g. "don't" = "do" + "n't") carries SpaceAfter for its last word; its inner words
    # have no space between them.
    mwt_end = -1
    mwt_space = True
    for lineno, line in _lines(path):
        if line.startswith("#"):
            if line.startswith("# newdoc id ="):
                doc_id = line.split("=", 1)[1].strip()
            elif line.startswith("# sent_id ="):
                sent = Sentence(sent_id=line.split("=", 1)[1].strip(), doc_id=doc_id)
            continue
        if not line.strip():
            if sent is not None and sent.words:
                yield _finish(sent, path, lineno)
            sent, mwt_end = None, -1
            continue
        cols = line.split("\t")
        if len(cols) != 10:
            raise FormatError(f"{path}:{lineno}: expected 10 tab-separated CoNLL-U columns, got {len(cols)}")
        if sent is None:
            sent = Sentence(sent_id=f"{path.stem}-{lineno}", doc_id=doc_id)
        tid = cols[0]
        if "." in tid:
            continue  # empty node of the enhanced graph: not a surface word
        try:
            if "-" in tid:
                mwt_end = int(tid.split("-")[1])
                mwt_space = _space_after(cols[9])
                continue
            index = int(tid)
            head = int(cols[6])
        except ValueError as exc:
            raise FormatError(f"{path}:{lineno}: bad token id or head ({tid!r}, {cols[6]!r})") from exc
        if index < mwt_end:
            space = False
        elif index == mwt_end:
            space = mwt_space
        else:
            space = _space_after(cols[9])
        sent.words.append(cols[1])
        sent.spaces.append(space)
        sent.lemmas.append(cols[2])
        sent.upos.append(cols[3])
        sent.xpos.append(cols[4])
        sent.feats.append("" if cols[5] == "_" else cols[5])
        sent.heads.append(head - 1 if head else index - 1)
        sent.deprels.append(cols[7])
    if sent is not None and sent.words:
        yield _finish(sent, path, -1)


def _finish(sent: Sentence, path: Path, lineno: int) -> Sentence:
    if sent.spaces:
        sent.spaces[-1] = True  # sentences are joined by a space when grouped into documents
    n = len(sent.words)
    if any(not 0 <= h < n for h in sent.heads):
        raise FormatError(f"{path}:{lineno}: sentence {sent.sent_id} has a head outside the sentence")
    return sent


def read_iob2(path: Path) -> dict[str, tuple[list[str], list[str]]]:
    """Map sent_id -> (tokens, BIO tags), tags restricted to LOC/ORG/PER (anything else becomes O)."""
    out: dict[str, tuple[list[str], list[str]]] = {}
    sent_id: str | None = None
    tokens: list[str] = []
    tags: list[str] = []
    for lineno, line in _lines(path):
        if line.startswith("#"):
            if line.startswith("# sent_id ="):
                sent_id = line.split("=", 1)[1].strip()
            continue
        if not line.strip():
            if sent_id is not None and tags:
                out[sent_id] = (tokens, tags)
            sent_id, tokens, tags = None, [], []
            continue
        cols = line.split("\t")
        if len(cols) < 3 or sent_id is None:
            raise FormatError(f"{path}:{lineno}: expected 'index<TAB>token<TAB>tag' inside a sentence")
        tokens.append(cols[1])
        tags.append(_normalise_tag(cols[2]))
    if sent_id is not None and tags:
        out[sent_id] = (tokens, tags)
    return out


def align_tags(words: list[str], tokens: list[str], tags: list[str]) -> list[str] | None:
    """Project BIO tags from the IOB2 tokens onto the treebank words by character offsets.

    The preliminary UNER train file was tokenised from an older treebank release (e.g. "Inter-" vs
    "Inter" "-"), so the two token lists can differ while the text (without spaces) is the same. Returns
    None when the texts differ, so the caller can leave that sentence's entities unannotated.
    """
    if words == tokens:
        return list(tags)
    if "".join(words) != "".join(tokens):
        return None
    char_label: list[tuple[int, str]] = []  # per character: (entity number, label), -1 for none
    ent = -1
    for token, tag in zip(tokens, tags, strict=True):
        prefix, _, label = tag.partition("-")
        if prefix == "B" or (prefix == "I" and (not char_label or char_label[-1][1] != label)):
            ent += 1
        char_label.extend([(ent if prefix != "O" else -1, label if prefix != "O" else "")] * len(token))
    out: list[str] = []
    pos = 0
    prev = -1
    for word in words:
        number, label = char_label[pos]
        pos += len(word)
        if number < 0:
            out.append("O")
            prev = -1
            continue
        out.append(("I-" if number == prev else "B-") + label)
        prev = number
    return out


def _normalise_tag(tag: str) -> str:
    if tag == "O" or "-" not in tag:
        return "O"
    prefix, label = tag.split("-", 1)
    if prefix not in {"B", "I"} or label not in NER_LABELS:
        return "O"
    return tag


def bio_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, label) word spans from BIO tags; an I- without a matching open span starts one."""
    spans: list[tuple[int, int, str]] = []
    start, label = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, lab = tag.partition("-")
        if start >= 0 and (prefix != "I" or lab != label):
            spans.append((start, i, label))
            start, label = -1, ""
        if prefix == "B" or (prefix == "I" and start < 0):
            start, label = i, lab
    return spans


def read_joined(conllu: Path, iob2: Path | None, *, strict: bool = True) -> list[Sentence]:
    """Treebank sentences with NER tags joined on sent_id; a sentence missing from the IOB2 file gets None.

    With ``strict=False`` a sentence whose IOB2 text differs from the treebank's also gets None (three
    sentences of the preliminary train file were split differently) instead of raising.
    """
    sentences = list(read_conllu(conllu))
    if iob2 is None:
        return sentences
    tags = read_iob2(iob2)
    for sent in sentences:
        found = tags.get(sent.sent_id)
        if found is None:
            continue
        sent.ner = align_tags(sent.words, *found)
        if sent.ner is None and strict:
            raise FormatError(f"{iob2}: sentence {sent.sent_id} does not match the treebank's words")
    return sentences
