"""Parses made ahead of the cross-check: the per-article NLP work of `check`, mapped by the engine and cached.

The cross-check stages ask the pipeline for two things per article: ``nlp.pipe(sentences, batch_size=64)``
(claims) and the article's named entities (name mentions). :func:`parse_article` makes the one call for one
article, so any engine can run it (a pure, picklable function of a :class:`ParseJob`), and places each
sentence's entities at its offset in the article: each text is parsed once, where it used to be parsed again
as a whole article for the mentions. The parses travel as one spaCy DocBin per article. :class:`ParsedPipeline`
then answers the stages' calls from those parses, and runs the real pipeline only for a text it was not given;
over a :class:`LazyPipeline` (every parse came from the cache) that pipeline is loaded only then.

With the MiniLM pipeline the sentence pass also returns the sentences' MiniLM vectors
(:func:`corroborate.ingest.encoder.collecting`): the embedder does not encode those sentences again.
"""

from __future__ import annotations

import hashlib
import struct
import zlib
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from typing import Any

from corroborate.nlp.loader import MINILM_DIR, load_pipeline, load_vocab, model_dir, model_meta

SENTENCE_BATCH = 64  # what crosscheck/parsed.py passes to nlp.pipe: the same call gives the same parse
_SEP = "\x1f"  # between sentence texts in a cache key (a unit separator cannot occur in a passage)


@dataclass(slots=True, frozen=True)
class ParseJob:
    """One article's NLP work: its text and its sentences (passage texts), for pipeline ``variant``."""

    variant: str
    text: str
    sentences: tuple[str, ...]
    threads: int = 1
    # Where each sentence starts in ``text``: where its entities sit in the article. Empty: not known, and the
    # mention stage parses the article itself.
    starts: tuple[int, ...] = ()

    @property
    def key(self) -> str:
        """Content hash of the work: the cache key of its :class:`ParsedArticle`."""
        digest = hashlib.blake2b(digest_size=16)
        digest.update(self.text.encode("utf-8"))
        digest.update(_SEP.encode())
        digest.update(_SEP.join(self.sentences).encode("utf-8"))
        digest.update(_SEP.encode())
        digest.update(",".join(map(str, self.starts)).encode("ascii"))
        return digest.hexdigest()

    def placed(self) -> bool:
        """Whether every sentence is the article's text at its start, so its entities can be placed there."""
        return len(self.starts) == len(self.sentences) and all(
            self.text[s:s + len(t)] == t for s, t in zip(self.starts, self.sentences, strict=True))


@dataclass(slots=True)
class ParsedArticle:
    """The parses of one :class:`ParseJob` (its sentences' Docs as one DocBin), the article's entities placed
    from them, and the sentence vectors found on the way."""

    sentences: bytes
    entities: list[tuple[int, int, str]] | None  # (start, end, label) in the article; None: not placed
    vectors: dict[str, bytes] = field(default_factory=dict)  # text key -> float32 bytes

    def to_bytes(self) -> bytes:
        """Length-prefixed parts, compressed: plain bytes, nothing that runs code when read back."""
        ents = b"-" if self.entities is None else \
            "\n".join(f"{s} {e} {label}" for s, e, label in self.entities).encode("utf-8")
        parts = [self.sentences, ents]
        for key, vector in sorted(self.vectors.items()):
            parts += [key.encode("ascii"), vector]
        header = struct.pack("<II", len(self.vectors), len(parts))
        body = b"".join(struct.pack("<I", len(p)) + p for p in parts)
        return zlib.compress(header + body, 1)

    @classmethod
    def from_bytes(cls, data: bytes) -> ParsedArticle:
        raw = zlib.decompress(data)
        parts: list[bytes] = []
        try:
            n_vectors, n_parts = struct.unpack_from("<II", raw, 0)
            offset = 8
            for _ in range(n_parts):
                (size,) = struct.unpack_from("<I", raw, offset)
                parts.append(raw[offset + 4:offset + 4 + size])
                offset += 4 + size
        except struct.error as exc:
            raise ValueError(f"not a parsed article: its parts do not add up ({exc})") from exc
        if n_parts != 2 + 2 * n_vectors or offset != len(raw):
            raise ValueError("not a parsed article: its parts do not add up")
        entities = None if parts[1] == b"-" else [_entity(line) for line in parts[1].decode("utf-8").splitlines()]
        rest = parts[2:]
        vectors = {rest[i].decode("ascii"): rest[i + 1] for i in range(0, len(rest), 2)}
        return cls(parts[0], entities, vectors)


def _entity(line: str) -> tuple[int, int, str]:
    start, end, label = line.split(" ", 2)
    return int(start), int(end), label


def _pack(docs: list[Any]) -> bytes:
    """The Docs as one spaCy DocBin: one msgpack message per article, not one per sentence (the per-message
    setup cost more than the sentences' own serialisation). It keeps the annotations the stages read (words,
    spaces, tags, POS, morphology, lemmas, the parse, entities, sentence starts), not the tensor (tok2vec
    output), which only the pipeline's own components read."""
    from spacy.tokens import DocBin

    return bytes(DocBin(docs=docs).to_bytes())


