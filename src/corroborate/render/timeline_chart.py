"""A story's dated events drawn on a time axis: an inline SVG laid out here and styled by the shared stylesheet.

No script and no file to fetch, so it works the same in the self-contained report and in the offline web app.
Each event is a numbered dot (the number of its line in the timeline list below the chart); events too close
to tell apart on the axis are stacked. Undated events are not drawn, only listed. Background events far from
the story (a grounding "in 2009" in a story of March 2025) sit at an end of the axis, past a break, so that they
do not squeeze the story's own days into one column.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

WIDTH = 720  # viewBox units; the SVG scales to its box (phones scroll it sideways past a minimum width)
PAD = 48  # room for the first and last date labels
RADIUS = 10
ROW = 2 * RADIUS + 4  # vertical step between stacked dots
AXIS_ROOM = 34  # below the axis: ticks and date labels
MAX_TICKS = 6
MIN_TICK_GAP = 90  # a date label is about 80 units wide
WINDOW_DAYS = 45  # events further than this from the median event's day are drawn off scale, past a break
GUTTER = 90  # room at an end of the axis for those events


@dataclass(slots=True, frozen=True)
class Point:
    x: float
    y: float
    number: int  # 1-based position in the timeline list
    label: str  # date as shown and the event's text, for the tooltip and screen readers
    refs: str  # the event's source refs, for the shared click handler


@dataclass(slots=True, frozen=True)
class Tick:
    x: float
    label: str


@dataclass(slots=True)
class Chart:
    width: int
    height: int
    axis_y: float
    first: str
    last: str
    points: list[Point] = field(default_factory=list)
    ticks: list[Tick] = field(default_factory=list)
    undated: int = 0
    segments: list[tuple[float, float]] = field(default_factory=list)  # the axis, with a gap at each break
    off_scale: int = 0  # events drawn past a break


def day_of(value: str | None) -> date | None:
    """The day an ISO date, datetime, month (first day) or year (1 January) falls on; None otherwise."""
    found = re.match(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value or "")
    if found is None:
        return None
    year, month, day = found.groups()
    try:
        return date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return None


def show_day(day: date) -> str:
    return f"{day.day} {day:%b %Y}"


def chart(events: list[tuple[str | None, str, str]]) -> Chart | None:
    """Lay out ``events`` (date, text, refs), given in list order. None when no event has a date."""
    dated = [(d, i, text, refs) for i, (value, text, refs) in enumerate(events, start=1)
             if (d := day_of(value)) is not None]
    if not dated:
        return None
    dated.sort(key=lambda e: (e[0], e[1]))
    median = dated[len(dated) // 2][0]
    inside = [e[0] for e in dated if abs((e[0] - median).days) <= WINDOW_DAYS]
    first, last = inside[0], inside[-1]
    span = (last - first).days
    earlier, later = dated[0][0] < first, dated[-1][0] > last
    left = PAD + (GUTTER if earlier else 0)
    right = WIDTH - PAD - (GUTTER if later else 0)

    def x_of(day: date) -> float:
        if day < first:
            return PAD
        if day > last:
            return WIDTH - PAD
        return (left + right) / 2 if span == 0 else left + (right - left) * (day - first).days / span

    # Columns of dots: an event closer than a dot's width to the previous column joins (stacks on) it.
    columns: list[tuple[float, list[tuple[date, int, str, str]]]] = []
    for event in dated:
        x = x_of(event[0])
        if columns and x - columns[-1][0] < 2 * RADIUS + 2:
            columns[-1][1].append(event)
        else:
            columns.append((x, [event]))
    tallest = max(len(c[1]) for c in columns)
    axis_y = 8 + tallest * ROW
    result = Chart(width=WIDTH, height=int(axis_y + AXIS_ROOM), axis_y=axis_y, first=show_day(dated[0][0]),
                   last=show_day(dated[-1][0]), undated=len(events) - len(dated),
                   off_scale=len(dated) - len(inside))
    breaks = ([left - GUTTER / 2] if earlier else []) + ([right + GUTTER / 2] if later else [])
    edges = [0.0, *(x for b in breaks for x in (b - 5, b + 5)), float(WIDTH)]
    result.segments = list(zip(edges[::2], edges[1::2], strict=True))
    for x, members in columns:
        for k, (day, number, text, refs) in enumerate(members):
            result.points.append(Point(round(x, 1), axis_y - RADIUS - 3 - k * ROW, number,
                                       f"{show_day(day)}: {text}", refs))
    outside = [[e[0] for e in dated if e[0] < first], [e[0] for e in dated if e[0] > last]]
    ends = [Tick(x, show_day(days[0]) if len(set(days)) == 1 else word)
            for x, days, word in ((PAD, outside[0], "earlier"), (WIDTH - PAD, outside[1], "later")) if days]
    result.ticks = sorted(_ticks(first, span, x_of, left, right) + ends, key=lambda t: t.x)
    return result


def _ticks(first: date, span: int, x_of: Callable[[date], float], left: float, right: float) -> list[Tick]:
    count = max(2, min(MAX_TICKS, int((right - left) // MIN_TICK_GAP) + 1))
    days = [first] if span == 0 else [first + timedelta(days=round(span * k / (count - 1))) for k in range(count)]
    ticks: list[Tick] = []
    for day in dict.fromkeys(days):
        x = round(x_of(day), 1)
        last_tick = day == days[-1]
        if ticks and x - ticks[-1].x < MIN_TICK_GAP:
            if not last_tick:
                continue
            ticks.pop()  # the last day is always labelled: it replaces a neighbour too close to it
        ticks.append(Tick(x, show_day(day)))
    return ticks
