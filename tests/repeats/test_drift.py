"""Drift: only meaning-bearing changes between a passage and its rewrite are reported."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corroborate.repeats.drift import classify_change, detect_drift

DEFENCE = ("Priti Patel, 49, last night launched a defence of her handling of the migrant crisis as she faced "
           "pressure from Ministers and MPs")
ATTACK = "Last night, Priti Patel (49) launched an attack on Ministers and MPs for her handling of the Migrant Crisis."


def test_antonym_substitution() -> None:
    drift = detect_drift(DEFENCE, ATTACK)
    assert drift is not None
    assert drift.changed == (("defence", "attack"),)
    assert drift.kinds == ("antonym",)
    assert drift.why == "'defence' became 'attack'"


def test_actor_change() -> None:
    a = ("Ms Patel was due to meet President Emmanuel Macron to discuss the crisis, but the French government "
         "cancelled the meeting in a fit of pique after receiving an open letter from Boris Johnson")
    b = ("After receiving an open letter by Boris Johnson, Ms. Patel cancelled her meeting with President "
         "Emmanuel Macron in Paris to discuss the crisis.")
    drift = detect_drift(a, b)
    assert drift is not None
    assert drift.kinds == ("actor",)
    assert drift.changed == (("the French government", "Ms. Patel"),)
    assert "actor 'the French government' became 'Ms. Patel'" in drift.why


def test_swapped_roles_are_an_actor_change() -> None:
    drift = detect_drift("Macron criticised Johnson on Friday.", "Johnson criticised Macron on Friday.")
    assert drift is not None and drift.kinds == ("actor",)


def test_specific_for_generic_distortion() -> None:
    a = ("Baran Nouri Hamadami, from northern Iraq, and pictured with her husband, was among the 27 who drowned "
         "in the disaster off the coast of Calais earlier this week")
    b = ("Baran Nouri Hamadami (northern Iraqi) was pictured together with her husband. They were among 27 "
         "victims of the Calais tsunami earlier in this week.")
    drift = detect_drift(a, b)
    assert drift is not None
    assert drift.changed == (("disaster", "tsunami"),)
    assert drift.kinds == ("distortion",)


@pytest.mark.parametrize(("a", "b"), [
    ("Twenty-seven migrants died when their dinghy sank.", "27 migrants died when their dinghy sank."),
    ("The migrants cancelled the trip.", "Migrants cancels the trip."),
    ("Pictured: Migrants prepare to cross the channel on November 24",
     "Pictured: The migrants prepare to cross Channel on November 24"),
    ("Twenty-seven migrants, including women and children, died on Wednesday when their dinghy sank off Calais.",
     "On Wednesday, 27 migrants including children and women drowned when their boat sank in Calais."),
    ("Priti Patel was not invited to Sunday's meeting.", "Priti Patel is no longer invited on Sunday's meeting."),
    ("Killing 27 people including seven women and three children", "27 people died"),  # omission, not a change
])
def test_rewordings_that_keep_the_meaning_are_not_drift(a: str, b: str) -> None:
    assert detect_drift(a, b) is None


def test_number_change() -> None:
    drift = detect_drift("27 people died in the crash.", "28 people died in the crash.")
    assert drift is not None and drift.changed == (("27", "28"),) and drift.kinds == ("number",)


def test_exact_count_against_vague_plural_is_a_number_change() -> None:
    a = ("The flimsy and dangerous dinghy that sank off Calais on Wednesday, killing 27 people including seven "
         "women - one of whom was pregnant - and three children")
    b = "Mr Darmanin revealed multiple pregnant women and children were among the dead."
    drift = detect_drift(a, b)
    assert drift is not None
    assert ("one", "multiple") in drift.changed
    assert "number" in drift.kinds


def test_compatible_vague_quantity_is_not_a_number_change() -> None:
    assert detect_drift("27 migrants drowned off Calais.", "Dozens of migrants drowned off Calais.") is None


@pytest.mark.parametrize(("a", "b", "change"), [
    ("The minister did not resign on Friday.", "The minister resigned on Friday.", ("not", "")),
    ("The minister didn't resign on Friday.", "The minister resigned on Friday.", ("didn't", "")),
    ("Patel was invited to the meeting.", "Patel is no longer invited to the meeting.", ("", "no longer")),
    ("He has been charged.", "He has never been charged.", ("", "never")),
])
def test_negation_added_or_removed(a: str, b: str, change: tuple[str, str]) -> None:
    drift = detect_drift(a, b)
    assert drift is not None and "negation" in drift.kinds and change in drift.changed


def test_negations_of_different_words_do_not_count() -> None:
    a = "Priti Patel is no longer invited on Sunday to the meeting of France and Belgium."
    b = "France and Belgium met on Sunday, but Priti Patel was not present."
    drift = detect_drift(a, b)
    assert drift is None or "negation" not in drift.kinds


def test_name_substitution() -> None:
    drift = detect_drift("Mr Darmanin said the plan was unacceptable.", "Mr Macron said the plan was unacceptable.")
    assert drift is not None and drift.changed == (("Darmanin", "Macron"),) and drift.kinds == ("name",)


def test_weak_substitution_is_reported_as_possible() -> None:
    drift = detect_drift("The ferry hit a rock near the harbour.", "The ferry hit a whale near the harbour.")
    assert drift is not None and drift.kinds == ("substitution",)
    assert "possibly" in drift.why


@pytest.mark.parametrize(("old", "new", "kind"), [
    ("defence", "attack", "antonym"),
    ("rose", "fell", "antonym"),
    ("disaster", "tsunami", "distortion"),
    ("27", "twenty-seven", None),
    ("27", "28", "number"),
    ("one", "multiple", "number"),
    ("cancelled", "cancels", None),
    ("boat", "dinghy", None),
    ("Darmanin", "Macron", "name"),
    ("not", "", "negation"),
    ("the", "a", None),
    ("rock", "whale", "substitution"),
])
def test_classify_change(old: str, new: str, kind: str | None) -> None:
    assert classify_change(old, new) == kind


def test_vague_quantity_left_over_against_a_number() -> None:
    # "several" and "27" are compatible; what is left ("three" vs "dozens") is a count against a count.
    drift = detect_drift("Three boats sank.", "Dozens of boats sank.")
    assert (drift is not None and drift.changed == (("Three", "dozens"),)) or drift.changed == (("Three", "Dozens"),)


_WORDS = ["the", "not", "no", "Patel", "Macron", "cancelled", "attack", "defence", "27", "twenty-seven", "one",
          "multiple", "dozens", "2014", "(", ")", ",", ".", "said", "government", "French", "n't", "never", "–",
          "“", "”", "Ms.", "rose", "fell", "boat", "sank", "longer"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=25), st.lists(st.sampled_from(_WORDS), max_size=25))
def test_detect_drift_never_fails_and_reports_words_of_the_texts(a: list[str], b: list[str]) -> None:
    ta, tb = " ".join(a), " ".join(b)
    drift = detect_drift(ta, tb)
    if drift is None:
        return
    assert drift.changed and drift.kinds and drift.why
    for old, new in drift.changed:
        assert old in ta and new in tb


def test_a_relative_clause_is_not_the_actor_of_the_main_verb() -> None:
    # "fired from his job" vs "fired from his job in Dayton": added detail, not "his job" -> "Dayton" as actor.
    a = "Officer Lee said Sam Ortiz, who had recently been fired from his job, is accused of the theft."
    b = "Officer Lee says Sam Ortiz, who had recently been fired from his job in Dayton, is accused of the theft."
    drift = detect_drift(a, b)
    assert drift is None or "actor" not in drift.kinds


def test_an_apposed_age_is_still_skipped_to_find_the_actor() -> None:
    drift = detect_drift("Priti Patel, 49, launched a defence of the plan.",
                         "Boris Johnson, 55, launched a defence of the plan.")
    assert drift is not None and ("Priti Patel", "Boris Johnson") in drift.changed


def test_passive_and_active_subjects_are_not_compared_as_actors() -> None:
    drift = detect_drift("A pirate attack in the Gulf of Aden was foiled by an Indian warship on Friday.",
                         "An Indian warship foiled a pirate attack in the Gulf of Aden on Friday.")
    assert drift is None or "actor" not in drift.kinds


def test_house_spellings_are_no_name_change() -> None:
    assert classify_change("Recognised", "Recognized") is None
    assert classify_change("Paris", "Calais") == "name"


def test_a_day_before_the_verb_is_no_actor() -> None:
    drift = detect_drift("The navy patrolling the Gulf of Aden yesterday thwarted an attack on merchant ships .",
                         "The navy patrolling the Gulf of Aden on Thursday thwarted an attack on merchant ships .")
    assert drift is None or "actor" not in drift.kinds


def test_a_title_swapped_before_one_name_is_no_name_change() -> None:
    assert detect_drift("Warship Sukanya was escorting five vessels through the corridor .",
                        "INS Sukanya was escorting five vessels through the corridor .") is None
