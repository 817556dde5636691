"""The NumPy forward pass of all-MiniLM-L6-v2: torch's floats within float precision, and a sequence's bytes
independent of its batch and of BLAS's thread count."""

from __future__ import annotations

import math

import numpy as np
import pytest

from corroborate.ingest import bert_numpy
from corroborate.ingest.embed import semantic_available
from tests.ingest.test_encoder import SENTENCES as ENCODER_SENTENCES

needs_semantic = pytest.mark.skipif(not semantic_available(), reason="MiniLM (corroborate[semantic]) not installed")

SENTENCES = [*ENCODER_SENTENCES, " ".join(["word"] * 300)]  # the last one truncated at MAX_SEQ


def test_gelu_is_the_exact_gelu_within_float_precision() -> None:
    x = np.linspace(-8, 8, 200_001, dtype=np.float32)
    exact = np.array([0.5 * v * (1 + math.erf(v / math.sqrt(2))) for v in x.astype(np.float64)])
    got = bert_numpy.gelu_(x.copy())
    assert got.dtype == np.float32
    assert np.max(np.abs(got.astype(np.float64) - exact)) < 1e-6  # erf within 1.5e-7, as ATen's vectorised erf


def test_layer_norm_normalises_each_row_alone() -> None:
    rows = np.random.default_rng(0).standard_normal((5, 384)).astype(np.float32) * 3 + 1
    out = bert_numpy.layer_norm(rows, np.ones(384, np.float32), np.zeros(384, np.float32), 1e-12)
    assert np.allclose(out.mean(axis=1), 0, atol=1e-6) and np.allclose(out.std(axis=1), 1, atol=1e-5)
    assert out[2].tobytes() == bert_numpy.layer_norm(rows[2:3], np.ones(384, np.float32),
                                                     np.zeros(384, np.float32), 1e-12)[0].tobytes()


@needs_semantic
def test_the_numpy_pass_agrees_with_torch() -> None:
    pytest.importorskip("torch")
    from corroborate.ingest import encoder

    _torch, _tok, torch_model = encoder.load_torch(1)
    ids = encoder.sentence_ids(SENTENCES)
    ours, theirs = encoder.forward(ids), encoder.forward(ids, model=torch_model)
    for mine, reference in zip(ours, theirs, strict=True):
        assert len(mine) == len(reference) == 7 and all(m.dtype == np.float32 for m in mine)
        for a, b in zip(mine, reference, strict=True):
            assert np.max(np.abs(a - b.numpy())) < 1e-4  # states of size 1-10: float32 noise, not a change
    vectors = encoder.sentence_vectors(SENTENCES)
    expected = encoder.sentence_vectors(SENTENCES, model=torch_model)
    assert np.max(np.abs(vectors - expected)) < 1e-6
    cosines = (vectors @ expected.T).diagonal()
    assert np.min(cosines) > 1 - 1e-6


@needs_semantic
def test_a_sequence_gets_its_bytes_alone_in_any_batch_and_thread_count() -> None:
    # OpenBLAS rounds a row by its place in the kernel's tiles and by the thread count: every product is one
    # sequence's and BLAS runs one thread inside the pass, whatever it is set to outside.
    threadpoolctl = pytest.importorskip("threadpoolctl")
    from corroborate.ingest import encoder

    rng = np.random.default_rng(7)
    length = 23
    batch = [[101, *rng.integers(1000, 29000, length - 2).tolist(), 102] for _ in range(17)]
    together = encoder.forward(batch)
    alone = [encoder.forward([seq])[0] for seq in batch[:5]]
    with threadpoolctl.threadpool_limits(2):
        two_threads = encoder.forward(batch[::-1])[::-1]
    for i, states in enumerate(alone):
        assert all(a.tobytes() == b.tobytes() for a, b in zip(states, together[i], strict=True))
    for mine, other in zip(together, two_threads, strict=True):
        assert all(a.tobytes() == b.tobytes() for a, b in zip(mine, other, strict=True))
