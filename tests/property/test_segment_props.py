"""Property tests: whatever the text, passages are exact, ordered, non-overlapping substrings."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from corroborate.ingest.segment import segment
from corroborate.model import Article, Removal, Span

# Text built from the characters that make segmentation hard: punctuation, quotes, dashes, newlines.
ALPHABET = st.sampled_from([*list("abc ABC .!?…\n\n\t“”‘’\"'()-–—:;,0123456789"), "Mr.", "U.K.", " … ", "\xa0"])
TEXTS = st.lists(ALPHABET, max_size=200).map("".join)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_passages_are_exact_ordered_substrings(text: str) -> None:
    article = Article(id="a", outlet="o", title=None, published=None, path=None, text=text)
    passages = segment(article)
    last = 0
    for i, p in enumerate(passages):
        assert p.index == i
        assert text[p.start:p.end] == p.text
        assert p.text and p.text == p.text.strip()
        assert p.start >= last
        last = p.end
    # Nothing but whitespace is lost between passages when nothing was removed.
    covered = "".join(p.text for p in passages)
    assert "".join(covered.split()) == "".join(text.split())


@settings(max_examples=200, deadline=None)
@given(TEXTS, st.data())
def test_removed_spans_never_reach_a_passage(text: str, data: st.DataObject) -> None:
    article = Article(id="a", outlet="o", title=None, published=None, path=None, text=text)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    removal = Removal("test", Span.of(article, start, end))
    for p in segment(article, [removal]):
        assert p.end <= start or p.start >= end
        assert text[p.start:p.end] == p.text
