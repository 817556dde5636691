"""Property tests for the JSON contract: random Reports round-trip through the renderer, spans stay exact.

Reports are built from the model classes with hypothesis (articles with hostile text: quotes, backslashes,
control characters, U+2028, astral characters), every span made with ``Span.of``. The rendered document must
parse, equal ``to_json`` of the report, start with version and method, and keep ``text[start:end] == span``.
A real report (the bundled examples through the lexical pipeline) must hold the span rule too.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corroborate.config import Config
from corroborate.model import (
    Article,
    BriefSentence,
    Conflict,
    Drift,
    Entity,
    InputError,
    Quote,
    Removal,
    RepeatGroup,
    Report,
    Reuse,
    Span,
    Statement,
    Story,
    TimelineEvent,
    to_json,
)
from corroborate.render.json import as_dict, render
from tests.conftest import spans_in

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

# Text that stresses JSON escaping and offset arithmetic: astral characters count as one str character.
CHARS = st.sampled_from([*"ab C.\n\r\t\"'\\/<>&{}[]:,", "\u2028", "\u0000", "\x7f", "é", "“", "”", "😀", "\ufeff",
                         "\u200b", "中"])
TEXT = st.lists(CHARS, min_size=1, max_size=60).map("".join)
WORD = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=20)
UNIT = st.floats(min_value=0.0, max_value=1.0, allow_nan=False, allow_infinity=False)


@st.composite
def spans_of(draw: st.DrawFn, articles: list[Article], *, min_size: int = 1, max_size: int = 3) -> list[Span]:
    out = []
    for _ in range(draw(st.integers(min_size, max_size))):
        a = draw(st.sampled_from(articles))
        start = draw(st.integers(0, len(a.text)))
        end = draw(st.integers(start, len(a.text)))
        out.append(Span.of(a, start, end))
    return out


@st.composite
def reports(draw: st.DrawFn) -> Report:
    texts = draw(st.lists(TEXT, min_size=1, max_size=3))
    articles = [Article(f"a{i:015d}", draw(WORD), draw(st.none() | WORD), draw(st.none() | st.just("2025-03-04")),
                        draw(st.none() | WORD), t, url=draw(st.none() | WORD), meta={"k": draw(WORD)})
                for i, t in enumerate(texts)]

    def spans(lo: int = 1, hi: int = 3) -> list[Span]:
        return draw(spans_of(articles, min_size=lo, max_size=hi))

    drift = draw(st.none() | st.builds(Drift, st.lists(st.tuples(WORD, WORD), max_size=2).map(tuple),
                                       st.lists(WORD, max_size=2).map(tuple), WORD))
    repeats = [RepeatGroup(draw(st.sampled_from(["exact", "near", "paraphrase"])), spans(2, 3),
                           draw(st.sampled_from(["within", "across"])), similarity=draw(st.none() | UNIT),
                           drift=drift, original=draw(st.none() | st.sampled_from(spans(1, 1))))
               for _ in range(draw(st.integers(0, 3)))]
    ids = [a.id for a in articles]
    story = Story(
        "s1", ids,
        statements=[Statement(draw(WORD), spans(), [draw(WORD)], draw(st.integers(0, 5)),
                              who=draw(st.none() | WORD), numbers=[draw(WORD)], polarity="negative",
                              single_source=draw(st.booleans()), independence=draw(st.none() | WORD))
                    for _ in range(draw(st.integers(0, 2)))],
        conflicts=[Conflict(draw(st.sampled_from(["number", "entity", "drift", "quote"])), spans(2, 2),
                            [draw(WORD), draw(WORD)], draw(WORD), draw(UNIT)) for _ in range(draw(st.integers(0, 2)))],
        brief=[BriefSentence(draw(WORD), spans(), draw(st.integers(1, 3)), draw(st.booleans()))],
        quotes=[Quote(draw(st.none() | WORD), draw(st.none() | WORD), draw(WORD), spans(),
                      speaker_span=draw(st.none() | st.sampled_from(spans(1, 1))))],
        entities=[Entity(draw(WORD), "PER", [draw(WORD)], spans())],
        timeline=[TimelineEvent(draw(st.none() | st.just("2025-03-03")), draw(WORD), spans(),
                                expression=draw(st.none() | WORD), note=draw(st.none() | WORD))],
    )
    return Report(
        articles=articles,
        method={"alignment": "lexical", "engine": draw(WORD)},
        errors=[InputError(draw(WORD), draw(WORD)) for _ in range(draw(st.integers(0, 2)))],
        removed=[Removal(draw(WORD), s) for s in spans(0, 2)],
        repeats=repeats,
        reuse=[Reuse(ids[0], ids[-1], draw(UNIT), draw(WORD))],
        stories=[story],
        counters={draw(WORD): draw(st.integers(0, 10**9)) for _ in range(draw(st.integers(0, 3)))},
    )


def _floats(node: Any) -> list[float]:
    if isinstance(node, float):
        return [node]
    if isinstance(node, dict):
        return [f for v in node.values() for f in _floats(v)]
    if isinstance(node, list):
        return [f for v in node for f in _floats(v)]
    return []


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reports())
def test_json_round_trips(report: Report) -> None:
    document = render(report)
    parsed = json.loads(document)
    assert parsed == json.loads(json.dumps(to_json(report)))
    assert parsed == as_dict(report)
    assert list(parsed)[:2] == ["version", "method"]
    assert "meta" not in parsed["articles"][0]  # pipeline-only fields stay out of the contract
    for value in _floats(parsed):
        assert value == round(value, 4)
    # Deterministic: an equal report renders to the same bytes.
    assert render(copy.deepcopy(report)) == document


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reports())
def test_every_rendered_span_holds_the_span_rule(report: Report) -> None:
    parsed = json.loads(render(report))
    texts = {a["id"]: a["text"] for a in parsed["articles"]}
    found = spans_in(parsed)
    assert len(found) >= 4  # at least the brief's, the quote's, the entity's and the timeline's
    for span in found:
        assert texts[span["article"]][span["start"]:span["end"]] == span["text"]


@pytest.fixture(scope="module")
def real_report() -> Report:
    from corroborate.pipeline import Checker

    checker = Checker(config=Config(semantic="off"))
    try:
        return checker.run([str(EXAMPLES)])
    finally:
        checker.close()


def test_real_report_round_trips_and_holds_the_span_rule(real_report: Report) -> None:
    assert len(real_report.articles) >= 4 and real_report.stories
    parsed = json.loads(render(real_report))
    assert parsed == as_dict(real_report)
    texts = {a["id"]: a["text"] for a in parsed["articles"]}
    found = spans_in(parsed)
    assert len(found) > 50
    for span in found:
        assert texts[span["article"]][span["start"]:span["end"]] == span["text"]
