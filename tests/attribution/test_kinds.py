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


def test_a_bare_brand_of_a_company_or_platform_is_an_organisation() -> None:
    from corroborate.attribution.kinds import name_kind

    for brand in ("Facebook", "YouTube", "WhatsApp", "Viber", "Interpol", "WikiLeaks"):
        assert name_kind([brand], None, "on", set()) == "ORG", brand
    # Names a brand list cannot settle stay with the rules and the model: a river, a fruit, people.
    assert name_kind(["Amazon"], None, "the", set()) != "ORG"
