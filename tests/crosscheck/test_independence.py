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


def test_sharing_paraphrases_and_quotes_does_not_make_a_copy() -> None:
    # Two reports of one event: 60% of one's text is in some repeat of the other (the same remark quoted,
    # the same fact told), but only 15% word for word. A wire copy repeats 80% word for word.
    arts = [art("nyt", "nyt"), art("hpo", "hpo"), art("wire", "wire"), art("reprint", "reprint")]
    reuse = [Reuse("hpo", "nyt", 0.6, "60% shared", verbatim=0.15),
             Reuse("reprint", "wire", 0.9, "90% shared", verbatim=0.8)]
    source, why = source_of(arts, reuse)
    assert source["hpo"] != source["nyt"] and source["reprint"] == source["wire"]
    assert independence(["nyt", "hpo", "wire", "reprint"], source, why)[0] == 3


def test_an_article_rewritten_sentence_by_sentence_is_a_copy() -> None:
    # A spinner's (or a translator's) copy: every sentence repeats the original, none word for word.
    arts = [art("first", "a"), art("spun", "b")]
    source, why = source_of(arts, [Reuse("spun", "first", 0.95, "95% shared", verbatim=0.0)])
    assert source["spun"] == source["first"] and "(95%)" in why["spun"]
