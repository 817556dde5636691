"""The HTML report without a browser: escaping, the CSP pins, no external references, every span marked."""

from __future__ import annotations

import base64
import hashlib
import re
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corroborate.errors import MissingDependency
from corroborate.render import render
from corroborate.render.html import asset, independent_sources, story_views
from tests.render.builders import HOSTILE, TRACKER, all_spans, sample_report
from tests.render.htmlcheck import covering_token, parse


@pytest.fixture(scope="module")
def report():
    return sample_report()


@pytest.fixture(scope="module")
def document(report) -> str:
    return render(report, "html")


def _csp(document: str) -> dict[str, list[str]]:
    (meta,) = parse(document).find("meta", **{"http-equiv": "Content-Security-Policy"})
    policy: dict[str, list[str]] = {}
    for directive in meta.attrs["content"].split(";"):
        name, *values = directive.split()
        policy[name] = values
    return policy


def _sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_hostile_article_markup_stays_text(document: str) -> None:
    parsed = parse(document)
    assert "<script>alert" not in document and "<img" not in document
    assert "&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt;" in document
    # One script element (ours, inline) and no element carries an event handler or an inline style.
    scripts = parsed.find("script")
    assert len(scripts) == 1 and "src" not in scripts[0].attrs
    assert not parsed.find("img")
    for element in parsed.elements:
        assert not [a for a in element.attrs if a.startswith("on") or a == "style"], element
    # The hostile caption comes back, character for character, as text.
    assert any(HOSTILE in parsed.body_text(c) for c in parsed.bodies)
    # A title with markup is text as well.
    assert "Ferry runs aground &lt;b&gt;off&lt;/b&gt; Port Elin" in document


def test_csp_meta_pins_the_inline_script_and_style_by_hash(document: str) -> None:
    policy = _csp(document)
    parsed = parse(document)
    (script,) = parsed.find("script")
    (style,) = parsed.find("style")
    assert policy["default-src"] == ["'none'"]
    assert policy["script-src"] == [_sha(script.text)]
    assert policy["style-src"] == [_sha(style.text)]
    assert policy["base-uri"] == ["'none'"] and policy["form-action"] == ["'none'"]
    assert "unsafe-inline" not in document and "unsafe-eval" not in document
    # The policy comes before anything it governs.
    assert document.index('http-equiv="Content-Security-Policy"') < document.index("<style>")
    # What is inlined is the app's static asset, unchanged.
    assert script.text == asset("corroborate.js") and style.text == asset("corroborate.css")


def test_no_external_reference_outside_article_text(report, document: str) -> None:
    parsed = parse(document)
    urls = {a.url for a in report.articles if a.url}
    for element in parsed.elements:
        for name, value in element.attrs.items():
            if name == "http-equiv":
                continue
            if element.tag == "a" and name == "href" and value in urls:
                # A source link: only where the article's URL is http(s), and it sends no referrer when followed.
                assert value.startswith(("http://", "https://"))
                assert {"noopener", "noreferrer"} <= set(element.attrs["rel"].split())
                continue
            assert not re.search(r"(?i)(https?:|//|javascript:)", value), (element.tag, name, value)
        if element.tag in ("script", "style"):
            assert not re.search(r"(?i)https?://|url\(|@import|fetch\(|XMLHttpRequest|\.src\s*=", element.text)
    untrusted = [a.text for a in report.articles] + [a.url or "" for a in report.articles]
    for text in parsed.texts:
        for found in re.finditer(r"https?://\S*", text):
            assert any(found.group(0) in u for u in untrusted), found.group(0)
    assert TRACKER.split(": ")[1] in document  # the article's URL is shown, as text


def test_article_bodies_reproduce_the_text_and_mark_every_span_exactly(report, document: str) -> None:
    parsed = parse(document)
    for index, story in enumerate(report.stories, start=1):
        columns = {a: f"s{index}-a{i}" for i, a in enumerate(story.articles)}
        for article_id, column in columns.items():
            assert parsed.body_text(column) == report.article(article_id).text
        for span in all_spans(report):
            if span.article not in columns:
                continue
            runs = parsed.bodies[columns[span.article]]
            assert covering_token(runs, span.start, span.end), f"span {span} is not marked exactly"


def test_highlight_kinds_land_on_the_right_words(document: str) -> None:
    parsed = parse(document)
    runs = parsed.bodies["s1-a2"]  # daily-echo: a spun copy of coast-wire
    drift = "".join(r.text for r in runs if "m-drift" in r.classes)
    assert drift == "confirmed"
    exact = {r.text for r in runs if "m-exact" in r.classes}
    assert exact == {"A ferry ran aground off Port Elin on Monday night; four crew members were injured."}
    values = {c: {r.text for r in parsed.bodies[c] if "m-value" in r.classes} for c in ("s1-a0", "s1-a1", "s1-a2")}
    assert values == {"s1-a0": {"two"}, "s1-a1": {"four", "denied"}, "s1-a2": {"confirmed"}}
    removed = "".join(r.text for r in parsed.bodies["s1-a0"] if "m-removed" in r.classes)
    assert removed == TRACKER


