"""Fingerprints: what "exact" means, shingles, MinHash, and the light stems shared by lexical paths."""

from __future__ import annotations

import pytest

from corroborate.repeats.fingerprint import (
    content_terms,
    exact_key,
    jaccard,
    normalise,
    number_value,
    shingles,
    stem,
)


def test_normalise_unifies_quotes_dashes_spaces_and_drops_punctuation() -> None:
    a = "The dinghy sank \u2013 one of whom was pregnant \u2013 and ‘get a grip’."
    b = "The  dinghy\u00a0sank - one of whom was pregnant - and 'get a grip'"
    assert normalise(a) == normalise(b) == "the dinghy sank one of whom was pregnant and get a grip"


def test_normalise_keeps_numbers_whole() -> None:
    assert normalise("It cost $2.5bn, or 1,000 times more; don’t.") == "it cost 2.5bn or 1000 times more dont"


def test_exact_key_ignores_case_and_final_period_but_not_words() -> None:
    assert exact_key("The Prime Minister rebuked Ms Patel.") == exact_key("the prime minister rebuked Ms Patel")
    assert exact_key("The Prime Minister rebuked Ms Patel.") != exact_key("The Prime Minister praised Ms Patel.")


def test_shingles() -> None:
    assert shingles("One two, three four.", 3) == {"one two three", "two three four"}
    assert shingles("Too short", 3) == {"too short"}
    assert shingles("", 3) == set()
    with pytest.raises(ValueError):
        shingles("x", 0)


def test_minhash_signatures_estimate_jaccard_and_are_deterministic() -> None:
    from corroborate.repeats.lsh import signatures

    a = shingles("the quick brown fox jumps over the lazy dog near the river bank today", 2)
    b = shingles("the quick brown fox jumps over the lazy cat near the river bank today", 2)
    sig = signatures([a, b], num_perm=256, seed=1)
    assert abs(float((sig[0] == sig[1]).mean()) - jaccard(a, b)) < 0.15
    assert (signatures([a], num_perm=256, seed=1)[0] == sig[0]).all()


def test_stem_joins_inflections_and_spellings() -> None:
    assert {stem(w) for w in ("cancelled", "cancels", "cancelling", "cancel")} == {"cancel"}
    assert stem("migrants") == stem("migrant")
    assert stem("defence") == stem("defense")
    assert stem("crisis") == "crisis"
    assert stem("MPs") == stem("MP")


def test_number_value() -> None:
    assert number_value("twenty-seven") == number_value("27") == 27
    assert number_value("1,000") == 1000
    assert number_value("seven") == 7
    assert number_value("Calais") is None


def test_content_terms_drop_function_words_and_spell_numbers_as_digits() -> None:
    assert content_terms("Twenty-seven migrants died") == content_terms("27 migrant died.")
    assert content_terms("The migrants were rescued") == ["migrant", "rescu"]
