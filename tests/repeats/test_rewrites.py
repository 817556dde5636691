"""Drift is kept only between a passage and its rewrite (corroborate.repeats.rewrites), on built groups."""

from __future__ import annotations

from corroborate.config import RepeatsConfig
from corroborate.model import Drift, RepeatGroup, Span
from corroborate.repeats.drift import detect_drift
from corroborate.repeats.rewrites import rewrite_drift_only

CONFIG = RepeatsConfig()
DRIFT = Drift(changed=(("", "not"),), kinds=("negation",), why="negation 'not' added")


def _span(article: str, start: int, text: str = "x" * 10) -> Span:
    return Span(article, start, start + len(text), text)


def _pair(a: str, sa: int, b: str, sb: int, sim: float, texts: tuple[str, str] = ("x" * 10, "x" * 10)) -> RepeatGroup:
    return RepeatGroup("paraphrase", [_span(a, sa, texts[0]), _span(b, sb, texts[1])], "within" if a == b else "across",
                       sim, DRIFT)


def _exact(a: str, sa: int, b: str, sb: int) -> RepeatGroup:
    return RepeatGroup("exact", [_span(a, sa), _span(b, sb)], "across")


def test_one_lead_close_to_three_sentences_of_another_report_is_no_rewrite() -> None:
    # Two independent reports: one sentence of A is over the paraphrase threshold against three of B.
    groups = [_pair("a", 0, "b", 0, 0.78), _pair("a", 0, "b", 100, 0.75), _pair("a", 0, "b", 200, 0.74)]
    assert rewrite_drift_only(groups, {"a": 20, "b": 20}, CONFIG) == 3
    assert all(g.drift is None for g in groups)


def test_a_one_to_one_pair_that_reads_alike_keeps_its_drift() -> None:
    groups = [_pair("a", 0, "b", 0, 0.93), _pair("a", 0, "b", 100, 0.75)]
    assert rewrite_drift_only(groups, {"a": 20, "b": 20}, CONFIG) == 1
    assert groups[0].drift is DRIFT and groups[1].drift is None


def test_two_reports_alike_in_meaning_but_not_in_words_are_no_rewrite() -> None:
    texts = ("The club offered the striker a seven-year deal worth 140 million , reports said .",
             "Meanwhile , a rival still has an eight-year offer on the table for the striker .")
    groups = [_pair("a", 0, "b", 0, 0.91, texts)]
    assert rewrite_drift_only(groups, {"a": 20, "b": 20}, CONFIG) == 1


def test_an_edited_sentence_that_keeps_its_words_in_order_is_a_rewrite() -> None:
    texts = ("The pirates are from Somalia and Yemen , two countries surrounding the gulf , he said .",
             "The pirates were from Somalia and Yemen , two countries on the coast of the gulf .")
    groups = [_pair("a", 0, "b", 0, 0.95, texts)]
    assert rewrite_drift_only(groups, {"a": 20, "b": 20}, CONFIG) == 0


def test_a_closest_pair_that_reads_only_somewhat_alike_loses_its_drift() -> None:
    groups = [_pair("a", 0, "b", 0, 0.80)]
    assert rewrite_drift_only(groups, {"a": 20, "b": 20}, CONFIG) == 1


def test_a_copy_that_shares_most_sentences_verbatim_keeps_a_looser_pair() -> None:
    # B repeats four of A's five sentences word for word and rewrote the fifth: the fifth pair is a rewrite.
    groups = [_exact("a", i * 100, "b", i * 100) for i in range(4)] + [_pair("a", 400, "b", 400, 0.78)]
    assert rewrite_drift_only(groups, {"a": 5, "b": 5}, CONFIG) == 0
    assert groups[-1].drift is DRIFT


def test_one_shared_sentence_does_not_make_two_reports_copies() -> None:
    groups = [_exact("a", 0, "b", 0), _pair("a", 400, "b", 400, 0.78)]
    assert rewrite_drift_only(groups, {"a": 20, "b": 20}, CONFIG) == 1


def test_an_article_that_rewrites_itself_keeps_every_pair() -> None:
    # A scrape that interleaves a spun copy of itself: sentence i and its rewrite right after it, four times,
    # plus one rewrite that is closer to the sentence before its source (a spinner merges sentences).
    groups = [_pair("a", i * 200, "a", i * 200 + 100, 0.88) for i in range(4)] + [_pair("a", 200, "a", 700, 0.76)]
    assert rewrite_drift_only(groups, {"a": 12}, CONFIG) == 0
    assert all(g.drift is DRIFT for g in groups)


def test_a_long_recap_that_retells_its_lead_loosely_is_no_self_rewrite() -> None:
    groups = [_pair("a", i * 200, "a", i * 200 + 100, 0.78) for i in range(6)]
    assert rewrite_drift_only(groups, {"a": 40}, CONFIG) == 6


def test_two_loose_pairs_inside_an_ordinary_article_are_no_rewrite() -> None:
    groups = [_pair("a", 0, "a", 500, 0.76), _pair("a", 100, "a", 900, 0.74)]
    assert rewrite_drift_only(groups, {"a": 30}, CONFIG) == 2


def test_a_clitic_split_off_by_the_source_is_no_negation_added() -> None:
    assert detect_drift("Smith didn ’ t return a call seeking comment .",
                        "Smith didn't return a call seeking comment .") is None
    assert detect_drift("The office said the case hadn ' t been filed .",
                        "The office said the case had been filed .") is not None


def test_the_lexical_scale_has_its_own_bar() -> None:
    # IDF-weighted Dice runs lower than MiniLM cosine: the same self-spun article reads 0.69-0.79 there.
    loose = [_pair("a", i * 200, "a", i * 200 + 100, 0.78) for i in range(4)]
    assert rewrite_drift_only(loose, {"a": 12}, CONFIG, lexical=True) == 0
    assert rewrite_drift_only(loose, {"a": 12}, CONFIG) == 4
