"""Robustness on news: the seed articles' key people, places and organisations get the right types.

The model never sees the seeds in training (it is trained on UD/UNER English EWT web text only), so this
checks that NER carries over to news prose.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import corroborate.nlp as nlp_pkg

EXPECTED = {
    "Priti Patel": "PER",
    "Boris Johnson": "PER",
    "Emmanuel Macron": "PER",
    "Gerald Darmanin": "PER",
    "Calais": "LOC",
    "Frontex": "ORG",
    "European Commission": "ORG",
}

VARIANTS = [
    pytest.param("cnn", marks=pytest.mark.skipif(
        not nlp_pkg.available("cnn"), reason="NLP model not built: run `make model`")),
    pytest.param("minilm", marks=pytest.mark.skipif(
        not nlp_pkg.available("minilm"), reason="MiniLM NLP model not built or corroborate[semantic] not installed")),
]


def _entities(seeds_dir: Path, variant: str) -> dict[str, set[str]]:
    nlp = nlp_pkg.load_pipeline(variant)
    found: dict[str, set[str]] = {}
    for path in sorted(seeds_dir.glob("*.txt")):
        # One document per article, as corroborate's analysis stage passes them.
        for ent in nlp(path.read_text(encoding="utf-8")).ents:
            found.setdefault(ent.text, set()).add(ent.label_)
    return found


@pytest.mark.parametrize("variant", VARIANTS)
def test_seed_names_have_the_right_types(seeds_dir: Path, variant: str) -> None:
    found = _entities(seeds_dir, variant)
    texts = "\n".join(p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt")))
    wrong = {}
    for name, label in EXPECTED.items():
        if name not in texts:
            pytest.skip(f"{name!r} is not in the seed articles any more")
        if found.get(name) != {label}:
            wrong[name] = sorted(found.get(name, set()))
    assert not wrong, f"expected {EXPECTED}, got labels {wrong}"
