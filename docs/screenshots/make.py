"""Regenerate the report screenshots in this folder from the bundled examples.

    .venv/bin/python docs/screenshots/make.py

Runs ``corroborate check examples/ --format html --semantic off`` (the lexical path: the same on every
machine), opens the report in Debian's Chromium (/usr/bin/chromium) through Playwright and saves, for a laptop
(1280x800) and a phone (390x844): the top of the report, and the first story after a click on its first
conflict card and its first citation.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
VIEWPORTS = {"laptop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}


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
            browser.close()
    for png in sorted(HERE.glob("report-*.png")):
        print(png.relative_to(REPO))
    return 0


if __name__ == "__main__":
    sys.exit(main())
