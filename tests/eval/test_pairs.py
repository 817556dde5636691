"""The pair judge: interpretable features, both methods, the shipped model, and held-out quality floors."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

from corroborate.eval.pairs import (
    LEXICAL_FEATURES,
    LEXICAL_METHOD,
    SEMANTIC_METHOD,
    PairJudge,
    lexical_features,
    load_model,
    split_sentences,
    tokens,
)
from corroborate.ingest.embed import semantic_available
from tests.conftest import shared_path

needs_semantic = pytest.mark.skipif(not semantic_available(), reason="MiniLM (corroborate[semantic]) not installed")


def feature(a: str, b: str, name: str) -> float:
    return lexical_features(a, b)[LEXICAL_FEATURES.index(name)]


def test_tokens_split_negation() -> None:
    assert tokens("He didn't go; she cannot.") == ["he", "did", "n't", "go", "she", "can", "not"]


def test_negation_number_antonym_and_swap_features() -> None:
    assert feature("A man is playing a guitar", "A man is not playing a guitar", "neg_mismatch") == 1.0
    assert feature("A man is playing a guitar", "A man is playing a guitar", "neg_mismatch") == 0.0
    assert feature("Two crew were injured", "Four crew were injured", "num_mismatch") == 1.0
    assert feature("2 crew were injured", "two crew were injured", "num_mismatch") == 0.0
    assert feature("The price went up", "The price went down", "antonym") == 1.0
    assert feature("The dog chases the cat", "The cat chases the dog", "same_bag_diff_order") == 1.0
    assert feature("Ruiz met Smith in Paris", "Ruiz met Jones in Paris", "name_mismatch") == 1.0


def test_split_sentences() -> None:
    assert split_sentences("One here. Two there! Three?\nFour") == ["One here.", "Two there!", "Three?", "Four"]


def test_shipped_model_has_every_head() -> None:
    heads = load_model()
    for task in ("paraphrase", "contradiction", "consistency"):
        for mode in ("semantic", "lexical"):
            head = heads[f"{task}_{mode}"]
            assert head.features == mode
            assert head.coef.shape[1] == head.mean.shape[0] == head.scale.shape[0]
    assert heads["contradiction_lexical"].coef.shape[1] == len(LEXICAL_FEATURES)


def test_lexical_judge_says_so_and_ranks_contradiction() -> None:
    judge = PairJudge(semantic="off")
    assert judge.method == LEXICAL_METHOD
    a = ["A man is playing a guitar on the stage", "A man is playing a guitar on the stage"]
    b = ["A man is not playing a guitar on the stage", "A man is playing a guitar on a stage"]
    c = judge.contradiction(a, b)
    assert c.shape == (2,) and c[0] > 0.5 > c[1]
    p = judge.paraphrase(a, b)
    assert np.all((p >= 0) & (p <= 1))
    assert judge.similarity(a, b)[1] > 0.8
    assert judge.consistency(["The ferry ran aground on Monday. Two crew were hurt."],
                             ["Two crew were hurt."]).shape == (1,)


def test_argument_checks() -> None:
    judge = PairJudge(semantic="off")
    with pytest.raises(ValueError, match="same length"):
        judge.contradiction(["a"], [])
    with pytest.raises(ValueError, match="semantic"):
        PairJudge(semantic="yes")
    assert judge.paraphrase([], []).shape == (0,)


def test_import_is_light() -> None:
    code = "import corroborate.eval.pairs, corroborate.stories.cluster, corroborate.eval.cli, sys; " \
           "print(sorted(m for m in ('torch', 'sentence_transformers', 'dask', 'spacy') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@needs_semantic
def test_semantic_judge_says_so() -> None:
    judge = PairJudge(semantic="on")
    assert judge.method == SEMANTIC_METHOD
    s = judge.similarity(["A cat sits on the mat."], ["A kitten is sitting on the rug."])
    assert s[0] > 0.5


def _sick_trial(n: int) -> list:
    from corroborate.eval.datasets import read_sick
    from corroborate.eval.run import Selection, select

    rows = read_sick(shared_path("data", "sick", "SICK.txt"))
    return select(rows, "sick", Selection(split="TRIAL", sample=n))


def test_sick_trial_floor_lexical() -> None:
    """Held-out SICK TRIAL (the heads were fitted on TRAIN only)."""
    from corroborate.eval.run import eval_pairs

    scores = eval_pairs("contradiction", _sick_trial(300), semantic="off")
    assert scores["contradiction_f1"] >= 0.80  # measured 0.848 on this sample, 0.837 on all of TRIAL


@needs_semantic
def test_sick_trial_floor_semantic() -> None:
    from corroborate.eval.run import eval_pairs

    scores = eval_pairs("contradiction", _sick_trial(300), semantic="on")
    assert scores["contradiction_f1"] >= 0.78  # measured 0.831 on all of TRIAL
    assert scores["method"] == SEMANTIC_METHOD
