"""How long an event lasted, as a range of days, and an event's date and duration claims as
constraints of the temporal reasoner (:mod:`astana_facts.consistency.engines.temporal`).

A duration in days, weeks, months or years becomes a range of days; months and years allow the
rule's tolerance (``months_tolerance``, ``years_tolerance``, in units), because "six years of
conflict" counts years begun as often as years completed. An event of n days has its last day
n - 1 days after its first. When no date claim bounds the event's end (the event is ongoing as
far as the claims say) and the duration is in one of the rule's ``ongoing_units`` (months and
years: wars, not talks), it is measured to the publication of the duration claim's document:
"six years of conflict" in a January 2017 article.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass

from astana_facts.consistency.context import Context, words
from astana_facts.consistency.quantities import interval_of
from astana_facts.consistency.timeline import LATEST, TimeNetwork, bounds_of
from astana_facts.consistency.values import by_value, value_key
from astana_facts.reading.records import ClaimRecord, PlainRecord

_DAYS_PER_UNIT = {
    "day": (1.0, 1.0),
    "week": (7.0, 7.0),
    "month": (28.0, 31.0),
    "year": (365.0, 366.0),
}


def days_range(value: PlainRecord, parameters: PlainRecord) -> tuple[float, float]:
    """The numbers of days a duration value admits (the most: ``math.inf`` when unbounded)."""
    low, high = interval_of(value["amount"], parameters["approximately_tolerance"])
    unit = value["unit"]
    if unit == "hour":
        return 1.0, math.ceil(high / 24) + 1 if math.isfinite(high) else math.inf
    tolerance = parameters[f"{unit}s_tolerance"]
    shortest, longest = _DAYS_PER_UNIT[unit]
    return max(1.0, (low - tolerance) * shortest), (high + tolerance) * longest


def whole_days(value: PlainRecord, parameters: PlainRecord) -> tuple[int, int | None]:
    """:func:`days_range` in whole days: the fewest and the most (None: unbounded) whole
    numbers of days inside it (the fewest is at least 1, and never more than the most)."""
    low, high = days_range(value, parameters)
    fewest = max(1, math.ceil(low - 1e-9))
    if not math.isfinite(high):
        return fewest, None
    return fewest, max(fewest, math.floor(high + 1e-9))


Published = tuple[dt.date, dt.date] | None
"""The first and last possible day of a document's publication, when a duration is measured at
it (an ongoing event); None when it is measured to the event's last day."""


@dataclass(frozen=True, slots=True)
class EventValues:
    """An event's date and duration claims as the temporal reasoner takes them: the value
    groups, each duration with the publication it is measured at (None: to the event's last
    day) and its fewest and most whole days. Worked out once per event and rule
    (:func:`event_values`), it can go into any number of networks (:func:`add_values`): the
    chronology rule puts each round into every window of rounds it belongs to."""

    dates: list[list[ClaimRecord]]
    durations: list[tuple[list[ClaimRecord], Published, tuple[int, int | None]]]


def event_values(
    records: Sequence[ClaimRecord], rule: PlainRecord, context: Context
) -> EventValues:
    """The value groups of one event's date and duration ``records`` (see :class:`EventValues`)."""
    dates = by_value(r for r in records if r.claim["kind"] == "event_date")
    durations = [r for r in records if r.claim["kind"] == "duration"]
    if not durations:
        return EventValues(dates, [])
    parameters = rule["parameters"]
    ongoing = set(words(parameters["ongoing_units"]))
    open_ended = all(bounds_of(g[0].claim["value"]).e_hi == LATEST for g in dates)

    def until(record: ClaimRecord) -> Published:
        """The first and last possible day of the duration's document, when it is measured
        at its publication (claims of one value at one publication are one source)."""
        if open_ended and record.claim["value"]["unit"] in ongoing:
            return context.published.get(record.document)
        return None

    groups = by_value(durations, key=lambda r: (value_key(r), until(r)))
    return EventValues(
        dates,
        [(g, until(g[0]), whole_days(g[0].claim["value"], parameters)) for g in groups],
    )


def add_values(network: TimeNetwork, subject: str, values: EventValues) -> None:
    """An event's value groups (:func:`event_values`) into ``network``, one source each."""
    network.event(subject)
    for group in values.dates:
        network.add_date(subject, group)
    for group, published, days in values.durations:
        nodes: list[int] = []
        facet = ""
        if published is not None:
            documents = sorted({record.document for record in group})
            nodes = [network.published(document, published) for document in documents]
            facet = f"as of {published[0]}..{published[1]}"
        network.add_duration(subject, group, days, nodes, facet)


def add_event(
    network: TimeNetwork,
    subject: str,
    records: Sequence[ClaimRecord],
    rule: PlainRecord,
    context: Context,
) -> None:
    """The date and duration claims of one event, as value groups, into ``network``."""
    add_values(network, subject, event_values(records, rule, context))
