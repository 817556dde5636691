"""Cached parses read back without the trained pipeline: the same Docs, the same name, and the pipeline loaded
only when a text was not parsed ahead."""

from __future__ import annotations

import pytest

import corroborate.nlp as nlp_pkg
import corroborate.nlp.loader as loader
from corroborate.nlp.loader import describe, describe_loaded
from corroborate.nlp.parses import LazyPipeline, ParsedArticle, ParsedPipeline, ParseJob, parse_article

needs_model = pytest.mark.skipif(not nlp_pkg.available("cnn"), reason="NLP model not built: run `make model`")

TEXT = ("Senator Ada Brightwater said on Tuesday that the harbour authority had spent $4.5 million, about 27% of "
        "its budget. \u201cWe were not told,\u201d she added. Fishermen in Port Ellery aren't convinced: "
        "visit https://example.org or write to desk@example.org.")
SENTENCES = ("Senator Ada Brightwater said on Tuesday that the harbour authority had spent $4.5 million, about 27% "
             "of its budget.", "\u201cWe were not told,\u201d she added.",
             "Fishermen in Port Ellery aren't convinced: visit https://example.org or write to desk@example.org.")
STARTS = tuple(TEXT.index(s) for s in SENTENCES)

_TOKEN = ("text", "whitespace_", "lower_", "norm_", "shape_", "prefix_", "suffix_", "lemma_", "tag_", "pos_", "dep_",
          "ent_iob_", "ent_type_", "is_sent_start", "is_stop", "like_num", "like_url", "like_email", "is_alpha",
          "is_digit", "is_punct", "is_quote", "is_currency", "is_oov", "has_vector", "lang_", "lemma", "norm", "tag",
          "pos", "dep", "ent_type")


def _everything(doc) -> tuple:
    """All a stage could read from a parsed Doc: token annotations and lexical attributes, the morphology, the
    tree, the entities, the sentences and the noun chunks."""
    tokens = [(*(getattr(t, a) for a in _TOKEN), str(t.morph), t.head.i, [c.i for c in t.children]) for t in doc]
    flags = tuple(doc.has_annotation(a) for a in ("TAG", "POS", "MORPH", "LEMMA", "DEP", "ENT_IOB", "SENT_START"))
    return (tokens, [(e.start_char, e.end_char, e.label_) for e in doc.ents],
            [(s.start, s.end) for s in doc.sents], [(c.start, c.end) for c in doc.noun_chunks], flags)


@pytest.fixture()
def loads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The model directories whose trained pipeline is loaded (or fetched from the process's cache) meanwhile."""
    calls: list[str] = []
    real = loader._load

    def spy(model_dir: str):
        calls.append(model_dir)
        return real(model_dir)

    monkeypatch.setattr(loader, "_load", spy)
    return calls


@needs_model
def test_cached_parses_read_back_without_the_pipeline_are_the_same_docs(loads: list[str]) -> None:
    job = ParseJob("cnn", TEXT, SENTENCES, starts=STARTS)
    result = ParsedArticle.from_bytes(parse_article(job).to_bytes())  # as it comes back from the cache
    nlp = nlp_pkg.load_pipeline("cnn")
    # What the cached run read before (the same DocBin through the loaded pipeline's vocab), and the parse itself
    # (but has_vector: a fresh Doc has its tok2vec tensor, which no DocBin keeps).
    expected = [_everything(d) for d in ParsedPipeline(nlp, [(job, result)]).pipe(list(SENTENCES), batch_size=64)]
    fresh = [_everything(d) for d in nlp.pipe(list(SENTENCES), batch_size=64)]
    loads.clear()
    lazy = LazyPipeline("cnn")
    parsed = ParsedPipeline(lazy, [(job, result)])
    got = [_everything(d) for d in parsed.pipe(list(SENTENCES), batch_size=64)]
    assert got == expected
    vector = _TOKEN.index("has_vector")
    assert [[t[:vector] + t[vector + 1:] for t in d[0]] for d in got] == \
        [[t[:vector] + t[vector + 1:] for t in d[0]] for d in fresh]
    assert [d[1:] for d in got] == [d[1:] for d in fresh]
    assert any(t[10] for d in expected for t in d[0]) and any(d[1] for d in expected)  # parsed, with names
    assert parsed.article_entities(TEXT)
    assert describe_loaded(parsed) == describe_loaded(nlp_pkg.load_pipeline("cnn")) == describe("cnn")
    loads.clear()
    assert describe_loaded(lazy) == describe("cnn")
    assert loads == []  # the trained pipeline was never asked for


@needs_model
def test_a_text_not_parsed_ahead_loads_the_pipeline(loads: list[str]) -> None:
    job = ParseJob("cnn", TEXT, SENTENCES, starts=STARTS)
    lazy = LazyPipeline("cnn")
    parsed = ParsedPipeline(lazy, [(job, parse_article(job))])
    loads.clear()
    other = "The harbour reopened on Friday."
    assert [t.dep_ for t in parsed(other)] == [t.dep_ for t in nlp_pkg.load_pipeline("cnn")(other)]
    assert loads and lazy.vocab is nlp_pkg.load_pipeline("cnn").vocab  # loaded: its own vocab from now on


def test_spacy_imports_without_its_command_line_which_still_works() -> None:
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from corroborate.nlp.loader import import_spacy\n"
        "spacy = import_spacy()\n"
        "print(sorted(m for m in sys.modules if m == 'torch' or m.startswith(('spacy.cli', 'weasel', 'httpx'))))\n"
        "print(sorted(spacy.info()) == sorted(__import__('spacy.cli.info', fromlist=['info']).info()))\n"
        "from spacy.cli import download, train_cli\n"
        "print(callable(download) and callable(train_cli))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split("\n")[:3] == ["[]", "True", "True"]
