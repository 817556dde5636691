"""Word lists of the conflict rules: verbs too light to define the same action, collective actors."""

from __future__ import annotations

from corroborate.text.claim_words import (
    lemma,
)


def _wordlist(text: str) -> list[str]:
    return text.split()


# Verbs too light to define "the same action" (anyone can say, have or make things).
LIGHT_VERBS = frozenset(lemma(w) for w in _wordlist(
    "be have do make take get give go come say tell see use want put set look seem become show find think "
    "know call keep let begin help leave try ask"
))

# Collective, unnamed actors. "Authorities estimate the damage" and "the pastor estimates the damage" do not
# disagree on who estimated it: one outlet names a source the other leaves general (ECB+ audit, GUIDELINE.md
# section 7). An actor conflict needs two named actors. (Institutions stay: "the French government" against
# "Ms Patel" is the seeds' planted actor swap.)
COLLECTIVE_ACTORS = frozenset(_wordlist(
    "authorities authority officials official police officers officer investigators investigator "
    "prosecutors experts witnesses residents sources reports critics people firefighters rescuers "
    "neighbors neighbours observers analysts"
))

# Places that contain towns and cities: US states, Canadian provinces, the UK's nations, continents (countries
# come from text.lexicon.COUNTRIES). "Vancouver" in one outlet and "Canada" in another, or "Banstead" and
# "Surrey", name one place at two sizes; without a gazetteer the rule cannot tell containment from
# disagreement, so a place conflict needs two places of the same size (ECB+ audit, GUIDELINE.md section 7).
REGIONS = frozenset(w.replace("_", " ") for w in _wordlist(
    "alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii idaho "
    "illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota "
    "mississippi missouri montana nebraska nevada new_hampshire new_jersey new_mexico new_york north_carolina "
    "north_dakota ohio oklahoma oregon pennsylvania rhode_island south_carolina south_dakota tennessee texas "
    "utah vermont virginia washington west_virginia wisconsin wyoming "
    "alberta british_columbia manitoba new_brunswick newfoundland nova_scotia ontario quebec saskatchewan "
    "england scotland wales northern_ireland surrey kent essex sussex yorkshire cornwall devon "
    "africa asia europe antarctica australia north_america south_america latin_america middle_east"
))

# Last words of a site inside a town: a venue, a building, a street.
SITES = frozenset(_wordlist(
    "arena stadium center centre hall hospital church school university college airport station street road "
    "avenue square park prison jail court courthouse hotel club museum theatre theater building tower bridge "
    "port harbour harbor base camp store mall bank"
))

# Heads of descriptions that name an institution, which a person cannot be ("the French government").
INSTITUTIONS = frozenset(("government", "ministry", "company", "council", "court", "party", "army", "agency",
                           "department", "office", "embassy", "committee", "administration", "parliament",
                           "senate", "congress", "board", "commission", "bank", "union", "team", "club"))

# Parts of a web host that do not name the outlet ("articles.latimes.com" is the LA Times), for explanations.
HOST_PREFIXES = frozenset(_wordlist("www articles news edition m mobile query sports bigstory blog blogs uk us en in"))
TLDS = frozenset(_wordlist("com co uk org net in pk ca au gov edu info us nz ie sg my"))
