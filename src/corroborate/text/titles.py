"""Titles before a person's name and descriptors before an organisation's name, for the NLP components."""

from __future__ import annotations

# Titles that precede a person's name in news English, lower-cased, without a trailing full stop. Words
# that also start organisation or place names ("General Motors", "Justice Department", "King County",
# "Prince Edward Island") are left out on purpose.
# A word list reads better as one string than as 31 quoted items.
TITLES = frozenset(
    """mr mrs ms miss mx dr sir dame lord lady president vice-president chancellor senator sen congressman
    congresswoman governor mayor minister secretary premier pope rev reverend professor prof
    commissioner ambassador archbishop cardinal""".split()  # noqa: SIM905
)


# Title words that can follow a title before the name ("Secretary General António Guterres").
TITLE_CONTINUATIONS = frozenset({"general", "designate", "elect"})


# Common nouns that introduce an organisation's name in apposition ("border agency Frontex", "the charity
# Care4Calais"): lower-case descriptors only, so "Agency" inside a name is not one.
ORG_DESCRIPTORS = frozenset(
    """agency organisation organization charity company firm group party union ministry department
    broadcaster newspaper airline watchdog regulator militia coalition alliance network""".split()  # noqa: SIM905
)

# Words that open an office's title before a name ("Secretary of Defense Chuck Hagel", "Deputy Minister of
# Finance Ann Vale"), unlike the nouns of a description ("a spokesman for ...").
OFFICE_OPENERS = TITLES | frozenset({
    "speaker", "director", "chairman", "chairwoman", "chair", "head", "administrator", "attorney", "leader",
    "deputy", "vice", "undersecretary", "under", "chief", "commander", "inspector", "surgeon", "solicitor",
    "comptroller", "treasurer", "registrar"})
# Words before an office's title that keep it the person's: "former Secretary of State Ann Vale".
OFFICE_BEFORE = frozenset({"former", "acting", "interim", "outgoing", "incoming", "retiring", "then", "late"})
