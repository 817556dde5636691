"""Entity classes seen on the entity pool outside the gold (bench/gold/pool_entities.json, GUIDELINE.md section
22), each on made-up sentences."""

from __future__ import annotations

from corroborate.attribution.entities import extract_entities
from corroborate.ingest.segment import segment
from corroborate.model import Article, Entity


def ents(text: str) -> list[Entity]:
    a = Article("a1", "outlet-a1", None, None, None, text)
    return extract_entities([a], {a.id: segment(a)})


def names(text: str) -> set[str]:
    return {e.name for e in ents(text)}


def test_a_weekday_after_a_name_is_no_part_of_it() -> None:
    found = names("Brightwave Wednesday took the rare step of recalling its kettles. The detective spoke to "
                  "Harold Pimsley Monday about the kettles, and Brightwave said it was sorry.")
    assert "Brightwave Wednesday" not in found and "Harold Pimsley Monday" not in found
    assert {"Brightwave", "Harold Pimsley"} <= found
    # A day's own name keeps its weekday.
    assert "Black Friday" in names("Shoppers queued for Black Friday deals, and black coats sold out.")


def test_a_title_case_headline_names_only_what_the_article_capitalises_elsewhere() -> None:
    text = ("Rovers Make Offer To Delacourt Amid Bidding War\n"
            "The Rovers have made an offer for striker Tomas Delacourt, the club said, to make sure no rival "
            "bidding war starts. The offer is the largest the club has made.")
    found = names(text)
    assert not any("Offer" in n or "Make" in n or "Bidding" in n for n in found), found
    assert "Tomas Delacourt" in found


def test_words_of_a_quoted_motto_or_title_are_no_entities() -> None:
    text = ('The coins carry the motto "In God We Trust" under the eagle, and many trust them. '
            'Her essay "Angel in a White Coat" was praised by Dr Mara Lind, who wore a white coat.')
    found = names(text)
    assert not {"God", "God We Trust", "White Coat", "Angel"} & found, found
    assert "Mara Lind" in found


def test_a_headline_after_a_dateline_is_read_as_a_headline() -> None:
    text = ("MARCH 3 , 2011\n"
            "Gazette : Rovers Make Offer To Delacourt\n"
            "The Rovers have made an offer for striker Tomas Delacourt, to make sure of him. The offer is large.")
    found = names(text)
    assert not any("Offer" in n or "Make" in n for n in found), found


def test_a_newspaper_named_after_its_city_is_an_organisation() -> None:
    found = {e.name: e.type for e in ents(
        "Kelowna Courier columnist Dale Rusk wrote that the league will grow. The plan was first reported by "
        "the Saudi daily Fajrun, and Kelowna Courier readers were told on Tuesday.")}
    assert found.get("Kelowna Courier") == "ORG", found
    assert found.get("Fajrun") == "ORG", found


def test_a_country_named_with_its_demonym_is_a_place() -> None:
    found = {e.name: e.type for e in ents(
        "Saudi Arabia, the United Arab Emirates and Bahrain joined the strikes, officials in Riyadh said.")}
    assert found.get("Saudi Arabia") == "LOC", found
    assert found.get("United Arab Emirates") == "LOC", found


def test_a_name_beside_a_place_noun_is_a_place() -> None:
    found = {e.name: e.type for e in ents(
        "Gunmen struck the town of Qarvelo on Sunday. Flooding also hit the Marvejols region overnight.")}
    assert found.get("Qarvelo") == "LOC", found
    assert found.get("Marvejols") == "LOC", found


def test_a_malay_honorific_is_no_part_of_the_name() -> None:
    found = names("Mahkamah mendengar bahawa Encik Lim Boon Teck mengaku bersalah. Encik Lim didenda.")
    assert "Encik Lim Boon Teck" not in found and "Lim Boon Teck" in found, found
