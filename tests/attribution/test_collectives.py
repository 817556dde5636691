"""A town written as its club or firm (bench/gold/pool_entities_frank.json,
GUIDELINE.md section 29), each on made-up sentences."""

from __future__ import annotations

from corroborate.attribution.collectives import after_relation, is_collective
from corroborate.attribution.entities import extract_entities
from corroborate.ingest.segment import segment
from corroborate.model import Article, Entity


def ents(text: str) -> list[Entity]:
    a = Article("a1", "outlet-a1", None, None, None, text)
    return extract_entities([a], {a.id: segment(a)})


def kinds(text: str) -> dict[str, str]:
    return {e.name: e.type for e in ents(text)}


def test_a_town_with_a_plural_verb_or_a_club_noun_is_its_club() -> None:
    found = kinds("It was confirmed that Bramcaster have been relegated after a late goal at Bramcaster. The "
                  "Dunmore boss said his side had been unlucky, and a Tollbury equaliser came too late.")
    assert found.get("Bramcaster") == "ORG" and found.get("Dunmore") == "ORG" and found.get("Tollbury") == "ORG"


def test_a_side_in_a_fixture_list_is_a_club() -> None:
    found = kinds("Lenham (home to Kestle) will be promoted if they win. Only a draw is needed.")
    assert found.get("Lenham") == "ORG" and found.get("Kestle") == "ORG"


def test_no_club_without_the_evidence() -> None:
    assert kinds("The storm hit Bramcaster on Monday, and the roads flooded.").get("Bramcaster") != "ORG"
    # Two names joined share the plural verb; a country stays a country; a title-case headline proves nothing.
    assert not is_collective("Alan Pim and Dora Vex have left.", 15, 23, ("Dora", "Vex"))
    assert not is_collective("France have won the cup.", 0, 6, ("France",))
    assert not is_collective("Bramcaster Have Won", 0, 10, ("Bramcaster",))


def test_a_plural_verb_that_agrees_with_another_noun_proves_nothing() -> None:
    text = "The towns served by the Ambler River are small, and the Duke of Fenwick have left."
    assert not is_collective(text, 24, 36, ("Ambler", "River"))
    assert not is_collective(text, 65, 72, ("Fenwick",))
    found = kinds("Researcher have found that orange is popular. Dr Ila Marsh agreed.")
    assert "Researcher" not in found


def test_a_persons_supporters_or_a_relative_with_a_plural_verb_make_no_club() -> None:
    found = kinds("Voters cheered Dr Lem Harker. A crowd of Harker supporters booed his rival. He and wife Ottla "
                  "have two sons.")
    assert found.get("Harker", "PER") == "PER" and found.get("Lem Harker", "PER") == "PER"
    assert found.get("Ottla") != "ORG"
    assert not is_collective("only people outside the U.S. are targeted", 23, 27, ("U.S.",))
    assert after_relation("his wife Zelle", 9) and not after_relation("the city Zelle", 9)


def test_a_country_the_old_list_lacked_stays_a_country() -> None:
    # "Iceland are top seeds" is a national side, named by its country (entity pool 2).
    assert not is_collective("Iceland are top seeds in the group.", 0, 7, ("Iceland",))
    assert not is_collective("Bosnia have named a new coach.", 0, 6, ("Bosnia",))
