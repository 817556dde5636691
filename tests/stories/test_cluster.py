"""Story clustering: small builders for the rules, the seed articles and an ECB+ floor for real behaviour."""

from __future__ import annotations

import json

import pytest

from corroborate.model import Article
from corroborate.stories.cluster import StoriesConfig, StoryIndex, cluster_articles
from tests.conftest import shared_path

LEXICAL = StoriesConfig(semantic="off")

QUAKE = ("A magnitude 6.1 earthquake struck near Port Elin on Tuesday, damaging the harbour and the old town hall. "
         "Mayor Ana Ruiz said rescue teams from Kestrel County were searching collapsed buildings.")
QUAKE2 = ("Rescue teams from Kestrel County searched the old town of Port Elin after Tuesday's earthquake. "
          "Mayor Ana Ruiz said the harbour was badly damaged and the town hall had partly collapsed.")
FERRY = ("The ferry Northern Star ran aground off Baltimore Point on Sunday night; the coastguard said two crew "
         "members were injured and all passengers were taken off by lifeboat.")
FERRY2 = ("Two crew members of the Northern Star ferry were hurt when it ran aground off Baltimore Point, the "
          "coastguard said. Lifeboats took the passengers ashore on Sunday night.")


def art(aid: str, text: str, published: str | None = None) -> Article:
    return Article(aid, "test", None, published, None, text)


def test_groups_same_event_and_separates_others() -> None:
    articles = [art("q1", QUAKE), art("f1", FERRY), art("q2", QUAKE2), art("f2", FERRY2)]
    assert cluster_articles(articles, config=LEXICAL) == [["f1", "f2"], ["q1", "q2"]]


def test_output_is_deterministic_and_order_free() -> None:
    articles = [art("q1", QUAKE), art("f1", FERRY), art("q2", QUAKE2), art("f2", FERRY2)]
    assert cluster_articles(articles, config=LEXICAL) == cluster_articles(articles[::-1], config=LEXICAL)


def test_time_window_splits_dated_articles() -> None:
    articles = [art("q1", QUAKE, "2024-03-05"), art("q2", QUAKE2, "2024-06-20")]
    assert cluster_articles(articles, config=LEXICAL) == [["q1"], ["q2"]]
    close = [art("q1", QUAKE, "2024-03-05"), art("q2", QUAKE2, "2024-03-06T08:00:00Z")]
    assert cluster_articles(close, config=LEXICAL) == [["q1", "q2"]]


def test_duplicate_ids_are_refused() -> None:
    with pytest.raises(ValueError, match="unique"):
        cluster_articles([art("a", QUAKE), art("a", FERRY)], config=LEXICAL)


def test_config_is_checked() -> None:
    with pytest.raises(ValueError, match="threshold"):
        StoriesConfig(threshold=1.5)
    with pytest.raises(ValueError, match="semantic"):
        StoriesConfig(semantic="maybe")


def test_story_index_incremental() -> None:
    index = StoryIndex(config=LEXICAL)
    s1 = index.add(art("q1", QUAKE))
    s2 = index.add(art("f1", FERRY))
    assert s1 != s2
    assert index.add(art("q2", QUAKE2)) == s1
    assert index.add(art("f2", FERRY2)) == s2
    assert index.add(art("q2", QUAKE2)) == s1  # adding again is idempotent
    assert index.stories() == {s1: ["q1", "q2"], s2: ["f1", "f2"]}
    assert index.method == "lexical: tf-idf + names"


@pytest.mark.parametrize("semantic", ["off", "auto"])
def test_seed_articles_form_one_story(semantic: str) -> None:
    seeds = shared_path("seeds")
    articles = [Article(p.stem, "seed", None, None, str(p), p.read_text(encoding="utf-8"))
                for p in sorted(seeds.glob("*.txt"))]
    assert len(articles) == 3
    config = StoriesConfig(semantic=semantic)
    assert cluster_articles(articles, config=config) == [sorted(a.id for a in articles)]
    index = StoryIndex(config=config)
    assert len({index.add(a) for a in articles}) == 1


def test_ecbplus_dev_floor_lexical() -> None:
    """Real data: ECB+ dev topics (thresholds were chosen on train topics). Measured 0.852 (lexical)."""
    from corroborate.eval.datasets import read_ecbplus
    from corroborate.eval.metrics import bcubed

    docs = [d for d in read_ecbplus(shared_path("data", "ecbplus", "ecbplus_docs.jsonl")) if d.split == "dev"]
    clusters = cluster_articles([art(d.id, d.text) for d in docs], config=LEXICAL)
    predicted = {a: str(k) for k, c in enumerate(clusters) for a in c}
    assert bcubed(predicted, {d.id: d.gold for d in docs})[2] >= 0.82


def test_ecbplus_incremental_close_to_batch() -> None:
    from corroborate.eval.datasets import read_ecbplus
    from corroborate.eval.metrics import bcubed

    path = shared_path("data", "ecbplus", "ecbplus_docs.jsonl")
    docs = [d for d in read_ecbplus(path) if d.split == "dev"]
    index = StoryIndex(config=LEXICAL)
    for d in docs:
        index.add(art(d.id, d.text))
    predicted = {a: s for s, ids in index.stories().items() for a in ids}
    # Incremental is weaker than batch (early articles see thin IDF statistics): measured 0.747-0.78.
    assert bcubed(predicted, {d.id: d.gold for d in docs})[2] >= 0.70
    assert json.dumps(index.stories(), sort_keys=True)  # plain, serialisable output


