"""UnionFind: transitive grouping whose roots do not depend on the order of unions."""

from __future__ import annotations

from corroborate.unionfind import UnionFind


def test_groups_are_transitive_and_roots_are_the_smallest_member() -> None:
    for order in ([(4, 3), (3, 1), (0, 2)], [(0, 2), (1, 3), (3, 4)]):
        uf = UnionFind(6)
        for a, b in order:
            uf.union(a, b)
        assert {uf.find(i) for i in (1, 3, 4)} == {1}
        assert uf.find(2) == uf.find(0) == 0
        assert uf.find(5) == 5
