"""The near-duplicate LSH without datasketch: the same signatures, band parameters and candidates as datasketch
gives (so the same near groups and counters), and no scipy import on the check path."""

from __future__ import annotations

import random
import subprocess
import sys

import pytest

from corroborate.repeats.lsh import bands, candidates, signatures

datasketch = pytest.importorskip("datasketch")


def _sets(rng: random.Random, n: int) -> list[set[str]]:
    # Small vocabularies, so many sets overlap and share bands; empty sets and one-token sets included.
    return [{" ".join(f"w{rng.randrange(40)}" for _ in range(3)) for _ in range(rng.randrange(0, 25))}
            for _ in range(n)]


@pytest.mark.parametrize(("num_perm", "seed"), [(16, 1), (64, 7), (128, 1), (200, 42)])
def test_signatures_are_datasketchs_minhash_values(num_perm: int, seed: int) -> None:
    sets = [*_sets(random.Random(num_perm + seed), 150), set(), {"only"}, {"caf\u00e9 d\u00e9j\u00e0 vu"}]
    got = signatures(sets, num_perm=num_perm, seed=seed)
    for row, tokens in zip(got, sets, strict=True):
        m = datasketch.MinHash(num_perm=num_perm, seed=seed)
        m.update_batch([t.encode("utf-8") for t in tokens])
        assert row.tolist() == m.hashvalues.tolist()


def test_bands_are_datasketchs_optimal_parameters() -> None:
    from datasketch.lsh import _optimal_param

    for num_perm in (16, 50, 128, 256):
        for step in range(21):
            threshold = step / 20
            expected = _optimal_param(threshold, num_perm, 0.5, 0.5)
            if expected[0] < 2:  # MinHashLSH refuses these
                with pytest.raises(ValueError, match="too small"):
                    bands(threshold, num_perm)
            else:
                assert bands(threshold, num_perm) == expected, (threshold, num_perm)


@pytest.mark.parametrize(("threshold", "num_perm"), [(0.5, 128), (0.3, 64), (0.8, 128), (0.6, 256)])
def test_candidates_are_what_minhashlsh_returns(threshold: float, num_perm: int) -> None:
    sets = _sets(random.Random(int(threshold * 100) + num_perm), 300)
    sigs = signatures(sets, num_perm=num_perm, seed=1)
    lsh = datasketch.MinHashLSH(threshold=threshold, num_perm=num_perm)
    sketches = []
    for i, tokens in enumerate(sets):
        m = datasketch.MinHash(num_perm=num_perm, seed=1)
        m.update_batch([t.encode("utf-8") for t in tokens])
        sketches.append(m)
        lsh.insert(str(i), m)
    got = candidates(sigs, threshold=threshold)
    assert got == [sorted(int(k) for k in lsh.query(m)) for m in sketches]
    assert sum(len(c) > 1 for c in got) > 10  # the sets do collide: the comparison is not vacuous


def test_finding_repeats_imports_neither_datasketch_nor_scipy_integrate() -> None:
    code = (
        "import sys\n"
        "from corroborate.config import RepeatsConfig\n"
        "from corroborate.model import Article\n"
        "from corroborate.pipeline import prepare\n"
        "from corroborate.repeats.find import find_repeats\n"
        "text = 'The ferry sank off Calais on Monday morning after a storm, and the coastguard searched the {} "
        "waters until dusk.'\n"
        "arts = [Article(f'a{i}', f'outlet{i}', None, None, None, text.format(w))\n"
        "        for i, w in enumerate(['cold', 'grey'])]\n"
        "passages = {a.id: prepare(a).passages for a in arts}\n"
        "r = find_repeats(arts, passages, config=RepeatsConfig(), embedder=None)\n"
        "assert r.counters['near_groups'] == 1, r.counters\n"
        "print(sorted(m for m in sys.modules if m.startswith(('datasketch', 'scipy.integrate'))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
