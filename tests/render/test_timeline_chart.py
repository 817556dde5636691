"""The timeline chart: events placed by date on one axis, close ones stacked, undated ones left to the list."""

from __future__ import annotations

import itertools

from corroborate.render.html import story_views
from corroborate.render.timeline_chart import PAD, WIDTH, chart, day_of
from tests.render.builders import sample_report


def test_days_of_iso_values() -> None:
    assert str(day_of("2025-03-04T13:05:00+00:00")) == "2025-03-04"
    assert str(day_of("2025-03")) == "2025-03-01" and str(day_of("2025")) == "2025-01-01"
    assert day_of(None) is None and day_of("last week") is None and day_of("2025-13-40") is None


def test_events_are_placed_by_date_and_numbered_as_listed() -> None:
    events = [("2025-03-05", "tugs arrive", "r2"), (None, "an inquiry will follow", ""),
              ("2025-03-03", "ferry runs aground", "r1"), ("2025-03-13", "ship refloated", "r3"),
              ("2025-03-03", "passengers rescued", "r4")]
    c = chart(events)
    assert c is not None and c.undated == 1 and c.first == "3 Mar 2025" and c.last == "13 Mar 2025"
    points = {p.number: p for p in c.points}
    assert set(points) == {1, 3, 4, 5}  # the list's numbers; the undated event is not drawn
    assert points[3].x == PAD and points[4].x == WIDTH - PAD
    assert points[1].x == PAD + (WIDTH - 2 * PAD) * 2 / 10
    assert points[3].x == points[5].x and points[3].y != points[5].y  # same day: stacked
    assert points[3].label == "3 Mar 2025: ferry runs aground" and points[4].refs == "r3"
    assert all(0 < p.y < c.axis_y for p in c.points) and c.height > c.axis_y
    assert c.ticks[0].label == "3 Mar 2025" and c.ticks[-1].label == "13 Mar 2025"
    xs = [t.x for t in c.ticks]
    assert xs == sorted(xs) and all(b - a >= 90 for a, b in itertools.pairwise(xs))


def test_one_day_and_no_date() -> None:
    one = chart([("2025-03-03", "a", ""), ("2025-03-03T10:00", "b", "")])
    assert one is not None and {p.x for p in one.points} == {WIDTH / 2} and len(one.ticks) == 1
    assert chart([(None, "a", "")]) is None and chart([]) is None


def test_the_story_view_carries_the_chart_of_its_timeline() -> None:
    view = story_views(sample_report())[0]
    assert view.chart is not None and [p.number for p in view.chart.points] == [1]
    assert view.chart.points[0].refs == " ".join(r.id for r in view.timeline[0].refs)


def test_a_background_event_far_from_the_story_sits_past_a_break() -> None:
    events = [("2009", "an earlier grounding", "")] + [(f"2025-03-0{d}", f"day {d}", "") for d in range(3, 8)]
    c = chart(events)
    assert c is not None and c.off_scale == 1 and len(c.segments) == 2  # one gap in the axis line
    points = {p.number: p.x for p in c.points}
    assert points[1] == PAD
    story_xs = [points[n] for n in range(2, 7)]
    assert min(story_xs) >= PAD + 90 and max(story_xs) == WIDTH - PAD
    assert min(b - a for a, b in itertools.pairwise(story_xs)) > 50  # the story's days stay apart
    assert c.ticks[0].label == "1 Jan 2009" and c.first == "1 Jan 2009" and c.last == "7 Mar 2025"
