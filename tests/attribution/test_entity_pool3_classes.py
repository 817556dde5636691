"""Entity classes of the entity pools 2 and 3 outside the gold (bench/gold/pool_entities_frank.json and
pool_entities3.json, GUIDELINE.md sections 29-30), each on made-up sentences: names cut at "and"/"on", people by a
lone first name, acronyms of common nouns, and adjectives built on a name."""

from __future__ import annotations

from corroborate.attribution.entities import extract_entities
from corroborate.ingest.segment import segment
from corroborate.model import Article
from tests.attribution.fakes import SpanModel


def typed(text: str, spans: list[tuple[str, str]] | None = None) -> dict[str, str]:
    a = Article("a1", "outlet-a1", None, None, None, text)
    nlp = SpanModel(text, spans) if spans is not None else None
    return {e.name: e.type for e in extract_entities([a], {a.id: segment(a)}, nlp=nlp)}


def test_a_body_name_goes_on_past_and_to_its_head_word() -> None:
    found = typed("The vases went on show at the Halvard and Mirren Museum in Ostby on Monday. Her grandfather "
                  "served with the Ostlandic and Varnish Army Corps in 1915.")
    assert found.get("Halvard and Mirren Museum") == "ORG", found
    assert found.get("Ostlandic and Varnish Army Corps") == "ORG", found
    # Two people either side of an "and" stay two.
    two = typed("Tomas Delacourt and Mara Lind met in Ostby.")
    assert {"Tomas Delacourt", "Mara Lind"} <= two.keys() and "Tomas Delacourt and Mara Lind" not in two


def test_and_the_opens_a_second_body() -> None:
    found = typed("Economists at the University of Ostby and the Bank of Varnland studied the loans. The Ministry "
                  "of Fisheries and the Harbour Office met on Monday.")
    assert {"University of Ostby", "Bank of Varnland", "Ministry of Fisheries", "Harbour Office"} <= found.keys(), found
    assert not any(" and the " in name for name in found), found
    # One body's name still runs on past a bare "and".
    assert "Foundation for Relief and Reconciliation" in typed("The Foundation for Relief and Reconciliation said.")


def test_the_head_before_for_or_on_types_a_body() -> None:
    # The last word is a place word ("East"), the head before "for" a body's.
    found = typed("The Foundation for Water and Sanitation in the Far East said on Monday that it would help.")
    assert found.get("Foundation for Water and Sanitation in the Far East") == "ORG", found


def test_a_body_name_goes_on_past_on() -> None:
    found = typed("The Commission on Rural Water Rights will report next year, the minister said.")
    assert found.get("Commission on Rural Water Rights") == "ORG", found
    # A weekday after "on" dates the sentence.
    found = typed("The Ostby Council on Monday voted to close the pier.")
    assert "Ostby Council" in found and not any("Monday" in n for n in found), found


def test_acronyms_of_common_nouns_and_school_years_are_no_names() -> None:
    found = typed("Before he was a DJ he studied RNA in a lab, and two other DJs joined him. His son is in P6 "
                  "at Ostby Primary, and LGBT youth groups meet there. The BBC filmed it.")
    assert not {"DJ", "DJs", "RNA", "P6", "LGBT"} & found.keys(), found
    assert found.get("BBC") == "ORG", found


def test_a_lone_given_name_the_model_calls_a_person_is_a_person() -> None:
    text = ("He said that he and his wife Nikki knew little about the illness. The family thanked his teen son, "
            "Jorvik, for his help.")
    found = typed(text, [("Nikki", "PER"), ("Jorvik", "PER")])
    assert found.get("Nikki") == "PER", found
    assert found.get("Jorvik") == "PER", found
    # Without a given name or a relation noun, the model's word alone makes no person.
    found = typed("Fans of the Zorbex made the trip, and many stayed late.", [("Zorbex", "PER")])
    assert found.get("Zorbex") != "PER", found
    # Nor does a given name that is also a state's.
    assert typed("The senator flew back to Virginia after the vote.", [("Virginia", "PER")]).get("Virginia") != "PER"
    # Nor does a relation noun in the first person, in a quoted tweet: the name is its addressee as often.
    found = typed('He wrote: "Thank you my wife Zorana for all of it."', [("Zorana", "PER")])
    assert found.get("Zorana") != "PER", found


