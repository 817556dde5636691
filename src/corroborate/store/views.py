"""What the web app reads of a store: cached story reports (without computing one), the story list with its
digests, full-text search; and :func:`compute_missing`, which fills the report cache (``add --reports``).

A reader should never wait for a cross-check they did not ask for: a cached report is read here by its key
(:mod:`corroborate.store.reports`), and a story without one is left to a background job by the app.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from corroborate.store.codec import report_from_json
from corroborate.store.core import Store
from corroborate.store.digests import Listing, listing, outlets
from corroborate.store.reports import cached_json, report_key, settings_id, settings_parts
from corroborate.store.search import Hit, search

if TYPE_CHECKING:
    from corroborate.model import Report


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
        summary = self.store.story(story_id)
        if summary is None:
            raise KeyError(story_id)
        document = cached_json(self.store._read, report_key(story_id, summary.articles, self.parts))
        return report_from_json(document) if document is not None else None

    def search(self, text: str) -> list[Hit]:
        return self.store._read(lambda c: search(c, text))

    def listing(self, **filters: Any) -> Listing:
        """:func:`corroborate.store.digests.listing` under these settings."""
        return self.store._read(lambda c: listing(c, settings=self.settings, **filters))

    def outlets(self) -> list[str]:
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
