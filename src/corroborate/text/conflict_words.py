"""Verbs too light to define the same action, for the conflict rules."""

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
