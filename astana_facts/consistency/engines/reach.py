"""How far a round's claims can push it: what lets the chronology rule (RND003) pass over a
window of rounds that cannot conflict without searching it (:mod:`~astana_facts.consistency.
engines.rounds`).

A round's *reach* is read off its own date and duration claims; a round that relative dates link
to other events is pushed by theirs too, so its reach is read off its whole component: each
event's bounds, carried along every relative date until nothing moves (an over-approximation of
what any set of the claims can force). When they keep moving (the component's claims contradict
each other) or an event is ongoing, the round is always looked at.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from astana_facts.consistency.context import words
from astana_facts.consistency.engines.durations import EventValues
from astana_facts.consistency.engines.relative import Links, offset_days
from astana_facts.consistency.timeline import EARLIEST, LATEST, bounds_of, day
from astana_facts.reading.records import ClaimRecord, PlainRecord


@dataclass(frozen=True, slots=True)
class Reach:
    """How far one round's claims can push it, at most: the latest its last day can be forced to
    be no earlier than (``end_floor``), the earliest its first day can be forced to be no later
    than (``start_ceiling``), and the most days it can be forced to last (``length``). A window
    of rounds whose reaches keep clear of each other holds no chronology conflict."""

    end_floor: int | None
    start_ceiling: int | None
    length: int
    ongoing: bool


def reach(values: EventValues, rule: PlainRecord) -> Reach:
    """The :class:`Reach` of an event's date and duration value groups."""
    return reach_of(_Bounds.of(values, rule))


@dataclass(slots=True)
class _Bounds:
    """The most an event's claims can force on its first and last day (floors and ceilings, as
    day numbers, infinite when nothing forces them) and on its length (the most of the fewest
    days, the fewest of the most)."""

    s_floor: float
    s_ceil: float
    e_floor: float
    e_ceil: float
    fewest: int
    most: float
    ongoing: bool

    @classmethod
    def of(cls, values: EventValues, rule: PlainRecord) -> _Bounds:
        """What an event's value groups force (each group's claims state one value, so its
        first claim speaks for it)."""
        bounds = [bounds_of(group[0].claim["value"]) for group in values.dates]
        units = set(words(rule["parameters"]["ongoing_units"]))
        ongoing = all(b.e_hi == LATEST for b in bounds) and any(
            group[0].claim["value"]["unit"] in units for group, _, _ in values.durations
        )
        lengths = [days for _, _, days in values.durations]
        found = cls(
            max((day(b.s_lo) for b in bounds if b.s_lo != EARLIEST), default=-math.inf),
            min((day(b.s_hi) for b in bounds if b.s_hi != LATEST), default=math.inf),
            max((day(b.e_lo) for b in bounds if b.e_lo != EARLIEST), default=-math.inf),
            min((day(b.e_hi) for b in bounds if b.e_hi != LATEST), default=math.inf),
            max((fewest for fewest, _ in lengths), default=1),
            min((most for _, most in lengths if most is not None), default=math.inf),
            ongoing,
        )
        found.close()
        return found

    def close(self) -> None:
        """Carry the bounds between the first and the last day (first <= last, the length)."""
        self.e_floor = max(self.e_floor, self.s_floor + self.fewest - 1)
        self.s_ceil = min(self.s_ceil, self.e_ceil - self.fewest + 1)
        self.s_floor = max(self.s_floor, self.e_floor - self.most + 1)
        self.e_ceil = min(self.e_ceil, self.s_ceil + self.most - 1)

    def day(self, part: str) -> tuple[float, float]:
        """Floor and ceiling of the day ``part`` (a day within: between first and last)."""
        if part == "start":
            return self.s_floor, self.s_ceil
        if part == "end":
            return self.e_floor, self.e_ceil
        return self.s_floor, self.e_ceil

    def push(self, part: str, floor: float, ceiling: float) -> bool:
        """Raise the floor and lower the ceiling of day ``part``; whether anything moved."""
        before = (self.s_floor, self.s_ceil, self.e_floor, self.e_ceil)
        if part == "start":
            self.s_floor, self.s_ceil = max(self.s_floor, floor), min(self.s_ceil, ceiling)
        elif part == "end":
            self.e_floor, self.e_ceil = max(self.e_floor, floor), min(self.e_ceil, ceiling)
        else:  # the day lies between the first and the last day
            self.e_floor, self.s_ceil = max(self.e_floor, floor), min(self.s_ceil, ceiling)
        self.close()
        return before != (self.s_floor, self.s_ceil, self.e_floor, self.e_ceil)


def linked_reaches(
    events: Sequence[str],
    linked: Links,
    rule: PlainRecord,
    values: Callable[[str], EventValues],
) -> dict[str, Reach | None]:
    """The reach of each event of one component of ``linked`` (``events``), read off the whole
    component (``values`` gives an event's value groups); None for all of them when the bounds
    keep moving (the claims contradict each other) or an event is ongoing: such rounds are
    always looked at."""
    found = {event: _Bounds.of(values(event), rule) for event in events}
    if any(bounds.ongoing for bounds in found.values()):
        return dict.fromkeys(events)
    steps = [_step(record, rule) for event in events for record in linked.relative.get(event, [])]
    for _ in range(len(events) + 2):
        moved = False
        for subject, part, anchor, anchor_part, low, high in steps:
            own, other = found[subject], found[anchor]
            a_floor, a_ceil = other.day(anchor_part)
            moved |= own.push(part, a_floor + low, a_ceil + high)
            s_floor, s_ceil = own.day(part)
            moved |= other.push(anchor_part, s_floor - high, s_ceil - low)
        if not moved:
            return {event: reach_of(found[event]) for event in events}
    return dict.fromkeys(events)


def reach_of(bounds: _Bounds) -> Reach:
    """A :class:`Reach` from an event's bounds."""
    end_floor = None if bounds.e_floor == -math.inf else int(bounds.e_floor)
    start_ceiling = None if bounds.s_ceil == math.inf else int(bounds.s_ceil)
    return Reach(end_floor, start_ceiling, bounds.fewest, bounds.ongoing)


def _step(record: ClaimRecord, rule: PlainRecord) -> tuple[str, str, str, str, float, float]:
    """A relative date as (subject, part, anchor, anchor part, the fewest and the most days from
    the anchor's day to the subject's: negative before)."""
    value = record.claim["value"]
    fewest, most = offset_days(value, rule["parameters"])
    high = math.inf if most is None else most
    low, high = (fewest, high) if value["direction"] == "after" else (-high, -fewest)
    subject = record.claim["subject"]
    return subject, value["part"], value["anchor"], value["anchor_part"], low, high
