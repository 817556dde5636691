"""Engines own the parallelism; the stages are the same whichever engine runs them.

An engine maps a picklable, pure function over items and returns the results *in input order*, so the
output does not depend on scheduling (the contract test compares local and Dask byte for byte).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Protocol, TypeVar

T = TypeVar("T")
R = TypeVar("R")


class Engine(Protocol):
    name: str

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> list[R]: ...

    def close(self) -> None: ...


class LocalEngine:
    """In-process, sequential: the default, and the reference the other engines must match."""

    name = "local"

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> list[R]:
        return [fn(item) for item in items]

    def close(self) -> None:
        return None


def make_engine(name: str = "local", *, scheduler: str | None = None) -> Engine:
    if name == "local":
        return LocalEngine()
    if name == "dask":
        from corroborate.engines.dask import DaskEngine  # lazy: Dask is an optional extra

        return DaskEngine(scheduler=scheduler)
    raise ValueError(f"unknown engine {name!r}: choose local or dask")
