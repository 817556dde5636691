"""clean: scrape noise found with a reason and a span into the original text; nothing else touched."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from corroborate.ingest import read_sources
from corroborate.ingest.clean import RULES, clean
from corroborate.ingest.common import article_id
from corroborate.ingest.segment import segment
from corroborate.model import Article, Removal
from tests.conftest import REPO, shared_path


def _article(text: str) -> Article:
    return Article(id=article_id(text), outlet="test", title=None, published=None, path=None, text=text)


def _check_span_rule(article: Article, removals: list[Removal]) -> None:
    last_end = 0
    for r in removals:
        assert r.span.article == article.id
        assert article.text[r.span.start:r.span.end] == r.span.text
        assert r.span.text == r.span.text.strip() and r.span.text
        assert r.span.start >= last_end  # sorted, non-overlapping
        last_end = r.span.end


def _found(text: str) -> list[tuple[str, str]]:
    a = _article(text)
    removals = clean(a)
    _check_span_rule(a, removals)
    return [(r.reason, r.span.text) for r in removals]


def test_promo_lines() -> None:
    text = ("The pier reopened on Monday.\nREAD MORE: Gulls steal chips from tourists\n"
            "Related: Harbour dues to rise\nRead more carefully, the report says, and the risks are clear.\n")
    assert _found(text) == [("promo line", "READ MORE: Gulls steal chips from tourists"),
                            ("promo line", "Related: Harbour dues to rise")]


def test_caption_marker_removes_only_the_marker() -> None:
    text = ("Lifeboats brought all ashore. Pictured: Volunteers on the slipway at dawn\n\n"
            "Ms Vance, pictured with her crew, said the night was long.\nPictured left: The lamp room\n")
    assert _found(text) == [("caption marker", "Pictured:"), ("caption marker", "Pictured left:")]
    a = _article(text)
    passages = [p.text for p in segment(a, clean(a))]
    assert "Volunteers on the slipway at dawn" in passages
    assert not any("Pictured" in p for p in passages)


def test_share_prompts_and_ad_markers() -> None:
    text = ("The tide was high.\nShare this article\nClick here to get our morning briefing\n"
            "Sign up to our free daily newsletter\nFollow us on Facebook and Instagram\nAdvertisement\n"
            "Scroll down for video\nThe tide then fell.\n")
    assert [reason for reason, _ in _found(text)] == ["share prompt"] * 4 + ["ad marker"] * 2


def test_bylines() -> None:
    text = ("By Jane Doe, Political Editor\nBY RORY VANCE FOR THE SKERRY TIMES\nBy Ana de la Cruz and Tom Hale\n"
            "By Monday, the harbour had reopened.\nBy the time the ferry docked, the storm had passed.\n"
            "By March the pier will be finished\nBy Ferry Is Best, said the poster.\n")
    assert _found(text) == [("byline", "By Jane Doe, Political Editor"),
                            ("byline", "BY RORY VANCE FOR THE SKERRY TIMES"),
                            ("byline", "By Ana de la Cruz and Tom Hale")]


def test_timestamp_lines() -> None:
    # A sentence first: at the very top, a "Published:" line is a metadata header (next test).
    text = ("The pier reopened.\nPublished: 09:14, 4 March 2025 | Updated: 11:02, 4 March 2025\n"
            "Last updated: 2025-03-04\nUpdated: with reaction from the council\n")
    assert _found(text) == [("timestamp line", "Published: 09:14, 4 March 2025 | Updated: 11:02, 4 March 2025"),
                            ("timestamp line", "Last updated: 2025-03-04")]


def test_header_lines_win_over_other_rules() -> None:
    text = "Title: Pier reopens\nPublished: 2025-03-04\nBy: Rory Vance\n\nThe pier reopened on Monday.\n"
    assert _found(text) == [("metadata header", "Title: Pier reopens"), ("metadata header", "Published: 2025-03-04"),
                            ("metadata header", "By: Rory Vance")]


def test_byline_with_colon_below_the_text() -> None:
    assert _found("The pier reopened.\nBy: Rory Vance\n") == [("byline", "By: Rory Vance")]


def test_inline_date_header() -> None:
    assert _found(" date 2024-10-02 The council approved a sea wall.\n") == [("date header", "date 2024-10-02")]


def test_clean_text_has_no_removals() -> None:
    assert _found("The pier reopened on Monday.\n\nTwo boats were damaged in the storm.\n") == []


def test_widget_labels_and_credit_lines() -> None:
    text = ("The pier shut at noon.\nVIEW GALLERY\nPoll loading …\nMORE\nMore boats left at dusk.\n"
            "(Reporting by Ann Vale; Editing by Bo Roy)\n(Getty)\nSource: Jo Lee/Getty Images\n"
            "Editing by hand is slow, she said.\n")
    assert _found(text) == [("ad marker", "VIEW GALLERY"), ("ad marker", "Poll loading …"), ("ad marker", "MORE"),
                            ("credit line", "(Reporting by Ann Vale; Editing by Bo Roy)"), ("credit line", "(Getty)"),
                            ("credit line", "Source: Jo Lee/Getty Images")]


def test_page_chrome_glued_into_the_prose() -> None:
    # A scraper that dropped the line breaks runs the page's share bar and player notice into the sentences.
    text = ("Share this withEmailFacebookTwitterWhatsAppCopy this linkThe ferry sank at noon. Media playback is not "
            "supported on this deviceThe captain swam ashore. Readers follow us on Twitter, she said. "
            "Follow Kim on Twitter and on Facebook")
    daily = ("The pier shut at noon. Scroll down for video Crowds (pictured) came to watch. She left. Sorry we are "
             "not currently accepting comments on this article.\nScroll down for video\n")
    assert _found(daily) == [("page chrome", "Scroll down for video"),
                             ("page chrome", "Sorry we are not currently accepting comments on this article."),
                             ("ad marker", "Scroll down for video")]
    assert _found(text) == [
        ("page chrome", "Share this withEmailFacebookTwitterWhatsAppCopy this link"),
        ("page chrome", "Media playback is not supported on this device"),
        ("page chrome", "Follow Kim on Twitter and on Facebook"),
    ]
    a = _article(text)
    assert [p.text for p in segment(a, clean(a))][:2] == ["The ferry sank at noon.", "The captain swam ashore."]


def test_rules_table_is_documented() -> None:
    reasons = [reason for reason, _ in RULES]
    assert reasons == ["promo line", "caption marker", "share prompt", "ad marker", "page chrome", "byline",
                       "credit line", "timestamp line"]
    source = (REPO / "src" / "corroborate" / "ingest" / "clean.py").read_text(encoding="utf-8")
    for reason in reasons:  # every rule carries a comment saying why, on the line above its row
        line = next(i for i, text in enumerate(source.splitlines()) if f'("{reason}", re.compile(' in text)
        assert source.splitlines()[line - 1].strip().startswith("#")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([
    "READ MORE: x", "Pictured:", "Pictured (left):", "By Jane Doe", "Published: 1 May 2025", "Share this article",
    " date 2025-01-01 ", "Title: T", "The pier reopened.", "\n", "\n\n", " ", "pictured", "By Monday, it rained.",
]), max_size=12))
def test_any_text_gives_sorted_disjoint_exact_spans(parts: list[str]) -> None:
    text = "".join(parts)
    a = _article(text)
    _check_span_rule(a, clean(a))


def test_seed_removals() -> None:
    seeds = shared_path("seeds")
    articles = {a.outlet[:3]: a for a in read_sources([str(seeds)]) if isinstance(a, Article)}
    found = {k: clean(a) for k, a in articles.items()}
    for key, removals in found.items():
        _check_span_rule(articles[key], removals)
        for p in segment(articles[key], removals):  # no passage overlaps removed text
            assert all(p.end <= r.span.start or p.start >= r.span.end for r in removals)
    assert [(r.reason, r.span.text[:10]) for r in found["002"]] == [("promo line", "READ MORE:")]
    assert [(r.reason, r.span.text) for r in found["001"]] == [("date header", "date 2021-11-26")]
    assert articles["001"].published == "2021-11-26"
    markers = found["000"]
    assert [(r.reason, r.span.text) for r in markers] == [("caption marker", "Pictured:")] * 2
    passages = [p.text for p in segment(articles["000"], markers)]
    assert not any("Pictured:" in p for p in passages)
    # Lower-case "pictured" in prose is not a marker: every such occurrence survives in the passages.
    assert sum(p.count("pictured") for p in passages) == articles["000"].text.count("pictured") > 0


def test_example_scrape_removals() -> None:
    [a] = read_sources([str(REPO / "examples" / "daily-buzz.txt")])
    assert isinstance(a, Article)
    removals = clean(a)
    _check_span_rule(a, removals)
    assert [r.reason for r in removals] == ["date header", "byline", "timestamp line", "promo line", "caption marker",
                                           "share prompt"]


def test_example_header_removals() -> None:
    [a] = read_sources([str(Path(REPO / "examples" / "harbour-gazette.txt"))])
    assert isinstance(a, Article)
    removals = clean(a)
    assert [r.reason for r in removals] == ["metadata header"] * 5
    first = segment(a, removals)[0]
    assert first.text.startswith("The passenger ferry Morwen Star ran aground")


def test_crlf_lines_behave_like_lf() -> None:
    lf = ("The tide was high.\nBy Ferry Is Best, said the poster.\nAdvertisement\nBy Jane Doe, Harbour Editor\n"
          "READ MORE: Gulls steal chips\n")
    crlf = lf.replace("\n", "\r\n")
    assert _found(crlf) == _found(lf) == [("ad marker", "Advertisement"), ("byline", "By Jane Doe, Harbour Editor"),
                                          ("promo line", "READ MORE: Gulls steal chips")]


def test_repaired_mojibake_is_reported_and_stays_in_the_passages() -> None:
    from corroborate.ingest import read_source_bytes

    raw = "READ MORE: JosÃ© wins\nThe mayor, JosÃ© Ortiz, paid Â£12 for the lamp. It shone.\n".encode()
    (a,) = read_source_bytes(raw, path="lamp.txt")
    assert isinstance(a, Article)
    removals = clean(a)
    _check_span_rule(a, removals)
    # The repair inside the promo line is part of that line's removal; the two in the prose are reported.
    assert [(r.reason, r.span.text) for r in removals] == [
        ("promo line", "READ MORE: José wins"), ("mojibake", "é"), ("mojibake", "£")]
    assert [p.text for p in segment(a, removals)] == ["The mayor, José Ortiz, paid £12 for the lamp.", "It shone."]
