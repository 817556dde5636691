"""Documents and described bodies that speak for the one issuer the story names just before (issuers.py)."""

from __future__ import annotations

import pytest

from corroborate.attribution.quotes import extract_quotes
from corroborate.model import Article


def _speakers(text: str) -> list[str | None]:
    return [q.speaker for q in extract_quotes(Article("a1", "o", None, None, None, text), []) if q.kind == "direct"]


_SERVICE = ("The Norwegian Federal Grain Control Service said Acme Holdings was gaining revenue from smuggled grain. "
            "\"The movement of grain acts as a financial base for the traders,\" {cue}.")


@pytest.mark.parametrize("cue", ["the Norwegian body said in a statement", "the body said", "the watchdog said"])
def test_a_body_described_by_a_generic_noun_speaks_for_the_organisation_it_describes(cue: str) -> None:
    speakers = _speakers(_SERVICE.format(cue=cue))
    if cue.startswith("the Norwegian"):
        # Two organisations are named before; "Norwegian" tells which one the body is.
        assert speakers == ["Norwegian Federal Grain Control Service"]
    else:
        # Two organisations and nothing to tell them apart: nobody rather than a guess.
        assert speakers == [None]


def test_a_generic_body_after_one_organisation_is_that_organisation() -> None:
    text = ("The Norwegian Federal Grain Control Service warned of rising prices on Monday. \"Stocks are lower than "
            "at any time in ten years,\" the body said.")
    assert _speakers(text) == ["Norwegian Federal Grain Control Service"]


_REPORT = ("According to the Harbour Ledger Gazette, the supply chain for the new phones includes smaller screens.\n\n"
           "{between}The report states that Pearfruit is making the model \"for the comfort of one-handed use on "
           "crowded trains.\"")


def test_a_report_with_no_author_speaks_for_the_one_organisation_named_just_before() -> None:
    assert _speakers(_REPORT.format(between="")) == ["Harbour Ledger Gazette"]


def test_a_report_stays_unattributed_when_two_organisations_could_have_issued_it() -> None:
    between = "The Coastal Times Herald had said the same in May.\n\n"
    assert _speakers(_REPORT.format(between=between)) == [None]


_SPOKESMAN = "Acme Holdings opened a plant in Leeds last week. \"The plant is not yet running at full speed,\" {cue}."


@pytest.mark.parametrize("cue", ["a spokesman for the company said", "a company spokesman said"])
def test_a_spokesperson_for_the_company_speaks_for_the_organisation_named_before(cue: str) -> None:
    assert _speakers(_SPOKESMAN.format(cue=cue)) == ["Acme Holdings"]


def test_a_spokesperson_for_a_kind_of_body_speaks_for_the_one_whose_name_holds_it() -> None:
    text = ("Doctors at Westfield Endoscopy Clinic treated the singer last week. \"The doctor is not performing "
            "procedures here any more,\" a spokesman for the clinic said.")
    assert _speakers(text) == ["Westfield Endoscopy Clinic"]
    # A ministry is no company named before: nobody rather than Acme.
    assert _speakers(_SPOKESMAN.format(cue="a spokeswoman for the ministry said")) == [None]


def test_a_spokesperson_for_a_kind_of_body_the_story_writes_after_the_name() -> None:
    # The clinic's name lacks the noun, but the story writes it right after the name.
    text = ("Doctors at Manhattan's Westfield Endoscopy clinic treated the singer last week. \"The doctor is not "
            "performing procedures here any more,\" a spokesman for the clinic said.")
    assert _speakers(text) == ["Westfield Endoscopy"]
