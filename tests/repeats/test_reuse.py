"""Which copy came first: a date without a time of day is a whole day, never midnight."""

from __future__ import annotations

from pathlib import Path

import pytest

from corroborate.config import RepeatsConfig
from corroborate.ingest import read_sources
from corroborate.ingest.clean import clean
from corroborate.ingest.segment import segment
from corroborate.model import Article, Passage
from corroborate.repeats.find import find_repeats

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

ORIGINAL = ("A ferry ran aground off Port Elin on Monday night. Two crew members were injured in the grounding. "
            "The harbour master said the tide was unusually low. Salvage crews will try to refloat the ship on "
            "Wednesday morning. Passengers were taken ashore by lifeboat.")
COPY = ("A ferry ran aground off Port Elin on Monday night. Two crew members were injured in the grounding. "
        "The harbour master said the tide was unusually low. Local shops stayed open late for the stranded.")


def _pair(copy_date: str | None, original_date: str | None, *, copy_text: str = COPY, original_text: str = ORIGINAL,
          ) -> tuple[list[Article], dict[str, list[Passage]]]:
    a = Article("copy", "Coast Wire", None, copy_date, None, copy_text)
    b = Article("orig", "Harbour Gazette", None, original_date, None, original_text)
    return [a, b], {x.id: segment(x) for x in (a, b)}


def _reuse(copy_date: str | None, original_date: str | None, **texts: str):
    articles, passages = _pair(copy_date, original_date, **texts)
    result = find_repeats(articles, passages, config=RepeatsConfig(), embedder=None)
    assert len(result.reuse) == 1
    return result.reuse[0]


def test_a_date_without_time_is_not_midnight() -> None:
    # The copy has only a date: read as midnight it would be "13 h earlier" than the original's 13:05.
    reuse = _reuse("2025-03-04", "2025-03-04T13:05:00+00:00")
    assert (reuse.copy, reuse.original) == ("copy", "orig")
    assert "published" not in reuse.why and "earlier" not in reuse.why
    assert "no time of day" in reuse.why and "more complete" in reuse.why


def test_same_day_without_a_content_signal_is_unknown() -> None:
    # Same shared sentences, same length, neither mostly a copy of the other: nothing tells the direction.
    left = ("A ferry ran aground off Port Elin on Monday night. Bakers in the town sold out of bread by noon. "
            "The council met to discuss the new cycle lanes. Schools will close early for the holiday weekend.")
    right = ("A ferry ran aground off Port Elin on Monday night. Gardeners were told to water plants at dusk. "
             "The museum has extended its summer opening hours. Bus fares will rise by ten pence in April.")
    reuse = _reuse("2025-03-04", "2025-03-04T13:05:00", copy_text=left, original_text=right)
    assert "which came first is unknown" in reuse.why and "no time of day" in reuse.why
    assert "copy's" not in reuse.why


def test_dates_days_apart_still_decide() -> None:
    reuse = _reuse("2025-03-05", "2025-03-04T13:05:00+00:00")
    assert (reuse.copy, reuse.original) == ("copy", "orig")
    assert "dated the day before (2025-03-04 vs 2025-03-05)" in reuse.why
    # both dates only, three days apart
    reuse = _reuse("2025-03-07", "2025-03-04")
    assert reuse.original == "orig" and "3 days before" in reuse.why


def test_times_of_day_decide_with_minutes() -> None:
    reuse = _reuse("2025-03-04T16:40:00+00:00", "2025-03-04T13:05:00+00:00")
    assert reuse.original == "orig" and "published 3 h 35 min earlier" in reuse.why


def test_the_article_mostly_made_of_the_other_is_the_copy() -> None:
    longer = ORIGINAL + (" The council met on Tuesday to discuss the new cycle lanes. Bakers sold out of bread by "
                         "noon. The museum extended its summer hours. Bus fares rise by ten pence in April.")
    reuse = _reuse("2025-03-04", "2025-03-04T13:05:00", original_text=longer)
    assert (reuse.copy, reuse.original) == ("copy", "orig")
    assert "not mostly the copy's text in turn" in reuse.why and "no time of day" in reuse.why


def test_a_credit_names_the_original() -> None:
    # The longer article names the other's outlet: the shorter one is credited, so it is the original.
    credited = ORIGINAL + " The Coast Wire first reported the grounding."
    reuse = _reuse("2025-03-04", "2025-03-04", original_text=credited)
    assert (reuse.copy, reuse.original) == ("orig", "copy")
    assert "credits Coast Wire" in reuse.why


def test_fuller_shared_passages_decide() -> None:
    from corroborate.repeats.reuse import first_of

    a = Article("a", "A", None, "2025-03-04", None, "x")
    b = Article("b", "B", None, "2025-03-04T09:00:00", None, "y")
    direction = first_of(a, b, {"a": 0, "b": 1}, shared=(150, 300))
    assert direction.known and direction.first is b and "fuller (300 vs 150 characters" in direction.reason
    assert not first_of(a, b, {"a": 0, "b": 1}, shared=(150, 155)).known


@pytest.fixture(scope="module")
def examples_reuse() -> tuple[dict[str, str], list]:
    articles = [a for a in read_sources([str(EXAMPLES)]) if isinstance(a, Article)]
    passages = {a.id: segment(a, clean(a)) for a in articles}
    result = find_repeats(articles, passages, config=RepeatsConfig(), embedder=None)
    return {a.id: a.outlet for a in articles}, result.reuse


def test_examples_follow_the_readme(examples_reuse: tuple[dict[str, str], list]) -> None:
    """examples/README.md: the Gazette is the original; the Herald copied it 3.5 h later; the Coast Wire page
    (date only, same day) is never said to have been published hours before the Gazette."""
    outlet, reuse = examples_reuse
    pairs = {(outlet[r.copy], outlet[r.original]): r.why for r in reuse}
    assert not any(original == "Coast Wire" and copy == "Harbour Gazette" for copy, original in pairs)
    assert "published 3 h 35 min earlier" in pairs["Island Herald", "Harbour Gazette"]
    assert all(copy != "Harbour Gazette" for copy, _ in pairs)
    for (copy, original), why in pairs.items():
        if "Coast Wire" in (copy, original) and "daily-buzz" not in (copy, original):
            assert "published" not in why and "no time of day" in why


def test_reuse_says_how_much_is_word_for_word() -> None:
    # Three of the copy's four sentences are the original's word for word; an own-words retelling is not.
    r = _reuse("2024-05-01", "2024-05-01")
    assert r.verbatim is not None and 0.5 < r.verbatim <= r.share
    assert "word for word" in r.why
    retold = ("Port Elin saw a ferry run aground on Monday night, the harbour master said. Two members of its "
              "crew were hurt when it grounded. Shops in the town stayed open late for the stranded travellers.")
    r = _reuse("2024-05-01", "2024-05-01", copy_text=retold)
    assert r.verbatim == 0.0
