"""Names: descriptor / title / name of a person run, party keys, initials, one person under two names."""

from __future__ import annotations

from corroborate.attribution.names import initials, party_key, person_key, person_parts, same_person, spelling


def test_person_runs_split_into_descriptor_title_and_name() -> None:
    assert person_parts(["White", "House", "Press", "Secretary", "Jay", "Carney"]) == (2, 4)
    assert person_parts(["Senate", "Majority", "Leader", "Harry", "Reid"]) == (1, 3)
    assert person_parts(["Republican", "Mitt", "Romney"]) == (1, 1)
    assert person_parts(["Mitt", "Romney"]) == (0, 0)
    assert person_parts(["Martin", "Luther", "King"]) == (0, 0)  # a title word as surname stays
    assert person_parts(["Florida", "Sen"]) is None  # a title fragment names nobody
    assert person_parts(["Gov"]) is None


def test_party_keys_initials_and_suffixes() -> None:
    assert party_key(("GOP",)) == party_key(("Republicans",)) == party_key(("Republican", "Party")) == ("republican",)
    assert party_key(("Senate", "GOP")) == ("senate", "republican")
    assert party_key(("Republican", "National", "Committee")) is None
    assert {"doma", "dma"} == initials(("defense", "of", "marriage", "act"))
    assert person_key(("Joseph", "R.", "Biden", "Jr.")) == ("joseph", "r", "biden")
    assert spelling("recognised") == spelling("recognized") and spelling("theatre") == "theater"


def test_one_person_under_two_full_names() -> None:
    assert same_person(("liz", "cheney"), ("elizabeth", "cheney"))
    assert same_person(("edward", "m", "kennedy"), ("ted", "kennedy"))
    assert same_person(("hillary", "clinton"), ("hillary", "rodham", "clinton"))
    assert not same_person(("bill", "clinton"), ("hillary", "clinton"))
    assert not same_person(("john", "a", "smith"), ("john", "b", "smith"))


def test_the_tail_of_a_title_cut_at_of_or_for_is_a_descriptor() -> None:
    # "Director of National Intelligence James Clapper": the run after "of" starts with the department.
    assert person_parts(["National", "Intelligence", "James", "Clapper"]) == (2, 2)
    assert person_parts(["Diplomatic", "Security", "Charlene", "Lamb"]) == (2, 2)
    # A department word with no two-word name after it leaves the run whole.
    assert person_parts(["Homeland", "Security", "Napolitano"]) == (0, 0)


def test_a_manager_title_is_no_part_of_the_name() -> None:
    assert person_parts(["Campaign", "Manager", "Ann", "Vale"]) == (0, 2)
    assert person_parts(["General", "Manager"]) is None


def test_an_acronym_and_a_job_before_a_given_name_are_no_part_of_the_name() -> None:
    from corroborate.attribution.names import person_parts

    # "(former) NSA Contractor Edward Snowden": descriptor "NSA", title "Contractor", name "Edward Snowden".
    assert person_parts(["NSA", "Contractor", "Edward", "Snowden"]) == (1, 2)
    assert person_parts(["FBI", "Edward", "Snowden"]) == (1, 1)
    # No acronym first: the run is left to the other rules.
    assert person_parts(["Contractor", "Edward", "Snowden"]) == (0, 0)
