"""A conflict's side-by-side view: each side is the sentence around its span, the differing value marked."""

from __future__ import annotations

from corroborate.model import Article, Span
from corroborate.render.html import story_views
from corroborate.render.pairwise import MAX_CHARS, passage, sentence_bounds
from tests.render.builders import sample_report

TEXT = ("Ferry aground\n\nThe ferry ran aground at night. It was carrying 212 passengers and 31 crew on its crossing. "
        "Tugs are due on Wednesday.\n\nA second paragraph.")
ARTICLE = Article("a1", "Harbour Gazette", "Ferry aground", "2025-03-04", None, TEXT)


def test_a_short_span_shows_its_whole_sentence_and_only_that() -> None:
    span = Span.of(ARTICLE, TEXT.index("212 passengers"), TEXT.index("212 passengers") + len("212 passengers"))
    lo, hi = sentence_bounds(TEXT, span.start, span.end)
    assert TEXT[lo:hi] == "It was carrying 212 passengers and 31 crew on its crossing."
    html = str(passage(ARTICLE, span, "212 passengers"))
    assert html == 'It was carrying <mark class="m-value">212 passengers</mark> and 31 crew on its crossing.'


def test_the_value_is_marked_inside_a_long_span_and_text_is_escaped() -> None:
    text = "Officials said <b>nobody</b> was hurt, and they denied the ferry was overloaded."
    article = Article("a2", "Coast Wire", None, None, None, text)
    html = str(passage(article, Span.of(article, 0, len(text)), "denied"))
    assert '<mark class="m-value">denied</mark>' in html and "&lt;b&gt;nobody&lt;/b&gt;" in html
    assert "<b>" not in html


def test_a_run_on_sentence_is_cut_around_the_span() -> None:
    text = "Names: " + ", ".join(f"person {i}" for i in range(400)) + " and 17 others."
    article = Article("a3", "List", None, None, None, text)
    at = text.index("person 200")
    html = str(passage(article, Span.of(article, at, at + len("person 200")), "person 200"))
    assert html.startswith("…") and html.endswith("…") and len(html) < MAX_CHARS + 60


def test_story_view_sorts_conflicts_by_confidence_and_builds_two_sides() -> None:
    report = sample_report()
    report.stories[0].conflicts.reverse()  # least confident first, as a cross-check may list them
    view = story_views(report)[0]
    assert [cv.conflict.confidence for cv in view.conflicts] == [0.86, 0.74]
    sides = view.conflicts[0].sides
    assert [s.ref.outlet for s in sides] == ["harbour-gazette", "coast-wire"] and [s.value for s in sides] == [
        "two", "four"]
    assert all('<mark class="m-value">' in str(s.passage) for s in sides)
    assert all(s.article is not None and len(str(s.passage)) < len(s.article.text) for s in sides)
