"""First words of a described, unnamed speaker (misquote matching)."""

from __future__ import annotations

_ARTICLES = frozenset({"the", "a", "an"})


# First words of a described, unnamed speaker ("A source", "The statement", "One senior Labour MP").
_DESCRIPTIVE = frozenset({"a", "an", "the", "one", "some", "two", "three", "several", "his", "her", "their",
                          "its", "our", "another", "many", "other", "he", "she", "they", "we", "i"})
