"""Speaker error classes found on the speaker pool outside the gold (bench/speaker_pool.py), on made-up text."""

from __future__ import annotations

from corroborate.attribution.entities import EntityLookup, extract_entities
from corroborate.attribution.quotes import extract_quotes
from corroborate.attribution.speakers import named_speaker
from corroborate.ingest.segment import segment
from corroborate.model import Article, Entity, Quote, Span


def speakers(text: str) -> list[tuple[str | None, str]]:
    a = Article("a1", "outlet-a1", None, None, None, text)
    passages = segment(a)
    found = extract_quotes(a, passages, entities=extract_entities([a], {a.id: passages}))
    return [(q.speaker, q.text.split()[0]) for q in found if q.kind == "direct"]


def test_a_quote_with_its_own_unnamed_source_does_not_take_the_speaker_before() -> None:
    text = ("Maria Lopez, the mayor of Brookdale, spoke on Monday. “We have waited long enough for this bridge,” "
            "Lopez said. “Nobody here trusts the contractor any more after all the delays,” a local shopkeeper "
            "told reporters. “The money went somewhere else entirely, everybody knows it,” according to a "
            "neighbour. “It was a long winter for every family on this street,” Lopez said.")
    assert speakers(text) == [("Maria Lopez", "We"), (None, "Nobody"), (None, "The"), ("Maria Lopez", "It")]


def test_he_after_a_woman_does_not_take_her_quote() -> None:
    text = ("Maria Lopez, the mayor of Brookdale, spoke on Monday. “We have waited long enough for this bridge,” "
            "Lopez said. “The contractor will have to explain every single delay to the council,” he added.")
    assert speakers(text)[1] == (None, "The")


def test_a_quote_with_no_cue_of_its_own_still_continues_the_speaker_before() -> None:
    text = ("Maria Lopez, the mayor of Brookdale, spoke on Monday. “We have waited long enough for this bridge,” "
            "Lopez said. “The contractor will have to explain every single delay to the council.”")
    assert speakers(text) == [("Maria Lopez", "We"), ("Maria Lopez", "The")]


def _said(speaker: str, *entities: Entity) -> str | None:
    a = Article("a1", "outlet-a1", None, None, None, f"“The harbour will be dredged before summer,” {speaker} said.")
    quote = Quote(speaker, "said", "The harbour will be dredged before summer,", [Span.of(a, 1, 43)], "direct",
                  Span.of(a, 46, 46 + len(speaker)))
    return named_speaker(quote, EntityLookup(list(entities))).speaker


def test_the_subject_of_a_speech_verb_typed_as_a_thing_still_speaks() -> None:
    # The typer took a surname or a company named once for a thing or a place; a speech verb says it speaks.
    assert _said("Okonjo", Entity("Okonjo", "OTH", [], [])) == "Okonjo"
    assert _said("Tarvex", Entity("Tarvex", "LOC", [], [])) == "Tarvex"
    # Known places, and things by their head word, stay no speaker.
    assert _said("Iraq", Entity("Iraq", "LOC", [], [])) is None
    assert _said("Hudson River", Entity("Hudson River", "LOC", [], [])) is None


def test_a_speaker_is_named_without_the_title_the_entity_stage_kept_before_the_name() -> None:
    coach = Entity("Riverton Hawks GM Tom Keller", "PER", ["Keller", "Tom Keller"], [])
    player = Entity("League Mvp Dario Fenwick", "PER", ["Fenwick", "Dario Fenwick"], [])
    assert _said("Keller", coach) == "Tom Keller"
    assert _said("Fenwick", player) == "Dario Fenwick"
    # A first name opening the name is part of it, not a title ("Mary Jo Vance" is not "Jo Vance").
    assert _said("Vance", Entity("Mary Jo Vance", "PER", ["Vance", "Jo Vance"], [])) == "Mary Jo Vance"


def test_he_said_after_a_long_quote_refers_past_its_sentences() -> None:
    # One sentence a line, as some feeds print it: the quote is read across its lines.
    text = ("Tom Reyes threw the ball away on the last play.\nHe later said he regretted it.\n“I was looking for the "
            "open man.\nThen the safety came down on me.\nThere was nobody left to throw to.\nI had to throw it "
            "away,” he said.")
    assert speakers(text) == [("Tom Reyes", "I")]


def test_she_said_after_according_to_refers_to_the_source() -> None:
    text = ("Internet traffic was also hit, according to Dana Whitfield, an analyst at Corvane Networks. The "
            "routes came back in the evening. “It is significant that so much was lost at once,” she said.")
    assert speakers(text) == [("Dana Whitfield", "It")]


def test_a_pronoun_after_an_opening_phrase_is_the_subject_not_the_name_it_met() -> None:
    text = ("Mayor Tom Park flew to Denver on Friday. On Saturday, he met Governor Jim Adler. “We agreed on almost "
            "everything that matters to the valley,” he said.")
    assert speakers(text) == [("Tom Park", "We")]


def test_a_capitalised_participle_opening_a_sentence_is_no_speaker() -> None:
    text = ("Coupled with heavy rain, the floods could displace thousands of families, said Ms Ortega. “Many homes "
            "on the river will not survive another winter,” she added.")
    assert speakers(text)[0][0] != "Coupled"


