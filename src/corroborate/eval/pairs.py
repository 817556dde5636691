"""Sentence-pair judge: similarity, paraphrase, contradiction and consistency scores.

Used by cross-checking (conflicts between sources) and by ``corroborate eval``. Two methods, and the
judge always says which one ran (:attr:`PairJudge.method`):

* ``semantic``: all-MiniLM-L6-v2 sentence vectors (cosine, ``|u-v|``, ``u*v``) plus the lexical features;
* ``lexical``: the interpretable features alone (word and n-gram overlap, negation / number / antonym /
  name mismatches, word-order swaps), for installs without torch.

Each head is a small logistic regression whose coefficients ship in ``data/pairs_model.json`` (plain
numbers, no pickles). ``train/pairs.py`` rebuilds the file reproducibly from the training splits only
(SICK ``SemEval_set == TRAIN``, a seeded 80 % of MRPC train, SummEdits ``split == evaluation``).
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from corroborate.errors import MissingDependency
from corroborate.text.pair_words import ANTONYMS, NEGATIONS, NUMBER_WORDS

if TYPE_CHECKING:
    from corroborate.ingest.embed import Embedder

SEMANTIC_METHOD = "semantic: all-MiniLM-L6-v2 + features"
LEXICAL_METHOD = "lexical"

_STOPWORD_TEXT = """a an the of to in on at by for with from and or but as is are was were be been being
is it its this that these those there here he she they we you i his her their our your him them us me my
has have had do does did will would shall should can could may might must so than then also into onto over
under about after before while who whom whose which what when where why how said says say"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())

_WORD = re.compile(r"[A-Za-z0-9]+(?:[.,][0-9]+)*(?:'[a-z]+)?|n't")
_NAME = re.compile(r"\b[A-Z][a-zA-Z]+(?:[ -][A-Z][a-zA-Z]+)*")
_SENT = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])|\n+")

