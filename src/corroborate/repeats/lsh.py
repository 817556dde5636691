"""MinHash LSH candidates for the near-duplicate stage, computed as datasketch computes them.

``datasketch`` imports ``scipy.integrate`` in its package init (for :class:`datasketch.MinHashLSH`'s band
parameters), 0.3 s of every check, the cached re-runs included. The check needs three small pieces of it:
the MinHash signature (datasketch's default ``affine32`` scheme: SHA-1's first 4 bytes, the MurmurHash3
finalizer, then ``a * h + b`` mod 2^32 per permutation), the (bands, rows) that minimise the equally weighted
false positive and false negative areas, and the band lookup. They are here, with numpy only; the tests
check signatures, (b, r) and candidates against datasketch itself on many random sets and settings, so a
datasketch release that changes its scheme shows up as a failing test, not as different near groups.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

_FMIX32 = (16, 0x85EBCA6B, 13, 0xC2B2AE35, 16)  # MurmurHash3's 32-bit finalizer: shifts and multipliers


@functools.lru_cache(maxsize=4)
def _permutations(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """datasketch's affine32 permutations: odd multipliers ``a`` and offsets ``b``, drawn in its order."""
    import numpy as np

    gen = np.random.RandomState(seed)
    a = gen.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    return a, b


def signatures(token_sets: Sequence[Iterable[str]], *, num_perm: int, seed: int) -> np.ndarray:
    """One row of MinHash values (uint32) per token set, equal to ``datasketch.MinHash(num_perm, seed)``
    updated with the set's tokens as UTF-8; an empty set keeps the all-ones row, as there."""
    import numpy as np

    a, b = _permutations(num_perm, seed)
    s1, m1, s2, m2, s3 = (np.uint32(v) for v in _FMIX32)
    out = np.full((len(token_sets), num_perm), np.uint32(0xFFFFFFFF), dtype=np.uint32)
    for row, tokens in enumerate(token_sets):
        hv = np.array([int.from_bytes(hashlib.sha1(t.encode("utf-8")).digest()[:4], "little")
                       for t in set(tokens)], dtype=np.uint32)
        if not len(hv):
            continue
        hv = hv ^ (hv >> s1)
        hv = hv * m1  # uint32 products wrap: the modulo 2^32 that the scheme means
        hv = hv ^ (hv >> s2)
        hv = hv * m2
        hv = (hv ^ (hv >> s3)).reshape(-1, 1)
        out[row] = (hv * a + b).min(axis=0)
    return out


@functools.lru_cache(maxsize=16)
def bands(threshold: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows per band) minimising 0.5 * the false positive area below ``threshold`` plus 0.5 * the
    false negative area above it, over b * r <= num_perm, first minimum in datasketch's order (b, then r).
    The areas are integrals of polynomials of degree b * r, which Gauss-Legendre quadrature with
    num_perm // 2 + 1 nodes gives exactly, where datasketch asks scipy's adaptive quadrature."""
    import numpy as np

    if not 0.0 <= threshold <= 1.0:
        raise ValueError("threshold must be in [0.0, 1.0]")
    pairs = [(b, r) for b in range(1, num_perm + 1) for r in range(1, num_perm // b + 1)]
    bs = np.array([float(b) for b, _ in pairs])[:, None]
    rs = np.array([float(r) for _, r in pairs])[:, None]
    x, w = np.polynomial.legendre.leggauss(num_perm // 2 + 1)

    def area(lo: float, hi: float, false_positive: bool) -> np.ndarray:
        s = (hi - lo) / 2 * x + (hi + lo) / 2
        caught = 1 - (1 - s[None, :] ** rs) ** bs  # chance that a pair of similarity s shares a band
        return ((caught if false_positive else 1 - caught) @ w) * (hi - lo) / 2

    error = area(0.0, threshold, True) * 0.5 + area(threshold, 1.0, False) * 0.5
    b, r = pairs[int(np.argmin(error))]
    if b < 2:
        raise ValueError("The number of bands are too small (b < 2)")
    return b, r


def candidates(sigs: np.ndarray, *, threshold: float) -> list[list[int]]:
    """For each row, the rows (itself included, ascending) that share at least one band with it: what
    ``MinHashLSH(threshold, num_perm).query`` returns once every row is inserted."""
    b, r = bands(threshold, sigs.shape[1])
    found: list[set[int]] = [set() for _ in range(len(sigs))]
    for band in range(b):
        buckets: dict[bytes, list[int]] = {}
        for row in range(len(sigs)):
            buckets.setdefault(sigs[row, band * r:(band + 1) * r].tobytes(), []).append(row)
        for members in buckets.values():
            if len(members) > 1:
                for row in members:
                    found[row].update(members)
    return [sorted(f | {row}) for row, f in enumerate(found)]
