"""The rule components after NER: honorific names, one label per name per document, repeated names."""

from __future__ import annotations

import pytest

spacy = pytest.importorskip("spacy")

from corroborate.nlp.components import FACTORY, entity_rules  # noqa: E402


def _doc(text: str, ents: list[tuple[str, str]]):  # type: ignore[no-untyped-def]
    """A doc of ``text`` whose model entities are the first occurrences of the given strings."""
    nlp = spacy.blank("en")
    doc = nlp(text)
    spans = []
    for name, label in ents:
        start = text.index(name)
        spans.append(doc.char_span(start, start + len(name), label=label))
    doc.ents = spans
    return doc


def _ents(doc) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return [(e.text, e.label_) for e in doc.ents]


def test_honorific_name_is_a_person_and_the_title_stays_out() -> None:
    doc = entity_rules(_doc("Home Secretary Priti Patel met President Emmanuel Macron.", [("Priti Patel", "ORG")]))
    assert _ents(doc) == [("Priti Patel", "PER"), ("Emmanuel Macron", "PER")]


def test_ambiguous_titles_are_not_rules() -> None:
    doc = entity_rules(_doc("General Motors and the Justice Department met in King County.", []))
    assert _ents(doc) == []


def test_surname_after_honorific_makes_the_full_name_a_person() -> None:
    text = "Priti Patel spoke. Later Ms Patel left. Priti Patel returned."
    doc = entity_rules(_doc(text, [("Priti Patel", "ORG")]))
    assert _ents(doc) == [("Priti Patel", "PER"), ("Patel", "PER"), ("Priti Patel", "PER")]


def test_majority_label_and_repeats_of_recognised_names() -> None:
    text = "Calais is busy. Boats left Calais. Calais again. They met in Calais."
    doc = _doc(text, [])
    starts = [i for i in range(len(text)) if text.startswith("Calais", i)]
    doc.ents = [
        doc.char_span(starts[0], starts[0] + 6, label="LOC"),
        doc.char_span(starts[1], starts[1] + 6, label="LOC"),
        doc.char_span(starts[2], starts[2] + 6, label="ORG"),
    ]
    assert _ents(entity_rules(doc)) == [("Calais", "LOC")] * 4  # ORG outvoted, the unlabelled one added


def test_repeats_do_not_match_inside_longer_names() -> None:
    doc = entity_rules(_doc("Paris is big. Paris Hilton is not a city.", [("Paris", "LOC")]))
    assert _ents(doc) == [("Paris", "LOC")]


def test_registered_as_a_pipe() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("ner")
    nlp.add_pipe(FACTORY, after="ner")
    assert nlp.pipe_names == ["ner", FACTORY]


def test_descriptor_name_is_an_organisation_only_when_unlabelled() -> None:
    text = "A plane of border agency Frontex flew. The Frontex plane and the party Labour Party met."
    doc = entity_rules(_doc(text, [("Labour Party", "LOC")]))
    assert _ents(doc) == [("Frontex", "ORG"), ("Frontex", "ORG"), ("Labour Party", "LOC")]
    assert _ents(entity_rules(_doc("The Agency Frontex flew.", []))) == []  # capitalised: part of a name
