"""The editor's features of the web app in a real Chromium: full-text search, sorting, the side-by-side view of a
conflict, the timeline, downloads, the loading page of an unchecked story, full outlet names and source links."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from tests.render.browser import LAPTOP, PHONE, csp_violations, open_page, screenshot
from tests.web.serving import serve
from tests.web.storefix import build_store

pytestmark = pytest.mark.browser


def _assert_clean(page, watched) -> None:
    assert watched.external == [], f"external requests: {watched.external}"
    assert watched.errors == [], watched.errors
    assert watched.csp_messages() == [] and csp_violations(page) == []


def _listed(page) -> list[str]:
    return page.eval_on_selector_all(".story-list li", "els => els.map(e => e.dataset.story)")


def test_search_the_text_then_sort_and_filter(browser, server) -> None:
    base, ids = server
    context, page, watched = open_page(browser, viewport=LAPTOP)
    try:
        page.goto(base + "/")
        page.fill("input[name=q]", "salvage tugs")  # words of an article's text, in no title
        page.click("form.search button[type=submit]")
        page.wait_for_url("**/?q=salvage+tugs*")
        assert _listed(page) == [ids["story"]]
        assert page.locator(".story-list .match mark").first.is_visible()
        page.goto(base + "/")
        page.click('nav.sorts a[data-sort="conflicts"]')
        page.wait_for_url("**sort=conflicts*")
        assert _listed(page)[0] == ids["story"]
        assert page.locator('nav.sorts strong[aria-current]').inner_text() == "most conflicts"
        counts = page.eval_on_selector_all(".story-list li", """els => els.map(e => {
            const c = e.querySelector('[data-conflicts]'); return c ? +c.dataset.conflicts : -1; })""")
        assert counts == sorted(counts, reverse=True) and counts[0] >= 2
        page.select_option("select[name=conflicts]", "1")
        page.click("form.search button[type=submit]")
        page.wait_for_url("**conflicts=1*")
        assert _listed(page) == [ids["story"]] and "sort=conflicts" in page.url  # the sort is kept
        screenshot(page, "app-list-laptop")
        _assert_clean(page, watched)
    finally:
        context.close()


@pytest.mark.parametrize("viewport", [LAPTOP, PHONE], ids=["laptop", "phone"])
def test_a_conflict_opens_its_two_passages_side_by_side(browser, server, viewport) -> None:
    base, ids = server
    context, page, watched = open_page(browser, viewport=viewport)
    try:
        page.goto(f"{base}/stories/{ids['story']}")
        assert page.locator(".pair:visible").count() == 0
        card = page.locator("article.conflict").first
        card.click()
        pair = page.locator("#" + card.get_attribute("data-pair"))
        assert pair.is_visible() and page.locator(".pair:visible").count() == 1
        assert card.get_attribute("aria-expanded") == "true"
        sides = pair.locator(".pair-side")
        assert sides.count() == 2
        values = [sides.nth(i).locator("mark.m-value").inner_text() for i in range(2)]
        assert values[0] != values[1] and all(values)
        boxes = [sides.nth(i).bounding_box() for i in range(2)]
        width = page.evaluate("document.documentElement.clientWidth")
        assert pair.bounding_box()["width"] <= width  # no more columns running past the screen
        if viewport is LAPTOP:
            assert abs(boxes[0]["y"] - boxes[1]["y"]) < 2 and boxes[0]["x"] < boxes[1]["x"]  # side by side
        else:
            assert boxes[1]["y"] > boxes[0]["y"]  # a phone stacks them
        # Just the passages: each a sentence, far shorter than its article.
        passages = pair.locator(".pair-passage").all_inner_texts()
        assert all(0 < len(p) < 600 for p in passages)
        # The passages are lit in the article columns too.
        refs = card.get_attribute("data-refs").split()
        lit = page.eval_on_selector_all("mark.active", "els => els.flatMap(e => e.dataset.a.split(' '))")
        assert all(ref in lit for ref in refs)
        screenshot(page, f"app-conflict-pair-{'laptop' if viewport is LAPTOP else 'phone'}")
        pair.locator(".pair-close").click()
        assert not pair.is_visible() and page.locator("mark.active").count() == 0
        # Outlet names are whole: nothing cut or clipped in the column heads.
        heads = page.eval_on_selector_all(".column-head h4", "els => els.map(e => [e.innerText, e.scrollWidth <= "
                                          "e.clientWidth + 1])")
        assert heads and all(fits for _text, fits in heads)
        assert {t for t, _ in heads} >= {"Harbour Gazette", "Island Herald", "Coast Wire"}
        _assert_clean(page, watched)
    finally:
        context.close()


def test_the_timeline_is_drawn_and_its_events_point_to_their_sources(browser, server) -> None:
    base, ids = server
    context, page, watched = open_page(browser, viewport=LAPTOP)
    try:
        page.goto(f"{base}/stories/{ids['story']}")
        chart = page.locator(".timeline-chart svg")
        assert chart.is_visible()
        points = chart.locator(".tl-point")
        listed = page.locator("ol.timeline > li")
        dated = [d for d in listed.locator(".date").all_inner_texts() if d != "undated"]
        assert points.count() == len(dated) >= 2
        xs = [points.nth(i).locator("circle").bounding_box()["x"] for i in range(points.count())]
        assert max(xs) - min(xs) > 200  # spread along the axis by date
        assert chart.bounding_box()["width"] <= page.evaluate("document.documentElement.clientWidth")
        point = page.locator(".tl-point[data-refs]").first
        point.click()
        lit = page.eval_on_selector_all("mark.active", "els => els.flatMap(e => e.dataset.a.split(' '))")
        assert set(point.get_attribute("data-refs").split()) <= set(lit)
        page.locator(".timeline-chart").scroll_into_view_if_needed()
        screenshot(page, "app-timeline-laptop")
        _assert_clean(page, watched)
    finally:
        context.close()


def test_downloads_of_conflicts_and_statements(browser, server, tmp_path: Path) -> None:
    base, ids = server
    context, page, watched = open_page(browser, viewport=LAPTOP)
    try:
        page.goto(f"{base}/stories/{ids['story']}")
        conflicts = page.locator(".conflict").count()
        with page.expect_download() as got:
            page.click(f'a[href="/api/stories/{ids["story"]}/conflicts.csv"]')
        download = got.value
        assert download.suggested_filename == f"{ids['story']}-conflicts.csv"
        path = tmp_path / download.suggested_filename
        download.save_as(path)
        rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
        assert len({r["conflict"] for r in rows}) == conflicts and all(r["outlet"] and r["passage"] for r in rows)
        with page.expect_download() as got:
            page.click(f'a[href="/api/stories/{ids["story"]}/statements.json"]')
        assert got.value.suggested_filename == f"{ids['story']}-statements.json"
        _assert_clean(page, watched)
    finally:
        context.close()


def test_an_unchecked_story_shows_a_loading_page_then_opens(browser, tmp_path: Path) -> None:
    db = tmp_path / "fresh.db"
    ids = build_store(db, reports=False)
    with serve(db, page_wait=0.0) as base:
        context, page, watched = open_page(browser, viewport=PHONE)
        try:
            page.goto(f"{base}/stories/{ids['story']}")
            assert page.locator(".loading .spinner").is_visible()
            screenshot(page, "app-loading-phone")
            page.wait_for_selector("section.story", timeout=300_000)  # the page reloads itself until it is done
            assert page.locator(".column").count() >= 2
            _assert_clean(page, watched)
        finally:
            context.close()
