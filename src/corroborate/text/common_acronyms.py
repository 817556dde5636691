"""Capitalised short forms that name no one: acronyms of common nouns and codes of school years.

News writes them in capitals like a company's or an agency's acronym ("he worked as a DJ", "the virus's RNA",
"pupils in P6"), so the capitalised-word readers take them for names. General knowledge only, no word taken
from any one article; an acronym that is also a body's or a product's name stays out ("BBC", "NHS", "iPad"), and
so do two-letter state codes ("MD", "CT").
"""

from __future__ import annotations

import re

# Acronyms of common nouns: trades, molecules and conditions, devices and formats, documents and tests. The
# plural ("DJs", "GPs") is read by the caller.
COMMON_ACRONYMS = frozenset({
    # people by trade or role, not by name
    "dj", "mc", "gp", "vip", "ceo", "cfo", "coo", "cto",
    # molecules, conditions and tests
    "dna", "rna", "mrna", "hiv", "aids", "adhd", "ocd", "ptsd", "ivf", "mri", "ecg", "iq", "bmi",
    "icu", "a&e",
    # devices, media and formats
    "tv", "pc", "cd", "dvd", "usb", "sms", "pdf", "url", "gps", "atm", "pin", "cctv", "suv", "ufo", "hd",
    "led", "lcd", "vr", "ai", "jpg", "jpeg", "png", "gif", "mp3",
    # groups of people written as an adjective ("LGBT youth")
    "lgbt", "lgbtq", "lgbti", "lgbtqi",
    # papers and degrees
    "id", "phd", "mba", "faq", "diy", "asap", "rsvp",
})

# A Scottish primary school year written as its code ("pupils in P6"). Not "S4" or "Y7": phones and cars carry
# such names too ("the S4 sold well").
SCHOOL_YEAR = re.compile(r"P[1-7]")


def common_acronym(word: str) -> bool:
    """Whether ``word`` (as written) is the acronym of a common noun or a school year's code, no name: "DJ",
    "DJs", "RNA", "P6"."""
    if SCHOOL_YEAR.fullmatch(word):
        return True
    core = word[:-1] if word.endswith("s") and len(word) > 2 and word[:-1].isupper() else word
    return core.isupper() and core.lower() in COMMON_ACRONYMS
