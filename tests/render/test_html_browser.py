"""The HTML report in a real Chromium: clicks, no requests, CSP enforced and never tripped, laptop and phone."""

from __future__ import annotations

from pathlib import Path

import pytest

from corroborate.render import render
from tests.render.browser import LAPTOP, PHONE, csp_violations, open_page, screenshot
from tests.render.builders import HOSTILE, sample_report

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def report_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("report") / "report.html"
    path.write_text(render(sample_report(), "html"), encoding="utf-8")
    return path


def _assert_clean(page, watched) -> None:
    assert watched.external == [], f"external requests: {watched.external}"
    assert watched.errors == [], watched.errors
    assert watched.dialogs == [], f"article markup ran: {watched.dialogs}"
    assert watched.csp_messages() == [] and csp_violations(page) == []


def _in_view(page, selector: str) -> list[bool]:
    """For each element: is it inside its scroll box (the article column) as displayed?"""
    return page.eval_on_selector_all(selector, """els => els.map(el => {
        const box = el.closest('.article-body').getBoundingClientRect();
        const r = el.getBoundingClientRect();
        return r.top >= box.top - 1 && r.bottom <= box.bottom + 1;
    })""")


def test_citation_reveals_source_and_conflict_lights_both_spans(browser, report_file: Path) -> None:
    context, page, watched = open_page(browser, viewport=LAPTOP)
    try:
        page.goto(report_file.as_uri())
        story = page.locator("#story-1")
        # Citation 2 of the first brief sentence: coast-wire's sentence appears under the brief.
        cite = story.locator("ol.brief > li").first.locator("button.cite").nth(1)
        reveal = page.locator("#" + cite.get_attribute("aria-controls"))
        assert reveal.is_hidden()
        cite.click()
        assert cite.get_attribute("aria-expanded") == "true"
        assert reveal.is_visible()
        assert "four crew members were injured" in reveal.inner_text()
        assert "coast-wire" in reveal.inner_text()
        active = story.locator("mark.active")
        assert active.count() >= 1
        assert "".join(active.all_inner_texts()) == (
            "A ferry ran aground off Port Elin on Monday night; four crew members were injured.")
        assert page.eval_on_selector_all("#story-1 mark.active", "els => els.map(e => e.closest('.column').id)") \
            == ["s1-a1"] * active.count()
        cite.click()
        assert reveal.is_hidden() and story.locator("mark.active").count() == 0

        # The number conflict: both sentences light up, one in each column, scrolled into their boxes.
        card = story.locator("article.conflict").first
        card.click()
        assert "selected" in (card.get_attribute("class") or "")
        columns = page.eval_on_selector_all("#story-1 mark.active",
                                            "els => [...new Set(els.map(e => e.closest('.column').id))]")
        assert sorted(columns) == ["s1-a0", "s1-a1"]
        text = "".join(story.locator("mark.active").all_inner_texts())
        assert "two crew members" in text and "four crew members" in text
        assert all(_in_view(page, "#story-1 mark.active"))
        # Keyboard works too: Enter on the second card.
        second = story.locator("article.conflict").nth(1)
        second.focus()
        page.keyboard.press("Enter")
        assert "denied" in "".join(story.locator("mark.active").all_inner_texts())

        # The hostile caption is text: no image element, no dialog, the markup is visible as written.
        assert page.locator("img").count() == 0
        assert HOSTILE.split(" ")[0] in page.locator("#s1-a0 .article-body").inner_text()
        # The story filter narrows the index.
        page.fill(".story-filter", "bridge")
        visible = [li for li in page.locator(".story-index li").all() if li.is_visible()]
        assert len(visible) == 1 and "bridge" in visible[0].inner_text()
        page.fill(".story-filter", "")
        screenshot(page, "report-laptop")
        _assert_clean(page, watched)
    finally:
        context.close()


def test_phone_layout_stacks_columns_without_sideways_scroll(browser, report_file: Path) -> None:
    context, page, watched = open_page(browser, viewport=PHONE)
    try:
        page.goto(report_file.as_uri())
        boxes = [page.locator(f"#s1-a{i}").bounding_box() for i in range(3)]
        assert len({round(b["x"]) for b in boxes}) == 1, boxes  # one above the other
        assert boxes[0]["y"] < boxes[1]["y"] < boxes[2]["y"]
        assert all(b["width"] <= PHONE["width"] for b in boxes)
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        page.locator("#story-1 article.conflict").first.click()
        assert page.locator("#story-1 mark.active").count() >= 2
        screenshot(page, "report-phone")
        _assert_clean(page, watched)
    finally:
        context.close()


def test_csp_blocks_injected_inline_code(browser, report_file: Path) -> None:
    """Positive control: the policy is live, so markup that escaped could not run, and the watchers see it."""
    context, page, watched = open_page(browser, viewport=LAPTOP)
    try:
        page.goto(report_file.as_uri())
        page.evaluate("""() => {
            const s = document.createElement('script');
            s.textContent = 'window.__ran = true';
            document.body.appendChild(s);
            document.body.insertAdjacentHTML('beforeend', '<img src="https://example.invalid/x.png">');
        }""")
        page.wait_for_timeout(200)
        assert page.evaluate("window.__ran === undefined")
        assert any("script-src" in v for v in csp_violations(page))
        assert any("img-src" in v for v in csp_violations(page))
        assert watched.external == []  # the CSP stopped the image before the network layer saw it
    finally:
        context.close()


def test_report_conflict_opens_side_by_side_and_timeline_is_drawn(browser, report_file: Path) -> None:
    """The self-contained report has the app's side-by-side view and timeline chart, under its hashed CSP."""
    context, page, watched = open_page(browser, viewport=LAPTOP)
    try:
        page.goto(report_file.as_uri())
        story = page.locator("#story-1")
        card = story.locator("article.conflict").first
        card.click()
        pair = page.locator("#" + card.get_attribute("data-pair"))
        assert pair.is_visible()
        assert pair.locator("mark.m-value").all_inner_texts() == ["two", "four"]
        assert pair.locator(".pair-passage").first.inner_text() == (
            "A ferry ran aground off Port Elin on Monday night, and two crew members were injured.")
        story.locator("article.conflict").nth(1).click()  # another card: one view open at a time
        assert not pair.is_visible() and story.locator(".pair:visible").count() == 1
        chart = story.locator(".timeline-chart svg")
        assert chart.is_visible() and chart.locator(".tl-point").count() == 1
        _assert_clean(page, watched)
    finally:
        context.close()
