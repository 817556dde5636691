"""Misquotes: the same quote in different wording, or attributed to different speakers, across articles."""

from __future__ import annotations

import pytest

from corroborate.attribution.entities import extract_entities
from corroborate.attribution.misquotes import find_misquotes, word_diff
from corroborate.attribution.quotes import extract_quotes
from corroborate.model import Article, Quote, Span
from tests.seedstory import SeedStory, load_seed_story


def quoted(aid: str, text: str, speaker: str | None, kind: str = "direct") -> tuple[Article, Quote]:
    body = f"Someone said: “{text}”"
    a = Article(aid, f"outlet-{aid}", None, None, None, body)
    start = body.index(text)
    span = Span.of(a, start, start + len(text))
    return a, Quote(speaker, "said", text, [span], kind)


def run(*pairs: tuple[Article, Quote]) -> list:
    quotes = {a.id: [q] for a, q in pairs}
    articles = {a.id: a for a, _ in pairs}
    return find_misquotes(quotes, articles)


def test_word_diff_ignores_quoting_less() -> None:
    assert word_diff("we will go further and faster", "we will go further and faster, together") == []
    assert word_diff("we will go further", "we shall go further") == [("will", "shall")]


def test_reworded_quote_is_flagged_with_both_spans_and_the_diff() -> None:
    a = quoted("a1", "We consider the letter unacceptable and in opposition with our talks.", "Jane Doe")
    b = quoted("b2", "We consider the letter unacceptable and contrary to our talks.", "Jane Doe")
    [c] = run(a, b)
    assert c.kind == "quote"
    assert c.values == [a[1].text, b[1].text]
    assert [s.article for s in c.spans] == ["a1", "b2"]
    assert "'in opposition with' -> 'contrary to'" in c.explanation
    assert "speakers differ" not in c.explanation
    assert 0.5 <= c.confidence <= 1


def test_identical_quote_with_different_speakers_is_flagged() -> None:
    a = quoted("a1", "The harbour will reopen before the summer season.", "Jane Doe")
    b = quoted("b2", "The harbour will reopen before the summer season.", "Tom Reed")
    [c] = run(a, b)
    assert c.values == ["Jane Doe", "Tom Reed"]
    assert "different speakers" in c.explanation


def test_reworded_and_reattributed_says_both() -> None:
    a = quoted("a1", "We will rebuild the harbour within one year.", "Jane Doe")
    b = quoted("b2", "We will rebuild the port within one year.", "Tom Reed")
    [c] = run(a, b)
    assert "'harbour' -> 'port'" in c.explanation and "speakers differ" in c.explanation


def test_a_description_or_a_shorter_name_is_no_other_speaker() -> None:
    a = quoted("a1", "We will rebuild the harbour within one year.", "Jane Doe")
    b = quoted("b2", "We will rebuild the port within one year.", "A spokesman for the council")
    [c] = run(a, b)
    assert "speakers differ" not in c.explanation and "'A spokesman for the council'" in c.explanation
    same = quoted("a1", "The harbour will reopen before the summer season.", "Cheryl Boone Isaacs")
    short = quoted("b2", "The harbour will reopen before the summer season.", "Boone Isaacs")
    assert run(same, short) == []


def test_no_conflict_for_same_wording_same_speaker_unrelated_quotes_or_reported_speech() -> None:
    same = quoted("a1", "The harbour will reopen before the summer season.", "Jane Doe")
    again = quoted("b2", "The harbour will reopen before the summer season.", "Jane Doe")
    assert run(same, again) == []
    other = quoted("b2", "Nobody expected the storm to be this strong tonight.", "Tom Reed")
    assert run(same, other) == []
    reported = quoted("b2", "The harbour will reopen before the summer.", "Tom Reed", kind="reported")
    assert run(same, reported) == []
    unknown = quoted("b2", "The harbour will reopen before the summer season.", None)
    assert run(same, unknown) == []


# --- the seed story ------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def story() -> SeedStory:
    return load_seed_story()


def test_seed_interior_ministry_statement_is_a_quote_variant(story: SeedStory) -> None:
    entities = extract_entities(story.articles, story.passages)
    quotes = {a.id: extract_quotes(a, story.passages[a.id], entities=entities) for a in story.articles}
    conflicts = find_misquotes(quotes, {a.id: a for a in story.articles})
    s000, s001 = story.by_prefix("000"), story.by_prefix("001")
    hits = [c for c in conflicts if {s.article for s in c.spans} == {s000.id, s001.id}
            and any("public letter unacceptable" in v for v in c.values)]
    assert len(hits) == 1
    c = hits[0]
    assert c.kind == "quote"
    by_article = dict(zip([s.article for s in c.spans], c.values, strict=True))
    assert by_article[s000.id].startswith("We consider Boris Johnson’s public letter unacceptable and in opposition")
    assert by_article[s001.id].startswith("We consider the British Prime Minister’s public letter unacceptable and "
                                          "contrary to our discussions between counterparts")
    for span, value in zip(c.spans, c.values, strict=True):
        article = s000 if span.article == s000.id else s001
        assert article.text[span.start:span.end] == span.text == value
    assert "Boris Johnson’s" in c.explanation and "the British Prime Minister’s" in c.explanation
    assert "in opposition with" in c.explanation and "contrary to our" in c.explanation
    assert conflicts == find_misquotes(quotes, {a.id: a for a in story.articles})


def test_editorial_brackets_spacing_and_articles_are_no_rewording() -> None:
    a = quoted("a1", "We appreciate the respect shown to her and her family's privacy at this time.", "A rep")
    b = quoted("b2", "We appreciate respect shown to her (Tara Reid) and her family ’ s privacy at this time.", "A rep")
    assert run(a, b) == []


def test_spelling_variants_are_no_rewording_but_a_changed_word_is() -> None:
    a = quoted("a1", "The partner network suffered a fibre cut in the neighbourhood this morning.", "Jane Doe")
    b = quoted("b2", "The partner network suffered a fiber cut in the neighborhood this morning.", "Jane Doe")
    assert run(a, b) == []
    c = quoted("b2", "The partner network suffered a fiber cut in the neighborhood this evening.", "Jane Doe")
    [conflict] = run(a, c)
    assert "'morning' -> 'evening'" in conflict.explanation


@pytest.mark.parametrize(("old", "new"), [("lawful", "unlawful"), ("should", "shouldn't"), ("legal", "illegal")])
def test_negations_are_never_spelling_variants(old: str, new: str) -> None:
    a = quoted("a1", f"The decision was {old} and the court agreed with it today.", "Jane Doe")
    b = quoted("b2", f"The decision was {new} and the court agreed with it today.", "Jane Doe")
    assert len(run(a, b)) == 1
