"""The three seed articles (../shared/seeds) read, cleaned and segmented as the pipeline does, for real-data tests.

The seeds' text is never copied into the repository: tests read it from ../shared and skip without it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from corroborate.ingest import read_sources
from corroborate.ingest.clean import clean
from corroborate.ingest.segment import segment
from corroborate.model import Article, Passage
from tests.conftest import shared_path


@dataclass(slots=True)
class SeedStory:
    articles: list[Article]
    passages: dict[str, list[Passage]]

    def by_prefix(self, prefix: str) -> Article:
        """The seed whose file name starts with ``prefix`` ("000", "001", "002")."""
        for a in self.articles:
            if a.path and a.path.rsplit("/", 1)[-1].startswith(prefix):
                return a
        raise KeyError(prefix)


def load_seed_story() -> SeedStory:
    seeds = shared_path("seeds")
    articles = [a for a in read_sources([str(seeds)]) if isinstance(a, Article)]
    articles.sort(key=lambda a: a.path or "")
    return SeedStory(articles, {a.id: segment(a, clean(a)) for a in articles})


def model_or_skip() -> Any:  # a spaCy Language, imported lazily
    """The project's own spaCy pipeline, or skip: the rule-based path is tested without it."""
    import importlib

    import pytest

    try:
        nlp_mod = importlib.import_module("corroborate.nlp")
        if not nlp_mod.available():
            pytest.skip("corroborate's NLP model is not built (make model): model variant skipped")
        return nlp_mod.load_pipeline()
    except (ImportError, AttributeError) as exc:
        pytest.skip(f"corroborate.nlp is not usable: {exc}")
    except Exception as exc:  # ModelUnavailable and spaCy load errors: the model path is optional
        pytest.skip(f"corroborate's NLP model could not load: {exc}")