def test_a_place_based_firm_names_the_place_and_an_adjective_on_a_name_names_nothing() -> None:
    found = typed("Ostby-based Varnhold had $100 million in profits last year, and its Ostby office grew.")
    assert found.get("Ostby") == "LOC" and "Ostby-based" not in found, found
    assert "American" not in typed("An American-based group, Varnhold, said it would sue.")
    found = typed("The boy spoke of J.R.R. Tolkien-inspired magic, and his Halvard-loving friends laughed.")
    assert not any("inspired" in n or "loving" in n for n in found), found


def test_one_word_and_a_body_with_its_head_is_one_name_where_the_model_splits_it() -> None:
    text = "The vases went on show at the Halvard and Mirren Museum on Monday."
    found = typed(text, [("Halvard", "LOC"), ("Mirren Museum", "ORG")])
    assert found.get("Halvard and Mirren Museum") == "ORG", found
    # A body's name before the "and" keeps the model's split ("Bank of America and Wells Fargo").
    text = "Officials from Bank of Ostland and Varro Trust met on Monday."
    found = typed(text, [("Bank of Ostland", "ORG"), ("Varro Trust", "ORG")])
    assert "Bank of Ostland" in found and "Varro Trust" in found, found


def test_the_head_before_of_a_plural_head_and_a_daily_name_type_bodies() -> None:
    found = typed("The Pelican Museum of Tampa Bay took the vase in. The Defense and Interior Ministries of Ostland "
                  "said so, and a reporter told Daily Varnhold about it.")
    assert found.get("Pelican Museum of Tampa Bay") == "ORG", found
    assert found.get("Interior Ministries") == "ORG", found
    assert found.get("Daily Varnhold") == "ORG", found
    # A surname that looks like a plural head is still a person's.
    assert typed("Philip Ostrivers and Tyra Banks smiled.").get("Tyra Banks") == "PER"
    # A place's own head before "of" still makes a place.
    assert typed("The Bay of Ostmark was rough all week.").get("Bay of Ostmark") == "LOC"


def test_the_islamic_state_is_a_group_and_so_is_its_acronym() -> None:
    found = typed("Fighters of the Islamic State took the town. Ten IS commanders were killed there.")
    assert found.get("Islamic State") == "ORG", found



def test_a_capitalised_particle_opens_a_name() -> None:
    found = typed("It was first reported by Al Varnaq on Monday, and Der Vorhang and Le Matin agreed.")
    assert {"Al Varnaq", "Der Vorhang", "Le Matin"} <= found.keys(), found


def test_fm_after_a_name_is_a_radio_station_not_a_foreign_minister() -> None:
    a = Article("a1", "outlet-a1", None, None, None, "Khoza told Varno FM Online that she was hurt. Russian FM "
                "Sergei Varnov said nothing, and the Russian FM left.")
    found = {e.name: e for e in extract_entities([a], {a.id: segment(a)})}
    assert "Varno FM Online" in found, found.keys()
    assert "Russian FM" in found["Sergei Varnov"].aliases, found["Sergei Varnov"].aliases


def test_chief_of_staff_is_a_title_before_a_name() -> None:
    found = typed("The mayor acted at the request of City Hall Chief of Staff Ann Vale on Monday. Vale declined "
                  "to comment.")
    assert found.get("Ann Vale") == "PER", found
    assert "City Hall Chief" not in found and not any(name.startswith("Staff") for name in found), found


def test_a_paper_named_after_its_masthead_word_is_an_organisation() -> None:
    found = typed("In a letter, Ostby Standard editor Ann Vale wrote that the mayor should go. The Varnland Courier "
                  "and the Ostby Dispatch printed it on Monday.")
    assert found.get("Ostby Standard") == "ORG", found
    assert found.get("Varnland Courier") == "ORG" and found.get("Ostby Dispatch") == "ORG", found
