"""The Dask engine: the same stages as :class:`~corroborate.engines.LocalEngine`, scheduled on a Dask cluster.

With no scheduler address it starts a ``LocalCluster`` of process workers, one thread each (the heavy stages,
MiniLM and the spaCy parser, hold the GIL for much of their time, so threads would not run them side by side;
each worker loads its own models once); ``processes=False`` keeps an in-process cluster of threads. With an
address it connects a ``Client`` to that cluster. Mapped functions and items travel pickled, so they are
module-level functions of plain data. Dask is imported when the first ``map`` runs, never at import.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from corroborate.errors import require

T = TypeVar("T")
R = TypeVar("R")


def _apply_chunk(fn: Callable[[T], R], chunk: list[T]) -> list[R]:
    """Run ``fn`` over one chunk in a worker (module level, so it pickles for remote workers)."""
    return [fn(item) for item in chunk]


class DaskEngine:
    """Maps a pure function over items on Dask and returns results in input order.

    Items go out in chunks (about ``chunks_per_worker`` per worker thread) because a Dask task costs around a
    millisecond of scheduling: one task per sentence-sized item would cost more than the work.
    """

    name = "dask"

    def __init__(self, scheduler: str | None = None, *, n_workers: int | None = None,
                 threads_per_worker: int | None = None, chunks_per_worker: int = 4, processes: bool = True) -> None:
        if (n_workers is not None and n_workers < 1) or chunks_per_worker < 1:
            raise ValueError("n_workers and chunks_per_worker must be >= 1")
        if threads_per_worker is not None and threads_per_worker < 1:
            raise ValueError(f"threads_per_worker must be >= 1, got {threads_per_worker}")
        cores = max(1, min(4, os.cpu_count() or 1))
        self.scheduler = scheduler
        self.processes = processes
        # Processes: one worker per core, one thread each. Threads: one worker with a thread per core.
        self.n_workers = n_workers or (cores if processes else 1)
        self.threads_per_worker = threads_per_worker or (1 if processes else cores)
        self.chunks_per_worker = chunks_per_worker
        self._client: Any = None
        self._cluster: Any = None

    @property
    def client(self) -> Any:
        """The Dask client, started on first use."""
        if self._client is None:
            distributed = require("distributed", "dask", purpose="the Dask engine")
            if self.scheduler:
                self._client = distributed.Client(self.scheduler, set_as_default=False)
            else:
                self._cluster = distributed.LocalCluster(
                    n_workers=self.n_workers, threads_per_worker=self.threads_per_worker, processes=self.processes,
                    dashboard_address=":0")  # a free port: never collide with a running dashboard
                self._client = distributed.Client(self._cluster, set_as_default=False)
        return self._client

    def _threads(self) -> int:
        info = self.client.scheduler_info()
        return max(1, sum(w.get("nthreads", 1) for w in info.get("workers", {}).values()))

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> list[R]:
        items = list(items)
        if not items:
            return []
        client = self.client
        n_chunks = min(len(items), self._threads() * self.chunks_per_worker)
        size = -(-len(items) // n_chunks)
        chunks = [items[i:i + size] for i in range(0, len(items), size)]
        # pure=False: the same function over equal items may legitimately be recomputed, never deduplicated
        # across calls with different closures.
        futures = [client.submit(_apply_chunk, fn, chunk, pure=False) for chunk in chunks]
        results = client.gather(futures)  # in submission order: the output does not depend on scheduling
        return [r for part in results for r in part]

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None

    def __enter__(self) -> DaskEngine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
