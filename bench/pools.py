"""What the labelled pools outside the gold share (bench/{speaker,brief,citation,timeline}_pool.py): the
fingerprint that pins a locator to the words it was labelled on, and the table cell format."""

from __future__ import annotations

import argparse
import hashlib
from collections.abc import Iterable, Mapping
from typing import Any


def fingerprint(text: str) -> str:
    """10 hex digits of the SHA-1 of ``text``: stored beside a locator, so a locator that moved fails loudly
    instead of scoring other words (no article text is stored)."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]


def cell(value: Any) -> str:
    """A table cell: '–' for no value, three decimals for a rate, anything else as it is."""
    return "–" if value is None else f"{value:.3f}" if isinstance(value, float) else str(value)


def table_row(label: str, values: Mapping[str, Any], keys: Iterable[str]) -> str:
    """One table row: the label, then each key's value as a :func:`cell`."""
    return f"| {label} | " + " | ".join(cell(values[k]) for k in keys) + " |"


def pool_arguments(parser: argparse.ArgumentParser, *, explain: str, data: str) -> None:
    """The options every pool scorer takes: the path, the data root, --explain, --write and --notes."""
    parser.add_argument("--semantic", default="auto", choices=("auto", "on", "off"))
    parser.add_argument("--data", default=data)
    parser.add_argument("--explain", action="store_true", help=explain)
    parser.add_argument("--write", action="store_true", help="write the table to bench/RESULTS.md")
    parser.add_argument("--notes", default="", help="markdown appended to the section (before/after, classes)")