def test_a_description_then_a_name_in_commas_before_the_cue_names_the_speaker() -> None:
    text = ("Deputy Luis Varga died in 2019. “I just thank God that the trial is over now,” the deputy's mother, "
            "Rosa Varga, said.")
    assert speakers(text)[-1] == ("Rosa Varga", "I")
    text = ("Nora Quill was shot at her desk. “She was more than a receptionist to all of us,” Quill's son, "
            "Peter Quill, said after the hearing.")
    assert speakers(text)[-1] == ("Peter Quill", "She")


def test_and_inside_an_organisation_name_before_a_person_does_not_make_a_joint_statement() -> None:
    text = ("Mara Fell checked into a clinic on Monday. “The clinic she is in is not a licensed treatment "
            "centre,” Oregon Department of Health and Human Care deputy director Ilse Brandt told reporters.")
    assert speakers(text)[-1] == ("Ilse Brandt", "The")


def test_the_company_said_refers_back_to_the_organisation_named_last() -> None:
    text = ("Shares of Vortana Telecom fell on Tuesday. The Vortana Telecom Group said the breach was contained. "
            "“There is no evidence of any link between the two incidents at this stage,” the company said.")
    assert speakers(text)[-1][1] == "There" and speakers(text)[-1][0] in ("Vortana Telecom Group", "Vortana Telecom")


def test_said_then_a_role_then_a_name_names_the_speaker() -> None:
    text = ("Critics were quick to respond.\n“There is nothing brave about breaking a promise to your own people,” "
            "said commentator Lena Hartwell, a former speechwriter.")
    assert speakers(text) == [("Lena Hartwell", "There")]


def test_a_place_then_a_role_then_a_name_before_was_quoted_as_saying() -> None:
    text = ("A strong quake hit the island on Sunday.\n“Two people from the village were hurt but their condition "
            "is good,” Marlow governor Tomas Ekberg was quoted as saying.")
    assert speakers(text) == [("Tomas Ekberg", "Two")]


def test_no_subject_is_guessed_for_a_quote_whose_own_cue_names_nobody() -> None:
    text = ("Ravi Kant has been asked to lead the agency, a senior official said on Tuesday.\nKant has been “the "
            "whole team's first and only choice” for the job, which would make him the top doctor, said the "
            "official, who is close to the talks.")
    assert speakers(text) == [(None, "the")]


def test_speech_reported_in_the_sentence_before_beats_a_quote_further_back() -> None:
    text = ("“We will appeal the ruling as soon as we can,” said Ann Vale, the defence lawyer.\nThe hearing lasted "
            "two hours.\nMany doctors in the county backed the plan, Dr. Omar Haddad said.\n“Maybe the minister saw "
            "a little of that in her work.”")
    assert speakers(text) == [("Ann Vale", "We"), ("Omar Haddad", "Maybe")]


def test_a_colon_after_a_name_or_after_his_words_introduces_that_person() -> None:
    text = ("Expect quake experts in the papers tomorrow, such as the seismologist Dr Ilse Marrow:\n“We should stop "
            "saying the coast is safe from earthquakes.”")
    assert speakers(text) == [("Ilse Marrow", "We")]
    text = ("Team owner Karl Brandt has said, in so many words, that the club will not sign the striker.\nHis exact "
            "words:\n“We met the player and were impressed, but we are not going to be a factor.”")
    assert speakers(text) == [("Karl Brandt", "We")]


def test_a_short_quote_with_a_cue_hands_its_speaker_to_the_next_quote() -> None:
    text = ("The justice got some support on Wednesday, with Vermont Sen. Ada Quist backing her comments. While the "
            "candidate declined to comment on whether they were wise, she said on the radio she agrees Reed is a "
            "“total opportunist” and said “the record is quite clear that he changes his mind every week.”")
    assert speakers(text)[-1] == ("Ada Quist", "the")


def test_a_remark_announced_ahead_is_attributed_to_the_subject_before_expected_to() -> None:
    text = ("In her speech to the assembly on Wednesday, Ms Vane is expected to say that the country will remain "
            "“an active defender of our shared democratic values” against its rivals.")
    assert speakers(text)[0][0] in ("Ms Vane", "Vane")
    text = ("Mr Orr said he almost interrupted Kell to tell him Kell that “I am going to decide this only on what is "
            "good for the town and its families.”")
    assert speakers(text)[0][0] != "Kell"


def test_a_participle_the_entity_stage_kept_before_a_name_is_dropped() -> None:
    assert _said("Lin", Entity("Describing Naing Lin", "PER", [], [])) == "Naing Lin"
    manning = Entity("Manning Fielding Jones", "PER", ["Manning"], [])  # a first name the story uses alone
    assert _said("Manning Fielding Jones", manning) == "Manning Fielding Jones"


def test_a_role_and_a_name_alone_after_the_quote_name_its_speaker() -> None:
    text = ("The poet Nadia Orme read first. “I only ask that you care before it is too late for all of us,” said "
            "Orme. “We must act now and leave no one behind in the years to come,” band member Jonah Kyte.")
    assert speakers(text)[-1] == ("Jonah Kyte", "We")
