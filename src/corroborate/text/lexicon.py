"""Small closed word lists for the rule-based entity, quote and date readers.

General knowledge only (titles, honorifics, demonyms, common capitalised function words, speech verbs),
never names taken from any particular article: the rules must work on news they have not seen.
"""

from __future__ import annotations

# Words that put a person name after them but are not part of the name and never a role alias.
HONORIFICS = frozenset({
    "mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "lord", "lady", "prof", "professor", "rev",
    "fr", "sr", "sra", "mme", "mlle", "m", "herr", "frau",
    "encik", "puan", "cik",  # Malay ("Encik Tong", "Puan Siti"): Singapore and Malaysian outlets
})

# Role titles, lower case, longest first when matched. A title directly before a name ("Home Secretary
# Priti Patel") makes the bare title an alias of that person. "Shadow ..." is its own title on purpose,
# so that the shadow home secretary never becomes "the Home Secretary".
TITLES = frozenset({
    "home secretary", "shadow home secretary", "foreign secretary", "shadow foreign secretary",
    "justice secretary", "transport secretary", "health secretary", "defence secretary", "education secretary",
    "business secretary", "environment secretary", "culture secretary", "work and pensions secretary",
    "northern ireland secretary", "scotland secretary", "wales secretary", "brexit secretary",
    "chancellor", "shadow chancellor", "chancellor of the exchequer", "prime minister", "deputy prime minister",
    "first minister", "president", "vice president", "vice-president", "interior minister", "foreign minister",
    "home minister", "defence minister", "defense minister", "finance minister", "health minister",
    "immigration minister", "justice minister", "europe minister", "minister for europe", "secretary of state",
    "chief of staff", "deputy chief of staff",
    "home office minister", "attorney general", "mayor", "king", "queen", "pope", "chancellor of germany",
    "leader of the opposition", "opposition leader", "labour leader", "tory leader", "party leader",
    "chief executive", "ceo", "chairman", "chairwoman", "chair", "governor", "senator", "premier",
    "chief constable", "police commissioner", "commissioner", "foreign affairs minister", "border force director",
})
# Abbreviations of titles, read as the full title ("the PM" = "the Prime Minister").
TITLE_ABBREVIATIONS = {"pm": "prime minister", "dpm": "deputy prime minister", "fm": "foreign minister"}
# Titles too generic to stand alone as an alias (in lower case they are everywhere: "ministers met").
WEAK_TITLES = frozenset({"chair", "chairman", "chairwoman", "premier", "governor", "commissioner", "mayor"})

