"""The MiniLM feature layer: windows that never split a word, per-word features, a trainable embed layer."""

from __future__ import annotations

import itertools
import subprocess
import sys

import numpy as np
import pytest

from corroborate.ingest.embed import semantic_available
from corroborate.nlp import minilm

needs_semantic = pytest.mark.skipif(not semantic_available(), reason="MiniLM (corroborate[semantic]) not installed")


def test_import_loads_no_transformer() -> None:
    # (thinc itself imports torch when it is installed; the MiniLM model loads on the first forward pass.)
    code = ("import sys, corroborate.nlp.minilm, corroborate.ingest.encoder as e; "
            "print('transformers' in sys.modules, not e.loaded())")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "True"]


def test_windows_cover_all_pieces_without_splitting_words(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(minilm, "MAX_PIECES", 10)
    word_ids = [w for w in range(12) for _ in range(1 + w % 3)]  # words of 1, 2 or 3 pieces
    windows = minilm._windows(word_ids)
    assert windows[0][0] == 0 and windows[-1][1] == len(word_ids)
    for (_, end), (start, _) in itertools.pairwise(windows):
        assert end == start
        assert word_ids[start] != word_ids[start - 1]  # a cut falls between two words
    assert all(0 < end - start <= 10 for start, end in windows)


def test_a_word_longer_than_a_window_is_cut_not_lost(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(minilm, "MAX_PIECES", 4)
    windows = minilm._windows([0] * 9 + [1])
    assert windows[0] == (0, 4) and windows[-1][1] == 10


@needs_semantic
def test_featurize_long_documents_and_whitespace() -> None:
    words = [*("The minister said the talks in Calais would resume on Monday . " * 60).split(), "\n\n", "End"]
    short = ["The", "minister", "said"]
    long_feats, short_feats = minilm.featurize([words, short], (2, 6))
    assert long_feats.shape == (len(words), 2 * minilm.HIDDEN) and long_feats.dtype == np.float32
    assert not np.any(long_feats[-2])  # a whitespace token has no word pieces: zeros
    assert np.all(np.abs(long_feats[:-2]).sum(axis=1) > 0)  # every other word got features (all windows ran)
    again = minilm.featurize([short], (2, 6))[0]
    assert np.array_equal(again, short_feats)  # deterministic: the same input, the same JSON downstream


@needs_semantic
def test_embed_layer_gives_width_per_token() -> None:
    import spacy

    nlp = spacy.blank("en")
    docs = [nlp("Priti Patel met Gerald Darmanin."), nlp("Talks resumed.")]
    model = minilm.MiniLMHashEmbed(width=32, layers=[6], attrs=["NORM", "SHAPE"], rows=[500, 50])
    model.initialize(X=docs)
    out, backprop = model.begin_update(docs)
    assert [o.shape for o in out] == [(len(d), 32) for d in docs]
    assert backprop([np.ones_like(o) for o in out]) == []  # no gradient reaches the Docs or MiniLM
