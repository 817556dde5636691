"""Cues around a quote (cues.py): the speaker after the closing mark, and when a quote may carry the one before."""

from __future__ import annotations

from corroborate.attribution.quotes import extract_quotes
from corroborate.model import Article


def _speakers(text: str) -> list[str | None]:
    return [q.speaker for q in extract_quotes(Article("a1", "o", None, None, None, text), []) if q.kind == "direct"]


def test_a_quote_tagged_by_someones_relative_does_not_carry_the_name_before() -> None:
    text = ("Ann Vale died on Monday at the age of 90, her son and daughter, Tom and Rose Vale, told the paper. "
            "\"She was and will always be the light of our family, and we miss her,\" her son wrote online.")
    assert _speakers(text) == [None]