# Countries, and a few cities and regions that are countries' usual short names. General knowledge.
COUNTRIES = {
    "afghanistan": "Afghan", "albania": "Albanian", "algeria": "Algerian", "america": "American",
    "argentina": "Argentine", "australia": "Australian", "austria": "Austrian", "belgium": "Belgian",
    "brazil": "Brazilian", "britain": "British", "great britain": "British", "bulgaria": "Bulgarian",
    "canada": "Canadian", "chad": "Chadian", "china": "Chinese", "croatia": "Croatian", "cyprus": "Cypriot",
    "czechia": "Czech", "denmark": "Danish", "egypt": "Egyptian", "england": "English", "eritrea": "Eritrean",
    "estonia": "Estonian", "ethiopia": "Ethiopian", "finland": "Finnish", "france": "French",
    "germany": "German", "greece": "Greek", "hungary": "Hungarian", "india": "Indian", "iran": "Iranian",
    "iraq": "Iraqi", "ireland": "Irish", "israel": "Israeli", "italy": "Italian", "japan": "Japanese",
    "kurdistan": "Kurdish", "kuwait": "Kuwaiti", "latvia": "Latvian", "libya": "Libyan",
    "lithuania": "Lithuanian", "luxembourg": "Luxembourgish", "mexico": "Mexican", "morocco": "Moroccan",
    "netherlands": "Dutch", "holland": "Dutch", "nigeria": "Nigerian", "norway": "Norwegian",
    "pakistan": "Pakistani", "poland": "Polish", "portugal": "Portuguese", "romania": "Romanian",
    "russia": "Russian", "scotland": "Scottish", "somalia": "Somali", "spain": "Spanish", "sudan": "Sudanese",
    "sweden": "Swedish", "switzerland": "Swiss", "syria": "Syrian", "tunisia": "Tunisian", "turkey": "Turkish",
    "ukraine": "Ukrainian", "uk": "British", "u.k": "British", "united kingdom": "British", "us": "American",
    "usa": "American", "united states": "American", "vietnam": "Vietnamese", "wales": "Welsh",
    "yemen": "Yemeni", "europe": "European",
    # Countries whose adjective the demonyms below already hold ("Saudi"): without them "Saudi Arabia" read
    # as a demonym before a word (OTH). Names that are also first names (Jordan, Georgia) are left out.
    "saudi arabia": "Saudi", "united arab emirates": "Emirati", "uae": "Emirati", "qatar": "Qatari",
    "lebanon": "Lebanese", "oman": "Omani", "bahrain": "Bahraini", "south korea": "Korean",
    "north korea": "Korean", "korea": "Korean", "taiwan": "Taiwanese", "thailand": "Thai",
    "philippines": "Filipino", "indonesia": "Indonesian", "malaysia": "Malaysian", "bangladesh": "Bangladeshi",
    "sri lanka": "Sri Lankan", "nepal": "Nepali", "ghana": "Ghanaian", "kenya": "Kenyan", "uganda": "Ugandan",
    "rwanda": "Rwandan", "zimbabwe": "Zimbabwean", "south africa": "South African", "peru": "Peruvian",
    "chile": "Chilean", "colombia": "Colombian", "venezuela": "Venezuelan", "cuba": "Cuban", "haiti": "Haitian",
    "jamaica": "Jamaican", "bolivia": "Bolivian", "uruguay": "Uruguayan", "paraguay": "Paraguayan",
    # The rest of Europe, Asia, Africa, Oceania and the Americas that news names (entity pool 2 found "Iceland
    # are top seeds" read as a club, and "the Bosnian defender" as one). Names that are also common words or
    # first names (Guinea, Niger, Mali, Togo, Panama, Georgia, Jordan) stay out.
    "iceland": "Icelandic", "bosnia": "Bosnian", "serbia": "Serbian", "slovenia": "Slovenian",
    "slovakia": "Slovak", "belarus": "Belarusian", "moldova": "Moldovan", "montenegro": "Montenegrin",
    "macedonia": "Macedonian", "north macedonia": "Macedonian", "kosovo": "Kosovan", "armenia": "Armenian",
    "azerbaijan": "Azerbaijani", "kazakhstan": "Kazakh", "uzbekistan": "Uzbek", "kyrgyzstan": "Kyrgyz",
    "tajikistan": "Tajik", "turkmenistan": "Turkmen", "mongolia": "Mongolian", "myanmar": "Burmese",
    "burma": "Burmese", "cambodia": "Cambodian", "laos": "Laotian", "singapore": "Singaporean",
    "new zealand": "New Zealander", "fiji": "Fijian", "papua new guinea": "Papua New Guinean",
    "senegal": "Senegalese", "cameroon": "Cameroonian", "ivory coast": "Ivorian", "angola": "Angolan",
    "mozambique": "Mozambican", "zambia": "Zambian", "tanzania": "Tanzanian", "namibia": "Namibian",
    "botswana": "Botswanan", "madagascar": "Malagasy", "liberia": "Liberian", "sierra leone": "Sierra Leonean",
    "burkina faso": "Burkinabe", "gambia": "Gambian", "benin": "Beninese", "mauritania": "Mauritanian",
    "south sudan": "South Sudanese", "malawi": "Malawian", "ecuador": "Ecuadorian", "guatemala": "Guatemalan",
    "honduras": "Honduran", "el salvador": "Salvadoran", "nicaragua": "Nicaraguan", "costa rica": "Costa Rican",
    "dominican republic": "Dominican", "puerto rico": "Puerto Rican", "bahamas": "Bahamian",
    "barbados": "Barbadian", "trinidad and tobago": "Trinidadian", "greenland": "Greenlandic",
    "palestine": "Palestinian", "new caledonia": "New Caledonian",
}
# Nationalities, peoples, religions and regions used as adjectives: UNER-style NER tags them as no name.
# Words that are also first names ("Christian", "Roman") are left out on purpose.
DEMONYMS = frozenset(v.lower() for v in COUNTRIES.values()) | {
    "anglo", "franco", "british-french", "palestinian", "arab", "arabic", "persian", "african", "asian",
    "latin", "hispanic", "western", "eastern", "northern", "southern", "european", "scandinavian", "balkan",
    "sunni", "shia", "shiite", "muslim", "jewish", "catholic", "protestant", "hindu", "buddhist",
    "sikh", "orthodox", "evangelical", "islamic", "islamist", "kurd", "pashtun", "tamil", "basque", "catalan",
    "welsh", "scots", "irish", "english", "greek", "celtic", "nordic", "baltic", "korean", "taiwanese",
    "thai", "filipino", "indonesian", "malaysian", "bangladeshi", "sri lankan", "nepali", "saudi", "emirati",
    "qatari", "lebanese", "jordanian", "yemeni", "omani", "bahraini", "algerian", "ghanaian", "kenyan",
    "ugandan", "rwandan", "congolese", "zimbabwean", "south african", "peruvian", "chilean", "colombian",
    "venezuelan", "cuban", "haitian", "jamaican", "bolivian", "uruguayan", "paraguayan",
}
CAPITALS = frozenset({
    "london", "paris", "berlin", "brussels", "madrid", "rome", "lisbon", "dublin", "amsterdam", "vienna",
    "warsaw", "athens", "moscow", "kyiv", "kiev", "washington", "beijing", "tokyo", "delhi", "new delhi",
    "ottawa", "canberra", "cairo", "baghdad", "tehran", "kabul", "damascus", "ankara", "istanbul",
    "edinburgh", "cardiff", "belfast", "geneva", "stockholm", "oslo", "copenhagen", "helsinki", "prague",
    "budapest", "bucharest", "sofia", "the hague", "new york", "los angeles", "strasbourg", "luxembourg",
})