def test_citations_reveal_their_source_sentence(report, document: str) -> None:
    parsed = parse(document)
    cites = [e for e in parsed.elements if e.tag == "button" and "cite" in e.attrs.get("class", "").split()]
    citations = [c for s in report.stories for b in s.brief for c in b.citations]
    assert len(cites) == len(citations)
    for button, span in zip(cites, citations, strict=True):
        reveal = parsed.by_id(button.attrs["aria-controls"])
        assert reveal.tag == "blockquote" and "hidden" in reveal.attrs
        assert span.text.replace("“", "").split()[0] in document
        assert button.attrs["data-ref"].startswith("s")


def test_conflict_cards_point_at_marks_in_both_articles(report, document: str) -> None:
    parsed = parse(document)
    cards = [e for e in parsed.elements if "conflict" in e.attrs.get("class", "").split() and e.tag == "article"]
    assert len(cards) == sum(len(s.conflicts) for s in report.stories) == 2
    for card in cards:
        refs = card.attrs["data-refs"].split()
        assert len(refs) == 2
        owners = {col for col, runs in parsed.bodies.items() for r in runs for ref in refs if ref in r.tokens}
        assert len(owners) == 2  # one span in each of two articles


def test_independent_sources_merge_copies(report) -> None:
    ferry = report.stories[0]
    assert independent_sources(report, ferry.articles) == 2  # daily-echo copies coast-wire
    views = story_views(report)
    assert [v.independent for v in views] == [2, 1]
    assert views[0].title == "Ferry runs aground <b>off</b> Port Elin"  # escaped by the template, not here


def test_render_is_deterministic(report) -> None:
    assert render(report, "html") == render(sample_report(), "html")


def test_viewport_and_no_external_assets(document: str) -> None:
    parsed = parse(document)
    assert parsed.find("meta", name="viewport")
    assert not parsed.find("link") and not parsed.find("iframe") and not parsed.find("img")


def test_missing_jinja2_names_the_pip_command(report, monkeypatch: pytest.MonkeyPatch) -> None:
    # jinja2 is a core dependency (the HTML report needs no extra): a missing one asks for a reinstall.
    monkeypatch.setitem(sys.modules, "jinja2", None)  # makes `import jinja2` raise ImportError
    with pytest.raises(MissingDependency, match=r"core dependency.*pip install --force-reinstall corroborate"):
        render(report, "html")


@pytest.fixture(scope="module")
def examples_report():
    from corroborate.config import Config
    from corroborate.pipeline import Checker

    examples = Path(__file__).resolve().parents[2] / "examples"
    if not examples.is_dir():
        pytest.skip(f"{examples} not found")
    checker = Checker(config=Config(semantic="off"))
    try:
        return checker.run([str(examples)])
    finally:
        checker.close()


def test_examples_report_marks_every_span_of_the_real_pipeline(examples_report) -> None:
    """The bundled examples through the whole pipeline: real repeats, drift, conflicts, quotes, timeline."""
    report = examples_report
    assert report.stories and report.repeats
    document = render(report, "html")
    parsed = parse(document)
    checked = 0
    for index, story in enumerate(report.stories, start=1):
        columns = {a: f"s{index}-a{i}" for i, a in enumerate(story.articles)}
        for article_id, column in columns.items():
            assert parsed.body_text(column) == report.article(article_id).text
        spans = [x for c in story.conflicts for x in c.spans] + [x for b in story.brief for x in b.citations]
        spans += [x for q in story.quotes for x in q.spans] + [x for t in story.timeline for x in t.spans]
        spans += [m for g in report.repeats for m in g.members if m.article in columns]
        spans += [r.span for r in report.removed if r.span.article in columns]
        for span in spans:
            if span.end > span.start:
                assert covering_token(parsed.bodies[columns[span.article]], span.start, span.end), span
                checked += 1
    assert checked > 50
    policy = _csp(document)
    assert policy["script-src"] == [_sha(parsed.find("script")[0].text)]


_ALPHABET = "ab <>&\"'\n“é"


@settings(max_examples=150, deadline=None)
@given(text=st.text(alphabet=_ALPHABET, min_size=1, max_size=60),
       cuts=st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60), st.sampled_from(["exact", "conflict", "cite"])),
                     max_size=12))
def test_marks_cover_any_spans_exactly_and_keep_the_text(text: str, cuts: list[tuple[int, int, str]]) -> None:
    """Whatever the overlaps, the body is the escaped text and each span's token covers exactly its range."""
    from corroborate.model import Article, Report, Span
    from corroborate.render.html import Marks

    article = Article("x1", "o", None, None, None, text)
    marks = Marks(Report(articles=[article]), prefix="t-", columns={"x1": "t-a0"})
    spans = []
    for a, b, kind in cuts:
        lo, hi = sorted((min(a, len(text)), min(b, len(text))))
        span = Span.of(article, lo, hi)
        spans.append((span, marks.ref(span, kind, f"{kind} <t>")))
    body = str(marks.body(article))
    parsed = parse(f'<section class="column" id="t-a0"><div class="article-body">{body}</div></section>')
    assert parsed.body_text("t-a0") == text
    runs = parsed.bodies["t-a0"]
    for span, ref in spans:
        if span.end > span.start:
            covered = [r for r in runs if ref.id in r.tokens]
            assert "".join(r.text for r in covered) == span.text
            assert covered[0].start == span.start
