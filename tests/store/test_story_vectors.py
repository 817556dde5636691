"""The persisted index's vectorised copy of the stories similarity."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import timedelta

import pytest

from corroborate.store.story_vectors import Frequencies, Query, vec
from corroborate.stories.cluster import Scorer, StoriesConfig, StoryDoc, _cosine, story_doc
from tests.store.test_core import synthetic_articles


def _docs() -> list[StoryDoc]:
    arts = synthetic_articles(5, 3, seed=2)
    # Undated copies with year mentions exercise the year-mismatch branch too.
    arts += [type(a)(a.id + "u", a.outlet, a.title, None, None, a.text + f" In {2000 + i % 3}.")
             for i, a in enumerate(arts[:6])]
    # A short lead for half of them, so the lead factor (stories.Scorer.lead_factor) is exercised: the synthetic
    # texts (~900 characters) fit in the default 1000-character lead.
    return [story_doc(a, lead_chars=200 if i % 2 else None) for i, a in enumerate(arts)]


def _stats(docs: list[StoryDoc]) -> Frequencies:
    stats = Frequencies()
    for d in docs:
        stats.add(d)
    return stats


def test_query_similarity_matches_the_stories_scorer() -> None:
    """The vectorised copy must compute stories.Scorer.similarity (pins the coupling to stories.py)."""
    docs = _docs()
    stats = _stats(docs)
    config = StoriesConfig(semantic="off")
    reference = Scorer(config, stats, None)
    rng = random.Random(0)
    scaled = 0
    for _ in range(60):
        a, b = rng.sample(docs, 2)
        query = Query(a, stats)
        try:
            assert query.similarity(config, vec(b, stats)) == pytest.approx(reference.similarity(a, b), abs=1e-12)
        finally:
            query.close()
        text = _cosine(a.words, b.words, stats)
        scaled += reference.lead_factor(a, b, text) < 1.0
    assert scaled >= 5  # the lead factor took part
    assert not stats.dense_words.any() and not stats.dense_names.any() and not stats.dense_lead.any()


def test_all_candidates_in_one_pass_score_as_one_by_one() -> None:
    """One add scores all its candidates at once: each gets its own pair's similarity, including candidates
    with no names, no words at all, or a day outside the window."""
    docs = _docs()
    dated = next(d for d in docs if d.day is not None)
    far = replace(dated, id="far", day=dated.day + timedelta(days=30))
    empty = replace(dated, id="empty", words={}, names={})
    nameless = replace(dated, id="nameless", names={})
    docs += [far, empty, nameless]
    stats = _stats(docs)
    config = StoriesConfig(semantic="off")
    reference = Scorer(config, stats, None)
    for a in (dated, docs[-4], empty):
        query = Query(a, stats)
        try:
            batch = query.similarities(config, [vec(b, stats) for b in docs])
        finally:
            query.close()
        assert list(batch) == pytest.approx([reference.similarity(a, b) for b in docs], abs=1e-12)
        assert batch[docs.index(far)] == 0.0 or a.day is None