def test_bundled_examples_form_the_ferry_story_and_keep_the_library_apart() -> None:
    """A small batch: four outlets on one event must not be split because their shared words are 'common'."""
    from pathlib import Path

    from corroborate.ingest import read_sources

    examples = Path(__file__).resolve().parents[2] / "examples"
    arts = [a for a in read_sources([str(examples)]) if isinstance(a, Article)]
    outlets = {a.id: (a.outlet, a.title or "") for a in arts}
    clusters = [sorted(outlets[i] for i in c) for c in cluster_articles(arts, config=StoriesConfig(semantic="off"))]
    ferry = [c for c in clusters if len(c) == 4]
    assert len(ferry) == 1 and {o for o, _ in ferry[0]} == {"Harbour Gazette", "Island Herald", "daily-buzz",
                                                             "Coast Wire"}
    assert any(len(c) == 1 and "library" in c[0][1].lower() for c in clusters)


# Two events of one made-up racing team: the articles share the team's background (same names, same history)
# but their leads report different happenings. A third article reports the first event with other background.
# The lead is cut at 250 characters here (lead_chars: about each article's first paragraph) so they stay short.
SHORT_LEAD = StoriesConfig(semantic="off", lead_chars=250)
TEAM = ("Valdor Racing has not won a title since the years of Ilse Marrow and Teodor Quist. The team moved its "
        "factory to Brennick over the winter and now buys its engines from Orlin Motors. Team principal Saskia "
        "Dumont has promised a car that can fight Kestrel Motorsport at the front before the summer. Kai Lindqvist "
        "and Ruben Oyelaran both signed new contracts with Valdor Racing last year.")
POLE = ("Kai Lindqvist took pole position for the Harrow Grand Prix, a tenth of a second ahead of Ruben Oyelaran, "
        "as Valdor Racing locked out the front row in qualifying on Saturday. Lindqvist set his fastest lap on his "
        "final run while rain threatened the circuit.")
POLE2 = ("Ruben Oyelaran will start second at the Harrow Grand Prix after Kai Lindqvist beat him to pole by a tenth "
         "of a second in Saturday's qualifying, giving Valdor Racing the front row. Rain threatened the circuit as "
         "Lindqvist set his fastest lap on his final run.")
SPONSOR = ("Valdor Racing has signed a four-year sponsorship deal with the shipping group Meridian Freight, the team "
           "announced at a launch in Corvale on Wednesday. The freight company's blue and orange colours will appear "
           "on both cars and on the drivers' overalls from June.")
CIRCUIT = ("The Harrow circuit was resurfaced in the spring and its pit lane widened after complaints from several "
           "teams. Organisers expect a record crowd of spectators on race day, and extra trains will run from the "
           "city centre to the track.")


def test_shared_background_without_a_shared_lead_is_two_stories() -> None:
    """Reports of one qualifying session group; the team's sponsorship deal, sharing only the background, does
    not join them (before the lead factor all three were one story)."""
    articles = [art("pole", f"{POLE} {TEAM}"), art("sponsor", f"{SPONSOR} {TEAM}"),
                art("pole2", f"{POLE2} {CIRCUIT}"), art("q1", QUAKE), art("f1", FERRY)]
    assert cluster_articles(articles, config=SHORT_LEAD) == [["f1"], ["pole", "pole2"], ["q1"], ["sponsor"]]
    index = StoryIndex(config=SHORT_LEAD)  # the incremental path makes the same decision
    assert len({index.add(a) for a in articles}) == 4
    assert index.stories()[index.add(articles[0])] == ["pole", "pole2"]


def test_lead_factor_scales_only_what_the_leads_do_not_share() -> None:
    from corroborate.stories.cluster import Scorer, TermStats, _cosine, story_doc

    docs = [story_doc(art(k, t), lead_chars=250) for k, t in
            (("pole", f"{POLE} {TEAM}"), ("sponsor", f"{SPONSOR} {TEAM}"), ("pole2", f"{POLE2} {CIRCUIT}"))]
    stats = TermStats()
    for d in docs:
        stats.add(d)
    scorer = Scorer(SHORT_LEAD, stats, None)
    pole, sponsor, pole2 = docs
    assert scorer.lead_factor(pole, pole2, _cosine(pole.words, pole2.words, stats)) == 1.0
    assert scorer.lead_factor(pole, sponsor, _cosine(pole.words, sponsor.words, stats)) < 0.5


def test_articles_that_fit_in_their_lead_are_compared_whole() -> None:
    from corroborate.stories.cluster import story_doc

    assert story_doc(art("q1", QUAKE)).lead is None  # shorter than the default lead: no second word list
    long = story_doc(art("pole", f"{POLE} {TEAM}"), lead_chars=250)
    assert long.lead is not None and "sponsorship" not in long.lead and "brennick" not in long.lead
    assert "lindqvist" in long.lead and "brennick" in long.words


def test_lead_share_zero_turns_the_lead_factor_off() -> None:
    from dataclasses import replace

    articles = [art("pole", f"{POLE} {TEAM}"), art("sponsor", f"{SPONSOR} {TEAM}"),
                art("pole2", f"{POLE2} {CIRCUIT}"), art("q1", QUAKE), art("f1", FERRY)]
    off = cluster_articles(articles, config=replace(SHORT_LEAD, lead_share=0.0))
    assert ["pole", "pole2", "sponsor"] in off  # the background-only pair joins again, as before the factor
