"""Joining the keys of one story: people under several names, organisations under several names."""

from __future__ import annotations

from corroborate.attribution.aliases import org_words, organisations, people


def test_people_join_only_without_a_rival() -> None:
    joins = people({("PER", ("liz", "cheney")), ("PER", ("elizabeth", "cheney"))})
    assert joins == {("PER", ("liz", "cheney")): (("PER", ("elizabeth", "cheney")),
                                                 "first-name variant ('elizabeth' / 'liz') with the same surname")}
    # "John Smith" could be either of two people: it joins neither.
    rivals = {("PER", ("john", "smith")), ("PER", ("john", "a", "smith")), ("PER", ("john", "b", "smith"))}
    assert people(rivals) == {}


def test_organisations_join_by_acronym_country_and_containment() -> None:
    keys = {("ORG", ("ncaa",)), ("ORG", ("national", "collegiate", "athletic", "association")),
            ("ORG", ("intelligence", "committee")), ("ORG", ("senate", "intelligence", "committee"))}
    joins = organisations(keys, set())
    assert joins[("ORG", ("ncaa",))][0] == ("ORG", ("national", "collegiate", "athletic", "association"))
    assert joins[("ORG", ("intelligence", "committee"))][0] == ("ORG", ("senate", "intelligence", "committee"))
    assert org_words(("U.S.", "Supreme", "Court"))[0] == ("supreme", "court")
    assert org_words(("European", "Union"))[0] == ("european", "union")


def test_a_place_added_to_a_name_makes_another_thing() -> None:
    keys = {("ORG", ("supreme", "court")), ("ORG", ("connecticut", "supreme", "court"))}
    assert organisations(keys, {("connecticut",)}) == {}
