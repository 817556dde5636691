"""Speaker error classes found on the second speaker pool (FNC-1 bodies, bench/speaker_pool.py), on made-up text."""

from __future__ import annotations

from corroborate.attribution.entities import extract_entities
from corroborate.attribution.quotes import extract_quotes
from corroborate.ingest.segment import segment
from corroborate.model import Article


def speakers(text: str) -> list[tuple[str | None, str]]:
    a = Article("a1", "outlet-a1", None, None, None, text)
    passages = segment(a)
    found = extract_quotes(a, passages, entities=extract_entities([a], {a.id: passages}))
    return [(q.speaker, q.text.split()[0]) for q in found if q.kind == "direct"]


def test_a_capitalised_adverb_or_participle_opening_the_sentence_is_no_speaker() -> None:
    text = ("The bakery on Elm Road was robbed twice in March. Thankfully, the guards caught up with the thief, "
            "saying, “He was arrested and admitted taking the money from the till.”\n\n"
            "Leading pastry chef says “a robbery is the least of our worries” about the new rent.")
    assert speakers(text) == [(None, "He"), (None, "a")]


def test_a_post_and_the_text_of_a_site_are_cues() -> None:
    text = ("Nora Quill joined the band in 2001 and left it a year later.\n\n"
            "“I was never part of that band and never will be!” she posted on her page. “Please leave my family "
            "out of this story from now on.”")
    assert speakers(text) == [("Nora Quill", "I"), ("Nora Quill", "Please")]


def test_a_statement_from_someone_speaks_for_its_author_after_a_cue_verb() -> None:
    # ("reads" is a cue now; "a statement from X" after it still names X.)
    text = ("Lawmakers met on Monday in the capital.\n\n"
            "“The new law protects every worker in the state,” reads a statement from Senate Majority Leader "
            "Harriet Vane's office. “Senator Vane respects that but thinks the bill should wait a year.”")
    assert speakers(text) == [("Harriet Vane", "The"), ("Harriet Vane", "Senator")]


def test_a_body_noun_refers_back_to_the_body_named_before() -> None:
    clinic = ("Ann Vale visited the Mayfield Clinic on Monday. “We are looking at all the options for the "
              "patients,” a clinic posting said.")
    assert speakers(clinic) == [("Mayfield Clinic", "We")]
    site = ("Photos of the crab appeared on the website Strange Tales. The website reads: “Crabbing is a popular "
            "activity for children here.”")
    assert speakers(site) == [("Strange Tales", "Crabbing")]
    union = ("The Union of Harbour Pilots met on Friday. In a statement, a union spokesman said: “It is with great "
             "sadness that we heard the news today.”\n\n“On this day of mourning, the pilots are hit hard.”")
    assert speakers(union) == [("Union of Harbour Pilots", "It"), ("Union of Harbour Pilots", "On")]


def test_a_colon_after_told_someone_gives_the_subject_not_the_object() -> None:
    text = ("Consultant surgeon Nilo Sorvin told the Daily Planet:\n\n"
            "“This is a clear case of a patient who should not have had surgery performed on her at all.”")
    assert speakers(text) == [("Nilo Sorvin", "This")]


def test_a_statement_of_an_owners_role_set_off_by_commas_is_the_named_persons() -> None:
    text = ("Hillcrest University's new president, John Thorne, released a statement that said in part:\n\n"
            "“The Hillcrest University community is extremely saddened by the shootings this morning.”")
    assert speakers(text) == [("John Thorne", "The")]


def test_as_someone_pointed_out_names_the_speaker_of_a_later_quote() -> None:
    text = ("And, as Professor Tom Parley also pointed out, there is also “a real chance of five degrees or more, "
            "which would be a disaster”.")
    assert speakers(text) == [("Tom Parley", "a")]


def test_a_name_runs_on_past_a_lower_case_particle_and_a_role_written_as_a_title_is_dropped() -> None:
    sheikh = ("Sheikh Hamid al Rashed, spokesman of the Harbour Committee, said: “The men of the committee will "
              "force every boat to leave.”")
    assert speakers(sheikh) == [("Sheikh Hamid al Rashed", "The")]
    defector = ("Defector Cho Min-soo, of the Korea Institute, said: “People in the north think being fat is good "
                "for the leader.”")
    assert speakers(defector) == [("Cho Min-soo", "People")]


def test_a_quote_with_no_cue_of_its_own_in_a_sentence_opening_with_according_to_is_the_sources() -> None:
    text = ("Harbor Corp is closing its streaming service. According to TechNews, multiple sources that include "
            "“several prominent employees at Harbor and Beats” have confirmed the plan.")
    assert speakers(text) == [("TechNews", "several")]


def test_the_body_noun_after_a_name_and_the_body_issuing_a_statement() -> None:
    text = ("The doctor worked at the Parkside Endoscopy clinic in Manhattan. The clinic declined to comment, but "
            "last week issued a statement saying “a biopsy of the vocal cords” was never performed there.")
    assert speakers(text) == [("Parkside Endoscopy", "a")]


def test_a_site_name_goes_on_past_its_dot() -> None:
    text = "Writes Harbor.com on Jan. 2: “The airline will order its staff to keep men and women apart on flights.”"
    assert speakers(text) == [("Harbor.com", "The")]


def test_a_bodys_name_goes_on_past_of_the_and_and_speaks_for_the_group() -> None:
    union = ("The Union of Harbour Pilots of the Northern Coast met on Friday. In a statement, a union spokesman "
             "said: “It is with great sadness that we heard the news today.”")
    assert speakers(union) == [("Union of Harbour Pilots of the Northern Coast", "It")]
    group = ("Reports came from the Foundation for Relief and Reconciliation in the Middle East, a charity that "
             "supports a local church. In a message posted online, the group said: “The rebels are now less than "
             "two kilometres from the city centre.”")
    assert speakers(group) == [("Foundation for Relief and Reconciliation in the Middle East", "The")]


def test_a_place_adverb_opening_the_sentence_is_no_speaker() -> None:
    text = "Nearby, a banner on the fence reads: “We stand with the workers of the port, one town, one voice.”"
    assert speakers(text) == [(None, "We")]


def test_they_after_an_organisations_quote_is_the_organisation_and_two_people_stay_the_first() -> None:
    group = ("The Harbour Rescue Association runs the lifeboats on the coast. In a message posted online, "
             "the association said: “The storm is now less than two kilometres from the port.”\n\n"
             "“The mayor says he misjudged the weather. Anyone here knows the boats can do little,” they added.")
    name = "Harbour Rescue Association"
    assert speakers(group) == [(name, "The"), (name, "The")]
    pair = "Ann Vale and Tom Hart met reporters. “We will not give up on this town,” they said."
    assert speakers(pair) == [("Ann Vale", "We")]


def test_a_source_named_after_according_to_behind_the_quote_speaks() -> None:
    named = "The airline said nothing. “The plane was kept on the ground for an hour,” according to Ann Vale, a pilot."
    assert speakers(named) == [("Ann Vale", "The")]
    outlet = ("The Globe reports that the passenger was booked on a flight to Dallas on Tuesday. Then the man flipped "
              "out, whereupon he began “lecturing the attendants and the pilot about their manners,” according to the "
              "tabloid.")
    assert speakers(outlet) == [("Globe", "lecturing")]
    report = ("Ann Vale spoke on Monday. “The contractor will explain every single delay to the council,” according "
              "to the report.")
    assert speakers(report) == [(None, "The")]
