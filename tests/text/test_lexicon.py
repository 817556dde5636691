"""The word lists: the readers look words up in lower case, so every entry must be lower case."""

from __future__ import annotations

from corroborate.text import lexicon


def test_entries_are_lower_case() -> None:
    for name in ("HONORIFICS", "TITLES", "WEAK_TITLES", "DEMONYMS", "CAPITALS", "ORG_WORDS", "LOC_WORDS",
                 "OTH_WORDS", "ORG_CUES", "LOC_PREPOSITIONS", "COMMON_CAPITALISED", "SPEECH_VERBS",
                 "REPORTING_VERBS", "SPEAKER_NOUNS"):
        words = getattr(lexicon, name)
        assert words and all(w == w.lower() for w in words), name
    assert all(k == k.lower() for k in lexicon.COUNTRIES)


def test_reporting_verbs_are_speech_verbs_and_abbreviations_are_titles() -> None:
    assert lexicon.REPORTING_VERBS <= lexicon.SPEECH_VERBS
    assert set(lexicon.TITLE_ABBREVIATIONS.values()) <= lexicon.TITLES
    assert lexicon.WEAK_TITLES <= lexicon.TITLES
