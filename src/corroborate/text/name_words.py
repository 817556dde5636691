"""Lower-case words that may join the capitalised words of one name."""

from __future__ import annotations

import re

_CONNECTORS = frozenset({"of", "and", "for", "de", "du", "la", "le", "von", "van", "der", "al", "bin", "el"})

# Words that make a run of capitalised words a title plus a name, not a name ("Weekly Standard Editor Bill
# Kristol", "Senate Majority Leader Harry Reid"): a person's canonical name avoids them when it can.
NAME_TITLES = frozenset((
    "editor", "chairman", "chairwoman", "chair", "president", "senator", "sen", "rep", "representative",
    "governor", "gov", "mayor", "secretary", "minister", "leader", "spokesman", "spokeswoman", "director",
    "chief", "judge", "justice", "general", "commissioner", "ambassador", "speaker", "whip", "founder",
    "executive", "host", "anchor", "correspondent", "columnist", "professor", "dr", "mr", "mrs", "ms",
))

# Title words that stand before a person's name in a run of capitalised words ("Senate Majority Leader Harry
# Reid", "Ferguson Police Officer Darren Wilson", "Florida Sen. Marco Rubio"): the name is what follows the
# last of them, and the words before them name the organisation or place the title belongs to.
PERSON_TITLE_WORDS = NAME_TITLES | frozenset((
    "officer", "captain", "capt", "congressman", "congresswoman", "councilman", "councilwoman", "assemblyman",
    "assemblywoman", "delegate", "lt", "lieutenant", "sgt", "sergeant", "col", "colonel", "gen", "adm",
    "admiral", "cmdr", "commander", "major", "detective", "det", "sheriff", "trooper", "deputy", "attorney",
    "atty", "coach", "rabbi", "pastor", "bishop", "cardinal", "archbishop", "reverend", "rev", "chancellor",
    "treasurer", "comptroller", "auditor", "marshal", "superintendent", "supt", "inspector", "prosecutor",
    "lawmaker", "candidate", "nominee", "challenger", "incumbent", "hopeful", "star", "actor", "actress",
    "comedian", "singer", "coordinator", "counsel", "adviser", "advisor", "aide", "strategist", "pollster",
    "economist", "analyst", "reporter", "producer", "cochairman", "co-chairman", "president-elect",
    "vice-president", "premier", "minister", "prime", "king", "queen", "prince", "princess", "sec", "amb",
    "ambassador", "pres", "rep", "reps", "sens", "govs", "senators", "staff", "journalist", "writer", "author",
    "historian", "commentator", "activist", "lawyer", "spokesperson", "chairperson", "publisher",
    # Music and broadcasting copy writes the trade before a name ("Vocalist Chaka Khan, who ...", "Producer and
    # DJ Ann Vale wrote"): capitalised at a sentence's start or after "and", still no part of the name.
    "vocalist", "dj", "guitarist", "drummer", "bassist", "pianist", "rapper", "songwriter", "presenter",
    "broadcaster", "musician", "composer", "photographer",
))
# Words between an organisation and a title that belong to the title ("Senate Majority Leader", "White House
# Press Secretary", "State Department Deputy Spokesman"): no organisation or place is named by them alone.
TITLE_MODIFIERS = frozenset((
    "majority", "minority", "press", "deputy", "vice", "assistant", "associate", "acting", "interim", "senior",
    "chief", "executive", "general", "national", "security", "campaign", "communications", "policy", "legal",
    "managing", "head", "top", "lead", "principal", "special", "civil", "rights", "affairs", "staff",
    "spokesman", "spokeswoman",
))

