"""The citation check's semantic path (crosscheck/citations.py): a close paraphrase that shares few words with
the brief sentence still supports it, unless it gives another figure. Made-up sentences."""

from __future__ import annotations

from collections.abc import Callable

from corroborate.crosscheck.citations import (
    PARAPHRASE_COSINE,
    citation_supports,
    other_figures,
    paraphrase_supports,
    supported,
)
from corroborate.model import Span

SENTENCE = "The mayor of Dunmore was beaten on Tuesday by a retired teacher from the county."
# The same fact inside a longer sentence in other words: most of the sentence's words, few of its own.
LONGER = ("In one of the biggest upsets the valley has seen in decades, Dunmore mayor Ann Ross was soundly beaten at "
          "the polls on Tuesday by a retired teacher who had never held office and ran on a promise to fix roads.")


def _span(article: str, text: str) -> Span:
    return Span(article, 0, len(text), text)


def test_a_close_paraphrase_is_kept_on_the_semantic_path_only() -> None:
    own, cited = _span("a", SENTENCE), _span("b", LONGER)
    assert not citation_supports(SENTENCE, LONGER)  # the lexical rule cannot see it
    assert supported(SENTENCE, [own, cited]) == [own]
    assert supported(SENTENCE, [own, cited], cosine=lambda _a, _b: 0.81) == [own, cited]


def test_vectors_that_are_not_close_keep_the_lexical_answer() -> None:
    own, cited = _span("a", SENTENCE), _span("b", LONGER)
    assert supported(SENTENCE, [own, cited], cosine=lambda _a, _b: PARAPHRASE_COSINE - 0.05) == [own]


def test_cosine_is_rounded_before_the_threshold() -> None:
    # A last-bit difference in the vectors cannot flip the decision: 0.6999999 reads as 0.70.
    assert paraphrase_supports(SENTENCE, LONGER, PARAPHRASE_COSINE - 1e-7)


def test_another_speed_written_onto_its_unit_is_another_figure() -> None:
    a = "Storm Ada reached the coast with winds of 160kmh on Monday evening."
    b = "Storm Ada was packing winds of 140kmh as it neared the coast on Monday, forecasters said."
    assert other_figures(a, b)
    assert not paraphrase_supports(a, b, 0.9)


def test_another_sum_in_dollars_is_another_figure() -> None:
    a = "Tan was charged with stealing S$12,000 worth of jewellery from his employer on Monday."
    b = "Tan was sentenced in March for stealing jewellery worth $31,500 from his employer and two neighbours."
    assert other_figures(a, b)
    assert not paraphrase_supports(a, b, 0.9)
    assert paraphrase_supports(a, b.replace("$31,500", "$12,000"), 0.9)


def test_one_time_of_day_written_two_ways_is_one_figure() -> None:
    said = "Police said the van was found abandoned near the depot at 6 p.m. on Friday."
    for other in ("Police said the van was found abandoned near the depot at 6 : 00 p.m. on Friday.",
                  "Police said the van was found abandoned near the depot at 6:00 pm on Friday.",
                  "Police said the van was found abandoned near the depot at 18:00 on Friday."):
        assert not other_figures(said, other), other
        assert citation_supports(said, other), other
    assert other_figures(said, said.replace("6 p.m.", "7:30 p.m."))
    assert other_figures(said, said.replace("6 p.m.", "6 a.m."))
    # without a.m. or p.m. a time may be either: not another figure
    assert not other_figures(said.replace("6 p.m.", "6:00"), said)


def test_make_brief_keeps_the_paraphrase_its_wording_was_given_with() -> None:
    from corroborate.crosscheck.brief import make_brief
    from corroborate.model import BriefSentence, Statement

    own, cited = _span("a", SENTENCE), _span("b", LONGER)
    st = Statement(SENTENCE, [own, cited], ["gazette", "herald"], 2)

    def brief(cosine: Callable[[str, str], float] | None) -> list[BriefSentence]:
        return make_brief([st], sentence_of=lambda s: [(s.text, supported(s.text, s.spans, cosine=cosine))],
                          similarity=lambda _x, _y: 0.0, cosine=cosine)

    # The brief re-runs the check on its wording's citations: with the same cosine it keeps the paraphrase.
    assert brief(lambda _a, _b: 0.81)[0].citations == [own, cited]
    assert brief(None)[0].citations == [own]


def test_a_denial_of_the_report_does_not_support_it_nor_it_the_denial() -> None:
    report = "The Ferreira family says city officials threatened it over the unpaid water bills."
    denial = "City officials are refuting claims that they threatened the Ferreira family over unpaid water bills."
    assert not citation_supports(report, denial)
    assert not citation_supports(denial, report)
    assert not paraphrase_supports(report, denial, 0.95)
    # Two reports of the claim, and two of the denial, still support each other.
    assert citation_supports(report, "City officials threatened the Ferreira family over unpaid water bills, "
                                     "the family says.")
    assert citation_supports(denial, "Officials deny reports that the city threatened the Ferreira family over "
                                     "its unpaid water bills.")


def test_another_case_of_what_the_sentence_names_is_another_fact() -> None:
    sentence = "A gang has released a video showing the killing of a Dutch reporter held since May."
    earlier = "The video comes weeks after the gang released a video showing it killed another Dutch reporter."
    assert not citation_supports(sentence, earlier)
    # "another" on both sides, or about something the sentence does not name, says nothing of the kind.
    assert citation_supports("The gang killed another Dutch reporter, its video shows.", earlier)
    assert citation_supports(sentence, "The gang, which took another town this week, released a video showing "
                                       "the killing of a Dutch reporter held since May.")


def test_a_gloss_with_known_as_opens_no_clause_before_the_past_perfect() -> None:
    sentence = "The militia released a video threatening the reporter on Tuesday."
    earlier = "The militia, also known as the Hawks, had threatened the reporter in a video released two weeks ago."
    assert not citation_supports(sentence, earlier)
    # A relative clause still opens one: "who had fled" is no main clause in the past perfect.
    assert citation_supports("The militia released a video of the reporter who fled the city.",
                             "The militia released a video of the reporter, who had fled the city.")
