"""A small hand-made BASIL-like event (two articles) for the real-news scoring tests: no shared data needed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from corroborate.eval.gold import GoldEvent, build_event
from corroborate.model import Span

DOCS: dict[str, dict[str, Any]] = {
    "nyt": {"uuid": "u-nyt", "title": "Storm kills 27", "date": "2014-03-26", "source": "nyt", "body-paragraphs": [
        ["Sen. Jane Doe said 27 people died on Tuesday.", "“We will rebuild the town together,” Ms. Doe said."],
        ["The storm hit Ohio in 2013 and again this year."],
    ]},
    "fox": {"uuid": "u-fox", "title": "Storm toll 29", "date": "2014-03-26", "source": "FOX", "body-paragraphs": [
        ["Jane Doe said 29 people died on Wednesday."],
        ["The storm hit Indiana.", "Officials said “help is on the way now” to the town."],
    ]},
}


def loc(doc: str, p: int, s: int, anchor: str, **extra: Any) -> dict[str, Any]:
    """A locator of ``anchor`` in ``DOCS[doc]`` paragraph ``p`` sentence ``s``."""
    sentence = DOCS[doc]["body-paragraphs"][p][s]
    start = sentence.index(anchor)
    return {"doc": doc, "p": p, "s": s, "start": start, "end": start + len(anchor), **extra}


def gold() -> dict[str, Any]:
    return {
        "dataset": "basil", "event": "ev-1", "split": "test", "docs": {"fox": "u-fox", "nyt": "u-nyt"},
        "conflicts": [
            {"kind": "number", "label": "conflict", "a": loc("nyt", 0, 0, "27", value="27"),
             "b": loc("fox", 0, 0, "29", value="29")},
            {"kind": "place", "label": "debatable", "a": loc("nyt", 1, 0, "Ohio", value="Ohio"),
             "b": loc("fox", 1, 0, "Indiana", value="Indiana")},
        ],
        "near_misses": [
            {"kind": "different_fact", "a": loc("nyt", 0, 1, "rebuild", value="rebuild"),
             "b": loc("fox", 1, 1, "help", value="help")},
        ],
        "quotes": [
            {"start": loc("nyt", 0, 1, "We will rebuild the town together,"), "speaker": "Jane Doe", "cue": "said"},
            {"start": loc("fox", 1, 1, "help is on the way now"), "speaker": "unattributed", "cue": "said"},
        ],
        "entities": [
            {"name": "Jane Doe", "type": "PER", "aliases": ["Doe", "Jane Doe", "Ms. Doe"]},
            {"name": "John Doe", "type": "PER", "aliases": ["John Doe", "Mr. Doe"]},
            {"name": "Ohio", "type": "LOC", "aliases": ["Ohio"]},
            {"name": "Indiana", "type": "LOC", "aliases": ["Indiana"]},
        ],
        "timeline": [
            {**loc("nyt", 0, 0, "on Tuesday", value="on Tuesday"), "date": "2014-03-25", "event": "deaths"},
            {**loc("fox", 0, 0, "on Wednesday", value="on Wednesday"), "date": "2014-03-26", "event": "deaths"},
        ],
        "brief_facts": [
            {"rank": 2, "fact": "The storm hit a state.", "support": [loc("fox", 1, 0, "The storm hit Indiana")]},
            {"rank": 1, "fact": "A storm killed people.", "support": [loc("nyt", 0, 0, "27 people died")]},
        ],
    }


def event(data: dict[str, Any] | None = None) -> GoldEvent:
    return build_event(data or gold(), DOCS, Path("fake/basil/ev-1.json"))


def span(ev: GoldEvent, doc: str, p: int, s: int, anchor: str) -> Span:
    return ev.span(loc(doc, p, s, anchor))


def sentence(ev: GoldEvent, doc: str, p: int, s: int) -> Span:
    return ev.sentence_span({"doc": doc, "p": p, "s": s})
