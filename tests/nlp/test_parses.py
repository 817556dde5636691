"""Parses made ahead: the stages' own calls answered with the same annotations, anything else parsed on demand."""

from __future__ import annotations

import pytest

import corroborate.nlp as nlp_pkg
from corroborate.nlp.parses import ParsedArticle, ParsedPipeline, ParseJob, parse_article

needs_model = pytest.mark.skipif(not nlp_pkg.available("cnn"), reason="NLP model not built: run `make model`")

TEXT = "Prime Minister Boris Johnson met Emmanuel Macron in Calais. They agreed to resume talks on Monday."
SENTENCES = ("Prime Minister Boris Johnson met Emmanuel Macron in Calais.", "They agreed to resume talks on Monday.")


def _annotations(doc) -> list[tuple]:
    return [(t.text, t.lemma_, t.pos_, t.tag_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_, t.is_sent_start)
            for t in doc]


STARTS = (0, len(SENTENCES[0]) + 1)


@needs_model
def test_the_stages_calls_get_the_pipelines_annotations() -> None:
    nlp = nlp_pkg.load_pipeline("cnn")
    job = ParseJob("cnn", TEXT, SENTENCES, starts=STARTS)
    result = ParsedArticle.from_bytes(parse_article(job).to_bytes())  # as it comes back from the cache
    parsed = ParsedPipeline(nlp, [(job, result)])
    assert [_annotations(d) for d in parsed.pipe(list(SENTENCES), batch_size=64)] == \
        [_annotations(d) for d in nlp.pipe(list(SENTENCES), batch_size=64)]
    assert parsed.meta == nlp.meta  # anything else is the pipeline's own


@needs_model
def test_the_articles_entities_are_its_sentences_entities_in_place() -> None:
    nlp = nlp_pkg.load_pipeline("cnn")
    job = ParseJob("cnn", TEXT, SENTENCES, starts=STARTS)
    parsed = ParsedPipeline(nlp, [(job, ParsedArticle.from_bytes(parse_article(job).to_bytes()))])
    expected = [(start + e.start_char, start + e.end_char, e.label_)
                for start, doc in zip(STARTS, nlp.pipe(list(SENTENCES)), strict=True) for e in doc.ents]
    assert expected  # the test text has names
    assert parsed.article_entities(TEXT) == expected
    assert all(TEXT[s:e] for s, e, _ in expected)
    assert parsed.article_entities("Another article.") is None  # not given: the caller parses it


@needs_model
def test_sentences_that_are_not_the_articles_text_are_not_placed() -> None:
    nlp = nlp_pkg.load_pipeline("cnn")
    for starts in ((), (0, 5)):  # no offsets; a wrong offset
        job = ParseJob("cnn", TEXT, SENTENCES, starts=starts)
        assert parse_article(job).entities is None
        assert ParsedPipeline(nlp, [(job, parse_article(job))]).article_entities(TEXT) is None


@needs_model
def test_other_texts_are_parsed_on_demand() -> None:
    nlp = nlp_pkg.load_pipeline("cnn")
    parsed = ParsedPipeline(nlp, [(ParseJob("cnn", TEXT, SENTENCES), parse_article(ParseJob("cnn", TEXT, SENTENCES)))])
    other = "A different article entirely."
    assert _annotations(parsed(other)) == _annotations(nlp(other))
    assert len(list(parsed.pipe([SENTENCES[0]]))) == 1  # not the stored list: the pipeline runs


def test_job_keys_follow_the_content() -> None:
    a = ParseJob("cnn", TEXT, SENTENCES)
    assert a.key == ParseJob("cnn", TEXT, SENTENCES, threads=2).key  # threads do not change a parse
    assert a.key != ParseJob("cnn", TEXT, SENTENCES[:1]).key
    assert a.key != ParseJob("cnn", TEXT + " ", SENTENCES).key
    assert a.key != ParseJob("cnn", TEXT, SENTENCES, starts=STARTS).key


def test_a_parsed_article_survives_its_bytes() -> None:
    for entities in ([(0, 5, "PER"), (10, 12, "ORG")], [], None):
        article = ParsedArticle(b"docs", entities, {"k2": b"\x00\x01", "k1": b""})
        again = ParsedArticle.from_bytes(article.to_bytes())
        assert (again.sentences, again.entities, again.vectors) == (article.sentences, entities, article.vectors)
    import zlib

    with pytest.raises(ValueError, match="do not add up"):
        ParsedArticle.from_bytes(zlib.compress(article.to_bytes()[:0] + b"\x05\x00\x00\x00" * 3))
