"""Story cross-checks in the background, so that a page never waits long for one.

A story whose report is cached opens at once. Otherwise its cross-check (seconds: the NLP pipeline reads every
sentence) runs on one background thread; the page waits a moment for it and, when it is not done, answers with
a loading page that reloads itself. One thread, because the store runs one cross-check at a time anyway (it holds
its lock meanwhile) and two would only share the CPU. A failed cross-check is reported once, to the next request
for that story, which then starts it again.
"""

from __future__ import annotations

import threading
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from corroborate.model import Report
    from corroborate.store import Store
    from corroborate.store.views import StoredReports


class ReportWorker:
    def __init__(self, store: Store, reports: StoredReports) -> None:
        self.store = store
        self.reports = reports
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="corroborate-crosscheck")
        self._lock = threading.RLock()  # a future done at once runs its callback inside submit()
        self._running: dict[str, Future[Report]] = {}
        self._failed: dict[str, BaseException] = {}

    def get(self, story_id: str, *, wait: float | None) -> Report | None:
        """The story's report: cached, or computed within ``wait`` seconds (None: as long as it takes); None when
        it is still being computed. Raises KeyError for an unknown story, and a failed cross-check's error."""
        report = self.reports.cached(story_id)
        if report is not None:
            return report
        with self._lock:
            failure = self._failed.pop(story_id, None)
            if failure is not None:
                raise failure
            future = self._running.get(story_id)
            if future is None:
                future = self._pool.submit(self.store.story_report, story_id)
                self._running[story_id] = future
                future.add_done_callback(lambda f, sid=story_id: self._done(sid, f))
        try:
            return future.result(timeout=wait)
        except TimeoutError:
            return None
        except BaseException:
            with self._lock:  # told to this request: the next one starts the cross-check again
                self._failed.pop(story_id, None)
            raise

    def pending(self, story_id: str) -> bool:
        with self._lock:
            return story_id in self._running

    def _done(self, story_id: str, future: Future[Report]) -> None:
        with self._lock:
            self._running.pop(story_id, None)
            error = None if future.cancelled() else future.exception()
            if error is not None:
                self._failed[story_id] = error

    def close(self) -> None:
        # Queued cross-checks are dropped; a running one finishes (its result is cached for the next start).
        self._pool.shutdown(wait=True, cancel_futures=True)
