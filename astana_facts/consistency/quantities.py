"""Quantities as closed intervals of numbers (DESIGN.md: "Quantities become intervals"), and
the times at which counts hold.

An approximate amount admits ``value`` ± a share of it: the claim's own ``tolerance`` where it
states one ("some 300" is looser than "about 280"), else the rule's ``approximately_tolerance``.

A count holds at a time (:func:`count_time`), and two counts of one measure of one subject are
compared when their times can coincide (:func:`can_coincide`). The dates the dataset gives the
subject (its ``event_date`` claims) decide what "at the event" means:

* a count with no ``as_of`` is a count of the subject as a whole: it holds over the subject's
  days (from its first day on, when the dataset gives no last day), or, when the dataset dates
  the subject not at all, at a time not known, which can coincide with any other;
* a count ``as_of`` a day inside a finished event, or after it, is the event's count (the
  reporters of a round are counted at the round, whatever day an article gives);
* any other ``as_of`` (a count before the event; a running total of an event still going on)
  holds over its own days.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from typing import Any

Interval = tuple[float, float]
Days = tuple[dt.date, dt.date]
"""First and last day, both included."""

_START_KNOWN = frozenset({"full_span", "start", "day_within", "end"})
_END_KNOWN = frozenset({"full_span", "end"})


def tolerance_of(amount: dict[str, Any], tolerance: float) -> float:
    """The relative tolerance an approximate amount is read with: its own, else ``tolerance``."""
    own = amount.get("tolerance")
    return tolerance if own is None else float(own)


def interval_of(amount: dict[str, Any], tolerance: float) -> Interval:
    """The numbers a quantity admits; ``approximately`` admits ``value`` +/- its tolerance
    (:func:`tolerance_of`) of it."""
    bound = amount["bound"]
    if bound == "exact":
        return float(amount["value"]), float(amount["value"])
    if bound == "at_least":
        return float(amount["value"]), math.inf
    if bound == "at_most":
        return -math.inf, float(amount["value"])
    if bound == "approximately":
        spread = abs(float(amount["value"])) * tolerance_of(amount, tolerance)
        return float(amount["value"]) - spread, float(amount["value"]) + spread
    return float(amount["low"]), float(amount["high"])


def describe_quantity(amount: dict[str, Any]) -> str:
    """``exact 320``, ``at least 500000``, ``200000 to 999999``, ``approximately 280 (±15%)``
    (a tolerance only where the claim states its own)."""
    bound = amount["bound"]
    if bound == "range":
        return f"{amount['low']} to {amount['high']}"
    own = f" (±{percent(amount['tolerance'])})" if amount.get("tolerance") is not None else ""
    return f"{bound.replace('_', ' ')} {amount['value']}{own}"


def percent(share: float) -> str:
    """``0.1`` -> ``10%``, ``0.125`` -> ``12.5%``."""
    return f"{round(float(share) * 100, 6):g}%"


def event_days(dates: Iterable[dict[str, Any]]) -> tuple[dt.date, dt.date | None] | None:
    """The days the dataset gives an event, from the values of its date claims: the first day
    any of them allows, and the last, when one of them gives the end (a full span or an end);
    None when there are none. Claims that clash (DAT001) widen it: a count can coincide with
    the event on any day some claim gives it."""
    first: dt.date | None = None
    last: dt.date | None = None
    for value in dates:
        if value["stance"] in _START_KNOWN:
            first = value["start"] if first is None else min(first, value["start"])
        if value["stance"] in _END_KNOWN:
            last = value["end"] if last is None else max(last, value["end"])
    return None if first is None else (first, last)


def count_time(
    as_of: dict[str, Any] | None, event: tuple[dt.date, dt.date | None] | None
) -> Days | None:
    """When a count holds, from its ``as_of`` and the days of its subject (:func:`event_days`);
    None for a time not known (see the module docstring)."""
    if event is not None:
        first, last = event
        whole = (first, dt.date.max if last is None else last)
        if as_of is None or (last is not None and as_of["end"] >= first):
            return whole
    if as_of is None:
        return None
    return as_of["start"], as_of["end"]


def can_coincide(first: Days | None, second: Days | None) -> bool:
    """Whether two counts' times can share a day; a time not known can share any."""
    if first is None or second is None:
        return True
    return first[0] <= second[1] and second[0] <= first[1]