def _placed_entities(job: ParseJob, docs: list[Any]) -> list[tuple[int, int, str]] | None:
    """The sentences' entities at their offsets in the article; None when the sentences cannot be placed."""
    if not job.placed():
        return None
    return [(start + e.start_char, start + e.end_char, e.label_)
            for start, doc in zip(job.starts, docs, strict=True) for e in doc.ents]


def parse_article(job: ParseJob) -> ParsedArticle:
    """Parse one article's sentences (module level, so it pickles to remote workers)."""
    nlp = load_pipeline(job.variant)
    vectors: dict[str, bytes] = {}
    with _one_blas_thread():  # the layers' products then run in OpenBLAS (nlp/blas_ops.py), same floats anywhere
        if model_dir(job.variant) == MINILM_DIR:
            from corroborate.ingest import encoder

            encoder.load(job.threads)
            with encoder.collecting() as found:
                sentences = list(nlp.pipe(list(job.sentences), batch_size=SENTENCE_BATCH))
            vectors = {key: vector.astype("<f4").tobytes() for key, vector in sorted(found.items())}
        else:
            sentences = list(nlp.pipe(list(job.sentences), batch_size=SENTENCE_BATCH))
    return ParsedArticle(_pack(sentences), _placed_entities(job, sentences), vectors)


def _one_blas_thread() -> AbstractContextManager[None]:
    """BLAS held to one thread, where ``threadpoolctl`` can hold it; else nothing (the products stay in blis)."""
    import importlib.util

    if importlib.util.find_spec("threadpoolctl") is None:
        return nullcontext()
    from corroborate.ingest.bert_numpy import one_blas_thread

    return one_blas_thread()


class LazyPipeline:
    """The shipped pipeline, loaded on first use. Until then its parses read back with :func:`load_vocab` (the
    same Docs, tested: tags, morphology, lemmas, the parse, entities and lexical attributes) and its name
    from meta.json: a re-run whose parses are all cached does not load the trained components (0.1-0.2 s,
    more on a cold disk). Only for a variant that :func:`~corroborate.nlp.loader.available` said can load."""

    def __init__(self, variant: str) -> None:
        self.variant = variant
        self._nlp: Any = None

    @property
    def loaded(self) -> Any:
        if self._nlp is None:
            self._nlp = load_pipeline(self.variant)
        return self._nlp

    @property
    def meta(self) -> dict[str, Any]:
        return self._nlp.meta if self._nlp is not None else model_meta(self.variant)

    @property
    def vocab(self) -> Any:
        return self._nlp.vocab if self._nlp is not None else load_vocab(self.variant)

    def __call__(self, text: str) -> Any:
        return self.loaded(text)

    def pipe(self, texts: Iterable[str], **kwargs: Any) -> Iterator[Any]:
        return iter(self.loaded.pipe(texts, **kwargs))

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):  # not the pipeline's: e.g. copy and pickle probing a half-made instance
            raise AttributeError(name)
        return getattr(self.loaded, name)


class ParsedPipeline:
    """A loaded pipeline seen through parses already made; anything else is the pipeline's own."""

    def __init__(self, nlp: Any, parsed: Iterable[tuple[ParseJob, ParsedArticle]]) -> None:
        self._nlp = nlp
        self._entities: dict[str, list[tuple[int, int, str]]] = {}
        self._sentences: dict[str, tuple[int, bytes]] = {}
        for job, result in parsed:
            if result.entities is not None:
                self._entities[_text_key(job.text)] = result.entities
            self._sentences[_text_key(_SEP.join(job.sentences))] = (len(job.sentences), result.sentences)

    def __call__(self, text: str) -> Any:
        return self._nlp(text)  # no whole article is parsed ahead: the mentions ask for article_entities

    def article_entities(self, text: str) -> list[tuple[int, int, str]] | None:
        """The named entities of an article given, as (start, end, label) in its text, from its sentences'
        parses; None for any other text (the caller parses it)."""
        found = self._entities.get(_text_key(text))
        return None if found is None else list(found)

    def pipe(self, texts: Iterable[str], batch_size: int | None = None, **kwargs: Any) -> Iterator[Any]:
        texts = list(texts)
        stored = self._sentences.get(_text_key(_SEP.join(texts)))
        if stored is None or stored[0] != len(texts) or batch_size not in (None, SENTENCE_BATCH) or kwargs:
            return iter(self._nlp.pipe(texts, batch_size=batch_size, **kwargs))
        vocab = self._nlp.vocab  # first: over a LazyPipeline this imports spaCy (without torch) for the DocBin
        from spacy.tokens import DocBin

        return iter(DocBin().from_bytes(stored[1]).get_docs(vocab))

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
    for package in ("spacy", "thinc", "torch", "tokenizers", "safetensors"):
        try:
            digest.update(f"{package}={importlib.metadata.version(package)}".encode())
        except importlib.metadata.PackageNotFoundError:
            continue
    return digest.hexdigest()
