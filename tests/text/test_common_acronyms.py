"""Acronyms of common nouns and school-year codes are no names; bodies' acronyms and state codes are left alone."""

from __future__ import annotations

from corroborate.text.common_acronyms import common_acronym


def test_common_nouns_and_school_years() -> None:
    assert all(common_acronym(w) for w in ("DJ", "DJs", "RNA", "P6", "LGBT", "JPG"))


def test_names_and_ordinary_words_are_not() -> None:
    # A body's acronym, a state's code, a phone's model and a word in lower or title case stay out.
    assert not any(common_acronym(w) for w in ("BBC", "NHS", "MD", "CT", "S4", "P8", "Dj", "dna", "Rna"))
