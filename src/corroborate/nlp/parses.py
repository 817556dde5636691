"""Parses made ahead of the cross-check: the per-article NLP work of `check`, mapped by the engine and cached.

The cross-check stages ask the pipeline for two things per article: ``nlp.pipe(sentences, batch_size=64)``
(claims) and ``nlp(article.text)`` (name mentions). :func:`parse_article` makes exactly those two calls for one
article, so any engine can run it (a pure, picklable function of a :class:`ParseJob`), and the results travel
as spaCy's own Doc bytes. :class:`ParsedPipeline` then answers the stages' calls from those parses, and runs
the real pipeline only for a text it was not given, so the report is byte for byte what the stages' own calls
would give.

With the MiniLM pipeline the sentence pass also returns the sentences' MiniLM vectors
(:func:`corroborate.ingest.encoder.collecting`): the embedder does not encode those sentences again.
"""

from __future__ import annotations

import hashlib
import struct
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from corroborate.nlp.loader import MINILM_DIR, load_pipeline, model_dir

SENTENCE_BATCH = 64  # what crosscheck/parsed.py passes to nlp.pipe: the same call gives the same parse
_SEP = "\x1f"  # between sentence texts in a cache key (a unit separator cannot occur in a passage)


@dataclass(slots=True, frozen=True)
class ParseJob:
    """One article's NLP work: its text and its sentences (passage texts), for pipeline ``variant``."""

    variant: str
    text: str
    sentences: tuple[str, ...]
    threads: int = 1

    @property
    def key(self) -> str:
        """Content hash of the work: the cache key of its :class:`ParsedArticle`."""
        digest = hashlib.blake2b(digest_size=16)
        digest.update(self.text.encode("utf-8"))
        digest.update(_SEP.encode())
        digest.update(_SEP.join(self.sentences).encode("utf-8"))
        return digest.hexdigest()


@dataclass(slots=True)
class ParsedArticle:
    """The parses of one :class:`ParseJob`, as compressed Doc bytes, plus the sentence vectors found on the way."""

    whole: bytes
    sentences: list[bytes]
    vectors: dict[str, bytes] = field(default_factory=dict)  # text key -> float32 bytes

    def to_bytes(self) -> bytes:
        """Length-prefixed parts, compressed: plain bytes, nothing that runs code when read back."""
        parts = [self.whole, *self.sentences]
        for key, vector in sorted(self.vectors.items()):
            parts += [key.encode("ascii"), vector]
        header = struct.pack("<III", len(self.sentences), len(self.vectors), len(parts))
        body = b"".join(struct.pack("<I", len(p)) + p for p in parts)
        return zlib.compress(header + body, 1)

    @classmethod
    def from_bytes(cls, data: bytes) -> ParsedArticle:
        raw = zlib.decompress(data)
        parts: list[bytes] = []
        try:
            n_sentences, n_vectors, n_parts = struct.unpack_from("<III", raw, 0)
            offset = 12
            for _ in range(n_parts):
                (size,) = struct.unpack_from("<I", raw, offset)
                parts.append(raw[offset + 4:offset + 4 + size])
                offset += 4 + size
        except struct.error as exc:
            raise ValueError(f"not a parsed article: its parts do not add up ({exc})") from exc
        if n_parts != 1 + n_sentences + 2 * n_vectors or offset != len(raw):
            raise ValueError("not a parsed article: its parts do not add up")
        rest = parts[1 + n_sentences:]
        vectors = {rest[i].decode("ascii"): rest[i + 1] for i in range(0, len(rest), 2)}
        return cls(parts[0], parts[1:1 + n_sentences], vectors)


def _pack(doc: Any) -> bytes:
    # The tensor (tok2vec output) is what the pipeline's own components read; the stages read annotations only.
    return bytes(doc.to_bytes(exclude=["tensor"]))


def parse_article(job: ParseJob) -> ParsedArticle:
    """Run the pipeline's two calls for one article (module level, so it pickles to remote workers)."""
    nlp = load_pipeline(job.variant)
    vectors: dict[str, bytes] = {}
    if model_dir(job.variant) == MINILM_DIR:
        from corroborate.ingest import encoder

        encoder.load(job.threads)
        with encoder.collecting() as found:
            sentences = list(nlp.pipe(list(job.sentences), batch_size=SENTENCE_BATCH))
        vectors = {key: vector.astype("<f4").tobytes() for key, vector in sorted(found.items())}
    else:
        sentences = list(nlp.pipe(list(job.sentences), batch_size=SENTENCE_BATCH))
    whole = nlp(job.text)
    return ParsedArticle(_pack(whole), [_pack(d) for d in sentences], vectors)


class ParsedPipeline:
    """A loaded pipeline seen through parses already made; anything else is the pipeline's own."""

    def __init__(self, nlp: Any, parsed: Iterable[tuple[ParseJob, ParsedArticle]]) -> None:
        self._nlp = nlp
        self._whole: dict[str, bytes] = {}
        self._sentences: dict[str, list[bytes]] = {}
        for job, result in parsed:
            self._whole[_text_key(job.text)] = result.whole
            self._sentences[_text_key(_SEP.join(job.sentences))] = result.sentences

    def _unpack(self, data: bytes) -> Any:
        from spacy.tokens import Doc

        return Doc(self._nlp.vocab).from_bytes(data)

    def __call__(self, text: str) -> Any:
        data = self._whole.get(_text_key(text))
        return self._nlp(text) if data is None else self._unpack(data)

    def pipe(self, texts: Iterable[str], batch_size: int | None = None, **kwargs: Any) -> Iterator[Any]:
        texts = list(texts)
        stored = self._sentences.get(_text_key(_SEP.join(texts)))
        if stored is None or len(stored) != len(texts) or batch_size not in (None, SENTENCE_BATCH) or kwargs:
            return iter(self._nlp.pipe(texts, batch_size=batch_size, **kwargs))
        return (self._unpack(data) for data in stored)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._nlp, name)  # meta, vocab, pipe_names...: the loaded pipeline's own


def _text_key(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


def model_digest(variant: str) -> str:
    """What a cached parse depends on: the model's files, spaCy's version and the code of the layers that
    run in the pipeline (the MiniLM features, the entity rules, the encoder). Part of the cache namespace."""
    import importlib.metadata
    from pathlib import Path

    import corroborate.ingest.encoder as encoder_module

    digest = hashlib.blake2b(digest_size=12)
    root = model_dir(variant)
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    here = Path(__file__).resolve().parent
    for source in (here / "components.py", here / "minilm.py", Path(encoder_module.__file__)):
        digest.update(source.read_bytes())
    for package in ("spacy", "thinc", "torch", "transformers"):
        try:
            digest.update(f"{package}={importlib.metadata.version(package)}".encode())
        except importlib.metadata.PackageNotFoundError:
            continue
    return digest.hexdigest()
