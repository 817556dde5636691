"""Speakers that are no names: stray common words, party members, descriptions ending in a party adjective."""

from __future__ import annotations

from corroborate.attribution.quotes import extract_quotes
from corroborate.ingest.segment import segment
from corroborate.model import Article, Quote


def direct(text: str) -> list[Quote]:
    a = Article("a1", "outlet-a1", None, None, None, text)
    return [q for q in extract_quotes(a, segment(a)) if q.kind == "direct"]


def test_a_party_member_refers_back_to_the_person_just_named() -> None:
    text = ("Senator Tom Hale, R-Utah, said the plan was “a costly mistake for every family.”\n\n"
            "The Utah Republican said the mayor must make “a decision about her future this very week.”")
    found = direct(text)
    assert [q.speaker for q in found] == ["Tom Hale", "Tom Hale"]


def test_a_party_member_with_nobody_before_is_unattributed() -> None:
    q = direct("“We will block every one of these bills in the chamber,” a Republican said on Monday.")[0]
    assert q.speaker is None


def test_a_party_adjective_before_a_noun_is_a_description() -> None:
    text = ("The Democrats met on Monday to plan the week.\n\n"
            "“We already have plenty of bills on the calendar,” said the Democratic staffer.")
    q = direct(text)[-1]
    assert q.speaker is None and q.speaker_span is not None and q.speaker_span.text == "the Democratic staffer"


def test_a_stray_capitalised_common_word_is_no_speaker() -> None:
    text = ("Several hours earlier, a senior official pushed back, saying the report “does not describe the law "
            "that the agency follows at all.”")
    assert direct(text)[0].speaker is None


def test_a_name_after_an_article_is_not_the_subject_a_pronoun_takes() -> None:
    text = ("Ann Ruiz spoke for an hour on Friday.\n\n"
            "Her view was grim for a Victory Speech, a day of parades and flags.\n\n"
            "“This decline,” she declared, “stops right here and stops right now.”")
    assert {q.speaker for q in direct(text)} == {"Ann Ruiz"}


def test_a_name_joined_by_and_is_one_speaker() -> None:
    text = ("Separately, the Fisheries and Coastal Affairs Department said on Friday that boats would be checked, "
            "“making sure that every harbour in the region follows the same rules.”")
    assert direct(text)[0].speaker == "Fisheries and Coastal Affairs Department"


def test_an_organisation_then_an_unlisted_role_then_a_person() -> None:
    text = ("The network renewed the show on Friday. “It is an honour to welcome back the whole cast for another "
            "year,” said Harbour Media Group prexy Tom Hale.")
    assert direct(text)[0].speaker == "Tom Hale"


def test_a_party_role_before_the_name_of_a_subject_with_two_verbs() -> None:
    text = ("Republican mayoral nominee Ann Ruiz, whose defeat surprised many, attended and tweeted shortly after "
            "noon that she came to “honour our town and its many traditions.”")
    assert direct(text)[0].speaker == "Ann Ruiz"


def test_a_cue_set_off_by_commas_inside_the_sentence() -> None:
    text = ("The mayor met the board on Monday.\n\n"
            "Her remarks, said Tom Hale, the harbour master, are “entirely in line with what the board has said.”")
    assert direct(text)[-1].speaker == "Tom Hale"


def test_a_name_after_the_cue_that_opens_the_reported_clause_is_no_speaker() -> None:
    text = ("A spokesman for the council, Tom Hale, said Mr. Brandt was “betting against the harbour and rooting "
            "for its failure.”")
    assert direct(text)[0].speaker == "Tom Hale"


def test_a_sentence_opening_descriptor_then_a_name() -> None:
    text = ("Trade weekly Lumen saw the choice as a bold one, writing that the show "
            "“will put local fishermen in the spotlight at last.”")
    q = direct(text)[-1]
    assert q.speaker == "Lumen" and q.speaker_span is not None and q.speaker_span.text == "Trade weekly Lumen"


def test_a_description_then_a_name_in_apposition_after_the_quote() -> None:
    text = ("The mayor’s “plan for the harbour is highly unusual, if not unprecedented,” the board’s chairman, "
            "Representative Tom Hale, Republican of Ohio, wrote in a letter on Tuesday.")
    assert direct(text)[0].speaker == "Tom Hale"


def test_a_participle_takes_the_name_in_apposition_to_its_clause_subject() -> None:
    text = ("On Friday, the aide, Ann Ruiz, 31, who has many followers online, wrote an open letter to the "
            "mayor, saying he should “try showing a little respect to the fishermen.”")
    assert direct(text)[0].speaker == "Ann Ruiz"


def test_as_a_person_put_it() -> None:
    text = ("Critics say the cable mattered. As Sen. Ann Ruiz, R-Ohio, put it, “The harbour was the hottest spot "
            "of all.”")
    assert direct(text)[0].speaker == "Ann Ruiz"


def test_they_after_two_people_is_the_first_named() -> None:
    text = ("On Friday, Ann Ruiz and Tom Hale released a joint statement on the harbour.\n\n"
            "“Officials have said many times that the harbour records are public,” they said.")
    assert direct(text)[-1].speaker == "Ann Ruiz"


