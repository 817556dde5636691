"""Speaker error classes found on the fifth speaker pool (FNC-1 bodies, bench/speaker_pool.py), on made-up text."""

from __future__ import annotations

from corroborate.attribution.entities import extract_entities
from corroborate.attribution.quotes import extract_quotes
from corroborate.attribution.speakers import body_member
from corroborate.ingest.segment import segment
from corroborate.model import Article
from tests.attribution.fakes import SpanModel


def speakers(text: str) -> list[tuple[str | None, str]]:
    a = Article("a1", "outlet-a1", None, None, None, text)
    passages = segment(a)
    found = extract_quotes(a, passages, entities=extract_entities([a], {a.id: passages}))
    return [(q.speaker, q.text.split()[0]) for q in found if q.kind == "direct"]


def test_an_opening_preposition_is_no_part_of_a_name() -> None:
    text = ("Ann Vale was fooled by a fake website.\n\n"
            "Despite Vale’s claim, the Daily Post reported, citing the Herald, that the player made just $11 "
            "million, which “makes him the ninth-highest paid player, not the richest.”")
    assert speakers(text) == [("Daily Post", "makes")]


def test_a_relative_named_after_the_quote_does_not_carry_the_speaker_before() -> None:
    text = ("The school suspended a nine-year-old boy, Aiden Steward, on Friday. Aiden claimed he could make a friend "
            "vanish with “the one ring of power in his hand.”\n\n"
            "“I assure you my son lacks the powers needed to threaten his friend,” the boy’s father later wrote in an "
            "email. “If he did, I am sure he would bring him right back.”")
    assert speakers(text) == [("Aiden", "the"), (None, "I"), (None, "If")]


def test_an_outlet_that_reports_the_words_speaks_them() -> None:
    after = ("Tech firms face new rules.\n\n"
             "“With a few clicks, an analyst obtains full access to the search tools of the service,” the Daily Post "
             "reports.")
    before = ("A star was fooled.\n\n"
              "The Herald Tribune reported that the singer “made just ten million dollars last year, not forty.”")
    assert speakers(after) == [("Daily Post", "With")]
    assert speakers(before) == [("Herald Tribune", "made")]


def test_who_an_outlet_quotes_as_saying_speaks() -> None:
    named = ("Weapons were found in the region.\n\n"
             "“We have found weapons made in three countries in the areas freed from their control,” the news website "
             "quoted council head Khalaf Tarmouz as saying.")
    pronoun = ("Ann Vale spoke on Monday.\n\n"
               "“We have found weapons made in three countries in the areas freed from their control,” the agency "
               "quoted her as saying.")
    assert speakers(named) == [("Khalaf Tarmouz", "We")]
    assert speakers(pronoun) == [("Ann Vale", "We")]


def test_a_participle_does_not_take_a_name_after_a_preposition_and_article() -> None:
    text = ("The vote was held on Monday.\n\n"
            "The council also appears to have announced support for the Liberty Party, saying that the town is "
            "“proud to stand with the heroes of the north.”")
    assert speakers(text) == [(None, "proud")]


def test_a_family_named_for_a_person_is_not_that_person() -> None:
    text = ("Major Ann Vale flew the first strike.\n\n"
            "The Vale family also appears to have announced support for the Islamic State group, saying that their "
            "family is “honoured heroes of the Sunnis in the region.”")
    assert speakers(text) == [("Vale family", "honoured")]


def test_a_person_with_an_apposition_after_a_long_opening_phrase_speaks() -> None:
    text = ("A study found no link.\n"
            "In a 1992 editorial published in the Archives of Internal Medicine, Dr. William Castelli, a former "
            "director of the Framingham Heart study, stated:\n\n"
            "“In Framingham, the more saturated fat one ate, the lower the serum cholesterol of the person was.”")
    assert speakers(text) == [("William Castelli", "In")]


def test_a_quote_after_a_sentence_reporting_a_named_person_is_theirs() -> None:
    text = ("The memo was sent on Tuesday.\n\n"
            "As New York contributor Roger Parloff notes, this memo might have made sense on day one. “But for it to "
            "come out now, after the nation has watched him defend the man, renders its content simply incredible.”")
    lines = ("Prosecutor Aaron Strojny said the woman was stabbed in bed.\n"
             "“I love you, forever and ever” was written in blood on the wall, he said.")
    assert speakers(text) == [("Roger Parloff", "But")]
    assert speakers(lines) == [(None, "I")]  # a new line starts over (text with a sentence a line, as in ECB+)


def test_a_pronoun_does_not_skip_a_named_persons_relative_to_reach_that_person() -> None:
    lover = ("A woman attacked her husband Fan Lung in a rage. Feng is now under arrest.\n\n"
             "Meanwhile, Lung’s 21-year-old lover plans to marry him as soon as possible.\n\n"
             "“It does not matter that he has lost his fertility, he has five children already,” she said.")
    father = ("Tom Vale said he was proud to take the post.\n\n"
              "The death of Mr. Vale’s father at a young age left his mother to raise the children alone.\n\n"
              "Despite her hardships, he said, “My mother told me that days like this were possible.”")
    assert speakers(lover) == [(None, "It")]
    assert speakers(father) == [("Tom Vale", "My")]  # the name is no subject there: "he" still finds him