# Head words that make a capitalised name an organisation, a place, or another named thing.
ORG_WORDS = frozenset({
    "ministry", "commission", "office", "government", "party", "agency", "palace", "council", "union",
    "department", "committee", "parliament", "assembly", "senate", "congress", "court", "police", "force",
    "service", "services", "bank", "group", "association", "company", "corporation", "corp", "inc", "ltd",
    "plc", "university", "institute", "foundation", "news", "times", "post", "guardian", "telegraph",
    "mail", "herald", "press", "cell", "mission", "authority", "board", "bureau", "network",
    "organisation", "organization", "federation", "coalition", "alliance", "army", "navy", "guard",
    "coastguard", "gendarmerie", "tribunal", "trust", "charity", "cross", "crescent", "club", "league",
})
LOC_WORDS = frozenset({
    "channel", "sea", "ocean", "coast", "bay", "river", "strait", "straits", "island", "islands", "street",
    "road", "square", "mountains", "mountain", "valley", "lake", "gulf", "peninsula", "county", "city",
    "kingdom", "republic", "province", "region", "beach", "port", "harbour", "harbor", "airport", "state",
})
OTH_WORDS = frozenset({
    "crisis", "bill", "act", "summit", "war", "treaty", "agreement", "plan", "scheme", "programme",
    "program", "conference", "election", "cup", "games", "award", "festival", "day", "accord", "deal",
})
# Lower-case nouns before a single capitalised word that name what it is ("border agency Frontex").
ORG_CUES = frozenset({"agency", "company", "firm", "party", "group", "broadcaster", "channel", "network",
                      "charity", "newspaper", "outlet", "organisation", "organization", "union", "bank"})
# A compass word before a name makes a place: "Northern Ireland", "West Bengal", "Southern California".
DIRECTIONS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern", "western",
                        "central", "upper", "lower", "greater", "north-east", "north-west", "south-east",
                        "south-west"})
LOC_PREPOSITIONS = frozenset({"in", "at", "off", "near", "from", "across", "towards", "outside", "inside"})

