"""Driving Debian's Chromium with Playwright, for the browser tests of the report and the web app.

Every page is opened in a context whose requests are intercepted: a request to anything but a file or the
local server is recorded and aborted, so a test can assert that no external request was even tried. Console
messages, page errors, CSP violations and dialogs (``alert``) are recorded too.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

CHROMIUM = Path(os.environ.get("CORROBORATE_CHROMIUM", "/usr/bin/chromium"))
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
LAPTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
LOCAL_HOSTS = {"127.0.0.1", "localhost", "[::1]", "::1"}

# Recorded in the page before any script runs: CSP violations do not always reach the console.
_WATCH_CSP = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__cspViolations.push(e.violatedDirective + " " + (e.blockedURI || "inline"));
});
"""


@dataclass
class Watched:
    """What a page did that a test may want to forbid."""

    external: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def csp_messages(self) -> list[str]:
        return [m for m in self.console if "Content Security Policy" in m or "Content-Security-Policy" in m]


def _allowed(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme in ("file", "data", "about"):
        return True
    return parts.scheme in ("http", "https") and (parts.hostname or "") in LOCAL_HOSTS


# Module scope: one Playwright driver at a time (its sync API cannot nest), started once per test module.
@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} not found: install Debian's chromium (make apt) for the browser tests")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (the dev extra)")
    with sync_api.sync_playwright() as pw:
        instance = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, timeout=60_000)
        try:
            yield instance
        finally:
            instance.close()


def open_page(browser: Any, *, viewport: dict[str, int]) -> tuple[Any, Any, Watched]:
    """A new context and page with interception and recorders in place. Close the context when done."""
    watched = Watched()
    context = browser.new_context(viewport=viewport, device_scale_factor=1, java_script_enabled=True)
    context.set_default_timeout(15_000)
    # A story page cross-checks its story on first view (NLP model load included): slow on a busy 2-core box.
    context.set_default_navigation_timeout(120_000)

    def route(r: Any) -> None:
        if _allowed(r.request.url):
            r.continue_()
        else:
            watched.external.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    context.add_init_script(_WATCH_CSP)
    page = context.new_page()
    page.on("console", lambda m: watched.console.append(f"{m.type}: {m.text}"))
    page.on("pageerror", lambda e: watched.errors.append(str(e)))

    def dialog(d: Any) -> None:
        watched.dialogs.append(d.message)
        d.dismiss()

    page.on("dialog", dialog)
    return context, page, watched


def csp_violations(page: Any) -> list[str]:
    return list(page.evaluate("window.__cspViolations || []"))


def screenshot(page: Any, name: str, *, full_page: bool = False) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path
