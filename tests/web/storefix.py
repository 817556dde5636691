"""A real store for the web tests: the bundled examples plus one article full of hostile markup."""

from __future__ import annotations

from pathlib import Path

from corroborate.config import Config
from corroborate.ingest import read_sources
from corroborate.ingest.common import article_id
from corroborate.model import Article
from corroborate.store import Store
from corroborate.store.views import compute_missing
from tests.render.builders import HOSTILE

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"
CONFIG = Config(semantic="off")  # the lexical path: fast, and the same on every machine
HOSTILE_TEXT = (
    "Harbour cat rescued from Port Elin ferry\n\n"
    f"A cat was carried off the grounded ferry on Tuesday. {HOSTILE}\n\n"
    "The cat's owner said: “<b>She is fine</b>,” and thanked the crew. See https://evil.example/cat?x=<y>.\n"
)


def hostile_article() -> Article:
    return Article(article_id(HOSTILE_TEXT), "tabloid<i>x</i>", "Cat <script>alert(3)</script> rescued",
                   "2025-03-05", None, HOSTILE_TEXT, url="javascript:alert(4)")


def build_store(path: Path, *, reports: bool = True) -> dict[str, str]:
    """Fill a new database at ``path``; returns the ids the tests need. ``reports``: cross-check every story
    too, as ``corroborate add --reports`` does (so pages open at once)."""
    articles = [a for a in read_sources([str(EXAMPLES)], config=CONFIG.ingest) if isinstance(a, Article)]
    hostile = hostile_article()
    with Store(path, config=CONFIG) as store:
        store.add([*articles, hostile])
        if reports:
            compute_missing(store)
        story_of_hostile = store.story_of(hostile.id)
        biggest = max(store.stories(), key=lambda s: (len(s.articles), s.id))
    assert story_of_hostile is not None
    return {"hostile_article": hostile.id, "hostile_story": story_of_hostile, "story": biggest.id,
            "article": biggest.articles[0]}
