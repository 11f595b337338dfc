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
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from astana_facts.consistency.stn import ORIGIN, Edge, Network

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


def day(date: dt.date) -> int:
    """A date as a day number (the proleptic Gregorian ordinal)."""
    return date.toordinal()


def bound_constraints(bounds: EventBounds) -> list[tuple[str, int, str]]:
    """The bounds one date value sets on its event's first and last day as difference
    constraints: ``(which day, signed day number, words)``, where a positive number ``d`` is
    "on or before day d" and a negative ``-d`` is "on or after day d"."""
    found: list[tuple[str, int, str]] = []
    for which, low, high in (
        ("first", bounds.s_lo, bounds.s_hi),
        ("last", bounds.e_lo, bounds.e_hi),
    ):
        if low != EARLIEST:
            found.append((which, -day(low), f"{which} day on or after {low.isoformat()}"))
        if high != LATEST:
            found.append((which, day(high), f"{which} day on or before {high.isoformat()}"))
    return found


_DAYS = {"start": "the first day", "end": "the last day", "day_within": "a day"}
"""A relative date's part, in a finding's words."""


@dataclass(slots=True)
class Source:
    """What a set of constraints comes from: the claims stating one value (a value group),
    what the value is (``date``, ``duration``, ``ordinal``, ``relative``) and which event it is
    about."""

    group: list[Any]
    role: str
    subject: str
    facet: str = ""
    """What else tells this value's findings apart (a duration measured at a publication: when)."""


@dataclass
class TimeNetwork:
    """A simple temporal network under construction: a first and a last day node per event
    (first on or before last), a publication day node per document, and the constraints of
    value groups of claims between them (:mod:`astana_facts.consistency.stn`)."""

    edges: list[Edge] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    nodes: dict[tuple[str, str], int] = field(default_factory=dict)
    ordinals: dict[str, int] = field(default_factory=dict)
    """Event -> the lowest ordinal it is given in an order constraint."""

    def node(self, which: str, name: str) -> int:
        """The node of day ``which`` (first, last, published) of event or document ``name``."""
        key = (which, name)
        found = self.nodes.get(key)
        if found is None:
            found = self.nodes[key] = len(self.nodes) + 1  # 0 is the origin
        return found

    def event(self, subject: str) -> tuple[int, int]:
        """The first and last day nodes of ``subject``, the first on or before the last."""
        known = ("first", subject) in self.nodes
        first, last = self.node("first", subject), self.node("last", subject)
        if not known:
            self.edges.append(Edge(last, first, 0, (), "first day on or before last day", "span"))
        return first, last

    def source(self, group: list[Any], role: str, subject: str, facet: str = "") -> int:
        """A new source: the value group ``group`` (its index in :attr:`sources`)."""
        self.sources.append(Source(group, role, subject, facet))
        return len(self.sources) - 1

    def add_date(self, subject: str, group: list[Any]) -> None:
        """The constraints of one date value (stated by the claims of ``group``)."""
        first, last = self.event(subject)
        source = (self.source(group, "date", subject),)
        for which, number, words in bound_constraints(bounds_of(group[0].claim["value"])):
            node = first if which == "first" else last
            if number < 0:
                self.edges.append(Edge(node, ORIGIN, number, source, words, "date"))
            else:
                self.edges.append(Edge(ORIGIN, node, number, source, words, "date"))

    def published(self, document: str, days: tuple[dt.date, dt.date]) -> int:
        """The publication day node of ``document``, between its first and last possible day."""
        known = ("published", document) in self.nodes
        node = self.node("published", document)
        if not known:
            words = f"{document} published {days[0].isoformat()}..{days[1].isoformat()}"
            self.edges.append(Edge(node, ORIGIN, -day(days[0]), (), words, "published"))
            self.edges.append(Edge(ORIGIN, node, day(days[1]), (), words, "published"))
        return node

    def add_duration(
        self,
        subject: str,
        group: list[Any],
        days: tuple[int, int | None],
        until: Sequence[int] = (),
        facet: str = "",
    ) -> None:
        """The constraints of one duration value: the last day (or, for an ongoing event, each
        publication day node of ``until``, the documents stating it at the publication named in
        ``facet``) lies ``days`` - 1 days after the first."""
        first, last = self.event(subject)
        source = (self.source(group, "duration", subject, facet),)
        fewest, most = days
        upto = " by the publication" if until else ""
        for end in until or (last,):
            if most is not None:
                words = f"lasts at most {most} day(s){upto}"
                self.edges.append(Edge(first, end, most - 1, source, words, "duration"))
            if fewest > 1 or until:
                words = f"lasts at least {fewest} day(s){upto}"
                self.edges.append(Edge(end, first, 1 - fewest, source, words, "duration"))

    def add_order(
        self, before: str, after: str, ordinals: tuple[int, int], sources: tuple[int, ...]
    ) -> None:
        """Round ``ordinals[0]`` (event ``before``) ends before round ``ordinals[1]`` (``after``)
        starts: they share no day."""
        _, last = self.event(before)
        first, _ = self.event(after)
        low, high = ordinals
        self.ordinals[before] = min(low, self.ordinals.get(before, low))
        self.ordinals[after] = min(high, self.ordinals.get(after, high))
        words = f"round {low} ({before}) ends before round {high} ({after}) starts"
        self.edges.append(Edge(first, last, -1, sources, words, "order"))

    def day_of(self, subject: str, part: str, name: str) -> int:
        """The node of day ``part`` of ``subject``: its first day (``start``), its last day
        (``end``), or for ``day_within`` a day node of its own, ``name``, between them."""
        first, last = self.event(subject)
        if part != "day_within":
            return first if part == "start" else last
        known = (name, subject) in self.nodes
        node = self.node(name, subject)
        if not known:
            words = f"a day within {subject} lies inside it"
            self.edges.append(Edge(node, first, 0, (), words, "within"))
            self.edges.append(Edge(last, node, 0, (), words, "within"))
        return node

    def add_relative(self, subject: str, group: list[Any], days: tuple[int, int | None]) -> None:
        """The constraints of one relative date value (stated by the claims of ``group``): its
        day of ``subject`` lies ``days`` (the fewest and the most, None: unbounded) after or
        before its anchor's day; a ``day_within`` is a day node of this value's own."""
        value = group[0].claim["value"]
        index = self.source(group, "relative", subject)
        own = self.day_of(subject, value["part"], f"within {index}")
        anchor = self.day_of(value["anchor"], value["anchor_part"], f"anchor within {index}")
        later, earlier = (own, anchor) if value["direction"] == "after" else (anchor, own)
        fewest, most = days
        distance = (
            f"{fewest}" if fewest == most
            else f"at least {fewest}" if most is None
            else f"{fewest} to {most}"
        )  # fmt: skip
        words = (
            f"{_DAYS[value['part']]} of {subject} is {distance} day(s) {value['direction']} "
            f"{_DAYS[value['anchor_part']]} of {value['anchor']}"
        )
        if most is not None:
            self.edges.append(Edge(earlier, later, most, (index,), words, "relative"))
        self.edges.append(Edge(later, earlier, -fewest, (index,), words, "relative"))

    def network(self) -> Network:
        """The network of every constraint added."""
        return Network(self.edges)
