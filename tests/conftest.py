"""Shared test helpers: where ../shared lives, and skips with a clear reason when it does not."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("CORROBORATE_SHARED", REPO.parent / "shared"))
# The tests never read or write the user's check cache (~/.cache/corroborate): a warm cache would hide what a
# cold run does, and CI machines should not keep files between runs. Cache tests pass their own file.
os.environ.setdefault("CORROBORATE_CACHE", "off")


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test saying what is missing."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} not found: the real-data tests need ../shared beside the repository")
    return path


@pytest.fixture
def seeds_dir() -> Path:
    return shared_path("seeds")


def spans_in(node: Any) -> list[dict]:
    """Every span anywhere in a JSON document: a dict with exactly the span keys."""
    found: list[dict] = []
    if isinstance(node, dict):
        if set(node) == {"article", "start", "end", "text"}:
            found.append(node)
        for value in node.values():
            found.extend(spans_in(value))
    elif isinstance(node, list):
        for value in node:
            found.extend(spans_in(value))
    return found
