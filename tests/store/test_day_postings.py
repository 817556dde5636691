"""The in-memory look-up side of the store's ``postings`` table: the same answers as the SQL it replaced, kept
in step with the table by its own adds, and dropped when another writer moves the tables."""

from __future__ import annotations

import gc
import random
import sqlite3
from collections import Counter

import pytest

from corroborate.store.day_postings import SHORT, UNDATED, DayPostings, append_seq

WINDOW = 3


def _table(rows: list[tuple[int, str, int]]) -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:", isolation_level=None)
    conn.execute("CREATE TABLE postings (day INTEGER NOT NULL, key TEXT NOT NULL, seq INTEGER NOT NULL, "
                 "PRIMARY KEY (day, key, seq)) WITHOUT ROWID")
    conn.executemany("INSERT INTO postings VALUES (?, ?, ?)", rows)
    return conn


def _sql(conn: sqlite3.Connection, key: str, day: int | None, limit: int) -> list[int]:
    """The reference: the three statements the store ran per key before the day cache."""
    undated = conn.execute("SELECT seq FROM postings WHERE day = ? AND key = ? ORDER BY seq DESC LIMIT ?",
                           (UNDATED, key, limit)).fetchall()
    if day is None:  # the most recent dated ones: the latest dated day and the window before it
        (latest,) = conn.execute("SELECT max(day) FROM postings WHERE day != ?", (UNDATED,)).fetchone()
        recent = [] if latest is None else conn.execute(
            "SELECT seq FROM postings WHERE day BETWEEN ? AND ? AND key = ? ORDER BY day DESC, seq DESC LIMIT ?",
            (max(latest - WINDOW, 1), latest, key, limit)).fetchall()
        return [r[0] for r in recent + undated]
    after = conn.execute("SELECT seq FROM postings WHERE day BETWEEN ? AND ? AND key = ? ORDER BY day, seq LIMIT ?",
                         (day, day + WINDOW, key, limit)).fetchall()
    before = conn.execute("SELECT seq FROM postings WHERE day BETWEEN ? AND ? AND key = ? "
                          "ORDER BY day DESC, seq DESC LIMIT ?", (max(day - WINDOW, 1), day - 1, key, limit)).fetchall()
    return [r[0] for r in after + before + undated]


def _expected(conn: sqlite3.Connection, keys: str | list[str], day: int | None, limit: int) -> Counter[int]:
    """The reference for ``shared``: how many of the keys' SQL answers hold each article."""
    return Counter(seq for key in keys for seq in _sql(conn, key, day, limit))


def _rows(n: int, *, seed: int = 0) -> list[tuple[int, str, int]]:
    """``n`` articles over 20 days (some undated), 4 keys each from a small vocabulary: posting lists long
    enough to be cut by a small limit."""
    rng = random.Random(seed)
    rows = []
    for seq in range(1, n + 1):
        day = UNDATED if rng.random() < 0.1 else 100 + rng.randrange(20)
        rows += [(day, key, seq) for key in rng.sample("abcdefgh", 4)]
    return rows


@pytest.mark.parametrize(("limit", "max_rows"), [(2, 10**6), (50, 10**6), (3, 10)])
def test_lookups_match_the_sql(limit: int, max_rows: int) -> None:
    """Nearest days first on each side, the limit per side, undated ones latest first; also when the cache
    holds so few rows that most look-ups evict and reload days."""
    conn = _table(_rows(300))
    postings = DayPostings(max_rows=max_rows)
    for day in [None, 95, 100, 104, 110, 119, 125]:
        for key in "abcdefghz":
            assert postings.shared(conn, [key], day, WINDOW, limit) == _expected(conn, key, day, limit), (day, key)
        # Several keys at once: an article under two of them counts twice.
        assert postings.shared(conn, list("hza"), day, WINDOW, limit) == _expected(conn, "hza", day, limit)


def test_adds_reach_held_days_and_days_loaded_later() -> None:
    """An add appends to a day held in memory; a day not held reads it from the table when first needed."""
    rows = _rows(100)
    conn = _table(rows)
    postings = DayPostings()
    postings.shared(conn, ["a"], 105, WINDOW, 50)  # holds days 102..108 and the undated ones
    new = [(105, "a", 101), (105, "z", 101), (115, "a", 102), (UNDATED, "b", 103)]
    conn.executemany("INSERT INTO postings VALUES (?, ?, ?)", new)
    postings.add(105, ["a", "z"], 101)
    postings.add(115, ["a"], 102)  # day 115 is not held: left to the table
    postings.add(None, ["b"], 103)
    for day in [None, 105, 112, 115, 118]:
        for key in "abz":
            assert postings.shared(conn, [key], day, WINDOW, 50) == _expected(conn, key, day, 50), (day, key)
    assert len(postings) == sum(1 for d, _, _ in rows + new if d == UNDATED or 102 <= d <= 121)


