"""Relative days in the brief get the date the timeline read for them."""

from __future__ import annotations

from corroborate.crosscheck.brief_dates import dated_brief
from corroborate.model import Article, BriefSentence, Span, TimelineEvent

ART = Article("a", "gazette", None, "2025-03-04", None,
              "The ferry ran aground on the reef yesterday. The board opened an inquiry on Monday and on Monday "
              "night. Talks resume next week.")


def sentence(text: str) -> Span:
    start = ART.text.index(text)
    return Span.of(ART, start, start + len(text))


def test_a_relative_day_is_dated_after_its_words() -> None:
    first = sentence("The ferry ran aground on the reef yesterday.")
    brief = [BriefSentence(first.text, [first], 2)]
    events = [TimelineEvent("2025-03-03", first.text, [first], expression="yesterday")]
    assert [b.text for b in dated_brief(brief, events)] == \
        ["The ferry ran aground on the reef yesterday [3 March 2025]."]
    assert dated_brief(brief, events)[0].citations == [first]  # cited as written


def test_only_one_day_read_once_in_the_sentence_and_never_a_disagreement() -> None:
    second = sentence("The board opened an inquiry on Monday and on Monday night.")
    week = sentence("Talks resume next week.")
    brief = [BriefSentence(second.text, [second], 1), BriefSentence(week.text, [week], 1),
             BriefSentence("Sources disagree — when: 'Monday' vs 'Tuesday'", [second], 2)]
    events = [TimelineEvent("2025-03-03", second.text, [second], expression="on Monday"),
              TimelineEvent("2025-W11", week.text, [week], expression="next week"),
              TimelineEvent(None, second.text, [second], expression="Monday night")]
    out = dated_brief(brief, events)
    assert [b.text for b in out] == [b.text for b in brief]  # "on Monday" twice; a week; undated; the dispute


def test_the_bundled_example_brief_dates_its_yesterday() -> None:
    from pathlib import Path

    import corroborate

    report = corroborate.check([Path(__file__).resolve().parents[2] / "examples"], semantic="off", nlp="off",
                               cache="off")
    texts = [b.text for s in report.stories for b in s.brief]
    assert any("yesterday [3 March 2025]" in t for t in texts), texts
