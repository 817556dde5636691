"""Cues around a quote (cues.py): the speaker after the closing mark, and when a quote may carry the one before."""

from __future__ import annotations

from corroborate.attribution.quotes import extract_quotes
from corroborate.model import Article


def _speakers(text: str) -> list[str | None]:
    return [q.speaker for q in extract_quotes(Article("a1", "o", None, None, None, text), []) if q.kind == "direct"]


def test_a_club_before_the_noun_that_ends_the_tag_does_not_speak() -> None:
    text = ("Ostland lost to Westland on Tuesday in Kingsport. 'The state of the squad is good,' centre back Tom "
            "Brook told reporters. 'We are trying out young players in these games,' added the Kingsport defender.")
    # (The defender is the one quoted just before: quotes.py's epithet rule, tests/attribution/test_quotes.py.)
    assert _speakers(text) == ["Tom Brook", "Tom Brook"]
    assert _speakers(text.replace("centre back Tom Brook told", "a young player told")) == [None, None]


def test_a_quote_tagged_by_someones_relative_does_not_carry_the_name_before() -> None:
    text = ("Ann Vale died on Monday at the age of 90, her son and daughter, Tom and Rose Vale, told the paper. "
            "\"She was and will always be the light of our family, and we miss her,\" her son wrote online.")
    assert _speakers(text) == [None]


def test_a_named_bodys_article_after_the_cue_still_speaks_for_it() -> None:
    text = ("A photo of a giant crab has people asking if it is real, according to Ostland News. \"The aerial shot "
            "lets viewers see the full body of the crab,\" says the Ostland News article.")
    assert _speakers(text) == ["Ostland News"]


def test_a_name_set_off_by_commas_right_before_the_verb_is_its_subject() -> None:
    # A photo caption with no full stop runs into the sentence ("... in July 2013 A ..."); the name in commas
    # before "told" speaks, not the person the caption was about.
    text = ("Ann Vale lives in Kingsport. Vale' page says she became engaged in July 2013 A Kingsport building "
            "janitor, Tom Brook, told the New York Post 'She was arrested and he does not want her back at all.'")
    assert _speakers(text) == ["Tom Brook"]


def test_a_person_of_a_body_described_on_in_lower_case_before_the_verb_speaks() -> None:
    text = '"She died after a brief aggressive battle with cancer," Tom Brook of Acme music publishing said.'
    assert _speakers(text) == ["Tom Brook"]
    # A body's name of two joined by a slash is one name.
    text = ("Ann Vale died in London last week at the age of 66 after \"a brief aggressive battle with cancer\", Tom "
            "Brook of Acme/Vale music publishing said.")
    assert _speakers(text) == ["Tom Brook"]


def _reported(text: str) -> list[tuple[str | None, str | None]]:
    from corroborate.ingest.segment import segment

    a = Article("a1", "o", None, None, None, text)
    return [(q.speaker, q.speaker_span.text if q.speaker_span else None)
            for q in extract_quotes(a, segment(a)) if q.kind == "reported"]


def test_a_word_after_a_determiner_is_no_speech_verb() -> None:
    text = ("Hearing ends\n\nThe added complexity was not always welcome to the lawmakers who questioned her.\n\n"
            "Ann Vale will have the added pressure of leading the ceremony this year.")
    assert _reported(text) == []


def test_a_dateline_is_never_the_subject_of_the_first_sentence() -> None:
    text = ("Benefits fight\n\nOSLO -- The nation's largest union says that it has not changed its view of the "
            "pension plan.\n\nNEW YORK (AP) — Ann Vale said on Monday that she would run again next year.")
    found = _reported(text)
    assert all(span not in ("OSLO", "NEW YORK", "AP") for _, span in found), found
    assert ("Ann Vale", "Ann Vale") in found


def test_a_phrase_between_the_verb_and_that_opens_no_clause_of_its_own() -> None:
    text = ("Party plans\n\nAnn Vale said on Monday that the party would field a candidate in every district.\n\n"
            "Tom Hale said in a statement that the plan was too costly for the county to carry.\n\n"
            "Ann Vale said in a statement that was released late on Friday, without giving a reason.")
    assert _reported(text) == [("Ann Vale", "Ann Vale"), ("Tom Hale", "Tom Hale")]


def test_a_name_after_a_participle_is_no_reported_clause() -> None:
    text = ("Seat filled\n\nGov. Ann Vale on Wednesday appointed Tom Hale to the seat vacated by newly confirmed "
            "Secretary of State Ben Ode.")
    assert _reported(text) == []
