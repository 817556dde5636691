"""The pipeline's layers multiply in OpenBLAS only while BLAS is held to one thread, and parse the same."""

from __future__ import annotations

import numpy as np
import pytest

import corroborate.nlp as nlp_pkg
from corroborate.ingest.bert_numpy import blas_held, one_blas_thread
from corroborate.nlp.blas_ops import BlasOps
from corroborate.nlp.parses import ParseJob, parse_article

needs_model = pytest.mark.skipif(not nlp_pkg.available("cnn"), reason="NLP model not built: run `make model`")


def test_gemm_runs_in_openblas_only_while_blas_is_held(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = np.random.default_rng(0)
    x, y = rng.standard_normal((5, 7)).astype("f"), rng.standard_normal((3, 7)).astype("f")
    calls: list[int] = []
    real = np.matmul
    monkeypatch.setattr(np, "matmul", lambda *a, **k: calls.append(1) or real(*a, **k))
    ops = BlasOps()
    outside = ops.gemm(x, y, trans2=True)
    assert not calls and not blas_held()
    with one_blas_thread():
        assert blas_held()
        inside = ops.gemm(x, y, trans2=True)
        out = np.zeros((5, 3), dtype="f")
        assert ops.gemm(x, y, out=out, trans2=True) is out
    assert len(calls) == 2 and not blas_held()
    assert inside.dtype == outside.dtype == np.float32 and np.allclose(inside, outside, atol=1e-5)
    assert np.array_equal(out, inside)


@needs_model
def test_the_pipeline_is_made_with_these_ops_and_parses_the_same_held_or_not() -> None:
    nlp = nlp_pkg.load_pipeline("cnn")
    assert isinstance(nlp.get_pipe("tok2vec").model.ops, BlasOps)
    sentences = ("The ferry sank off the island on Friday.", "Rescuers said twelve people were saved by fishermen.")
    held = parse_article(ParseJob("cnn", " ".join(sentences), sentences))
    plain = [[(t.tag_, t.dep_, t.head.i) for t in doc] for doc in nlp.pipe(list(sentences))]
    from spacy.tokens import DocBin

    docs = list(DocBin().from_bytes(held.sentences).get_docs(nlp.vocab))
    assert [[(t.tag_, t.dep_, t.head.i) for t in doc] for doc in docs] == plain