# Head words of names, besides lexicon.ORG_WORDS / OTH_WORDS (kept apart because the quote-speaker phrases
# read those): "White House", "Tidewater Lines", "Coast Wire"; "Academy Awards", "Bush Doctrine", "First
# Amendment".
EXTRA_ORG_HEADS = frozenset({"house", "lines", "airlines", "airways", "wire", "caucus", "administration",
                             "legislature", "patrol", "guild", "reserve", "reserves", "corps", "campaign",
                             "command", "journal", "tribune", "gazette", "chronicle", "inquirer", "examiner",
                             "standard", "courier", "dispatch", "register", "bulletin",
                             "magazine", "solutions", "entertainment", "media", "studios", "industries",
                             "technologies", "systems", "enterprises", "holdings", "partners", "associates",
                             # Institutions whose names read like a title and a name ("Changi General Hospital").
                             "hospital", "clinic", "college", "school", "academy", "survey", "laboratory",
                             "resources", "ventures", "motors", "dems", "dem",  # "Cuadrilla Resources", "Lib Dem(s)"
                             # Football clubs' last words ("Sligo Rovers", "Colchester United").
                             "rovers", "wanderers", "athletic", "albion", "hotspur", "united"})
# Place heads besides lexicon.LOC_WORDS: "National Mall", "Kodak Theatre", "Key Bridge", "Sennock Reef".
EXTRA_LOC_HEADS = frozenset({"mall", "theatre", "theater", "bridge", "avenue", "stadium", "arena", "plaza",
                             "boulevard", "highway", "freeway", "corridor", "turnpike", "reef", "canal",
                             "district", "center", "centre"})
EXTRA_OTH_HEADS = frozenset({"awards", "prize", "prizes", "medal", "doctrine", "amendment", "constitution",
                             "olympics", "championship", "series", "trophy", "expo", "exhibition",
                             "address"})  # "Inaugural Address", "Gettysburg Address": a speech, not a person
# Lower-case nouns before a vessel's name ("the ferry Morwen Star") and the prefixes of ships' names ("INS
# Sukanya", "HMS Belfast"): a vessel is a named thing (OTH), never a person.
VESSEL_CUES = frozenset({"ferry", "ship", "vessel", "boat", "tanker", "yacht", "liner", "frigate", "warship",
                         "destroyer", "carrier", "submarine", "trawler", "dinghy", "freighter", "tug", "cutter"})
VESSEL_PREFIXES = frozenset({"ins", "hms", "uss", "mv", "ss", "rms", "hmas", "hmcs", "usns", "fv"})
# Generational suffixes that end a name without being its surname ("Joseph R. Biden Jr.").
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
# Titles that are also surnames ("Rep. Peter King", "Martin Luther King", "Ann Bishop").
SURNAME_TITLES = frozenset({"king", "bishop", "major", "judge", "marshal"})
# spaCy labels (ours and the usual OntoNotes ones) mapped onto the four entity types of the JSON contract.
NER_LABELS = {"PER": "PER", "PERSON": "PER", "ORG": "ORG", "NORP": "OTH", "LOC": "LOC", "GPE": "LOC",
              "FAC": "LOC", "OTH": "OTH", "MISC": "OTH", "EVENT": "OTH", "LAW": "OTH", "PRODUCT": "OTH",
              "WORK_OF_ART": "OTH"}

# Last words by which news names a paper or an institution again ("The Times" for The New York Times, "the
# Post", "the Court" for the Supreme Court, "the committee"), when the story names one such name.
NEWSPAPER_TAILS = frozenset({"times", "post", "journal", "tribune", "globe", "herald", "register", "telegraph",
                             "guardian", "examiner", "chronicle", "inquirer", "gazette", "star", "sun"})
SECOND_REFERENCE_TAILS = NEWSPAPER_TAILS | frozenset({"court", "committee", "commission", "council", "agency",
                                                      "ministry", "bureau", "department"})

# A member's party and state after a politician's name ("Sen. Ted Cruz (R-Texas)", "Rep. Randy Forbes, R-Va."):
# it describes the name before it, and names nobody.
PARTY_STATE = re.compile(r"^[RDI]-[A-Z][A-Za-z.]*$")

# Nouns after a name that make it a sports club ("Swansea boss", "a Salisbury equaliser", "Arbroath chairman"):
# a town's name before them is its team, an organisation, not the place. Not "fans" or "supporters": a person
# has them too ("Brat supporters").
CLUB_NOUNS = frozenset({"boss", "manager", "striker", "midfielder", "defender", "goalkeeper", "keeper", "winger",
                        "squad", "equaliser", "equalizer", "chairman", "academy"})
