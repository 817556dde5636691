"""bench/lexical_stages.py: medians per stage and the ratio of the two trees."""

from __future__ import annotations

from bench.lexical_stages import render


def test_render_takes_medians_per_stage_and_the_wall_ratio() -> None:
    def run(wall: float, repeats: float) -> dict:
        return {"wall": wall, "stages": {"repeats": repeats, "parse": 1.0}}

    rows = {"baseline": [run(10.0, 2.0), run(12.0, 2.2), run(11.0, 9.0)],
            "now": [run(9.0, 1.0), run(8.0, 1.2), run(20.0, 1.1)]}
    text = render(rows, "abc123", 100)
    assert "| baseline | 11.00 | 9.1 | 0.00 | 1.00 | 2.20 | 0.00 | 0.00 |" in text
    assert "| now | 9.00 | 11.1 | 0.00 | 1.00 | 1.10 | 0.00 | 0.00 |" in text
    assert "**0.82x**" in text and "abc123" in text and "3 alternating rounds" in text
