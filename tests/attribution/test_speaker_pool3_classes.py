"""Speaker error classes found on the third speaker pool (FNC-1 bodies, bench/speaker_pool.py), on made-up text."""

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


def test_an_abbreviated_military_rank_is_no_part_of_the_name() -> None:
    text = ("The rifle went missing after a training exercise on the base.\n\n"
            "Retired Command Sgt. Maj. Ada Stone, who led the base for years, said lockdowns are common. "
            "“Some of them have lasted for months,” Stone said.")
    assert speakers(text) == [("Ada Stone", "Some")]


def test_a_body_named_with_for_speaks_as_a_whole() -> None:
    text = ("Fighters raided the market on Sunday.\n\n"
            "“The traders pay a tax on each sale,” the Eastern Observatory for Human Rights said.")
    assert speakers(text) == [("Eastern Observatory for Human Rights", "The")]


def test_a_particle_joined_to_a_name_is_part_of_it() -> None:
    before = "“We are in a long war with no end in sight,” group spokesman Abu Karim al-Masri said."
    after = "He said the fight would reach “the hearts of your homes,” said group head Abu Samir al-Hadi."
    assert speakers(before) == [("Abu Karim al-Masri", "We")]
    assert speakers(after) == [("Abu Samir al-Hadi", "the")]
    role = "“The committee will meet on Monday,” Head of the committee Omar al-Rawi said."
    assert speakers(role) == [("Omar al-Rawi", "The")]


def test_a_named_persons_relative_is_not_that_person() -> None:
    text = ("Ann Vale was a reporter in the city for ten years.\n\n"
            "Vale's mother said she was a kind woman who “has always tried to help the weak and the poor.”")
    assert speakers(text) == [(None, "has")]


def test_a_surname_ending_in_ly_is_no_adverb() -> None:
    text = "The league is growing.\n\nDeputy commissioner Ann Daly says there is “nothing new to report on it.”"
    assert speakers(text) == [("Ann Daly", "nothing")]


def test_a_long_title_with_of_before_a_name_and_its_verb() -> None:
    text = ("The army said the weapons were dropped by mistake.\n\n“The coalition lied about the drops of food and "
            "arms,” Deputy Chief of Staff of the Iranian Armed Forces Brigadier General Omar Rahimi said.")
    assert speakers(text) == [("Omar Rahimi", "The")]
