"""The persisted index's pieces: fingerprints, LSH buckets, and its copy of the stories similarity."""

from __future__ import annotations

import pickle

import pytest

from corroborate.store.incremental import (
    MatchConfig,
    _decode_doc,
    _encode_doc,
    featurize,
    jaccard,
)
from corroborate.stories.cluster import story_doc
from tests.store.test_core import synthetic_articles


def test_featurize_is_deterministic_and_picklable() -> None:
    a = synthetic_articles(1, 1)[0]
    f1, f2 = featurize(a), featurize(a)
    assert f1.signature == f2.signature and f1.buckets == f2.buckets
    assert len(f1.buckets) == MatchConfig().bands and len(f1.signature) == 8 * MatchConfig().num_perm
    assert pickle.loads(pickle.dumps(f1)).signature == f1.signature


def test_jaccard_estimate_tracks_overlap() -> None:
    arts = synthetic_articles(2, 2, seed=1)
    same_event = jaccard(featurize(arts[0]).signature, featurize(arts[1]).signature)
    other_event = jaccard(featurize(arts[0]).signature, featurize(arts[2]).signature)
    assert jaccard(featurize(arts[0]).signature, featurize(arts[0]).signature) == 1.0
    assert same_event > other_event and other_event < 0.1


def test_match_config_is_checked() -> None:
    with pytest.raises(ValueError, match="multiple of bands"):
        MatchConfig(num_perm=100, bands=32)
    with pytest.raises(ValueError, match="near_threshold"):
        MatchConfig(near_threshold=1.5)


def test_encoded_features_round_trip() -> None:
    a = synthetic_articles(1, 1)[0]
    doc = story_doc(a)
    back = _decode_doc(doc.id, _encode_doc(doc), doc.day.toordinal())
    assert (back.words, back.names, back.day, back.years) == (doc.words, doc.names, doc.day, doc.years)
    assert list(back.words) == list(doc.words)  # order kept: the similarity's sums follow it


def test_near_duplicate_checks_are_capped_and_keep_the_closest(tmp_path) -> None:
    """A text syndicated many times: each add checks at most ``max_verify`` LSH candidates, ranked by shared
    bands, so the closest copies are still found and one add does not grow with the number of copies."""
    from dataclasses import replace

    from corroborate.ingest.common import article_id
    from corroborate.store import Store
    from tests.store.test_core import LEXICAL

    base = synthetic_articles(1, 1, seed=5)[0]
    copies = []
    for k in range(30):
        text = base.text + f" Syndicated by outlet {k}."
        copies.append(replace(base, id=article_id(text), text=text, outlet=f"o{k}"))
    with Store(tmp_path / "n.db", config=LEXICAL, match=MatchConfig(max_verify=5)) as store:
        store.add(copies)
        last = store.near_duplicates(copies[-1].id)
    assert 1 <= len(last) <= 5
    assert all(score >= 0.9 for _, score in last)
    with Store(tmp_path / "all.db", config=LEXICAL) as store:
        store.add(copies)
        assert len(store.near_duplicates(copies[-1].id)) == 29


def test_added_articles_enter_the_lru_with_their_story(tmp_path, monkeypatch) -> None:
    from corroborate.store import Store
    from corroborate.store.incremental import PersistedStoryIndex
    from tests.store.test_core import LEXICAL

    arts = synthetic_articles(3, 4, seed=3)
    seen: list[dict] = []
    original = PersistedStoryIndex._assign

    def spy(self, conn, f, seq, near):
        story = original(self, conn, f, seq, near)
        seen.append({"seq": seq, "cached": self._docs.get(seq), "story": story})
        return story

    monkeypatch.setattr(PersistedStoryIndex, "_assign", spy)
    with Store(tmp_path / "l.db", config=LEXICAL) as store:
        store.add(arts)
        stored = {store.story_of(a.id) for a in arts}
    assert len(seen) == len(arts)
    for row in seen:
        vec, story = row["cached"]
        assert vec.doc.id == arts[row["seq"] - 1].id
        assert story == row["story"] and story in stored


def test_recent_candidates_are_scored_without_database_reads(tmp_path, monkeypatch) -> None:
    """The flat-cost guard: once an article is added, scoring it as a neighbour decodes nothing from the
    database (before, every article was decoded once more on first use, and old near-duplicates each time)."""
    import corroborate.store.incremental as incremental
    from corroborate.store import Store
    from tests.store.test_core import LEXICAL

    arts = synthetic_articles(60, 8, seed=9)
    decoded = []
    real = incremental._decode_doc
    monkeypatch.setattr(incremental, "_decode_doc", lambda *a: decoded.append(a[0]) or real(*a))
    with Store(tmp_path / "f.db", config=LEXICAL) as store:
        store.add(arts[:240])
        assert decoded == []
        store.add(arts[240:])  # a new Store.add (and index): its LRU starts empty, so it reads some back
        first_read = len(decoded)
        assert first_read <= 120  # at most the earlier articles within reach, each once
        assert len(set(decoded)) == len(decoded)