def test_they_after_one_person_is_unattributed() -> None:
    text = ("On Friday, Ann Ruiz met the fishermen at the harbour.\n\n"
            "“Officials have said many times that the harbour records are public,” they said.")
    assert direct(text)[-1].speaker is None


def test_a_person_right_before_the_verb_beats_a_leading_name() -> None:
    text = ("Tom Hale, who can sing and dance, was “genuinely thrilled” at the offer, Ann Ruiz said, but “he "
            "wanted to make sure the format would suit his skills.”")
    assert direct(text)[-1].speaker == "Ann Ruiz"


def test_a_document_from_a_person_speaks_for_the_person() -> None:
    text = ("“The charter protects the right to fish,” reads a statement from Mayor Tom Hale's office. "
            "“Mr. Hale respects that but thinks the nets should be checked.”")
    assert [q.speaker for q in direct(text)] == ["Tom Hale", "Tom Hale"]


def test_a_stray_opening_word_is_not_shown_as_who_introduced_the_quote() -> None:
    a = Article("a1", "outlet-a1", None, None, None,
                "Tom Quill chaired the inquiry. Batting down claims that the harbour was sold, the report said that "
                "the council had kept the land for the town.")
    found = [q for q in extract_quotes(a, segment(a)) if "council had kept" in q.text]
    assert found and all(q.speaker is None and q.speaker_span is None for q in found)
    # A described source keeps the words that introduced it.
    q = direct("“We will block every one of these bills in the chamber,” a Republican said on Monday.")[0]
    assert q.speaker is None and q.speaker_span is not None and q.speaker_span.text == "a Republican"


def test_a_party_member_is_not_the_party() -> None:
    a = Article("a1", "outlet-a1", None, None, None,
                "Democrats in Congress were split on Monday. Republicans pressed the issue while the Senate’s top "
                "Democrat said he objected to the plan.")
    found = [q for q in extract_quotes(a, segment(a)) if "objected" in q.text]
    assert found and all(q.speaker is None for q in found)
    # The party itself still speaks.
    assert [q.speaker for q in direct("Democrats in Congress were split. “We will block every bill,” the Democrats "
                                      "said on Monday.")] == ["Democrats"]


def _all(text: str) -> list[Quote]:
    a = Article("a1", "outlet-a1", None, None, None, text)
    return extract_quotes(a, segment(a))


def test_an_office_title_with_of_before_a_name_is_that_persons() -> None:
    text = ("Talks resume\n\nSecretary of State Tom Hale said Tuesday that he would be in Oslo for the talks. "
            "“We will act quickly,” Secretary of Defense Ann Vale said on Wednesday.")
    assert [q.speaker for q in _all(text)] == ["Tom Hale", "Ann Vale"]


def test_a_description_with_for_before_a_titled_name_is_nobody_named() -> None:
    text = ("Talks resume\n\nSecretary of State Tom Hale arrived on Monday. A spokesman for Secretary of State "
            "Tom Hale said that the talks would resume.")
    assert [q.speaker for q in _all(text)] == [None]


def test_former_and_a_country_before_an_office_keep_it_the_persons() -> None:
    text = ("Talks resume\n\nTom Hale and Ann Vale met on Monday.\n\n"
            "“I disagree with every word of it,” former Secretary of State Ann Vale said.\n\n"
            "U.S. Secretary of Labor Tom Hale said the talks were “going very well indeed.”")
    assert [q.speaker for q in _all(text) if q.kind == "direct"] == ["Ann Vale", "Tom Hale"]


def test_a_noun_before_for_or_of_heads_the_phrase_not_the_name_after_it() -> None:
    text = ("Charges filed\n\nAnn Vale was charged on Monday.\n\n"
            "“The charges are completely without merit,” a lawyer for Ann Vale said.\n\n"
            "A lawyer for Ann Vale said the charges were “completely without any merit.”\n\n"
            "“She has done nothing wrong at all,” the mother of Ann Vale said.")
    found = _all(text)
    assert found and all(q.speaker is None for q in found), [(q.speaker, q.text) for q in found]
    assert {q.speaker_span.text for q in found if q.speaker_span} >= {"a lawyer for Ann Vale", "the mother of Ann Vale"}


def test_a_determiner_alone_is_not_shown_as_the_words_that_introduced_the_quote() -> None:
    text = ("Awards night\n\nThe academy chose a new host.\n\n"
            "Its producers said they hoped to achieve several goals with the choice of the new host.\n\n"
            "Some also said the academy should have been better prepared for the ceremony this year.")
    found = _all(text)
    assert found and all(q.speaker is None and q.speaker_span is None for q in found), \
        [(q.speaker, q.speaker_span) for q in found]


def test_a_party_adjective_ending_the_speaker_words_is_a_member_not_the_party() -> None:
    text = ("Vote delayed\n\nThe Democrats met on Monday.\n\n"
            "A senior Democratic staffer told The Huffington Post that the vote was likely to happen on Thursday.")
    assert [q.speaker for q in _all(text)] == [None]
