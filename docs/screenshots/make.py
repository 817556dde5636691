"""Regenerate the screenshots in this folder from the bundled examples: the HTML report and the web app.

    .venv/bin/python docs/screenshots/make.py

Runs ``corroborate check examples/ --format html --semantic off`` (the lexical path: the same on every
machine), opens the report in Debian's Chromium (/usr/bin/chromium) through Playwright and saves, for a laptop
(1280x800) and a phone (390x844): the top of the report, and the first story after a click on its first
conflict card and its first citation.

Then ``corroborate add examples/ --reports --semantic off`` into a temporary database, serves it with the web
app (uvicorn on 127.0.0.1, from a thread) and saves: the story list sorted by conflicts after a full-text search
(``app-list-laptop``), a conflict's side-by-side view (``app-conflict-laptop``, ``app-conflict-phone``) and the
timeline (``app-timeline-laptop``).
"""

from __future__ import annotations

import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
VIEWPORTS = {"laptop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}


@contextmanager
def serving(db: Path) -> Iterator[str]:
    """The web app over ``db`` on 127.0.0.1 and a free port; yields its base URL."""
    import uvicorn

    from corroborate.config import Config
    from corroborate.web.app import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(db, config=Config(semantic="off")), host="127.0.0.1",
                                          port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        if not thread.is_alive():
            raise RuntimeError("the web app did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=60)


def app_screenshots(browser, tmp: Path) -> None:
    db = tmp / "news.db"
    subprocess.run([sys.executable, "-m", "corroborate.cli", "add", str(REPO / "examples"), "--db", str(db),
                    "--semantic", "off", "--reports", "-q"], check=True, cwd=REPO)
    with serving(db) as base:

        def local_only(route) -> None:  # one parameter: Playwright passes the request too to a handler of two
            if route.request.url.startswith(base):
                route.continue_()
            else:
                route.abort()

        for name, viewport in VIEWPORTS.items():
            context = browser.new_context(viewport=viewport, device_scale_factor=1)
            context.route("**/*", local_only)
            page = context.new_page()
            if name == "laptop":
                page.goto(f"{base}/?q=passengers&sort=conflicts")
                page.screenshot(path=str(HERE / "app-list-laptop.png"))
            page.goto(base + "/?sort=conflicts")
            page.locator(".story-list a.story-title").first.click()
            page.wait_for_selector("section.story")
            card = page.locator("article.conflict").first
            card.click()
            pair = page.locator("#" + card.get_attribute("data-pair"))
            page.evaluate("el => el.scrollIntoView({block: 'center'})", pair.element_handle())
            page.screenshot(path=str(HERE / f"app-conflict-{name}.png"))
            if name == "laptop":
                page.locator(".pair-close").first.click()
                page.locator(".timeline-chart").scroll_into_view_if_needed()
                page.evaluate("window.scrollBy(0, -60)")
                page.screenshot(path=str(HERE / "app-timeline-laptop.png"))
            context.close()


def main() -> int:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.html"
        subprocess.run([sys.executable, "-m", "corroborate.cli", "check", str(REPO / "examples"), "--format", "html",
                        "--semantic", "off", "--no-progress", "-o", str(report)], check=True, cwd=REPO)
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            for name, viewport in VIEWPORTS.items():
                context = browser.new_context(viewport=viewport, device_scale_factor=1)
                # The report makes no request; refuse any, so a regression cannot hide behind a screenshot.
                context.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
                page = context.new_page()
                page.goto(report.as_uri())
                page.screenshot(path=str(HERE / f"report-{name}.png"))
                page.locator("#story-1 article.conflict").first.click()
                page.screenshot(path=str(HERE / f"report-{name}-conflict.png"))
                cite = page.locator("#story-1 button.cite").first
                cite.click()
                page.locator("#story-1 .brief").scroll_into_view_if_needed()
                page.evaluate("window.scrollBy(0, -90)")
                page.screenshot(path=str(HERE / f"report-{name}-citation.png"))
                context.close()
            app_screenshots(browser, Path(tmp))
            browser.close()
    for png in sorted(HERE.glob("*.png")):
        print(png.relative_to(REPO))
    return 0


if __name__ == "__main__":
    sys.exit(main())
