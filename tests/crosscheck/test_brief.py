"""The brief: deduplicated, cited, most corroborated first, single-source statements marked."""

from __future__ import annotations

from corroborate.crosscheck.brief import BriefConfig, content_words, make_brief
from corroborate.model import Article, Span, Statement


def statement(article: Article, text: str, sources: int) -> Statement:
    start = article.text.index(text)
    span = Span.of(article, start, start + len(text))
    return Statement(text, [span], [article.outlet], sources, single_source=sources <= 1)


def jaccard(x: str, y: str) -> float:
    a, b = content_words(x), content_words(y)
    return len(a & b) / len(a | b)


ART = Article("a", "gazette", None, None, None,
              "Twenty-seven migrants died when their dinghy sank off Calais on Wednesday. "
              "On Wednesday twenty-seven migrants died when their dinghy sank off Calais. "
              "France withdrew its invitation to the Home Secretary for Sunday's talks. "
              "The Home Office declined to comment on the decision at all. "
              "Pictured: migrants. "
              "What would anyone else have done differently in this case?")


def test_brief_dedupes_cites_and_orders() -> None:
    sts = [statement(ART, "Twenty-seven migrants died when their dinghy sank off Calais on Wednesday.", 3),
           statement(ART, "On Wednesday twenty-seven migrants died when their dinghy sank off Calais.", 2),
           statement(ART, "France withdrew its invitation to the Home Secretary for Sunday's talks.", 2),
           statement(ART, "The Home Office declined to comment on the decision at all.", 1),
           statement(ART, "Pictured: migrants.", 1),
           statement(ART, "What would anyone else have done differently in this case?", 1)]
    brief = make_brief(sts, sentence_of=lambda s: [(s.text, s.spans)], similarity=jaccard)
    assert [b.text[:20] for b in brief] == ["Twenty-seven migran", "France withdrew its ", "The Home Office decl"] \
        or [b.text[:20] for b in brief] == ["Twenty-seven migrant", "France withdrew its ", "The Home Office decl"]
    assert [b.independent_sources for b in brief] == [3, 2, 1]
    assert [b.single_source for b in brief] == [False, False, True]
    for b in brief:
        assert b.citations and all(ART.text[c.start:c.end] == c.text for c in b.citations)


def test_brief_limits_and_avoids_distorted_spans() -> None:
    sts = [statement(ART, "Twenty-seven migrants died when their dinghy sank off Calais on Wednesday.", 3),
           statement(ART, "The Home Office declined to comment on the decision at all.", 1)]
    avoid = frozenset({(s.article, s.start, s.end) for s in sts[0].spans})
    brief = make_brief(sts, sentence_of=lambda s: [(s.text, s.spans)], similarity=jaccard, avoid=avoid)
    assert [b.text for b in brief] == [sts[1].text]
    capped = make_brief(sts, sentence_of=lambda s: [(s.text, s.spans)], similarity=jaccard,
                        config=BriefConfig(max_sentences=1))
    assert len(capped) == 1


def test_the_brief_closes_with_the_strongest_disagreements() -> None:
    from corroborate.crosscheck.brief import disagreements
    from corroborate.model import Article, Conflict

    a = Article("a", "o", None, None, None, "27 died. 29 died. In Paris. In Calais.")
    weak = Conflict("place", [Span.of(a, 19, 24), Span.of(a, 29, 35)], ["Paris", "Calais"],
                    "where: Paris vs Calais", 0.4)
    strong = Conflict("number", [Span.of(a, 0, 2), Span.of(a, 9, 11)], ["27", "29"], "how many died: 27 vs 29", 0.9)
    lines = disagreements([weak, strong], limit=1)
    assert [s.text for s in lines] == ["Sources disagree — how many died: 27 vs 29"]
    assert lines[0].citations == sorted(strong.spans)


def test_unnamed_quotes_stay_out_of_the_brief() -> None:
    from corroborate.crosscheck.core import _unnamed_quotes

    class _Claim:
        def __init__(self, text: str) -> None:
            self.text, self.ref = text, text

    claims = [_Claim("“We will win,” she said."), _Claim("“We will win,” Sen. John McCain said."),
              _Claim("McCain said “we will win”."), _Claim("The vote was held on Tuesday.")]
    assert _unnamed_quotes(claims) == {"“We will win,” she said."}