def test_a_name_that_modifies_a_noun_is_no_subject_for_a_pronoun() -> None:
    text = ("Ann Vale claims to have had a third arm fitted.\n\n"
            "Since Vale has failed to give proof, many doubt her wild claim, straight out of the 1990 Arnold "
            "Schwarzenegger cult favorite “Total Recall.”\n\n"
            "She did give a TV station a quick look, but would not show more because “I am not ready to do that "
            "right now because it is in episode six.”")
    assert speakers(text) == [("Ann Vale", "I")]


def test_an_honorific_joined_to_a_child_is_no_speaker_when_the_childs_parent_is_named() -> None:
    text = ("Alex Nash, from Cornwall, was invited to a party. Alex’s father Derek said he had been told he would be "
            "taken to court.\n\n"
            "They found the invoice in his schoolbag last week.\n\n"
            "Mr Nash said: “It was a proper invoice with full official details and even her bank details on it.”")
    assert speakers(text) == [(None, "It")]


def test_a_title_two_people_of_the_story_hold_names_neither() -> None:
    two = ("President Ann Vale flew to Ohio on Monday with President Tom Reed of Ruritania.\n\n"
           "Crowds gathered at the airport in the rain.\n\n"
           "“We will rebuild this town,” said the President.")
    one = ("President Ann Vale flew to Ohio on Monday with Tom Reed of Ruritania.\n\n"
           "Crowds gathered at the airport in the rain.\n\n"
           "“We will rebuild this town,” said the President.")
    assert speakers(two) == [(None, "We")]
    assert speakers(one) == [("Ann Vale", "We")]


def test_a_one_word_stage_name_the_model_calls_a_person_is_the_she_of_the_next_quote() -> None:
    text = ("On Sunday, a post attributed to Mary Lamb seemed aimed at Tom Reed.\n\n"
            "Lamb is not the first of the cast to speak out. Jean-Zoé (who played his niece on the show) took to "
            "social media last week to deny rumours that she was one of his victims.\n\n"
            "“I was never part of any of that when I was on the show!” she posted on her account.")
    a = Article("a1", "outlet-a1", None, None, None, text)
    passages = segment(a)
    nlp = SpanModel(text, [("Mary Lamb", "PERSON"), ("Tom Reed", "PERSON"), ("Jean-Zoé", "PERSON")])
    found = extract_quotes(a, passages, entities=extract_entities([a], {a.id: passages}, nlp=nlp))
    assert [q.speaker for q in found if q.kind == "direct"] == ["Jean-Zoé"]


def test_a_lower_case_title_is_the_one_person_of_the_story_who_holds_it() -> None:
    story = ("Mayor Ann Vale opened the bridge on Monday. The bridge took ten years to build.\n\n"
             "Crowds gathered at the river in the rain.\n\n")
    quote = "“We will keep building for all of you,” "
    assert speakers(story + quote + "the mayor said.") == [("Ann Vale", "We")]
    assert speakers(story + quote + "said the mayor.") == [("Ann Vale", "We")]
    # A past holder, another town's mayor, a deputy, or a title nobody in the story holds: nobody.
    assert speakers(story + quote + "the former mayor said.") == [(None, "We")]
    assert speakers(story + quote + "said the mayor of Springfield.") == [(None, "We")]
    assert speakers(story + quote + "the deputy mayor said.") == [(None, "We")]
    assert speakers(story + quote + "the governor said.") == [(None, "We")]


def test_a_bodys_name_run_into_a_members_name_leaves_the_member() -> None:
    text = ("The clinic was fined on Monday.\n\n"
            "Consultant surgeon and British Association of Plastic Surgeons Nalin Sojar told the Daily Post:\n\n"
            "“This is a clear case of a patient who should not have had the surgery at all.”")
    a = Article("a1", "outlet-a1", None, None, None, text)
    passages = segment(a)
    nlp = SpanModel(text, [("British Association of Plastic Surgeons Nalin Sojar", "PERSON"), ("Daily Post", "ORG")])
    found = extract_quotes(a, passages, entities=extract_entities([a], {a.id: passages}, nlp=nlp))
    assert [q.speaker for q in found if q.kind == "direct"] == ["Nalin Sojar"]
    # A body's own last words are no member: "Medical Center", "Savings Trust".
    assert body_member("University of Ostland Medical Center") is None
    assert body_member("Bank of Ostland Savings Trust") is None


def test_a_quote_after_a_clause_with_a_subject_of_its_own_is_not_the_sentence_subjects() -> None:
    story = "The boy was hurt on Monday.\n\nHaving hit her nephew, Ann Vale fled the scene "
    quote = "rushed to the flat, “I had popped out to see a neighbour and was only gone half an hour.”"
    assert speakers(story + "as Tom's mother heard his screams and " + quote) == [(None, "I")]
    assert speakers(story + "and " + quote) == [("Ann Vale", "I")]
