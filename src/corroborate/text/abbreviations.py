"""Abbreviations after which a full stop does not end a sentence."""

from __future__ import annotations

# Lower-cased abbreviations (without the final dot) after which a full stop does not end a sentence.
ABBREVIATIONS = frozenset((
    "mr", "mrs", "ms", "dr", "prof", "st", "sr", "jr", "gen", "sen", "sens", "rep", "reps", "gov", "lt", "col",
    "capt",
    "cpt", "sgt", "maj", "adm", "cmdr", "rev", "hon", "pres", "supt", "insp", "det", "fr", "mt", "ft",
    "no", "nos", "vs", "etc", "inc", "ltd", "co", "corp", "bros", "dept", "est", "approx", "fig", "al",
    "op", "vol", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "mon", "tue", "tues", "wed", "thu", "thurs", "fri", "sat", "sun", "e.g", "i.e", "a.m", "p.m", "u.s",
    "u.k", "u.n", "e.u", "d.c",
))

# Abbreviated titles before a name ("Sen. Jim DeMint"): the full stop belongs to the name's phrase.
TITLE_ABBREVIATIONS = frozenset(("sen", "sens", "rep", "reps", "gov", "gen", "lt", "col", "capt", "cpt", "sgt", "maj",
                                 "adm", "cmdr", "rev", "hon", "pres", "supt", "insp", "det", "atty", "amb", "sec",
                                 "prof"))

# Abbreviated month and day names, which are also words ("the sun.He", "in May.The") when no space follows.
CALENDAR_ABBREVIATIONS = frozenset(("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
                                    "dec", "mon", "tue", "tues", "wed", "thu", "thurs", "fri", "sat", "sun"))
