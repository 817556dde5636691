"""The glued-sentence benchmark: scoring on a made-up text, and the labels themselves (locators, no text)."""

from __future__ import annotations

import json

import pytest
from bench.glued import LABELS, score, summarize
from bench.pools import fingerprint

from corroborate.errors import InputFormatError

TEXT = 'The pier shut.It reopened in the U.S. today."We are back," she said."Come in."The end'


def _label(mark: int, boundary: bool, quote: str | None = None) -> dict[str, object]:
    item: dict[str, object] = {"article": "a", "punctuation": mark, "boundary": boundary,
                               "fingerprint": fingerprint(TEXT[mark - 12:mark + 12])}
    if quote:
        item["quote"] = quote
    return item


def test_score_counts_boundaries_and_where_a_glued_quote_went() -> None:
    marks = [i for i, ch in enumerate(TEXT) if ch == "." and TEXT[i + 1:i + 2] not in (" ", "")]
    pier, us_u, today, said, come = marks
    # The label at "said." is deliberately wrong, so the scorer has a miss to count.
    labels = [_label(pier, True), _label(us_u, False), _label(said, True, "closes"), _label(come, True, "closes"),
              _label(today, True, "opens")]
    tallies, wrong = score({"a": TEXT}, labels)
    out = summarize(tallies)
    assert (out["places"], out["boundaries"], out["predicted"], out["correct"]) == (5, 4, 4, 4)
    assert out["precision"] == 1.0 and out["recall"] == 1.0
    assert (out["quotes"], out["quotes_right"]) == (3, 2)
    assert wrong == [{"article": "a", "punctuation": said, "quote": "closes", "got": "opens"}]


def test_a_moved_text_fails_loudly() -> None:
    item = _label(TEXT.index("shut.") + 4, True)
    with pytest.raises(InputFormatError, match="fingerprint"):
        score({"a": "Another text entirely, shut.It was."}, [item])


def test_the_labels_are_locators_without_text() -> None:
    data = json.loads(LABELS.read_text(encoding="utf-8"))
    items = data["items"]
    assert len(items) == 207 and len({(x["article"], x.get("punctuation", x.get("space"))) for x in items}) == 207
    for x in items:
        assert set(x) <= {"article", "punctuation", "space", "kind", "fingerprint", "boundary", "quote"}
        assert len(x["fingerprint"]) == 10 and x.get("quote") in (None, "opens", "closes", "unclear")
        assert ("space" in x) == (x.get("kind") == "run-on")
    assert sum(x.get("kind") == "run-on" for x in items) == 107


def test_a_run_on_place_counts_when_a_sentence_ends_right_before_its_space() -> None:
    text = ("Ann Vale (pictured) learned the language to win a part in a sitcom set in the old port town "
            "The risk paid off as the actress, who calls herself a late starter, landed the role in 2014.")
    cut = text.index(" The risk")
    short = text.index(" a sitcom")
    labels = [{"article": "a", "space": at, "kind": "run-on", "boundary": at == cut,
               "fingerprint": fingerprint(text[at - 12:at + 12])} for at in (cut, short)]
    tallies, wrong = score({"a": text}, labels)
    assert (tallies["predicted"], tallies["correct"], tallies["boundaries"]) == (1, 1, 1) and not wrong
