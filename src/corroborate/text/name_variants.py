"""First-name variants (Liz / Elizabeth, Bill / William) and party names, for merging a story's aliases.

General knowledge of English names and of the main parties of the US and UK press, never names taken from
any particular article. A nickname may stand for more than one formal name ("Ted": Edward or Theodore);
two first names are variants when they share a formal name.
"""

from __future__ import annotations

# nickname -> formal names. The formal name also counts as its own variant.
_NICKNAMES = """
al: albert alan alfred | alex: alexander alexandra | andy drew: andrew | abe: abraham | ben: benjamin
bill billy will willie: william | bob bobby rob robbie bert: robert | becky: rebecca
beth betsy liz lizzie eliza betty: elizabeth | liz: elisabeth | chris: christopher christine christina
chuck charlie: charles | dan danny: daniel | dave: david | debbie deb: deborah | dick rich rick: richard
don donny: donald | ed eddie ned ted: edward | ted: theodore | fred freddie: frederick | gene: eugene
greg: gregory | hank harry: henry | harry: harold | jack johnny: john | jake: jacob | jim jimmy: james
jeff: jeffrey | jen jenny: jennifer | jerry: gerald jerome | joe joey: joseph | jon: jonathan
kate katie kathy cathy: katherine catherine kathleen | ken kenny: kenneth | larry: lawrence
maggie meg peggy: margaret | matt: matthew | mike mick mickey: michael | mitch: mitchell | nick: nicholas
pat: patrick patricia | pete: peter | phil: philip | ron ronnie: ronald | sam: samuel samantha
steve: stephen steven | sue: susan | tim: timothy | tom tommy: thomas | tony: anthony | vince: vincent
walt: walter | zach: zachary
"""


def _table() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for entry in _NICKNAMES.replace("\n", "|").split("|"):
        if not entry.strip():
            continue
        nicks, formal = entry.split(":")
        for nick in nicks.split():
            out.setdefault(nick, set()).update(formal.split())
        for name in formal.split():
            out.setdefault(name, set()).add(name)
    return {k: frozenset(v) for k, v in out.items()}


FORMAL_NAMES = _table()


def same_first_name(a: str, b: str) -> bool:
    """Are ``a`` and ``b`` (lower case) the same first name or variants of one ("liz", "elizabeth")?"""
    if a == b:
        return True
    return bool(FORMAL_NAMES.get(a, frozenset({a})) & FORMAL_NAMES.get(b, frozenset({b})))


# Party words -> the party they name ("GOP", "Republicans", "Republican Party" are one party). A party is an
# organisation, never an alias of one of its politicians.
PARTIES = {
    "republican": "republican", "republicans": "republican", "gop": "republican", "g.o.p": "republican",
    "democrat": "democratic", "democrats": "democratic", "democratic": "democratic",
    "labour": "labour", "tory": "conservative", "tories": "conservative", "conservative": "conservative",
    "conservatives": "conservative",
    "libertarian": "libertarian", "libertarians": "libertarian",
}
# Words that may follow a party word and leave it the party ("Republican Party", "Democratic National ...").
PARTY_TAILS = frozenset({"party"})
