"""Scoring of the real-news tasks on hand-built predictions, and one BASIL event end to end."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from corroborate.cli import main
from corroborate.eval.gold import DEFAULT_GOLD, load_events
from corroborate.eval.realnews import TASKS, Runner, evaluate, split_groups
from corroborate.eval.realnews_facts import (
    mention_ranges,
    score_brief,
    score_entities,
    score_timeline,
    summarize_brief,
    summarize_entities,
    summarize_timeline,
)
from corroborate.eval.realnews_scores import (
    bucket,
    jaccard,
    merge,
    score_conflicts,
    score_quotes,
    speaker_correct,
    speaker_forms,
    summarize_conflicts,
    summarize_quotes,
)
from corroborate.model import BriefSentence, Conflict, Entity, Quote, Span, Story, TimelineEvent
from tests.conftest import shared_path
from tests.eval import goldfixture as fx


def story(ev: Any, **parts: Any) -> Story:
    return Story(id=parts.pop("id", "s1"), articles=parts.pop("articles", [a.id for a in ev.articles]), **parts)


# -- conflicts -------------------------------------------------------------------------------------------------

def conflict(spans: list[Span], confidence: float, kind: str = "number") -> Conflict:
    return Conflict(kind, spans, [s.text for s in spans], "why", confidence)


def test_conflicts_match_half_credit_near_miss_and_buckets() -> None:
    ev = fx.event()
    preds = [
        conflict([fx.span(ev, "nyt", 0, 0, "27"), fx.span(ev, "fox", 0, 0, "29")], 0.9),  # clear gold
        # the debatable pair, its spans in the other order:
        conflict([fx.span(ev, "fox", 1, 0, "Indiana"), fx.span(ev, "nyt", 1, 0, "Ohio")], 0.6, "place"),
        conflict([fx.sentence(ev, "nyt", 0, 1), fx.sentence(ev, "fox", 1, 1)], 0.3, "quote"),  # a near-miss
        conflict([fx.span(ev, "nyt", 0, 0, "27"), fx.span(ev, "nyt", 0, 0, "Tuesday")], 0.75),  # both in one sentence
    ]
    t = score_conflicts(ev, [story(ev, conflicts=preds)])
    s = summarize_conflicts(t)
    assert s["predicted"] == 4 and s["gold"] == 2 and (s["gold_clear"], s["gold_debatable"]) == (1, 1)
    assert s["precision"] == pytest.approx((1 + 0.5) / 4)
    assert s["recall"] == pytest.approx(1.0)
    assert s["false_conflicts"] == 2 and s["false_per_article"] == pytest.approx(1.0)
    assert s["near_miss_hits"] == 1 and s["near_miss_by_kind"] == {"different_fact": 1}
    assert s["kind_agreement"] == pytest.approx(1.0)
    assert s["calibration"] == {"[0,0.5)": {"predicted": 1, "precision": 0.0},
                                "[0.5,0.7)": {"predicted": 1, "precision": 0.5},
                                "[0.7,0.85)": {"predicted": 1, "precision": 0.0},
                                "[0.85,1]": {"predicted": 1, "precision": 1.0}}
    assert s["by_gold_kind"]["place"] == {"gold": 1, "recall": 1.0}
    assert s["by_predicted_kind"]["number"] == {"predicted": 2, "precision": 0.5}
    assert sorted(str(u["near_miss"]) for u in t["unmatched"]) == ["None", "different_fact"]
    assert t["missed"] == []


def test_conflict_recall_weights_debatable_half() -> None:
    ev = fx.event()
    only_debatable = [conflict([fx.span(ev, "nyt", 1, 0, "Ohio"), fx.span(ev, "fox", 1, 0, "Indiana")], 0.5)]
    s = summarize_conflicts(score_conflicts(ev, [story(ev, conflicts=only_debatable)]))
    assert s["recall"] == pytest.approx(0.5 / 1.5)
    assert s["precision"] == pytest.approx(0.5)
    none = summarize_conflicts(score_conflicts(ev, [story(ev)]))
    assert none["precision"] is None and none["recall"] == 0.0


def test_conflicts_collected_over_all_stories_and_explained() -> None:
    ev = fx.event()
    a = story(ev, id="s1", conflicts=[conflict([fx.span(ev, "nyt", 0, 0, "27"), fx.span(ev, "fox", 0, 0, "29")], 0.9)])
    b = story(ev, id="s2", conflicts=[conflict([fx.span(ev, "nyt", 1, 0, "Ohio"),
                                                fx.span(ev, "nyt", 0, 0, "Tuesday")], 0.9)])
    t = score_conflicts(ev, [a, b])
    assert t["matched_gold"] == 1 and len(t["unmatched"]) == 1 and len(t["missed"]) == 1
    assert t["missed"][0]["values"] == ["Ohio", "Indiana"] and t["missed"][0]["label"] == "debatable"
    assert t["unmatched"][0]["spans"][0] == {"doc": "nyt", "p": 1, "s": 0, "start": 14, "end": 18, "text": "Ohio"}


def test_buckets_edges() -> None:
    assert [bucket(c) for c in (0.0, 0.499, 0.5, 0.7, 0.849, 0.85, 1.0)] == [
        "[0,0.5)", "[0,0.5)", "[0.5,0.7)", "[0.7,0.85)", "[0.7,0.85)", "[0.85,1]", "[0.85,1]"]


def test_merge_sums_nested_and_concatenates() -> None:
    m = merge([{"n": 1, "t": {"a": {"x": 1}}, "l": [1]}, {"n": 2, "t": {"a": {"x": 2}, "b": {"x": 1}}, "l": [2]}])
    assert m == {"n": 3, "t": {"a": {"x": 3}, "b": {"x": 1}}, "l": [1, 2]}


# -- quotes ----------------------------------------------------------------------------------------------------

def test_quote_jaccard_ignores_marks_and_speaker_aliases() -> None:
    ev = fx.event()
    with_marks = fx.span(ev, "nyt", 0, 1, "“We will rebuild the town together,”")
    gold = fx.span(ev, "nyt", 0, 1, "We will rebuild the town together,")
    assert jaccard([with_marks], gold) == pytest.approx(1.0)
    assert jaccard([fx.span(ev, "nyt", 0, 1, "We will")], gold) < 0.5
    assert jaccard([fx.span(ev, "fox", 1, 1, "help is on the way now")], gold) == 0.0
    forms = speaker_forms(ev)
    assert speaker_correct("MS DOE", "Jane Doe", forms)  # an alias, case and full stop aside
    assert speaker_correct("doe", "Jane Doe", forms)
    assert not speaker_correct("John Doe", "Jane Doe", forms)
    assert not speaker_correct(None, "Jane Doe", forms)
    assert speaker_correct(None, "unattributed", forms)
    assert not speaker_correct("Officials", "unattributed", forms)
    assert speaker_correct("a spokesman", "a spokesman", forms)  # a speaker that is no gold entity: its name
    # A middle initial or a suffix the labelled forms lack is the same name; a lone surname core is not enough.
    assert speaker_correct("Jane Q. Doe Jr.", "Jane Doe", forms)
    assert not speaker_correct("Jane Q. Doe Jr.", "Jane Doe", forms, exact=True)
    assert not speaker_correct("John Q. Doe", "Jane Doe", forms)
    # A leading "the" of a labelled name is no part of it; of a two-word name ("The Times") it stays.
    assert speaker_correct("New Haven Register", "The New Haven Register", {})
    assert not speaker_correct("New Haven Register", "The New Haven Register", {}, exact=True)
    assert not speaker_correct("Times", "The Times", {})


def test_quotes_precision_recall_speakers() -> None:
    ev = fx.event()
    quotes = [
        Quote("Ms Doe", "said", "x", [fx.span(ev, "nyt", 0, 1, "“We will rebuild the town together,”")]),
        Quote("Officials", "said", "x", [fx.span(ev, "fox", 1, 1, "help is")]),  # too short a piece: no match
        Quote("Jane Doe", "said", "x", [fx.span(ev, "fox", 1, 1, "help is on the way now")], kind="reported"),
    ]
    t = score_quotes(ev, [story(ev, quotes=quotes)])
    s = summarize_quotes(t)
    assert (s["gold"], s["predicted"], s["matched"]) == (2, 2, 1)  # reported quotes are not scored
    assert s["precision"] == pytest.approx(0.5) and s["recall"] == pytest.approx(0.5) and s["f1"] == pytest.approx(0.5)
    assert s["speaker_accuracy"] == pytest.approx(1.0)
    assert s["speakers_not_names"] == pytest.approx(0.5)  # "Officials"
    assert s["reported_quotes"] == 1
    assert [m["speaker"] for m in t["missed"]] == ["unattributed"]


def test_quote_wrong_speaker_is_counted() -> None:
    ev = fx.event()
    quotes = [Quote("John Doe", "said", "x", [fx.span(ev, "nyt", 0, 1, "We will rebuild the town together")]),
              Quote(None, None, "x", [fx.span(ev, "fox", 1, 1, "“help is on the way now”")])]
    s = summarize_quotes(score_quotes(ev, [story(ev, quotes=quotes)]))
    assert s["matched"] == 2 and s["speaker_accuracy"] == pytest.approx(0.5)
    # The one name shown is wrong; the gold-named quote got a name (the wrong one), so none is left unattributed.
    assert (s["name_precision"], s["name_recall"], s["named_left_unattributed"]) == (0.0, 0.0, 0.0)


def test_name_precision_apart_from_quotes_left_unattributed() -> None:
    ev = fx.event()
    quotes = [Quote(None, None, "x", [fx.span(ev, "nyt", 0, 1, "We will rebuild the town together")]),
              Quote("Jane Doe", "said", "x", [fx.span(ev, "fox", 1, 1, "“help is on the way now”")])]
    s = summarize_quotes(score_quotes(ev, [story(ev, quotes=quotes)]))
    # A named quote left without a name costs recall, not precision; a name given to an unattributed quote
    # costs precision.
    assert s["speaker_accuracy"] == pytest.approx(0.0)
    assert (s["name_precision"], s["name_recall"], s["named_left_unattributed"]) == (0.0, 0.0, 1.0)
    quotes[0] = Quote("Ms Doe", "said", "x", quotes[0].spans)
    s = summarize_quotes(score_quotes(ev, [story(ev, quotes=quotes)]))
    assert (s["name_precision"], s["name_recall"], s["named_left_unattributed"]) == (0.5, 1.0, 0.0)


# -- entities --------------------------------------------------------------------------------------------------

def test_alias_group_precision_pair_recall_and_types() -> None:
    ev = fx.event()
    ents = [Entity("Jane Doe", "PER", ["Ms Doe", "Doe"], []),  # pure group
            Entity("John Doe", "PER", ["Jane Doe"], []),  # mixes two gold people
            Entity("Ohio", "ORG", [], []),  # one form: no group; wrong type
            Entity("Mr Doe", "PER", ["Mr. Doe", "the senator"], []),  # one gold form after restriction
            Entity("Nobody", "PER", ["Someone"], [])]  # no gold form at all
    t = score_entities(ev, [story(ev, entities=ents)])
    s = summarize_entities(t)
    assert s["alias_groups"] == 2 and s["group_precision"] == pytest.approx(0.5)
    # Pairs whose both forms were predicted: Jane's 3 (all in one group) and John's (John Doe, Mr Doe): split.
    assert s["gold_pairs"] == 4 and s["pair_recall"] == pytest.approx(3 / 4)
    assert s["type_precision"] == pytest.approx(3 / 4)  # Jane PER, John PER, Mr Doe PER right; Ohio ORG wrong
    assert s["type_recall"] == pytest.approx(2 / 4)  # Jane and John; Ohio mistyped, Indiana never found
    assert s["entity_coverage"] == pytest.approx(3 / 4)
    assert s["by_type"]["ORG"]["precision"] == 0.0 and s["by_type"]["LOC"]["recall"] == 0.0
    assert t["impure"][0]["forms"] == {"jane doe": ["Jane Doe"], "john doe": ["John Doe"]}


# -- timeline --------------------------------------------------------------------------------------------------

def test_timeline_coverage_date_accuracy_precision() -> None:
    ev = fx.event()
    events = [TimelineEvent("2014-03-25", "x", [fx.sentence(ev, "nyt", 0, 0)], expression="on Tuesday"),
              TimelineEvent("2014-03-19", "x", [fx.sentence(ev, "fox", 0, 0)], expression="Wednesday"),
              TimelineEvent("2013", "x", [fx.sentence(ev, "nyt", 1, 0)], expression="in 2013")]
    ranges, located = mention_ranges(events[1], events[1].spans[0])
    assert located and [r.text for r in ranges] == ["Wednesday"]
    s = summarize_timeline(score_timeline(ev, [story(ev, timeline=events)]))
    assert (s["gold"], s["predicted"], s["matched"]) == (2, 3, 2)
    assert s["coverage"] == pytest.approx(1.0) and s["date_accuracy"] == pytest.approx(0.5)
    assert s["precision"] == pytest.approx(0.5)  # the "in 2013" mention overlaps no gold expression


def test_timeline_mention_must_overlap_the_expression() -> None:
    ev = fx.event()
    # Right sentence, but the expression found there is not the gold one: no match.
    wrong = [TimelineEvent("2014-03-26", "x", [fx.sentence(ev, "nyt", 0, 0)], expression="27 people")]
    s = summarize_timeline(score_timeline(ev, [story(ev, timeline=wrong)]))
    assert s["matched"] == 0 and s["precision"] is None


# -- brief -----------------------------------------------------------------------------------------------------

def test_brief_first_sentence_coverage_and_unnamed_quotes() -> None:
    ev = fx.event()
    main_brief = [BriefSentence("Sen. Jane Doe said 27 people died on Tuesday.", [fx.sentence(ev, "nyt", 0, 0)], 2),
                  BriefSentence("Officials said “help is on the way now” to the town.", [fx.sentence(ev, "fox", 1, 1)],
                                1),
                  BriefSentence("“We will rebuild the town together,” Ms. Doe said.", [fx.sentence(ev, "nyt", 0, 1)],
                                1)]
    other = story(ev, id="s2", articles=[ev.doc_article["fox"]],
                  brief=[BriefSentence("The storm hit Indiana.", [fx.sentence(ev, "fox", 1, 0)], 1)])
    s = summarize_brief(score_brief(ev, [other, story(ev, brief=main_brief)]))
    assert s["first_sentence_hit"] == 1.0  # the main story (both articles) opens with the rank-1 fact
    assert s["fact_coverage_top5"] == pytest.approx(0.5)  # the rank-2 fact is only in the smaller story
    assert s["unnamed_quotes"] == 1 and s["brief_sentences"] == 4
    miss = summarize_brief(score_brief(ev, [story(ev, brief=main_brief[1:])]))
    assert miss["first_sentence_hit"] == 0.0


def test_split_groups() -> None:
    ev = fx.event()
    assert list(split_groups([ev])) == ["test", "all"]
    assert split_groups([ev], "tune") == {"tune": []}


# -- real data -------------------------------------------------------------------------------------------------

def _ratios(node: Any) -> list[float]:
    if isinstance(node, float):
        return [node]
    if isinstance(node, dict):
        return [x for v in node.values() for x in _ratios(v)]
    return []


def test_one_basil_event_end_to_end(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = shared_path("data")
    files = sorted((DEFAULT_GOLD / "basil").glob("*.json"))
    if not files:
        pytest.skip(f"no BASIL gold files under {DEFAULT_GOLD / 'basil'}")
    (tmp_path / "basil").mkdir()
    shutil.copy(files[0], tmp_path / "basil" / files[0].name)
    events = load_events(tmp_path, data)
    assert len(events) == 1
    runner = Runner("off")
    try:
        for task in TASKS:
            out = evaluate(task, events, runner, explain=True)
            assert set(out["scores"]) == {events[0].split, "all"}
            assert out["method"]["alignment"] == "lexical"
            assert all(0.0 <= x <= 1.0 for x in _ratios(out["scores"])), (task, out["scores"])
            assert set(out["explain"]) and all(isinstance(v, list) for v in out["explain"].values())
        assert len(runner.reports) == 1  # one checker run serves every task
        report = runner.reports[(events[0].dataset, events[0].event)]
        assert {a.id for a in report.articles} == set(events[0].article_doc)
    finally:
        runner.close()
    assert main(["eval", "quotes", "--gold", str(tmp_path), "--data", str(data), "--semantic", "off", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    scores = result["scores"][events[0].split]
    assert scores["events"] == 1 and scores["gold"] == len(events[0].gold["quotes"])
    assert all(0.0 <= x <= 1.0 for x in _ratios(result["scores"]))


def test_brief_citation_support_and_the_check_against_labels(tmp_path: Path) -> None:
    from corroborate.eval.gold import build_event
    from corroborate.eval.realnews_facts import citation_labels

    ev = build_event(fx.gold(), fx.DOCS, tmp_path / "basil" / "ev-1.json")
    own, same, other = fx.sentence(ev, "nyt", 0, 0), fx.sentence(ev, "fox", 0, 0), fx.sentence(ev, "fox", 1, 0)

    def row(cited: Span, label: str) -> dict[str, Any]:
        return {"dataset": "basil", "event": "ev-1", "sentence": ev.locate(own), "cited": ev.locate(cited),
                "label": label}

    labels = [row(own, "supports"), row(same, "partial"), row(other, "unsupported")]
    (tmp_path / "citations.json").write_text(json.dumps({"labels": labels}), encoding="utf-8")
    assert len(citation_labels(ev)) == 3
    brief = [BriefSentence(own.text, [own, same, other], 2),
             BriefSentence("Sources disagree — 27 or 29 died", [same, other], 2)]
    s = summarize_brief(score_brief(ev, [story(ev, brief=brief)]))
    # 1 + 0.5 + 0 over three labelled citations; the disagreement line is not a statement to support.
    assert s["citations_labelled"] == 3 and s["citation_support"] == pytest.approx(0.5)
    assert s["citation_support_strict"] == pytest.approx(1 / 3)
    # The check re-runs on the two labelled citations to other spans: "Jane Doe said 29 people died on
    # Wednesday" shares most words with the sentence but gives another toll (another figure: dropped, as the
    # storm line sharing none is), so nothing is kept and nothing labelled "supports" is there to recall.
    assert s["check_labelled"] == 2 and s["check_kept"] == 0
    assert s["check_precision"] is None and s["check_recall"] is None
    (tmp_path / "citations.json").write_text(json.dumps({"labels": [{**labels[0], "label": "maybe"}]}),
                                             encoding="utf-8")
    with pytest.raises(Exception, match="unknown citation labels"):
        citation_labels(ev)


def test_the_shipped_citation_labels_resolve_in_their_own_split() -> None:
    data = json.loads((DEFAULT_GOLD / "citations.json").read_text(encoding="utf-8"))
    assert data["labels"] and {r["label"] for r in data["labels"]} <= {"supports", "partial", "unsupported"}
    assert all("text" not in r["cited"] and "text" not in r["sentence"] for r in data["labels"])  # locators only
    shared_path("data")
    events = {(e.dataset, e.event): e for e in load_events()}
    for r in data["labels"]:
        ev = events[(r["dataset"], r["event"])]
        assert ev.split == r["split"]  # the split the labels say they were made on
        assert ev.span(r["sentence"]).text and ev.span(r["cited"]).text


def test_a_predicted_week_inside_the_gold_month_is_the_right_date() -> None:
    from corroborate.eval.realnews_facts import same_date

    assert same_date("2016-08-22", "2016-08-22") and not same_date(None, "2016-08")
    assert same_date("2016-W34", "2016-08")  # 22-28 August
    assert same_date("2016-W34", "2016")
    assert not same_date("2016-W35", "2016-08")  # 29 August - 4 September: two months
    assert not same_date("2016-W34", "2016-08-22")  # a week is not a day


def test_a_story_that_failed_is_said_on_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    # A failed cross-check leaves the story without quotes or conflicts; every score would quietly drop them.
    from corroborate.eval.gold import GoldEvent
    from corroborate.model import InputError, Report

    class Failing:
        def run_articles(self, _articles: list[Any]) -> Report:
            return Report([], errors=[InputError("a.txt", "story s1: cross-check failed (IndexError: boom)")])

    runner = Runner("off", checker=Failing())
    runner.report(GoldEvent("basil", "e1", "tune", Path("e1.json"), {}))
    assert "warning: basil e1: a.txt: story s1: cross-check failed (IndexError: boom)" in capsys.readouterr().err
