"""A tiny union-find (disjoint sets) shared by the stages that group things transitively."""

from __future__ import annotations


class UnionFind:
    """Disjoint sets over ``0..n-1`` with path halving. The smaller root always wins a union, so the same
    input gives the same roots whatever order the unions come in: output built from roots is deterministic."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)