# Capitalised words that start sentences or headings but are not names (the corpus check catches the rest).
COMMON_CAPITALISED = frozenset({
    "a", "an", "the", "this", "that", "these", "those", "it", "its", "he", "she", "they", "we", "i", "you",
    "his", "her", "their", "our", "my", "your", "there", "here", "however", "but", "and", "or", "so", "yet",
    "when", "while", "after", "before", "since", "as", "if", "because", "although", "though", "during",
    "last", "next", "today", "yesterday", "tomorrow", "tonight", "now", "then", "on", "in", "at", "of", "for",
    "to", "from", "by", "with", "without", "about", "according", "among", "amid", "asked", "speaking",
    # Prepositions that open a sentence's adverbial ("Despite Vale's claim, …", "Per MarketWatch: …", "Given
    # Vale's response, …"), never a name's first word in English news.
    "despite", "unlike", "besides", "per", "given",
    "pictured", "read", "more", "also", "some", "many", "most", "one", "two", "three", "four", "five", "six",
    "seven", "eight", "nine", "ten", "twenty", "thirty", "all", "both", "each", "every", "no", "not", "other",
    "another", "such", "what", "which", "who", "whom", "whose", "why", "how", "where", "therefore", "thus",
    "meanwhile", "earlier", "later", "once", "again", "still", "even", "only", "just", "already", "dear",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
    "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    "mps", "mp", "ministers", "minister", "migrants", "people", "officials", "police", "sources", "source",
    "breaking", "update", "exclusive", "watch", "video", "photo", "image", "credit", "getty", "copyright",
    # Interjections and the openers of messages, forms and replies.
    "thanks", "thank", "yes", "please", "ok", "okay", "hi", "hello", "hey", "good", "great", "well", "oh",
    "wow", "sorry", "note", "see", "click", "posted", "sent", "subject", "cc", "re", "fw", "fwd", "attached",
    "regards", "cheers", "best", "let", "keep", "make", "get", "go", "try", "check", "find", "call", "email",
    "file", "section", "page", "chapter", "figure", "table", "appendix", "total", "price", "answer", "question",
})
PRONOUNS = {"he": "PER", "she": "PER", "him": "PER", "her": "PER", "they": "PLURAL", "it": "NONPER"}

# Verbs that introduce speech. Their forms are listed, not derived, to stay transparent.
SPEECH_VERBS = frozenset({
    "said", "says", "say", "saying", "told", "tells", "tell", "added", "adds", "asked", "asks", "insisted",
    "insists", "insisting", "claimed", "claims", "claiming", "stated", "states", "warned", "warns", "warning",
    "tweeted", "tweets", "wrote", "writes", "snorted", "declared", "declares", "explained", "explains",
    "argued", "argues", "continued", "replied", "replies", "responded", "noted", "notes", "urged", "urges",
    "admitted", "admits", "announced", "announces", "revealed", "reveals", "suggested", "suggests",
    "stressed", "stresses", "accused", "confirmed", "confirms",
    "denied", "denies", "conceded", "remarked", "commented", "exclaimed", "shouted", "joked",
    "acknowledged", "maintained", "protested", "complained", "complains", "vowed", "promised", "pledged",
    # Gerund and reply cues of real reporting ("telling a local radio station, “…", "writing “…", "retorted"),
    # and the cues of partial quotes ("described the plan as “…”", "calling it “…”").
    "telling", "writing", "adding", "noting", "retorted", "recalled", "described", "calling",
    # A reply, a post and the text of a sign, site or message ("she posted on Instagram", "the alert read",
    # "she captioned a photo", "tweeting, “…").
    "answered", "posted", "read", "reads", "captioned", "tweeting",
})
# The verbs among them that also introduce reported speech without quote marks ("X said that ...").
REPORTING_VERBS = frozenset({
    "said", "says", "told", "tells", "added", "adds", "insisted", "insists", "claimed", "claims", "stated",
    "warned", "warns", "argued", "argues", "admitted", "admits", "announced", "revealed", "suggested",
    "stressed", "confirmed", "denied", "conceded", "acknowledged", "maintained", "complained", "vowed",
    "explained", "noted",
})
# Common nouns that head a person-like speaker phrase kept as it is ("a source", "a spokesman for X").
SPEAKER_NOUNS = frozenset({
    "source", "sources", "spokesman", "spokeswoman", "spokesperson", "spokespeople", "official", "officials",
    "aide", "aides", "ally", "allies", "insider", "insiders", "colleague", "colleagues", "backbencher", "mp",
    "minister", "ministers", "adviser", "advisers", "advisor", "friend", "friends", "witness", "witnesses",
    "expert", "experts", "analyst", "analysts", "statement", "leader", "leaders", "member", "members",
    "critics", "critic", "person", "man", "woman", "officer", "officers", "diplomat", "diplomats",
    "government", "ministry", "office", "police", "reports", "report", "figures", "figure", "campaigners",
    "representative", "lawmaker", "lawmakers", "secretary", "president", "counterpart",
})
