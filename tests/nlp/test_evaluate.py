"""`corroborate nlp-eval`: the scoring definitions, the command line, and a quality floor on real data."""

from __future__ import annotations

import json
import re
from itertools import islice
from pathlib import Path

import pytest

import corroborate.nlp as nlp_pkg
from corroborate.cli import main as cli_main
from corroborate.nlp.conllu import Sentence
from corroborate.nlp.evaluate import evaluate, score
from tests.conftest import shared_path

needs_model = pytest.mark.skipif(not nlp_pkg.available(), reason="NLP model not built: run `make model`")
# Per variant: floors a few points under its scores on the full test split (bench/RESULTS.md), for a
# 300-sentence sample (sample) and for the whole split (full, about one point under).
FLOORS = {
    "cnn": {"sample": {"upos": 90, "uas": 80, "las": 75, "lemma": 93, "ner_f1": 60},
            "full": {"upos": 93.5, "uas": 84.5, "las": 81.5, "ner_f1": 60}},
    "minilm": {"sample": {"upos": 93, "uas": 84, "las": 80, "lemma": 94, "ner_f1": 65},
               "full": {"upos": 95.5, "uas": 88.5, "las": 86.1, "ner_f1": 72.5}},
}
VARIANTS = [pytest.param(v, marks=pytest.mark.skipif(not nlp_pkg.available(v), reason=f"{v} NLP model not usable here"))
            for v in FLOORS]


def _gold() -> Sentence:
    return Sentence(
        sent_id="s1",
        doc_id="d",
        words=["Ann", "visited", "Paris", "."],
        spaces=[True, True, False, True],
        lemmas=["Ann", "visit", "Paris", "."],
        upos=["PROPN", "VERB", "PROPN", "PUNCT"],
        xpos=["NNP", "VBD", "NNP", "."],
        feats=["Number=Sing", "Mood=Ind|Tense=Past|VerbForm=Fin", "Number=Sing", ""],
        heads=[1, 1, 1, 1],
        deprels=["nsubj", "root", "obj", "punct"],
        ner=["B-PER", "O", "B-LOC", "O"],
    )


def _doc(sent: Sentence, **changes: list) -> object:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    fields = {
        "heads": sent.heads,
        "deps": ["ROOT" if d == "root" else d for d in sent.deprels],
        "pos": sent.upos,
        "tags": sent.xpos,
        "morphs": sent.feats,
        "lemmas": sent.lemmas,
        "ents": sent.ner,
    }
    fields.update(changes)
    return Doc(Vocab(), words=sent.words, spaces=sent.spaces, **fields)


def test_gold_scores_100_and_each_error_counts() -> None:
    pytest.importorskip("spacy")
    gold = _gold()
    perfect = score([gold], [_doc(gold)])
    assert {k: perfect[k] for k in ("upos", "uas", "las", "lemma", "ner_f1")} == dict.fromkeys(
        ("upos", "uas", "las", "lemma", "ner_f1"), 100.0
    )
    # wrong head for "Paris": UAS and LAS drop; a subtype-only label difference does not count against LAS
    worse = score([gold], [_doc(gold, heads=[1, 1, 0, 1], deps=["nsubj:pass", "ROOT", "obj", "punct"])])
    assert (worse["uas"], worse["las"]) == (75.0, 75.0)
    # Paris tagged ORG: LOC recall and ORG precision both 0, micro F1 50
    ner = score([gold], [_doc(gold, ents=["B-PER", "O", "B-ORG", "O"])])
    assert ner["ner_f1"] == 50.0
    assert ner["ner_per_label"]["LOC"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    assert ner["ner_per_label"]["PER"]["f1"] == 100.0


def test_missing_file_is_one_line_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nope.conllu"
    iob2 = tmp_path / "x.iob2"
    iob2.write_text("", encoding="utf-8")
    assert cli_main(["nlp-eval", "--conllu", str(missing), "--iob2", str(iob2)]) == 1
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and "nope.conllu" in err


def test_malformed_file_is_one_line_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    conllu = tmp_path / "bad.conllu"
    conllu.write_text("# sent_id = a\n1\tword\n\n", encoding="utf-8")
    iob2 = tmp_path / "x.iob2"
    iob2.write_text("# sent_id = a\n1\tword\tO\t-\t-\n\n", encoding="utf-8")
    assert cli_main(["nlp-eval", "--conllu", str(conllu), "--iob2", str(iob2)]) == 1
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and "bad.conllu:2" in err


def _sample(tmp_path: Path, n_sentences: int) -> tuple[Path, Path]:
    """The first ``n_sentences`` treebank sentences and their IOB2 blocks (the two files differ in order)."""
    conllu = shared_path("data", "ud_english_ewt", "en_ewt-ud-test.conllu").read_text(encoding="utf-8")
    iob2 = shared_path("data", "uner_english_ewt", "en_ewt-ud-test.iob2").read_text(encoding="utf-8")
    blocks = list(islice(conllu.split("\n\n"), n_sentences))
    ids = {m.group(1) for m in re.finditer(r"# sent_id = (\S+)", "\n".join(blocks))}
    ner = [b for b in iob2.split("\n\n") if (m := re.search(r"# sent_id = (\S+)", b)) and m.group(1) in ids]
    (tmp_path / "t.conllu").write_text("\n\n".join(blocks) + "\n\n", encoding="utf-8")
    (tmp_path / "t.iob2").write_text("\n\n".join(ner) + "\n\n", encoding="utf-8")
    return tmp_path / "t.conllu", tmp_path / "t.iob2"


@pytest.mark.parametrize("variant", VARIANTS)
def test_cli_json_on_real_test_sentences(tmp_path: Path, capsys: pytest.CaptureFixture[str], variant: str) -> None:
    conllu, iob2 = _sample(tmp_path, 300)
    args = ["nlp-eval", "--conllu", str(conllu), "--iob2", str(iob2), "--model", variant, "--json"]
    assert cli_main(args) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["sentences"] == 300
    assert result["model"] == nlp_pkg.describe(variant)
    # A broken model or scorer fails these.
    for key, floor in FLOORS[variant]["sample"].items():
        assert result[key] > floor, (key, result[key])
    assert set(result["ner_per_label"]) <= {"LOC", "ORG", "PER"}


@pytest.mark.slow
@pytest.mark.parametrize("variant", VARIANTS)
def test_full_test_split_quality_floor(variant: str) -> None:
    result = evaluate(
        shared_path("data", "ud_english_ewt", "en_ewt-ud-test.conllu"),
        shared_path("data", "uner_english_ewt", "en_ewt-ud-test.iob2"),
        variant=variant,
    )
    assert result["sentences"] == 2077
    for key, floor in FLOORS[variant]["full"].items():
        assert result[key] >= floor, (key, result[key])
