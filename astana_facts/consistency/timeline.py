"""What date claims say about an event's first and last day, as bounds that can be combined.

An event has a first day S and a last day E (S <= E). Each date claim bounds them, by its stance
and precision (DESIGN.md, "What a value means"):

- ``full_span`` at day precision fixes both: S = start, E = end; at a coarser precision the whole
  event lies inside the interval: start <= S, E <= end;
- ``day_within``: some day of the interval lies inside the event: S <= end and E >= start;
- ``start``: start <= S <= end; ``end``: start <= E <= end.

Claims are compatible when the bounds they set together still admit some S <= E.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

EARLIEST = dt.date.min
LATEST = dt.date.max


@dataclass(frozen=True, slots=True)
class EventBounds:
    """Earliest and latest possible first day (``s_lo``, ``s_hi``) and last day (``e_lo``,
    ``e_hi``) of an event."""

    s_lo: dt.date = EARLIEST
    s_hi: dt.date = LATEST
    e_lo: dt.date = EARLIEST
    e_hi: dt.date = LATEST

    def meet(self, other: EventBounds) -> EventBounds:
        """The bounds that hold when both hold."""
        return EventBounds(
            max(self.s_lo, other.s_lo),
            min(self.s_hi, other.s_hi),
            max(self.e_lo, other.e_lo),
            min(self.e_hi, other.e_hi),
        )

    @property
    def feasible(self) -> bool:
        """Whether some first day S and last day E with S <= E satisfy the bounds."""
        return self.s_lo <= self.s_hi and self.e_lo <= self.e_hi and self.s_lo <= self.e_hi

    def length_range(self) -> tuple[int, int | None]:
        """Fewest and most days the event can last (None: unbounded)."""
        if self.e_lo == EARLIEST or self.s_hi == LATEST:
            shortest = 1
        else:
            shortest = max(1, (self.e_lo - self.s_hi).days + 1)
        if self.e_hi == LATEST or self.s_lo == EARLIEST:
            return shortest, None
        return shortest, (self.e_hi - self.s_lo).days + 1


def bounds_of(value: dict[str, Any]) -> EventBounds:
    """The bounds one date value (``event_date`` value) sets on its event."""
    start: dt.date = value["start"]
    end: dt.date = value["end"]
    stance = value.get("stance", "full_span")
    if stance == "full_span":
        if value["precision"] == "day":
            return EventBounds(start, start, end, end)
        return EventBounds(start, end, start, end)
    if stance == "day_within":
        return EventBounds(s_hi=end, e_lo=start)
    if stance == "start":
        return EventBounds(s_lo=start, s_hi=end)
    return EventBounds(e_lo=start, e_hi=end)


def describe_interval(value: dict[str, Any]) -> str:
    """``2017-12-20..2017-12-21 (day)`` or ``2017-12-22 (day)``."""
    start, end = value["start"].isoformat(), value["end"].isoformat()
    days = start if start == end else f"{start}..{end}"
    return f"{days} ({value['precision']})"
