"""The data model: the span rule and the JSON shape."""

from __future__ import annotations

import json

import pytest

from corroborate.model import Article, Drift, RepeatGroup, Report, Span, to_json


def test_span_of_takes_text_from_article() -> None:
    article = Article(id="a1", outlet="o", title=None, published=None, path=None, text="Hello brave world")
    span = Span.of(article, 6, 11)
    assert span.text == "brave" == article.text[span.start:span.end]
    with pytest.raises(ValueError, match="outside article a1"):
        Span.of(article, 5, 99)


def test_to_json_drops_empty_optional_fields_and_keeps_order() -> None:
    span = Span("a1", 0, 5, "Hello")
    group = RepeatGroup(kind="paraphrase", members=[span, span], scope="within", similarity=0.912345,
                        drift=Drift(changed=(("defence", "attack"),), kinds=("substitution",), why="x"))
    data = to_json(group)
    assert list(data) == ["kind", "members", "scope", "similarity", "drift"]
    assert data["similarity"] == 0.9123
    assert data["drift"]["changed"] == [["defence", "attack"]]
    assert "original" not in data
    assert json.loads(json.dumps(data)) == data


def test_report_article_lookup() -> None:
    article = Article(id="a1", outlet="o", title=None, published=None, path=None, text="x", meta={"k": "v"})
    report = Report(articles=[article])
    assert report.article("a1") is article
    assert "meta" not in to_json(report)["articles"][0]
    with pytest.raises(KeyError):
        report.article("missing")
