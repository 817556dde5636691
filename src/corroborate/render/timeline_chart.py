"""A story's dated events drawn on a time axis: an inline SVG laid out here and styled by the shared stylesheet.

No script and no file to fetch, so it works the same in the self-contained report and in the offline web app.
Each event is a numbered dot (the number of its line in the timeline list below the chart); events too close
to tell apart on the axis are stacked. Undated events are not drawn, only listed.
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
    first, last = dated[0][0], dated[-1][0]
    span = (last - first).days

    def x_of(day: date) -> float:
        return WIDTH / 2 if span == 0 else PAD + (WIDTH - 2 * PAD) * (day - first).days / span

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
    result = Chart(width=WIDTH, height=int(axis_y + AXIS_ROOM), axis_y=axis_y, first=show_day(first),
                   last=show_day(last), undated=len(events) - len(dated))
    for x, members in columns:
        for k, (day, number, text, refs) in enumerate(members):
            result.points.append(Point(round(x, 1), axis_y - RADIUS - 3 - k * ROW, number,
                                       f"{show_day(day)}: {text}", refs))
    result.ticks = _ticks(first, span, x_of)
    return result


def _ticks(first: date, span: int, x_of: Callable[[date], float]) -> list[Tick]:
    days = [first] if span == 0 else [first + timedelta(days=round(span * k / (MAX_TICKS - 1)))
                                      for k in range(MAX_TICKS)]
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
