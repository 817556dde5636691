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


def test_a_paper_named_again_by_its_last_word_joins_the_one_paper_it_ends() -> None:
    from corroborate.attribution.entities import extract_entities
    from corroborate.ingest.segment import segment
    from corroborate.model import Article

    t = ("Justice Ann Vale told The New York Times on Sunday that she regretted it. In the interview, published "
         "by The Times, she spoke at length. The White House declined to comment. The House will vote on Monday.")
    a = Article("a1", "bay", None, None, None, t)
    found = {e.name: e for e in extract_entities([a], {"a1": segment(a)})}
    assert found["The New York Times"].aliases == ["The Times"]
    # One word that is no paper's still ends nothing: the House is not the White House.
    assert "House" in found and found["White House"].aliases == []


def _aliases(text: str) -> dict[str, list[str]]:
    """Each entity of a one-article story with its aliases."""
    from corroborate.attribution.entities import extract_entities
    from corroborate.ingest.segment import segment
    from corroborate.model import Article

    a = Article("a1", "bay", None, None, None, text)
    return {e.name: e.aliases for e in extract_entities([a], {"a1": segment(a)})}


def test_the_court_is_the_one_court_of_the_story_and_two_courts_leave_it_alone() -> None:
    one = _aliases("The Harbour Supreme Court ruled on Monday. The Court said the fees were lawful.")
    assert one["Harbour Supreme Court"] == ["Court"]
    two = _aliases("The Harbour Supreme Court ruled on Monday after the Bay Appeals Court had ruled. "
                   "The Court said the fees were lawful.")
    assert two["Harbour Supreme Court"] == [] and two["Bay Appeals Court"] == []


def test_the_committee_stays_alone_when_another_committee_is_named_before_on_or_of() -> None:
    one = _aliases("The Harbour Fishing Committee met on Monday. The Committee said the fees were lawful.")
    assert one["Harbour Fishing Committee"] == ["Committee"]
    two = _aliases("The Harbour Fishing Committee met on Monday before the Select Committee on Harbour Fees. "
                   "The Committee said the fees were lawful.")
    assert two["Harbour Fishing Committee"] == []
