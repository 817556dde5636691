"""Name kinds by the rules' evidence."""

from __future__ import annotations

from corroborate.attribution.kinds import name_kind


def test_name_kinds_by_evidence() -> None:
    assert name_kind(["Senate", "Majority", "Leader", "Harry", "Reid"], None, None, set()) == "PER"
    assert name_kind(["GOP"], None, None, set()) == "ORG"
    assert name_kind(["House", "Republicans"], None, None, set()) == "ORG"
    assert name_kind(["INS", "Sukanya"], None, None, set()) == "OTH"
    assert name_kind(["Morwen", "Star"], None, "ferry", set()) == "OTH"
    assert name_kind(["Academy", "Awards"], None, None, set()) == "OTH"
    assert name_kind(["Paul", "D", "Ryan"], None, None, set()) == "PER?"  # an initial is no common word


def test_club_firm_and_fair_heads() -> None:
    from corroborate.attribution.kinds import name_kind

    assert name_kind(["Dunmore", "Rovers"], None, "with", set()) == "ORG"
    assert name_kind(["Kestle", "United"], None, "from", set()) == "ORG"
    assert name_kind(["Brackwater", "Resources"], None, "of", set()) == "ORG"
    assert name_kind(["Lib", "Dems"], None, "the", set()) == "ORG"
    assert name_kind(["Lib", "Dem"], None, None, set()) == "ORG"  # "Lib Dem leader X"
    assert name_kind(["Cabin", "Fittings", "Expo"], None, "at", set()) == "OTH"
