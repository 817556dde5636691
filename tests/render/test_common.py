"""One definition of "independent sources": the story header (text, Markdown, HTML) and the brief agree."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from corroborate.crosscheck.independence import source_of
from corroborate.model import Report
from corroborate.render import render
from corroborate.render.common import counted, distinct_values, independent_sources, sources_label
from corroborate.render.html import story_views

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture(scope="module")
def examples() -> Report:
    import corroborate

    return corroborate.check([EXAMPLES], semantic="off", nlp="off")


def test_header_count_is_the_independence_modules(examples: Report) -> None:
    ferry = max(examples.stories, key=lambda s: len(s.articles))
    members = [a for a in examples.articles if a.id in ferry.articles]
    source, _ = source_of(members, examples.reuse)
    assert independent_sources(examples, ferry.articles) == len(set(source.values())) == 3
    # Four outlets: the Island Herald's syndicated copy counts with the Gazette; Coast Wire and the scrape apart.
    assert len({a.outlet for a in members}) == 4


def test_header_and_brief_agree_on_the_examples(examples: Report) -> None:
    views = story_views(examples)
    text, markdown = render(examples, "text"), render(examples, "markdown")
    for story, view in zip(examples.stories, views, strict=True):
        header = independent_sources(examples, story.articles)
        brief = max((b.independent_sources for b in story.brief), default=1)
        assert header == brief, story.id  # the best-backed brief sentence has every source of the story
        assert view.independent == header
        label = sources_label(header)
        assert re.search(rf"{counted(len(story.articles), 'article')} · {label} ·", text)
        assert f": {label}." in markdown
    html = render(examples, "html")
    ferry = max(views, key=lambda v: len(v.columns))
    assert f"{ferry.independent} independent sources</span>" in html


def test_labels() -> None:
    assert sources_label(1) == "1 independent source" and sources_label(3) == "3 independent sources"
    assert counted(1, "article") == "1 article" and counted(2, "article") == "2 articles"


def test_a_conflicts_values_are_shown_once_each() -> None:
    import dataclasses

    from tests.render.builders import sample_report

    report = sample_report()
    story = report.stories[0]
    first = story.conflicts[0]
    # Three outlets agree on one value, written two ways, against a fourth: the line names each value once.
    story.conflicts[0] = dataclasses.replace(first, spans=[first.spans[0]] * 3 + [first.spans[1]],
                                             values=["two", "Two.", "two", "four"])
    md = render(report, "markdown")
    line = next(ln for ln in md.splitlines() if ln.strip().startswith("values:"))
    assert line.strip() == "values: “two” vs “four”"
    assert "1 story." in md or "stories." in md
    assert distinct_values(["Ms Patel", "Ms. Patel", "the French government"]) == ["Ms Patel", "the French government"]
    assert counted(1, "story", "stories") == "1 story" and counted(2, "story", "stories") == "2 stories"


def test_repaired_mojibake_is_listed_as_repaired_not_as_removed_noise(tmp_path: Path) -> None:
    import corroborate

    (tmp_path / "fares.txt").write_text(
        "Carla RenÃ©e paid Â£40 for a ferry ticket on Monday, up from £32 last year.\n\n"
        "ADVERTISEMENT\n\nThe harbour office said fuel costs more this winter.\n", encoding="utf-8")
    report = corroborate.check([tmp_path], semantic="off", nlp="off")
    assert [r.reason for r in report.removed] == ["mojibake", "mojibake", "ad marker"]
    assert report.counters["removed"] == 1 and report.counters["repaired"] == 2
    for fmt in ("text", "markdown"):
        out = render(report, fmt)
        noise_part, _, repaired_part = out.partition("Repaired encoding (2)")
        assert "Removed scrape noise (1)" in noise_part and "ad marker" in noise_part, fmt
        assert "mojibake" not in noise_part and repaired_part.count("mojibake") == 2, fmt
    html = render(report, "html")
    assert "removed as scrape noise: ad marker" in html and "removed as scrape noise: mojibake" not in html


def test_a_brief_line_cites_each_article_once_with_how_many_more_spans_it_cites_there() -> None:
    from corroborate.model import Article, Span
    from corroborate.render.common import citations

    a = Article("a1", "Gazette", None, None, None, "x" * 400)
    b = Article("b2", "Herald", None, None, None, "y" * 400)
    report = Report(articles=[a, b], method={}, removed=[], repeats=[], reuse=[], stories=[], errors=[])
    spans = [Span("b2", 5, 9, "yyyy"), Span("a1", 10, 20, "x"), Span("b2", 50, 60, "y"), Span("b2", 70, 80, "y")]
    assert citations(report, spans) == [("Herald:5-9", 2), ("Gazette:10-20", 0)]


def test_reported_speech_is_never_shown_in_quotation_marks() -> None:
    """ "He said this has led to more crossings" is the outlet's wording: every renderer shows it without marks
    and says it is reported speech; a direct quote keeps its marks."""
    from corroborate.model import Quote
    from corroborate.render.common import quote_cue, quote_words
    from tests.render.builders import sample_report

    report = sample_report()
    ferry = report.stories[0]
    direct = ferry.quotes[0]
    reported = Quote("Ana Ruiz", "said", "the vessel struck a sandbank", direct.spans, kind="reported")
    ferry.quotes.append(reported)
    assert (quote_cue(direct), quote_words(direct, 100)) == ("said", "“We are relieved that nobody was lost”")
    assert (quote_cue(reported), quote_words(reported, 100)) == ("said, reported speech",
                                                                 "the vessel struck a sandbank")
    for fmt in ("text", "markdown", "html"):
        out = render(report, fmt)
        assert "“We are relieved that nobody was lost”" in out, fmt
        assert "the vessel struck a sandbank" in out and "“the vessel struck a sandbank”" not in out, fmt
        assert "said, reported speech" in out, fmt


def test_the_terminal_lists_a_few_undated_timeline_mentions_and_counts_the_rest() -> None:
    from corroborate.model import TimelineEvent
    from corroborate.render.text import UNDATED_SHOWN
    from tests.render.builders import sample_report

    report = sample_report()
    ferry = report.stories[0]
    span = ferry.timeline[0].spans
    ferry.timeline += [TimelineEvent(None, f"relative mention {k}", span, expression="last night") for k in range(5)]
    text = render(report, "text")
    shown = [k for k in range(5) if f"relative mention {k}" in text]
    assert shown == list(range(UNDATED_SHOWN))
    assert f"{5 - UNDATED_SHOWN} more undated mentions" in text
    assert "2025-03-03" in text  # dated mentions are all listed
    assert all(f"relative mention {k}" in render(report, "markdown") for k in range(5))


def test_a_quote_repeated_by_a_copy_is_listed_once_with_its_articles() -> None:
    from dataclasses import replace

    from corroborate.model import Span
    from tests.render.builders import sample_report

    report = sample_report()
    ferry = report.stories[0]
    original = ferry.quotes[0]
    other = next(a for a in report.articles if a.id in ferry.articles and a.id != original.spans[0].article)
    ferry.quotes.append(replace(original, spans=[Span.of(other, 0, 12)]))
    for fmt in ("text", "markdown", "html"):
        out = render(report, fmt)
        assert out.count("We are relieved that nobody was lost") >= 1, fmt
        assert "in 2 articles" in out, fmt
    text = render(report, "text")
    assert "Quotes (1)" in text and text.count("“We are relieved that nobody was lost”") == 1
    assert report.to_json().count('"We are relieved that nobody was lost"') == 2  # the JSON keeps every copy


def test_a_timeline_line_says_which_words_it_dated() -> None:
    from tests.render.builders import sample_report

    report = sample_report()
    for fmt in ("text", "markdown"):
        assert "2025-03-03" in render(report, fmt) and "“Monday night”" in render(report, fmt), fmt


def test_the_terminal_says_how_many_quotes_and_entities_it_left_out() -> None:
    from corroborate.model import Entity
    from corroborate.render.text import LISTED
    from tests.render.builders import sample_report

    report = sample_report()
    ferry = report.stories[0]
    ferry.entities += [Entity(f"Person {k}", "PER", [], []) for k in range(LISTED + 3)]
    text = render(report, "text")
    assert f"Entities ({len(ferry.entities)})" in text
    assert f"{len(ferry.entities) - LISTED} more entities" in text
    assert "more quotes" not in text  # one quote: nothing left out


def test_a_direct_quote_without_a_cue_says_where_its_speaker_came_from() -> None:
    from dataclasses import replace

    from corroborate.render.common import quote_cue
    from tests.render.builders import sample_report

    quote = sample_report().stories[0].quotes[0]
    assert quote_cue(quote) == "said"
    assert quote_cue(replace(quote, cue=None)) == "from context"
    assert quote_cue(replace(quote, cue=None, speaker=None, speaker_span=None)) == "no cue"
