"""Reported-speech error classes found on the reported-speech pool (bench/reported_pool.py), on made-up text."""

from __future__ import annotations

from corroborate.attribution.entities import extract_entities
from corroborate.attribution.quotes import extract_quotes
from corroborate.ingest.segment import segment
from corroborate.model import Article


def reported(text: str) -> list[tuple[str | None, str]]:
    a = Article("a1", "outlet-a1", None, None, None, text)
    passages = segment(a)
    found = extract_quotes(a, passages, entities=extract_entities([a], {a.id: passages}))
    return [(q.speaker, q.text) for q in found if q.kind == "reported"]


def test_an_inverted_cue_reports_no_clause() -> None:
    # The speaker and the role after "said" are not the speaker's words.
    text = ("The bridge in Dunmore was closed for repairs on Monday.\n\n"
            "Traffic will be diverted through the old town until March, said Paul Vale, an engineer with Acme Roads.")
    assert reported(text) == []
    tokenised = ("The bridge in Dunmore was closed for repairs on Monday .\n\n"
                 "`` We have never seen cracks like these , '' added Paul Vale , an engineer with the county .")
    assert reported(tokenised) == []


def test_a_clause_with_no_subject_is_a_fragment() -> None:
    text = ("The council met in Dunmore on Monday.\n\n"
            "It approved a new road plan which council leader Ann Vale said would cut traffic in the town centre.")
    assert reported(text) == []


def test_a_time_before_that_is_not_said() -> None:
    text = ("The council met in Dunmore on Monday.\n\n"
            "Council leader Ann Vale said earlier that the new road plan would cut traffic in the town.\n\n"
            "The Rovers said last week they had made an offer to the young striker.\n\n"
            "Her deputy Tom Reed said this week that the plan would be ready by May.\n\n"
            "Her deputy Tom Reed said this is the best plan the town has had in years.")
    assert reported(text) == [("Ann Vale", "the new road plan would cut traffic in the town"),
                              ("Tom Reed", "the plan would be ready by May"),
                              ("Tom Reed", "this is the best plan the town has had in years")]


def test_a_negated_or_denied_cue_reports_nothing() -> None:
    text = ("The council met in Dunmore on Monday.\n\n"
            "Council leader Ann Vale has not yet said how the new road plan will be paid for.\n\n"
            "Her deputy Tom Reed denied that any money had been set aside for the project.")
    assert reported(text) == []


def test_a_total_added_on_the_field_is_not_speech() -> None:
    text = ("The Rovers beat Dunmore 3-1 on Saturday.\n\n"
            "Tom Reed added 12 points for the Rovers, who have won four games in a row.")
    assert reported(text) == []


def test_according_to_a_longer_source_phrase_is_dropped() -> None:
    # The reader stops the source at "report"; the clause does not start at "from the Dunmore Herald".
    text = ("The council met in Dunmore on Monday.\n\n"
            "According to a report from the Dunmore Herald published on Tuesday, the new road plan will cost more.\n\n"
            "According to Ann Vale, the new road plan will cut traffic in the town.")
    assert reported(text) == [("Ann Vale", "the new road plan will cut traffic in the town")]


def test_a_capitalised_collective_is_no_name() -> None:
    text = ("Two women were found dead at their home in Millom on Saturday.\n\n"
            "Detectives said the two women were found with head injuries in the kitchen.\n\n"
            "Reuters said the two women were found with head injuries in the kitchen.")
    assert [s for s, _ in reported(text)] == [None, "Reuters"]


def test_a_quote_with_its_own_cue_is_not_what_the_source_reported() -> None:
    text = ("Two women were found dead at their home in Millom on Saturday.\n\n"
            "The women were found in the kitchen at noon, ' said Ann Vale, who lives next door, according to the "
            "Dunmore Herald.")
    assert reported(text) == []


def test_a_source_after_an_inverted_cue_is_not_reported() -> None:
    text = ("The bridge in Dunmore was closed for repairs on Monday.\n\n"
            "Traffic will be diverted through the old town until March, said the Dunmore Herald newspaper in Leeds.\n\n"
            "Ann Vale, 45, said the company had known about the cracks for years.\n\n"
            "Tom Reed , of the county 's roads office , said the company `` has never skipped an inspection '' .")
    # (The quoted words are skipped by the word reader: "company" is not the last word of the sentence.)
    assert reported(text) == [("Ann Vale", "the company had known about the cracks for years"),
                              ("Tom Reed", "the company `` has never skipped an inspection '' ")]


def test_an_object_after_confirmed_is_no_clause() -> None:
    text = ("The actress has entered a clinic in Malibu.\n\n"
            "Her agent Tom Reed confirmed the actress's stay at the clinic in Malibu.\n\n"
            "Her agent Tom Reed confirmed that the actress would stay for a month.")
    assert reported(text) == [("Tom Reed", "the actress would stay for a month")]


def test_a_semicolon_ends_the_reported_clause() -> None:
    text = ("The council met in Dunmore on Monday.\n\n"
            "One source told the Herald that the road plan could be dropped; another source says the council will "
            "vote on it in May.")
    assert reported(text) == [(None, "the road plan could be dropped"), (None, "the council will vote on it in May")]


def test_who_said_is_the_person_the_appositive_describes() -> None:
    # A BASIL tune event gave "District" as the speaker of such a clause.
    text = ("“It is troubling,” said Tom Hale, a Republican candidate in Utah’s 3rd District, who said people at a "
            "recent public meeting were furious about the plan.")
    assert reported(text) == [("Tom Hale", "people at a recent public meeting were furious about the plan")]
    assert reported("The bill was backed by Ann Vale, who said the harbour walls would be mended by May.") == \
        [("Ann Vale", "the harbour walls would be mended by May")]