def test_near_duplicates_dated_outside_the_window_are_not_scored(tmp_path, monkeypatch) -> None:
    """A copy of a months-old article is still stored as its near-duplicate, but the old article is neither
    decoded nor scored for the copy's story (their similarity is 0 by the window); a copy within the window is."""
    from dataclasses import replace

    from corroborate.ingest.common import article_id
    from corroborate.store import Store
    from corroborate.store.incremental import PersistedStoryIndex
    from tests.store.test_core import LEXICAL

    base = replace(synthetic_articles(1, 1, seed=4)[0], published="2020-01-01")
    copies = [replace(base, id=article_id(base.text + f" Copy {k}."), text=base.text + f" Copy {k}.",
                      outlet=f"o{k}", published=day) for k, day in enumerate(["2020-03-01", "2020-01-03"])]
    scored: list[list[int]] = []
    real = PersistedStoryIndex._load
    monkeypatch.setattr(PersistedStoryIndex, "_load",
                        lambda self, conn, seqs: scored.append(seqs) or real(self, conn, seqs))
    with Store(tmp_path / "w.db", config=LEXICAL) as store:
        store.add([base])
        store.add(copies[:1])  # a new index: the original is not in its LRU either
        assert [aid for aid, _ in store.near_duplicates(copies[0].id)] == [base.id]
        store.add(copies[1:])
        assert store.story_of(copies[0].id) != store.story_of(base.id)
        assert store.story_of(copies[1].id) == store.story_of(base.id)
    # The far copy scores nothing; the near copy scores the original, not the far copy (58 days away).
    assert scored == [[], [], [1]]


def _interleaved(db, arts, writers: int) -> tuple[dict[str, str], list]:
    """Stories and near-duplicates when ``writers`` story indexes (each with its own connection and in-memory
    caches, as separate processes have) take turns adding batches of 8 to one database."""
    from corroborate.store import Store
    from corroborate.store.incremental import PersistedStoryIndex
    from tests.store.test_core import LEXICAL

    # No near-duplicates (they are scored whatever the postings say): stories are found through the postings.
    stores = [Store(db, config=LEXICAL, match=MatchConfig(near_threshold=0.99)) for _ in range(writers)]
    indexes = [PersistedStoryIndex(stories=s.stories_config, match=s.match) for s in stores]
    try:
        for turn, start in enumerate(range(0, len(arts), 8)):
            store, index = stores[turn % writers], indexes[turn % writers]
            store._write([featurize(a, match=store.match) for a in arts[start:start + 8]], index, "lexical")
        stories = {a.id: stores[0].story_of(a.id) for a in arts}
        near = [(a.id, stores[0].near_duplicates(a.id)) for a in arts]
    finally:
        for s in stores:
            s.close()
    return stories, near


def test_writers_taking_turns_store_what_one_writer_stores(tmp_path) -> None:
    """Each writer's in-memory look-ups (buckets, postings by day, decoded features) must see the other's
    rows: events of 12 articles span batches of 8 written by different writers, and their days were loaded
    (still empty) by the previous event's look-ups."""
    arts = synthetic_articles(8, 12, seed=21)
    one = _interleaved(tmp_path / "one.db", arts, 1)
    two = _interleaved(tmp_path / "two.db", arts, 2)
    assert two == one
    assert len(set(one[0].values())) == 8  # one story per event


def _batch_and_store(articles, tmp_path, name: str) -> tuple[list[list[str]], list[list[str]]]:
    """The grouping of `check` (batch clustering) and of `add` (the persisted index), on the lexical path."""
    from corroborate.config import StoriesConfig
    from corroborate.store import Store
    from corroborate.stories.cluster import cluster_articles
    from tests.store.test_core import LEXICAL

    batch = cluster_articles(articles, config=StoriesConfig(semantic="off"))
    with Store(tmp_path / f"{name}.db", config=LEXICAL) as store:
        store.add(articles)
        stored = sorted(sorted(s.articles) for s in store.stories())
    return sorted(batch), stored


def _read(path) -> list:
    from corroborate.ingest import read_sources
    from corroborate.model import Article

    return [a for a in read_sources([str(path)]) if isinstance(a, Article)]


def test_an_undated_article_joins_a_dated_story_as_in_batch(tmp_path) -> None:
    """`add` filed dated articles by day and let an undated one look up only the undated: an undated report
    of a dated story started a story of its own, where `check` grouped all three (the seeds' case)."""
    from dataclasses import replace

    first, dated, late = synthetic_articles(1, 3, seed=3)
    articles = [replace(first, published=None), dated, replace(late, published=None)]
    for order in (articles, articles[::-1], [dated, *articles[::2]]):
        batch, stored = _batch_and_store(order, tmp_path, f"o{id(order)}")
        assert stored == batch == [sorted(a.id for a in articles)]


@pytest.mark.parametrize("corpus", ["seeds", "examples"])
def test_check_and_add_group_the_same_stories(corpus: str, tmp_path) -> None:
    """`corroborate check` and `corroborate add` must agree on the seeds (../shared/seeds) and on examples/."""
    from pathlib import Path

    from tests.conftest import shared_path

    path = shared_path("seeds") if corpus == "seeds" else Path(__file__).resolve().parents[2] / "examples"
    articles = _read(path)
    batch, stored = _batch_and_store(articles, tmp_path, corpus)
    assert stored == batch
    if corpus == "seeds":
        assert len(batch) == 1  # the three seeds report one event
