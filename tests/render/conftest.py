"""The Chromium of the browser tests (skips when /usr/bin/chromium or playwright is missing)."""

from tests.render.browser import browser

__all__ = ["browser"]
