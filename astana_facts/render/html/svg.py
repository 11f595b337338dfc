"""Timelines drawn as SVG in Python: one row per date value at its precision and stance (a day
is a solid bar or a tick, a coarser interval a wide pale bar, a start or an end a bar open
towards the side the text leaves open), the window where the reported values meet, conflicts in
red, and the reference facts as a band behind the rows. Day numbers are the reasoner's
(:func:`astana_facts.consistency.timeline.day`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from markupsafe import Markup, escape

from astana_facts.consistency.timeline import EARLIEST, LATEST, EventBounds, day
from astana_facts.render.html import evidence

WIDTH, LABEL, ROW, TOP = 1000, 350, 34, 34
MARKS = 262
"""Where the column of conflict marks (links to findings) begins."""
PLOT = WIDTH - LABEL - 16


@dataclass(frozen=True)
class Axis:
    """Day numbers ``low..high`` (inclusive) across the plot."""

    low: int
    high: int

    @property
    def per_day(self) -> float:
        return PLOT / (self.high - self.low + 1)

    def x(self, date: dt.date, after: bool = False) -> float:
        """The left edge of ``date`` (its right edge with ``after``), clamped to the plot."""
        if date == EARLIEST:
            return LABEL
        if date == LATEST:
            return LABEL + PLOT
        offset = day(date) - self.low + (1 if after else 0)
        return round(LABEL + min(max(offset, 0), self.high - self.low + 1) * self.per_day, 1)


def axis_of(dates: Iterable[dt.date]) -> Axis:
    """An axis over the finite ``dates`` with a margin on each side."""
    days = [day(date) for date in dates if date not in (EARLIEST, LATEST)]
    if not days:
        today = day(dt.date(2017, 1, 1))
        days = [today, today]
    low, high = min(days), max(days)
    margin = max(2, (high - low) // 12)
    return Axis(low - margin, high + margin)


def _ticks(axis: Axis) -> list[tuple[dt.date, str]]:
    """Dates to mark on the axis and their labels: days, month starts or year starts."""
    first, last = dt.date.fromordinal(axis.low), dt.date.fromordinal(axis.high)
    span = axis.high - axis.low
    if span <= 45:
        step = max(1, -(-span // 8))
        return [
            (dt.date.fromordinal(n), dt.date.fromordinal(n).strftime("%d %b"))
            for n in range(axis.low, axis.high + 1, step)
        ]
    if span <= 800:
        found, month = [], dt.date(first.year, first.month, 1)
        while month <= last:
            found.append((month, month.strftime("%b %Y")))
            month = dt.date(month.year + month.month // 12, month.month % 12 + 1, 1)
        every = max(1, -(-len(found) // 8))
        return found[::every]
    step = max(1, -(-(last.year - first.year) // 8))
    return [(dt.date(y, 1, 1), str(y)) for y in range(first.year + 1, last.year + 1, step)]


def axis_svg(axis: Axis, height: int) -> str:
    """The grid lines and date labels of the axis."""
    parts = []
    for date, label in _ticks(axis):
        x = axis.x(date)
        parts.append(
            f'<line class="grid" x1="{x}" y1="{TOP - 6}" x2="{x}" y2="{height - 4}"/>'
            f'<text class="tick-label" x="{x}" y="{TOP - 12}">{escape(label)}</text>'
        )
    return "".join(parts)


def rect(x1: float, x2: float, y: float, css: str, height: float = 14) -> str:
    """A bar from ``x1`` to ``x2`` (at least 3 px wide) centred on row line ``y``."""
    width = max(round(x2 - x1, 1), 3.0)
    return (
        f'<rect class="{css}" x="{x1}" y="{round(y - height / 2, 1)}" width="{width}" '
        f'height="{height}" rx="2"/>'
    )


def bar(axis: Axis, value: dict[str, object], bounds: EventBounds, y: float, css: str) -> str:
    """One date value drawn at its precision and stance."""
    start, end = value["start"], value["end"]
    assert isinstance(start, dt.date) and isinstance(end, dt.date)
    stance, exact = value.get("stance", "full_span"), value["precision"] == "day"
    x1, x2 = axis.x(start), axis.x(end, after=True)
    if stance == "full_span":
        return rect(x1, x2, y, f"bar {'solid' if exact else 'pale'} {css}")
    if stance == "day_within":
        if exact and start == end:  # a tick in the middle of the day
            middle = round((x1 + x2) / 2, 1)
            return rect(round(middle - 2, 1), round(middle + 2, 1), y, f"tick {css}", 24)
        return rect(x1, x2, y, f"bar within {css}")
    box = rect(x1, x2, y, f"bar {'solid' if exact and start == end else 'pale'} {css}")
    if stance == "start":
        return box + _open_line(x2, LABEL + PLOT, y, css, "right")
    return _open_line(LABEL, x1, y, css, "left") + box


def _open_line(x1: float, x2: float, y: float, css: str, side: str) -> str:
    """The open side of a start or an end: a dashed line with an arrow head."""
    tip = x2 if side == "right" else x1
    head = 6 if side == "right" else -6
    return (
        f'<line class="open {css}" x1="{x1}" y1="{y}" x2="{x2}" y2="{y}"/>'
        f'<path class="open-head {css}" '
        f'd="M{tip - head},{y - 5} L{tip},{y} L{tip - head},{y + 5}"/>'
    )


def meet_bar(axis: Axis, meet: EventBounds, y: float, dates: list[dt.date]) -> str:
    """Where the reported values meet: the days the event may span (pale) and those it must
    (solid); a cross in the middle of the values' ``dates`` when no first and last day fit
    them all."""
    if not meet.feasible:
        x = (axis.x(min(dates)) + axis.x(max(dates), after=True)) / 2 if dates else LABEL + PLOT / 2
        return (
            f'<path class="clash" d="M{x - 7},{y - 7} L{x + 7},{y + 7} M{x - 7},{y + 7} '
            f'L{x + 7},{y - 7}"/>'
        )
    out = rect(axis.x(meet.s_lo), axis.x(meet.e_hi, after=True), y, "bar meet-pale")
    if meet.s_hi <= meet.e_lo and LATEST not in (meet.s_hi,) and EARLIEST not in (meet.e_lo,):
        out += rect(axis.x(meet.s_hi), axis.x(meet.e_lo, after=True), y, "bar meet")
    return out


def fact_bands(axis: Axis, facts: list[evidence.FactBand], height: int) -> str:
    """The reference facts, each a band behind every row."""
    return "".join(
        f'<rect class="fact" x="{axis.x(f.start)}" y="{TOP - 4}" '
        f'width="{max(round(axis.x(f.end, after=True) - axis.x(f.start), 1), 3.0)}" '
        f'height="{height - TOP}"><title>{escape(f.label)}</title></rect>'
        for f in facts
    )


def frame(title: str, height: int, body: str) -> Markup:
    """The ``<svg>`` element around ``body``, with its accessible title."""
    return Markup(
        f'<svg class="timeline" role="img" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" '
        f'height="{height}" xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>'
        f"{body}</svg>"
    )
