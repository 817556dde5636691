"""Word lists of names: what their words change in the readers that use them."""

from __future__ import annotations

from corroborate.attribution.quotes import extract_quotes
from corroborate.model import Article


def _speakers(text: str) -> list[str | None]:
    return [q.speaker for q in extract_quotes(Article("a1", "o", None, None, None, text), []) if q.kind == "direct"]


def test_a_musicians_trade_before_the_name_is_no_part_of_it() -> None:
    text = ("Tributes came from many. Vocalist Ann Vale, who sang on the album, wrote: \"We lost a true friend of "
            "music today.\" Producer and DJ Tom Brook wrote: \"Such sad news for all of us who knew him.\"")
    assert _speakers(text) == ["Ann Vale", "Tom Brook"]
