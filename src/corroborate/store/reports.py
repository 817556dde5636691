"""Cached story reports: the cache key of a stored story's cross-check, and reading a cached one without
computing it (the web app shows a loading state instead of making a reader wait for a cross-check).

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

    from corroborate.model import Report
    from corroborate.pipeline import Checker
    from corroborate.store.core import Store
    from corroborate.store.digests import Listing
    from corroborate.store.search import Hit


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


class StoredReports:
    """What the web app reads of a store's stories under the store's settings: cached reports (read without
    computing one), the story list with its digests, full-text search. The settings are resolved once (they do
    not change while an app runs)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        with store._lock:  # the store builds its checker lazily, under this lock
            self.parts = settings_parts(store._default_checker())
        self.settings = settings_id(self.parts)

    def cached(self, story_id: str) -> Report | None:
        """The cached cross-check of the story, or None when it has not been computed (or the story changed)."""
        from corroborate.store.codec import report_from_json

        summary = self.store.story(story_id)
        if summary is None:
            raise KeyError(story_id)
        document = cached_json(self.store._read, report_key(story_id, summary.articles, self.parts))
        return report_from_json(document) if document is not None else None

    def search(self, text: str) -> list[Hit]:
        from corroborate.store.search import search

        return self.store._read(lambda c: search(c, text))

    def listing(self, **filters: Any) -> Listing:
        """:func:`corroborate.store.digests.listing` under these settings."""
        from corroborate.store.digests import listing

        return self.store._read(lambda c: listing(c, settings=self.settings, **filters))

    def outlets(self) -> list[str]:
        from corroborate.store.digests import outlets

        return self.store._read(outlets)

    def missing(self) -> list[str]:
        """Ids of the stories without a current cached report, most recently updated first."""
        stories = self.store.stories()
        keys = {report_key(s.id, s.articles, self.parts): s.id for s in stories}
        have: set[str] = set()
        wanted = list(keys)
        for start in range(0, len(wanted), 500):
            chunk = wanted[start:start + 500]
            marks = ",".join("?" * len(chunk))
            have.update(r[0] for r in self.store._read(lambda c, chunk=chunk, marks=marks: c.execute(
                f"SELECT key FROM reports WHERE key IN ({marks})", chunk).fetchall()))
        return [sid for key, sid in keys.items() if key not in have]


def compute_missing(store: Store, *, progress: Callable[[int, int, str], None] | None = None) -> list[str]:
    """Cross-check every story without a current cached report (most recently updated first) and cache it: what
    ``corroborate add --reports`` runs after storing, so the web app opens those stories at once. Returns their
    ids. Safe to interrupt: each report is cached as soon as it is done."""
    ids = StoredReports(store).missing()
    for done, story_id in enumerate(ids, start=1):
        store.story_report(story_id)
        if progress is not None:
            progress(done, len(ids), story_id)
    return ids
