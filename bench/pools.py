"""What the labelled pools outside the gold share (bench/{speaker,brief,citation,timeline}_pool.py): the
fingerprint that pins a locator to the words it was labelled on, and the table cell format."""

from __future__ import annotations

import hashlib
from typing import Any


def fingerprint(text: str) -> str:
    """10 hex digits of the SHA-1 of ``text``: stored beside a locator, so a locator that moved fails loudly
    instead of scoring other words (no article text is stored)."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]


def cell(value: Any) -> str:
    """A table cell: '–' for no value, three decimals for a rate, anything else as it is."""
    return "–" if value is None else f"{value:.3f}" if isinstance(value, float) else str(value)
