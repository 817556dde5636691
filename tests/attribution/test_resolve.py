"""The speaker resolver (resolve.py): which earlier person a pronoun refers to."""

from __future__ import annotations

from corroborate.attribution.quotes import extract_quotes
from corroborate.model import Article


def _speakers(text: str) -> list[str | None]:
    return [q.speaker for q in extract_quotes(Article("a1", "o", None, None, None, text), []) if q.kind == "direct"]


def test_a_name_after_a_described_subject_is_no_antecedent_for_a_pronoun() -> None:
    # "The triple threat" is the sentence's subject; the judge named later in it is not who "she" is.
    text = ("Ann Vale moved to Manila in 2012. She is nominated for an award. The triple threat performed in front "
            "of judges Rose Lee from the Spice Girls and Tom Brook, singing a song. 'Acting is what I really love, "
            "but you have to do everything now,' she told the paper.")
    assert _speakers(text) == ["Ann Vale"]



# The father is named four sentences up; the three sentences between have no person as their subject.
_FATHER = ("{a} said the school suspended his son over a toy ring. {b}The school would not comment. The ring came "
           "from a film. The toy was a gift for his birthday. \"My son cannot make anyone disappear,\" he said.")


def test_he_said_after_sentences_with_no_subject_to_refer_to_is_the_one_man_named_before() -> None:
    assert _speakers(_FATHER.format(a="Daniel Ortega", b="")) == ["Daniel Ortega"]


def test_he_said_stays_open_when_two_men_or_a_person_of_unknown_gender_came_after() -> None:
    assert _speakers(_FATHER.format(a="Daniel Ortega", b="The letter home was signed by Peter Lund. ")) == [None]
    assert _speakers(_FATHER.format(a="Daniel Ortega", b="The letter home was signed by Taylor Quist. ")) == [None]



def test_a_platform_is_where_words_appear_not_who_says_them() -> None:
    # The group named before speaks, not the platform it posted on; a post "read" on a platform has no speaker.
    import corroborate

    text = ("The Harbour Relief Foundation posted a message on Facebook on Monday. \"The boats are two miles "
            "away,\" the group said. A post on Twitter read: \"Nothing stays in the dark forever.\"")
    report = corroborate.check([Article("a1", "bay", None, None, None, text)], semantic="off")
    speakers = [q.speaker for s in report.stories for q in s.quotes if q.kind == "direct"]
    assert "Facebook" not in speakers and "Twitter" not in speakers
    assert speakers[0] == "Harbour Relief Foundation"


def test_a_relative_named_in_apposition_is_the_subject_a_pronoun_refers_to() -> None:
    text = ("Steven Lund was taken hostage last year. Last week, Lund’s mother, Shirley Dunn, pleaded directly with "
            "the leader of the group to spare her son.\n\n“We have not seen Steven for over a year, and we miss him "
            "very much,” she said in a video message.")
    assert _speakers(text) == ["Shirley Dunn"]
    # Unnamed, the relative is still the subject: "she" is nobody the story names.
    assert _speakers(text.replace(", Shirley Dunn,", "")) == [None]


def test_he_after_several_people_named_as_one_subject_is_none_of_them() -> None:
    lead = "{who} crafting a letter to the caucus. {pron} hope to get 60 signatures.\n\n"
    quote = "“There does not seem to be a majority of the members who support the deal,” he told Fox News."
    three = lead.format(who="Reps. Peter Dunn of Oregon, and Jim Marsh and Jay Irwin of Washington are", pron="They")
    assert _speakers(three + quote) == [None]
    one = lead.format(who="Rep. Peter Dunn of Oregon is", pron="He")
    assert _speakers(one + quote) == ["Peter Dunn"]


def test_a_role_opening_the_main_clause_is_its_subject_not_the_name_after_the_verb() -> None:
    text = ("Governor Paul Lane left a voicemail for state Rep. Drew Gatt. Earlier, the Republican governor had "
            "refused to apologize for the message.\n\nIn a recording of the message obtained by the Press Herald, "
            "the governor identified himself and went on to curse out Gatt.\n\n“I would like to talk to you about "
            "your comments. I want you to prove it,” he said in the message.")
    assert _speakers(text) == ["Paul Lane"]
