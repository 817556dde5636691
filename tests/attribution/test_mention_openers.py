"""Mentions: a participle that opens a sentence is no part of the name after it."""

from __future__ import annotations

from corroborate.attribution.mentions import ArticleMentions
from corroborate.attribution.names import opening_verb
from corroborate.ingest.segment import segment
from corroborate.model import Article


def test_a_sentence_opening_participle_is_not_a_first_name() -> None:
    a = Article("a1", "o", None, None, None, "Hugo Lark won the award. Having Lark host the gala pleases everyone.")
    surfaces = [m.surface for m in ArticleMentions(a, segment(a), set()).build()]
    assert "Having Lark" not in surfaces and surfaces.count("Lark") == 1


def test_opening_verbs() -> None:
    assert opening_verb("having") and opening_verb("added")
    assert not opening_verb("sterling") and not opening_verb("irving")
