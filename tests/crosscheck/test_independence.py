"""Independence: copies and one outlet's articles count as one source, with the reason kept."""

from __future__ import annotations

from corroborate.crosscheck.independence import independence, source_of
from corroborate.model import Article, Reuse


def art(aid: str, outlet: str, text: str = "x" * 50) -> Article:
    return Article(aid, outlet, None, None, None, text)


def test_copies_and_same_outlet_count_as_one_source() -> None:
    arts = [art("a", "gazette"), art("b", "wire"), art("c", "copycat"), art("d", "gazette")]
    reuse = [Reuse("c", "b", 0.83, "83% of c's sentences repeat b"), Reuse("a", "b", 0.2, "a little")]
    source, why = source_of(arts, reuse)
    assert source["c"] == source["b"] and source["d"] == source["a"] and source["a"] != source["b"]
    count, note = independence(["a", "b", "c"], source, why)
    assert count == 2
    assert note is not None and "c largely repeats b (83%)" in note and "one source" in note
    assert independence(["a", "b"], source, why) == (2, None)  # low reuse share: still independent
