"""The one number reader: values as reporters write them."""

from __future__ import annotations

import math

import pytest

from corroborate.text.numbers import compatible, quantity


@pytest.mark.parametrize(("text", "interval"), [
    ("200", (200, 200)), ("Two hundred", (200, 200)), ("twenty-seven", (27, 27)),
    ("1.2 million", (1_200_000, 1_200_000)), ("$5,687.75", (5687.75, 5687.75)),
    ("one hundred and five", (105, 105)), ("a dozen", (12, 12)), ("38-year-old", (38, 38)),
    ("more than 100", (100, math.inf)), ("nearly 200", (160, 200)), ("about 50", (45, 55)),
    # a ceiling is no floor, though it says "more than"
    ("no more than 10 inches", (0, 10)), ("no more than ten", (0, 10)), ("up to 200", (0, 200)),
])
def test_quantity(text: str, interval: tuple[float, float]) -> None:
    assert quantity(text) == pytest.approx(interval)


def test_no_number() -> None:
    assert quantity("Calais") is None
    assert compatible("Paris", "Calais") is None


@pytest.mark.parametrize(("a", "b", "same"), [
    ("Two hundred", "200", True), ("197", "nearly 200", True), ("more than 200", "250", True),
    ("27", "29", False), ("47 pages", "48 pages", False), ("$5,687.75", "$5,587.75", False),
    ("dozens", "more than 200", False),
])
def test_compatible(a: str, b: str, same: bool) -> None:
    assert compatible(a, b) is same
