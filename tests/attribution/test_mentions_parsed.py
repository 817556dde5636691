"""Mentions take the article's entities from the check's parse stage when it has them, instead of parsing again."""

from __future__ import annotations

from types import SimpleNamespace

from corroborate.attribution.mentions import ArticleMentions
from corroborate.ingest.segment import segment
from corroborate.model import Article

TEXT = "Officials in Calais said Ann Vale met Acme Corp. Vale left on Monday."
ENTS = [(TEXT.index("Calais"), TEXT.index("Calais") + 6, "LOC"), (TEXT.index("Acme"), TEXT.index(" Corp") + 5, "ORG")]


class _Whole:
    """A pipeline that parses the whole article (what a plain spaCy pipeline gives)."""

    def __call__(self, text: str) -> SimpleNamespace:
        return SimpleNamespace(ents=[SimpleNamespace(start_char=s, end_char=e, label_=label) for s, e, label in ENTS])


class _Placed:
    """The parse stage's pipeline: it has the article's entities and must not be asked to parse the article."""

    def article_entities(self, text: str) -> list[tuple[int, int, str]] | None:
        return list(ENTS) if text == TEXT else None

    def __call__(self, text: str) -> SimpleNamespace:
        raise AssertionError("the article was parsed again")


def _found(nlp: object) -> list[tuple]:
    article = Article("a1", "o", None, None, None, TEXT)
    return [(m.start, m.end, m.type, m.model_type)
            for m in ArticleMentions(article, segment(article), set()).build(nlp=nlp)]


def test_the_parse_stages_entities_give_the_mentions_a_whole_parse_gives() -> None:
    assert _found(_Placed()) == _found(_Whole())
    assert "ORG" in {kind for *_, kind in _found(_Placed())}  # the model's types arrived


def test_an_article_the_parse_stage_did_not_place_is_parsed() -> None:
    class Unplaced(_Whole):
        def article_entities(self, text: str) -> None:
            return None

    assert _found(Unplaced()) == _found(_Whole())