def test_the_first_days_do_not_reach_the_undated() -> None:
    conn = _table([(UNDATED, "a", 1), (1, "a", 2), (2, "a", 3)])
    assert DayPostings().shared(conn, ["a"], 2, WINDOW, 50) == {3: 1, 2: 1, 1: 1}  # day 2, day 1, the undated one


def test_an_undated_article_reaches_the_most_recent_dated_ones() -> None:
    """As in batch clustering, an undated article may join a dated story: it reads the latest dated day and the
    window before it (latest first), then the undated ones; an add of a later day moves that window."""
    conn = _table([(UNDATED, "a", 1), (100, "a", 2), (103, "a", 3), (110, "a", 4), (111, "b", 5)])
    postings = DayPostings()
    assert postings.shared(conn, ["a"], None, WINDOW, 50) == {4: 1, 1: 1}  # days 111..108 and the undated
    assert postings.shared(conn, ["a"], None, WINDOW, 1) == {4: 1, 1: 1}  # the limit applies per side
    conn.execute("INSERT INTO postings VALUES (120, 'a', 6)")
    postings.add(120, ["a"], 6)
    assert postings.shared(conn, ["a"], None, WINDOW, 50) == {6: 1, 1: 1}
    assert DayPostings().shared(_table([(UNDATED, "a", 1)]), ["a"], None, WINDOW, 50) == {1: 1}


def test_eviction_keeps_at_least_one_lookups_days() -> None:
    conn = _table(_rows(400))
    postings = DayPostings(max_rows=1)
    postings.shared(conn, ["a"], 110, WINDOW, 50)
    assert len(postings._days) == 2 * WINDOW + 2, "the window's days and the undated ones stay"
    postings.shared(conn, ["a"], 113, WINDOW, 50)
    assert len(postings._days) == 2 * WINDOW + 2
    assert min(d for d in postings._days if d != UNDATED) == 110, "the least recently used days went first"
    postings.clear()
    assert len(postings) == 0 and not postings._days


def test_long_runs_of_adds_stay_in_order() -> None:
    """A key on every article of a day passes from a tuple to a list (SHORT) without losing or reordering
    anything, and a reloaded day reads the same."""
    conn = _table([(105, "a", 1)])
    postings = DayPostings()
    postings.shared(conn, ["a"], 105, WINDOW, 500)  # day 105 is held: the adds below go to memory
    for seq in range(2, 3 * SHORT):
        conn.execute("INSERT INTO postings VALUES (105, 'a', ?)", (seq,))
        postings.add(105, ["a"], seq)
    assert isinstance(postings._days[105]["a"], list)
    for limit in (5, SHORT, 500):
        assert postings.shared(conn, ["a"], 105, WINDOW, limit) == _expected(conn, "a", 105, limit)
        assert DayPostings().shared(conn, ["a"], 107, WINDOW, limit) == _expected(conn, "a", 107, limit)


def test_held_days_are_not_left_to_the_garbage_collector() -> None:
    """A day's postings are tuples of ints in a dict of them: after one collection the collector stops
    tracking both, so a full cache (hundreds of thousands of keys) costs full collections nothing. As lists,
    each of them, and each of their items, was visited by every full collection."""
    conn = _table(_rows(300))
    postings = DayPostings()
    postings.shared(conn, list("abcdefgh"), 110, WINDOW, 50)
    postings.add(110, ["a", "new"], 301)
    gc.collect()
    tracked = [day for day, held in postings._days.items() if gc.is_tracked(held)]
    tracked += [(day, key) for day, held in postings._days.items() for key, seqs in held.items()
                if gc.is_tracked(seqs)]
    assert not tracked


def test_append_seq() -> None:
    index: dict[str, tuple[int, ...] | list[int]] = {}
    for seq in range(SHORT + 2):
        append_seq(index, "k", seq)
        if seq % 2:
            append_seq(index, "j", seq)
    assert list(index["k"]) == list(range(SHORT + 2)) and isinstance(index["k"], list)
    assert index["j"] == tuple(range(1, SHORT + 2, 2))
