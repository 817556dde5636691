"""The web app in a real Chromium, served by uvicorn on 127.0.0.1 from a thread: pages, clicks, CSP, no requests."""

from __future__ import annotations

import pytest

from tests.render.browser import LAPTOP, PHONE, csp_violations, open_page, screenshot

pytestmark = pytest.mark.browser


def _assert_clean(page, watched) -> None:
    assert watched.external == [], f"external requests: {watched.external}"
    assert watched.errors == [], watched.errors
    assert watched.dialogs == [], f"article markup ran: {watched.dialogs}"
    assert watched.csp_messages() == [] and csp_violations(page) == []


def test_browse_from_list_to_story_and_click(browser, server) -> None:
    base, ids = server
    context, page, watched = open_page(browser, viewport=LAPTOP)
    try:
        response = page.goto(base + "/")
        assert response is not None and response.ok
        assert "default-src 'none'" in response.headers["content-security-policy"]
        # Search narrows the list (a GET form: form-action 'self').
        page.fill("input[name=q]", "library")
        page.click("form.search button[type=submit]")
        page.wait_for_url("**/?q=library*")
        assert page.locator(".story-list li").count() == 1
        page.goto(base + "/")
        # The first view of a story cross-checks it: wait for that navigation as long as for a goto.
        page.click(f'a[href="/stories/{ids["story"]}"]', timeout=120_000)
        page.wait_for_url(f"**/stories/{ids['story']}", timeout=120_000)
        assert page.locator(".column").count() >= 2
        # The served script is live: a citation reveals its source, a conflict lights its spans.
        cite = page.locator("button.cite").first
        reveal = page.locator("#" + cite.get_attribute("aria-controls"))
        cite.click()
        assert reveal.is_visible() and reveal.inner_text().strip()
        assert page.locator("mark.active").count() >= 1
        card = page.locator("article.conflict").first  # the example ferry story has conflicts
        card.click()
        refs = card.get_attribute("data-refs").split()
        lit = page.eval_on_selector_all("mark.active", "els => els.flatMap(e => e.dataset.a.split(' '))")
        assert len(refs) >= 2 and all(ref in lit for ref in refs)
        screenshot(page, "app-story-laptop")
        # Into an article page and back to the API schema link.
        page.locator(".column-head h4 a").first.click()
        page.wait_for_url("**/articles/*")
        assert page.locator(".article-body").count() == 1
        _assert_clean(page, watched)
    finally:
        context.close()


def test_hostile_article_renders_as_text(browser, server) -> None:
    base, ids = server
    context, page, watched = open_page(browser, viewport=PHONE)
    try:
        page.goto(f"{base}/articles/{ids['hostile_article']}")
        body = page.locator(".article-body").inner_text()
        assert "<script>alert('pwned')</script>" in body and "onerror=alert(1)" in body
        assert page.locator("img").count() == 0 and page.locator("main script").count() == 0
        assert "<script>alert(3)</script>" in page.locator("h1").inner_text()
        page.goto(f"{base}/stories/{ids['hostile_story']}")
        assert page.locator("img").count() == 0
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        screenshot(page, "app-hostile-story-phone")
        _assert_clean(page, watched)
    finally:
        context.close()


def test_app_csp_blocks_inline_code(browser, server) -> None:
    """Positive control: the header policy is live on app pages, and the watcher sees violations."""
    base, _ids = server
    context, page, _watched = open_page(browser, viewport=LAPTOP)
    try:
        page.goto(base + "/")
        page.evaluate("""() => {
            const s = document.createElement('script');
            s.textContent = 'window.__ran = true';
            document.body.appendChild(s);
        }""")
        page.wait_for_timeout(200)
        assert page.evaluate("window.__ran === undefined")
        assert any("script-src" in v for v in csp_violations(page))
    finally:
        context.close()
