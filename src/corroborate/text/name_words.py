"""Lower-case words that may join the capitalised words of one name."""

from __future__ import annotations

_CONNECTORS = frozenset({"of", "and", "for", "de", "du", "la", "le", "von", "van", "der", "al", "bin", "el"})
