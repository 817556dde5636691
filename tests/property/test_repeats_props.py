"""Property tests for repeats: deterministic, independent of the order of the input, and symmetric.

Articles are drawn from a small pool of news sentences with word substitutions, so exact repeats, near
duplicates and paraphrases all occur; the lexical path is used (no model), so the tests run anywhere.
"""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corroborate.config import RepeatsConfig
from corroborate.ingest.common import article_id
from corroborate.ingest.segment import segment
from corroborate.model import Article, Passage, to_json
from corroborate.repeats.find import LexicalIndex, RepeatResult, find_repeats
from corroborate.repeats.fingerprint import exact_key, jaccard, shingles

CONFIG = RepeatsConfig()
TEMPLATES = (
    "The ferry {v} aground on Sennock Reef off Port Elin on {d} night.",
    "Two crew members were {a} and taken to hospital in Kellsport.",
    "The harbour master said the vessel had {v} off course in thick fog.",
    "Passengers were {a} by lifeboats and brought ashore before dawn.",
    "The Coastal Safety Board {c} an inquiry into the grounding on {d}.",
    "Pictured: the ferry on the reef.",
    "Tidewater Lines said it would {c} its own review of the night's events.",
    "Fishermen said the reef light had been out for a week before the accident.",
)
FILLERS = {
    "v": ("ran", "drifted", "went", "was driven"),
    "d": ("Monday", "Tuesday", "Friday"),
    "a": ("injured", "rescued", "hurt", "treated"),
    "c": ("launched", "opened", "announced", "began"),
}


@st.composite
def sentences(draw: st.DrawFn) -> str:
    template = draw(st.sampled_from(TEMPLATES))
    return template.format(**{k: draw(st.sampled_from(v)) for k, v in FILLERS.items()})


@st.composite
def corpora(draw: st.DrawFn) -> list[Article]:
    texts = draw(st.lists(
        st.lists(sentences(), min_size=1, max_size=6).map(lambda ss: " ".join(ss)),
        min_size=2, max_size=4, unique_by=lambda t: article_id(t)))
    dates = draw(st.lists(st.sampled_from([None, "2025-03-03", "2025-03-04T08:00:00+00:00", "2025-03-05"]),
                          min_size=len(texts), max_size=len(texts)))
    return [Article(article_id(t), f"outlet-{i}", None, d, None, t) for i, (t, d) in enumerate(zip(texts, dates,
                                                                                                  strict=True))]


def _run(articles: list[Article]) -> tuple[RepeatResult, dict[str, list[Passage]]]:
    passages = {a.id: segment(a) for a in articles}
    return find_repeats(articles, passages, config=CONFIG, embedder=None), passages


def _canonical(result: RepeatResult) -> list[tuple]:
    """Groups as order-free values: kind, member spans as a sorted tuple, similarity."""
    return sorted((g.kind, tuple(sorted((m.article, m.start, m.end, m.text) for m in g.members)), g.similarity)
                  for g in result.groups)


def _canonical_up_to_representative(result: RepeatResult) -> list[tuple]:
    """Like :func:`_canonical`, but a paraphrase member counts by the exact/near group it stands for (the
    wordings of that group), not by which copy represents it: repeats reports one pair per pair of groups,
    through the first copy in input order and, on equal similarity, the first pair in input order."""
    group_of: dict[tuple[str, int, int], frozenset[str]] = {}
    for g in result.groups:
        if g.kind != "paraphrase":
            wordings = frozenset(exact_key(m.text) for m in g.members)
            for m in g.members:
                group_of[m.article, m.start, m.end] = group_of.get((m.article, m.start, m.end), frozenset()) | wordings
    out = []
    for g in result.groups:
        if g.kind == "paraphrase":
            sides = sorted(tuple(sorted(group_of.get((m.article, m.start, m.end), frozenset({exact_key(m.text)}))))
                           for m in g.members)
            out.append((g.kind, tuple(map(str, sides)), g.similarity))
        else:
            out.append((g.kind, tuple(sorted(str((m.article, m.start, m.end)) for m in g.members)), g.similarity))
    return sorted(out)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(corpora())
def test_running_twice_gives_identical_results(articles: list[Article]) -> None:
    first, _ = _run(articles)
    second, _ = _run([Article(a.id, a.outlet, a.title, a.published, a.path, a.text) for a in articles])
    assert json.dumps(to_json(first.groups)) == json.dumps(to_json(second.groups))
    assert json.dumps(to_json(first.reuse)) == json.dumps(to_json(second.reuse))
    assert first.counters == second.counters


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(corpora(), st.randoms(use_true_random=False))
def test_permuting_the_articles_gives_the_same_groups(articles: list[Article], rnd) -> None:
    shuffled = list(articles)
    rnd.shuffle(shuffled)
    first, _ = _run(articles)
    second, _ = _run(shuffled)
    assert _canonical_up_to_representative(first) == _canonical_up_to_representative(second)


def test_permuting_the_articles_keeps_the_paraphrase_members() -> None:
    s1 = "The ferry ran aground on Sennock Reef off Port Elin on Monday night."
    s2 = "The ferry drifted aground on Sennock Reef off Port Elin on Tuesday night."
    texts = [s1, f"{s1} {s1}", f"{s1} {s2}"]
    articles = [Article(article_id(t), f"outlet-{i}", None, None, None, t) for i, t in enumerate(texts)]
    first, _ = _run(articles)
    second, _ = _run([articles[1], articles[0], articles[2]])
    assert _canonical(first) == _canonical(second)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(corpora())
def test_groups_are_symmetric_and_hold_the_span_rule(articles: list[Article]) -> None:
    result, passages = _run(articles)
    by_id = {a.id: a for a in articles}
    for g in result.groups:
        assert len(g.members) >= 2 and len(set(g.members)) == len(g.members)
        assert g.scope == ("across" if len({m.article for m in g.members}) > 1 else "within")
        for m in g.members:
            assert by_id[m.article].text[m.start:m.end] == m.text
    # The similarity measures behind the groups do not depend on which side a passage is on.
    texts = [p.text for ps in passages.values() for p in ps]
    index = LexicalIndex(texts)
    for i in range(len(texts)):
        for j in range(i + 1, len(texts)):
            assert index.similarity(i, j) == index.similarity(j, i)
            a, b = shingles(texts[i], CONFIG.shingle_size), shingles(texts[j], CONFIG.shingle_size)
            assert jaccard(a, b) == jaccard(b, a)
    # If A repeats B then B repeats A: a pair found with one article first is found with it second too.
    # (Exact and near groups list every copy; a paraphrase pair names one copy of each wording, chosen in
    # content-hash order, so the same copy whatever the input order: see the test before.)
    def article_pairs(r: RepeatResult) -> set[frozenset[str]]:
        return {frozenset(m.article for m in g.members) for g in r.groups
                if g.scope == "across" and g.kind != "paraphrase"}

    swapped, _ = _run(list(reversed(articles)))
    assert article_pairs(result) == article_pairs(swapped)
    assert _canonical_up_to_representative(result) == _canonical_up_to_representative(swapped)
