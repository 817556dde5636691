"""The cache key of a stored story's cross-check (``Store.story_report`` caches reports under it).

A report is cached in the ``reports`` table under a key made of the story id, its article ids and the
:func:`settings_parts` (corroborate version, JSON schema, alignment, NLP pipeline, settings fingerprint), so a
story that grows, or a change of version or settings, is cross-checked again.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import sqlite3

    from corroborate.pipeline import Checker


def settings_parts(checker: Checker) -> list[Any]:
    """What, besides the story's articles, a report depends on."""
    from corroborate import __version__
    from corroborate.model import SCHEMA_VERSION
    from corroborate.nlp import describe

    alignment = checker.embedder.name if checker.embedder is not None else "lexical"
    variant = checker.nlp_variant()
    return [__version__, SCHEMA_VERSION, alignment, "off" if variant == "off" else describe(variant),
            checker.config.fingerprint()]


def report_key(story_id: str, article_ids: Iterable[str], parts: list[Any]) -> str:
    # The story id is part of the key: the report carries it (a stored story keeps its id in every view).
    document = json.dumps([story_id, sorted(article_ids), *parts], separators=(",", ":"))
    return hashlib.sha256(document.encode()).hexdigest()


def settings_id(parts: list[Any]) -> str:
    """A short id of the settings part of the key: story digests are filed under it."""
    return hashlib.sha256(json.dumps(parts, separators=(",", ":")).encode()).hexdigest()[:16]


def cached_json(read: Callable[[Callable[[sqlite3.Connection], Any]], Any], key: str) -> dict[str, Any] | None:
    row = read(lambda c: c.execute("SELECT json FROM reports WHERE key = ?", (key,)).fetchone())
    return json.loads(row[0]) if row is not None else None
