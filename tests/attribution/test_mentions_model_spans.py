"""Where the model ran, its entity spans decide the connectors the rules cannot read alone ("of", "and", "for")."""

from __future__ import annotations

from corroborate.attribution.aliases import organisations
from corroborate.attribution.mentions import ArticleMentions
from corroborate.ingest.segment import segment
from corroborate.model import Article
from tests.attribution.fakes import SpanModel


def _names(text: str, spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    article = Article("a1", "o", None, None, None, text)
    found = ArticleMentions(article, segment(article), set()).build(nlp=SpanModel(text, spans))
    return [(m.surface, m.type) for m in found if m.type != "ROLE"]


def test_a_body_name_the_model_reads_whole_is_not_cut_at_and() -> None:
    text = "The Ostland Board of Fisheries and Forestry voted on Tuesday to close the pier."
    names = _names(text, [("Ostland", "LOC"), ("Fisheries and Forestry", "ORG")])
    assert ("Ostland Board of Fisheries and Forestry", "ORG") in names


def test_two_names_the_model_reads_apart_are_not_joined_at_and() -> None:
    text = "Officials from Bank of Ostland and Varro Trust met on Monday."
    names = [name for name, _ in _names(text, [("Bank of Ostland", "ORG"), ("Varro Trust", "ORG")])]
    assert "Bank of Ostland" in names and "Varro Trust" in names


def test_two_first_names_the_model_reads_apart_stay_two_people() -> None:
    # "Bill" is also a law's head word ("Nationality and Borders Bill"), which alone would join the two.
    text = "She was glad to be working with Tobin and Bill on the show."
    names = [name for name, _ in _names(text, [("Tobin", "PER"), ("Bill", "PER")])]
    assert "Tobin and Bill" not in names


def test_the_model_types_a_body_name_no_list_knows() -> None:
    text = "The Wardens of Coastal Reaches said the beach would stay shut."
    assert ("Wardens of Coastal Reaches", "ORG") in _names(text, [("Wardens of Coastal Reaches", "ORG")])


def test_a_body_name_is_not_cut_at_of_where_the_model_reads_it_whole() -> None:
    text = "A letter from the Ostland Guild of Pilots reached the port."
    names = [name for name, _ in _names(text, [("Ostland Guild of Pilots", "ORG")])]
    assert "Ostland Guild of Pilots" in names


def test_a_bodys_first_word_alone_is_that_body() -> None:
    house, full = ("ORG", ("house",)), ("ORG", ("house", "of", "representatives"))
    joins = organisations({house, full}, set())
    assert joins[house][0] == full


def test_a_first_word_two_bodies_share_joins_neither() -> None:
    house = ("ORG", ("house",))
    keys = {house, ("ORG", ("house", "of", "representatives")), ("ORG", ("house", "of", "lords"))}
    assert house not in organisations(keys, set()) or organisations(keys, set())[house][0] == house


def _rules(text: str) -> list[tuple[str, tuple[str, ...], str]]:
    article = Article("a1", "o", None, None, None, text)
    return [(m.surface, m.name, m.type) for m in ArticleMentions(article, segment(article), set()).build()]


def test_a_hospital_named_like_a_general_is_no_person() -> None:
    assert ("Varrow General Hospital", ("Varrow", "General", "Hospital"), "ORG") in _rules(
        "She was taken to Varrow General Hospital on Monday.")


def test_a_hyphenated_title_is_kept_out_of_the_name() -> None:
    found = _rules("UN Secretary-General Tomas Ferrand said the talks would resume.")
    assert any(name == ("Tomas", "Ferrand") and kind == "PER" for _, name, kind in found)


def test_a_title_cut_at_of_keeps_its_tail_out_of_the_name() -> None:
    found = _rules("Secretary of Harbours Gary Vance said the review would start.")
    assert ("Gary Vance", ("Gary", "Vance"), "PER") in found
    assert not any("Harbours" in name for _, name, kind in found if kind == "PER")


def test_a_title_before_the_name_after_for_stays_the_persons() -> None:
    found = _rules("Ann Holt, the communications director for Rep. Stephen Vance, wrote that.")
    assert not any(name == ("Rep",) for _, name, _ in found)


def test_a_glued_arabic_article_ends_a_name_and_the_surname_alone_joins_it() -> None:
    from corroborate.attribution.entities import extract_entities

    text = "President Rami al-Hassan spoke on Monday. Hassan said nothing else."
    article = Article("a1", "o", None, None, None, text)
    people = {e.name: e.aliases for e in extract_entities([article], {}) if e.type == "PER"}
    assert "Rami al-Hassan" in people and "Hassan" in people["Rami al-Hassan"]


def test_a_person_of_a_firm_is_two_names_whatever_one_model_span_says() -> None:
    # The model labels "Dana Lee Porter of Brandt L.L.P." as one place; the story calls her "Ms. Porter" later.
    text = ("“There is going to be a long delay,” said Dana Lee Porter of Brandt L.L.P., an accounting firm. "
            "“It would be nice if they were consistent,” Ms. Porter said.")
    names = _names(text, [("Dana Lee Porter of Brandt L.L.P.", "GPE")])
    assert ("Dana Lee Porter", "PER") in names
    assert not any(name.startswith("Dana Lee Porter of") for name, _ in names)
