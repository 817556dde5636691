"""The Dask engine: order, laziness, errors, and a client connected to a scheduler address."""

from __future__ import annotations

import subprocess
import sys
from functools import partial

import pytest

from corroborate.engines import make_engine
from corroborate.engines.dask import DaskEngine  # imports no Dask itself: see the last test

pytest.importorskip("distributed")


def _square(x: int) -> int:
    return x * x


def _scaled(x: int, *, by: int) -> int:
    return x * by


def _fails_on_seven(x: int) -> int:
    if x == 7:
        raise ValueError("seven is not allowed")
    return x


@pytest.fixture(scope="module")
def engine():
    with DaskEngine(threads_per_worker=2) as eng:
        yield eng


def test_results_keep_input_order(engine: DaskEngine) -> None:
    items = list(range(103))  # not a multiple of the chunk count
    assert engine.map(_square, items) == [x * x for x in items]
    assert engine.map(partial(_scaled, by=3), iter(range(5))) == [0, 3, 6, 9, 12]
    assert engine.map(_square, []) == []
    assert engine.map(_square, [4]) == [16]
    assert engine.name == "dask"


def test_worker_errors_reach_the_caller(engine: DaskEngine) -> None:
    with pytest.raises(ValueError, match="seven is not allowed"):
        engine.map(_fails_on_seven, list(range(10)))


def test_make_engine_builds_it() -> None:
    eng = make_engine("dask", scheduler=None)
    try:
        assert isinstance(eng, DaskEngine) and eng.map(_square, [1, 2, 3]) == [1, 4, 9]
    finally:
        eng.close()
    eng.close()  # closing twice is harmless


def test_client_for_a_scheduler_address() -> None:
    from distributed import LocalCluster

    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=":0") as cluster, \
            DaskEngine(scheduler=cluster.scheduler_address) as eng:
        assert eng.map(_square, list(range(10))) == [x * x for x in range(10)]
        assert eng._cluster is None  # it used the given cluster, it did not start its own


def test_bad_settings_fail_at_construction() -> None:
    with pytest.raises(ValueError):
        DaskEngine(n_workers=0)
    with pytest.raises(ValueError):
        DaskEngine(threads_per_worker=0)


def test_importing_does_not_import_dask() -> None:
    code = ("import sys, corroborate, corroborate.engines, corroborate.engines.dask, corroborate.store;"
            "print(sorted(m for m in ('dask', 'distributed', 'torch', 'spacy') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