LEXICAL_FEATURES = (
    "jaccard", "cover_a", "cover_b", "content_jaccard", "content_cover_a", "content_cover_b",
    "bigram_a", "bigram_b", "trigram_a", "trigram_b", "char_cosine", "word_cosine",
    "len_ratio", "log_len_a", "log_len_b", "only_a", "only_b",
    "neg_a", "neg_b", "neg_mismatch", "neg_only_one",
    "num_both", "num_mismatch", "num_only_one", "antonym", "same_bag_diff_order",
    "name_only_a", "name_only_b", "name_mismatch",
)


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens; ``don't`` gives ``do`` + ``n't`` so negation is a token of its own."""
    out: list[str] = []
    for m in _WORD.finditer(text.replace("’", "'")):
        w = m.group(0).lower()
        if w.endswith("n't") and w != "n't":
            out.extend((w[:-3] or "n't", "n't"))
        elif w == "cannot":
            out.extend(("can", "not"))
        else:
            out.append(w)
    return out


def split_sentences(text: str) -> list[str]:
    """A cheap sentence splitter for long sources (consistency): enough to find the supporting sentence."""
    parts = [p.strip() for p in _SENT.split(text)]
    return [p for p in parts if len(p) > 1] or [text.strip() or text]


def _ngrams(seq: list[str], n: int) -> Counter[tuple[str, ...]]:
    return Counter(tuple(seq[i:i + n]) for i in range(len(seq) - n + 1))


def _precision(a: Counter[Any], b: Counter[Any]) -> float:
    total = sum(a.values())
    return sum((a & b).values()) / total if total else 0.0


def _cosine(a: Counter[Any], b: Counter[Any]) -> float:
    dot = sum(v * b[k] for k, v in a.items() if k in b)
    na = math.sqrt(sum(v * v for v in a.values()))
    nb = math.sqrt(sum(v * v for v in b.values()))
    return dot / (na * nb) if na and nb else 0.0


def _numbers(toks: list[str]) -> set[str]:
    out = set()
    for t in toks:
        if t[0].isdigit():
            out.add(t.replace(",", ""))
        elif t in NUMBER_WORDS:
            out.add(NUMBER_WORDS[t])
    return out


def _names(text: str) -> set[str]:
    """Capitalised words not at the start of the sentence: a cheap stand-in for named entities."""
    names = set()
    for m in _NAME.finditer(text):
        if m.start() == 0 or text[:m.start()].rstrip().endswith((".", "!", "?", "\"", "“")):
            continue
        names.update(w.lower() for w in re.split(r"[ -]", m.group(0)))
    return names


def lexical_features(a: str, b: str) -> list[float]:
    """The interpretable features of a pair, in the order of :data:`LEXICAL_FEATURES`."""
    ta, tb = tokens(a), tokens(b)
    sa, sb = set(ta), set(tb)
    ca, cb = sa - STOPWORDS - NEGATIONS, sb - STOPWORDS - NEGATIONS
    union = sa | sb
    cunion = ca | cb
    neg_a = sum(t in NEGATIONS for t in ta)
    neg_b = sum(t in NEGATIONS for t in tb)
    na, nb = _numbers(ta), _numbers(tb)
    only_a, only_b = sa - sb, sb - sa
    antonym = any((x, y) in ANTONYMS for x in only_a for y in only_b)
    names_a, names_b = _names(a), _names(b)
    char_a = Counter(a.lower()[i:i + 3] for i in range(max(len(a) - 2, 0)))
    char_b = Counter(b.lower()[i:i + 3] for i in range(max(len(b) - 2, 0)))
    return [
        len(sa & sb) / len(union) if union else 1.0,
        len(sa & sb) / len(sa) if sa else 0.0,
        len(sa & sb) / len(sb) if sb else 0.0,
        len(ca & cb) / len(cunion) if cunion else 1.0,
        len(ca & cb) / len(ca) if ca else 0.0,
        len(ca & cb) / len(cb) if cb else 0.0,
        _precision(_ngrams(ta, 2), _ngrams(tb, 2)),
        _precision(_ngrams(tb, 2), _ngrams(ta, 2)),
        _precision(_ngrams(ta, 3), _ngrams(tb, 3)),
        _precision(_ngrams(tb, 3), _ngrams(ta, 3)),
        _cosine(char_a, char_b),
        _cosine(Counter(ta), Counter(tb)),
        min(len(ta), len(tb)) / max(len(ta), len(tb), 1),
        math.log1p(len(ta)),
        math.log1p(len(tb)),
        math.log1p(len(ca - cb)),
        math.log1p(len(cb - ca)),
        float(min(neg_a, 3)),
        float(min(neg_b, 3)),
        float(neg_a % 2 != neg_b % 2),
        float((neg_a == 0) != (neg_b == 0)),
        float(bool(na and nb)),
        float(bool(na and nb and na != nb)),
        float(bool(na) != bool(nb)),
        float(antonym),
        float(sorted(ta) == sorted(tb) and ta != tb),
        math.log1p(len(names_a - names_b)),
        math.log1p(len(names_b - names_a)),
        float(bool(names_a - names_b) and bool(names_b - names_a)),
    ]


def semantic_features(u: np.ndarray, v: np.ndarray) -> np.ndarray:
    """Per-pair vector features from L2-normalised embeddings: cosine, ``|u-v|`` and ``u*v``."""
    cos = np.sum(u * v, axis=1, keepdims=True)
    return np.hstack([cos, np.abs(u - v), u * v]).astype(np.float32)


@dataclass(slots=True, frozen=True)
class Head:
    """One logistic-regression head: standardise, then softmax (or sigmoid) over ``classes``."""

    name: str
    features: str  # "semantic" (embedding + lexical features) or "lexical"
    classes: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray  # (n_classes or 1, n_features)
    intercept: np.ndarray

    @classmethod
    def from_json(cls, name: str, data: dict[str, Any]) -> Head:
        return cls(name, data["features"], tuple(data["classes"]), np.asarray(data["mean"], np.float64),
                   np.asarray(data["scale"], np.float64), np.asarray(data["coef"], np.float64),
                   np.asarray(data["intercept"], np.float64))

    def proba(self, x: np.ndarray) -> np.ndarray:
        """Class probabilities, one column per entry of ``classes``."""
        # A head reads the leading columns it was fitted on: lexical (29), + cosine (30), + |u-v|, u*v (798).
        if x.shape[1] < self.mean.shape[0]:
            raise ValueError(f"head {self.name} expects {self.mean.shape[0]} features, got {x.shape[1]}")
        x = x[:, : self.mean.shape[0]]
        z = (x - self.mean) / self.scale @ self.coef.T + self.intercept
        if z.shape[1] == 1:  # binary: sklearn stores one row for the second class
            p = 1.0 / (1.0 + np.exp(-z[:, 0]))
            return np.stack([1.0 - p, p], axis=1)
        z = z - z.max(axis=1, keepdims=True)
        e = np.exp(z)
        return e / e.sum(axis=1, keepdims=True)

    def positive(self, x: np.ndarray, label: str) -> np.ndarray:
        return self.proba(x)[:, self.classes.index(label)]


def load_model(path: str | Path | None = None) -> dict[str, Head]:
    """Read the shipped heads (or a file written by ``train/pairs.py``)."""
    if path is None:
        text = resources.files("corroborate").joinpath("data/pairs_model.json").read_text(encoding="utf-8")
    else:
        text = Path(path).read_text(encoding="utf-8")
    data = json.loads(text)
    return {name: Head.from_json(name, head) for name, head in data["heads"].items()}


class PairJudge:
    """Scores sentence pairs. No work in the constructor: the model file and MiniLM load on first use.

    ``semantic``: "auto" uses MiniLM when installed, "on" requires it, "off" stays lexical.
    """

    def __init__(self, *, semantic: str = "auto", embedder: Embedder | None = None,
                 model_path: str | Path | None = None, batch_size: int = 64) -> None:
        if semantic not in {"auto", "on", "off"}:
            raise ValueError(f"semantic must be auto, on or off, got {semantic!r}")
        self.semantic = semantic
        self.model_path = model_path
        self.batch_size = batch_size
        self._embedder = embedder

    @cached_property
    def _use_semantic(self) -> bool:
        if self.semantic == "off":
            return False
        if self._embedder is not None:
            return True
        from corroborate.ingest.embed import make_embedder

        self._embedder = make_embedder(self.semantic)
        if self._embedder is None and self.semantic == "on":  # pragma: no cover - make_embedder raises
            raise MissingDependency("semantic pair judging needs: pip install 'corroborate[semantic]'")
        return self._embedder is not None

    @property
    def method(self) -> str:
        return SEMANTIC_METHOD if self._use_semantic else LEXICAL_METHOD

    @cached_property
    def heads(self) -> dict[str, Head]:
        return load_model(self.model_path)

    def _head(self, task: str) -> Head:
        suffix = "semantic" if self._use_semantic else "lexical"
        return self.heads[f"{task}_{suffix}"]

    def embed(self, texts: list[str]) -> np.ndarray:
        if not self._use_semantic or self._embedder is None:
            raise MissingDependency("embeddings need: pip install 'corroborate[semantic]'")
        return self._embedder.encode(list(texts))

    def features(self, a: list[str], b: list[str]) -> np.ndarray:
        """The feature matrix the heads read: lexical features, plus embedding features when semantic."""
        if len(a) != len(b):
            raise ValueError(f"a and b must have the same length, got {len(a)} and {len(b)}")
        lex = np.asarray([lexical_features(x, y) for x, y in zip(a, b, strict=True)], dtype=np.float64)
        lex = lex.reshape(len(a), len(LEXICAL_FEATURES))
        if not self._use_semantic:
            return lex
        sem = semantic_features(self.embed(a), self.embed(b)) if a else np.zeros((0, 769), np.float32)
        return np.hstack([lex, sem.astype(np.float64)])

    def similarity(self, a: list[str], b: list[str]) -> np.ndarray:
        """Cosine of MiniLM vectors (semantic) or of word counts (lexical), in [-1, 1]."""
        if len(a) != len(b):
            raise ValueError(f"a and b must have the same length, got {len(a)} and {len(b)}")
        if self._use_semantic:
            return np.sum(self.embed(a) * self.embed(b), axis=1).astype(np.float64)
        return np.asarray([_cosine(Counter(tokens(x)), Counter(tokens(y))) for x, y in zip(a, b, strict=True)])

    def paraphrase(self, a: list[str], b: list[str]) -> np.ndarray:
        """Probability that each pair says the same thing (trained on MRPC train)."""
        return self._head("paraphrase").positive(self.features(a, b), "1") if a else np.zeros(0)

    def contradiction(self, a: list[str], b: list[str]) -> np.ndarray:
        """Probability that the two sentences cannot both be true (trained on SICK TRAIN)."""
        return self._head("contradiction").positive(self.features(a, b), "CONTRADICTION") if a else np.zeros(0)

    def nli(self, a: list[str], b: list[str]) -> np.ndarray:
        """Columns ENTAILMENT, NEUTRAL, CONTRADICTION (in :meth:`nli_classes` order)."""
        return self._head("contradiction").proba(self.features(a, b)) if a else np.zeros((0, 3))

    def nli_classes(self) -> tuple[str, ...]:
        return self._head("contradiction").classes

    def consistency_features(self, source: list[str], claim: list[str]) -> np.ndarray:
        """Per (source document, claim): how well the best-matching source sentences support the claim."""
        if len(source) != len(claim):
            raise ValueError(f"source and claim must have the same length, got {len(source)} and {len(claim)}")
        rows = []
        for src, cl in zip(source, claim, strict=True):
            sents = split_sentences(src)[:MAX_SOURCE_SENTENCES]
            sims = self.similarity(sents, [cl] * len(sents))
            order = np.argsort(-sims, kind="stable")
            best = sents[int(order[0])]
            top2 = " ".join(sents[int(i)] for i in sorted(order[:2]))
            nli = self.nli([best, top2], [cl, cl])
            rows.append(_consistency_row(src, cl, best, sims[order], nli, self.nli_classes()))
        return np.asarray(rows, dtype=np.float64)

    def consistency(self, source: list[str], claim: list[str]) -> np.ndarray:
        """Probability that each claim is supported by (consistent with) its source text."""
        if len(source) != len(claim):
            raise ValueError(f"source and claim must have the same length, got {len(source)} and {len(claim)}")
        if not claim:
            return np.zeros(0)
        return self._head("consistency").positive(self.consistency_features(source, claim), "1")


MAX_SOURCE_SENTENCES = 300  # longer sources are cut: the claim's support is almost always near the top
# Most telling first: a head may read only the leading columns (its width is chosen by CV in train/pairs.py).
CONSISTENCY_FEATURES = (
    "entail_best", "entail_top2", "contra_best", "bigram_cover",
    "best_sim", "second_sim", "contra_top2", "content_cover", "new_numbers", "new_names",
    "neg_mismatch_best", "antonym_best",
)


def _consistency_row(source: str, claim: str, best: str, sims: np.ndarray, nli: np.ndarray,
                     classes: tuple[str, ...]) -> list[float]:
    e, c = classes.index("ENTAILMENT"), classes.index("CONTRADICTION")
    ts, tc = tokens(source), tokens(claim)
    content = [t for t in tc if t not in STOPWORDS and t not in NEGATIONS]
    source_set = set(ts)
    new_numbers = _numbers(tc) - _numbers(ts)
    new_names = _names(claim) - {t for t in ts}
    lex = lexical_features(best, claim)
    return [
        float(nli[0, e]), float(nli[1, e]), float(nli[0, c]),
        _precision(_ngrams(tc, 2), _ngrams(ts, 2)),
        float(sims[0]),
        float(sims[1]) if len(sims) > 1 else float(sims[0]),
        float(nli[1, c]),
        sum(t in source_set for t in content) / len(content) if content else 1.0,
        math.log1p(len(new_numbers)),
        math.log1p(len(new_names)),
        lex[LEXICAL_FEATURES.index("neg_mismatch")],
        lex[LEXICAL_FEATURES.index("antonym")],
    ]
