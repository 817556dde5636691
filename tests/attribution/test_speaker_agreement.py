"""Speaker attribution on news patterns: pronoun gender, honorific surnames, possessive subjects."""

from __future__ import annotations

from corroborate.attribution.entities import EntityLookup
from corroborate.attribution.quotes import extract_quotes
from corroborate.attribution.speakers import _by_surname, agrees, gender, named_speaker
from corroborate.ingest.segment import segment
from corroborate.model import Article, Entity, Quote, Span


def direct(text: str) -> list[Quote]:
    a = Article("a1", "outlet-a1", None, None, None, text)
    return [q for q in extract_quotes(a, segment(a)) if q.kind == "direct"]


def test_gender_from_honorific_or_first_name() -> None:
    assert gender("Mrs. Vale") == "f" and gender("Mr Vale") == "m"
    assert gender("Senator Laura Vale") == "f" and gender("Peter Vale") == "m"
    assert gender("Jordan Vale") is None and gender("Vale") is None
    assert agrees("Laura Vale", "she") and not agrees("Laura Vale", "he") and agrees("Jordan Vale", "he")


def test_honorific_tells_two_people_of_one_surname_apart() -> None:
    people = [Entity("Peter Vale", "PER", [], []), Entity("Laura Vale", "PER", [], [])]
    lookup = EntityLookup(people)
    assert _by_surname("Vale", lookup) is None
    assert _by_surname("Mr. Vale", lookup) is people[0]
    assert _by_surname("Ms Vale", lookup) is people[1]
    assert _by_surname("Vale", lookup, "she") is people[1]


def test_he_does_not_refer_back_to_a_woman() -> None:
    text = ("Peter Brandt opened the harbour on Friday.\n\n"
            "Peter Brandt later thanked the mayor and her deputy, Laura Kent, for their help.\n\n"
            "Laura Kent waved to the crowd from the stage.\n\n"
            "“They have done a wonderful job for this town,” he said.")
    assert direct(text)[0].speaker == "Peter Brandt"


def test_honorific_surname_is_a_subject_when_the_family_shares_it() -> None:
    text = ("Peter Vale and his wife, Laura Vale, arrived at noon. Tom Hale, an adviser, stood near the door.\n\n"
            "As Mr. Vale walked to the stage, the rain began.\n\n"
            "Later he promised “a new harbour for every town on this coast.”")
    assert direct(text)[0].speaker == "Peter Vale"


def test_a_possessive_subject_is_not_what_she_refers_to() -> None:
    text = ("Senator Laura Kent unveiled a plan to cut the deficit.\n\n"
            "Her office says the plan would please Tom Hale and save billions over a decade.\n\n"
            "“These two changes would keep the fund solvent for many years,” she told reporters.")
    q = direct(text)[0]
    assert q.speaker == "Laura Kent"


def test_a_participle_with_its_agent_is_no_cue() -> None:
    text = ("Tom Hale, the head of the harbour board, told reporters that failing to pass a plan like the budget "
            "announced by Mayor Ann Ruiz this week “would badly hurt the fishing fleet.”")
    q = direct(text)[0]
    assert q.speaker == "Tom Hale" and q.cue == "told"


def test_a_name_and_an_unlisted_verb_after_the_quote() -> None:
    text = ("Ann Ruiz spoke first. “The budget is a disgrace to this town,” said Ann Ruiz.\n\n"
            "“It is completely at odds with what the council promised,” summarized Tom Hale.")
    found = direct(text)
    assert [(q.speaker, q.cue) for q in found][-1] == ("Tom Hale", "summarized")


def test_a_title_the_story_gave_one_person_when_no_one_is_named_before() -> None:
    text = ("Attorney General Ann Ruiz spoke in Dover on Friday.\n\n"
            "The claims spread quickly. Newspapers repeated them. Few checked them.\n\n"
            "Sometimes the remarks have been plainly untrue.\n\n"
            "In an interview on Monday, the attorney general said that the record was wrong.\n\n"
            "“My intention has always been to be completely clear and accurate,” she said.")
    assert direct(text)[-1].speaker == "Ann Ruiz"


def test_a_spokesperson_speaks_for_a_body_typed_as_a_place() -> None:
    people = [Entity("Dover", "LOC", [], [])]
    q = Quote("spokesperson for Dover", "said", "We review all such requests carefully", [], "direct")
    assert named_speaker(q, EntityLookup(people)).speaker == "Dover"


def test_a_kin_word_before_a_nickname_gives_its_bearers_sex() -> None:
    assert gender("Uncle Tubby") == "m" and gender("Aunt Bee") == "f" and not agrees("Uncle Tubby", "she")
    found = direct("Uncle Tubby told a magazine about the feud in March. Tubby later posted a text exchange he had "
                   "with Rose in which she reportedly told him: 'I am going to confront everyone about all of these "
                   "lies.'")
    assert [q.speaker for q in found] == [None]


def test_the_quote_that_continues_a_subject_typed_as_a_place_keeps_it() -> None:
    # The typer called the one-name player a place; he speaks with a verb ("Brook told"), and so does the quote
    # that continues his words with no cue of its own.
    text = ("Brook, 30, joined the club in July. \"I'm ready and I have been fit all season,\" Brook told the club "
            "website. \"I've been playing games for the under-20s and I keep my match fitness up.\"")
    a = Article("a1", "o", None, None, None, text)
    entities = [Entity("Brook", "LOC", [], [Span.of(a, 0, 5)])]
    found = [q for q in extract_quotes(a, segment(a), entities=entities) if q.kind == "direct"]
    assert [q.speaker for q in found] == ["Brook", "Brook"]
