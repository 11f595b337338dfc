"""Relative dates ("the next day", "three days after the round opened", "a week before the
congress") as constraints of the temporal reasoner, and the networks they need.

A ``relative_date`` claim puts a day of its subject event (the first, the last, or a day within)
a number of days or weeks after or before a day of an anchor event: a difference constraint
between the two events' day numbers (:meth:`~astana_facts.consistency.timeline.TimeNetwork.
add_relative`). The events it links must be in one network, so the networks of ``relative_dates``
(DAT002) are the connected components of the graph of events linked by relative dates, each with
every date, duration and relative date of its events. An event that no relative date links is
in no such network (DAT001, DUR001 and DUR002 look at it alone), so a network grows only through
actual links and the work stays linear in the claims.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from astana_facts.consistency.context import Context, rule_groups
from astana_facts.consistency.engines.durations import add_event
from astana_facts.consistency.quantities import interval_of
from astana_facts.consistency.timeline import TimeNetwork
from astana_facts.consistency.values import by_value, value_key
from astana_facts.reading.records import ClaimRecord, PlainRecord

RELATIVE = "relative_date"
"""The claim kind of a relative date."""

UNLINKED = "no relative date"
"""Why a group (an event's claims) is passed over: no relative date links it to anything."""

_DAYS_PER_UNIT = {"day": 1, "week": 7}


def offset_days(value: PlainRecord, parameters: PlainRecord) -> tuple[int, int | None]:
    """The fewest and the most (None: unbounded) whole days a relative date's ``amount`` of
    ``unit`` admits; an approximate amount with the rule's ``approximately_tolerance`` (or the
    claim's own), a unit with the rule's ``days_tolerance`` / ``weeks_tolerance``."""
    low, high = interval_of(value["amount"], parameters["approximately_tolerance"])
    unit = value["unit"]
    tolerance = parameters[f"{unit}s_tolerance"]
    per = _DAYS_PER_UNIT[unit]
    fewest = math.ceil(max(0.0, (low - tolerance) * per) - 1e-9)
    high = (high + tolerance) * per
    if not math.isfinite(high):
        return fewest, None
    return fewest, max(fewest, math.floor(high + 1e-9))


class _Components:
    """Union-find over event ids: which events relative dates link, directly or not."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, event: str) -> str:
        root = self.parent.setdefault(event, event)
        while root != self.parent[root]:
            root = self.parent[root]
        while event != root:  # path compression: later finds are short
            self.parent[event], event = root, self.parent[event]
        return root

    def join(self, one: str, other: str) -> None:
        first, second = sorted((self.find(one), self.find(other)))
        self.parent[second] = first

    def members(self) -> list[list[str]]:
        """Each component's events, sorted; components by their first event."""
        found: dict[str, list[str]] = {}
        for event in sorted(self.parent):
            found.setdefault(self.find(event), []).append(event)
        return sorted(found.values())


@dataclass
class Links:
    """The events that relative dates link: each linked event's component (its events, sorted)
    and each event's relative date claims."""

    component: dict[str, list[str]] = field(default_factory=dict)
    relative: dict[str, list[ClaimRecord]] = field(default_factory=dict)


def links(claims: Iterable[ClaimRecord]) -> Links:
    """The :class:`Links` of ``relative_date`` claims (the others are passed over)."""
    components = _Components()
    found = Links()
    for record in claims:
        if record.claim["kind"] == RELATIVE:
            subject = record.claim["subject"]
            components.join(subject, record.claim["value"]["anchor"])
            found.relative.setdefault(subject, []).append(record)
    for events in components.members():
        found.component.update(dict.fromkeys(events, events))
    return found


def relative_claims(rule: PlainRecord, context: Context) -> dict[str, list[ClaimRecord]]:
    """Each event's ``relative_date`` claims of the rule's modalities."""
    found: dict[str, list[ClaimRecord]] = {}
    for record in context.by_kind.get(RELATIVE, []):
        if record.claim["modality"] in rule["applies_to"]["modalities"]:
            found.setdefault(record.claim["subject"], []).append(record)
    return found


def add_relative_dates(
    network: TimeNetwork, events: Iterable[str], linked: Links, parameters: PlainRecord
) -> None:
    """The relative dates of ``events`` into ``network``, one source per subject and value (the
    events they link must be in it)."""
    relative = [record for event in sorted(events) for record in linked.relative.get(event, [])]
    for group in by_value(relative, key=lambda r: (r.claim["subject"], value_key(r))):
        days = offset_days(group[0].claim["value"], parameters)
        network.add_relative(group[0].claim["subject"], group, days)


Given = dict[str, list[tuple[str, int, list[ClaimRecord] | None]]]
"""Event -> each (series, ordinal) it is given, with the ``round_number`` claims giving it (None:
the round entity's own ``ordinal``)."""


def _rounds(rule: PlainRecord, context: Context) -> tuple[Given, dict[str, list[tuple[int, str]]]]:
    """Every ordinal each event is given (entities, and claims of the rule's modalities), and
    each series' rounds with an entity ordinal, in ordinal order: made once per rule run."""
    given: Given = {}
    entity_rounds: dict[str, list[tuple[int, str]]] = {}
    for entity in context.entities.values():
        if entity.get("series") and entity.get("ordinal"):
            given.setdefault(entity["id"], []).append((entity["series"], entity["ordinal"], None))
            entity_rounds.setdefault(entity["series"], []).append((entity["ordinal"], entity["id"]))
    modalities = set(rule["applies_to"]["modalities"])
    numbers = [
        r for r in context.by_kind.get("round_number", []) if r.claim["modality"] in modalities
    ]
    for group in by_value(numbers, key=lambda r: (r.claim["subject"], value_key(r))):
        value = group[0].claim["value"]
        given.setdefault(group[0].claim["subject"], []).append(
            (value["series"], value["ordinal"], group)
        )
    return given, {series: sorted(found) for series, found in entity_rounds.items()}


def _add_rounds_order(
    network: TimeNetwork,
    events: Sequence[str],
    given: Given,
    entity_rounds: dict[str, list[tuple[int, str]]],
) -> None:
    """The order of the rounds among ``events`` (a lower round ends before a higher one of its
    series starts), with the rounds between them that the entities number: a contradiction that
    the order alone shows is RND003's, and one that holds a smaller such one is not minimal."""
    rounds = []
    for event in events:
        for series, ordinal, group in given.get(event, []):
            source = () if group is None else (network.source(group, "ordinal", event),)
            rounds.append((series, ordinal, event, source))
    for series in sorted({item[0] for item in rounds}):
        ordinals = [item[1] for item in rounds if item[0] == series]
        numbered = entity_rounds.get(series, [])
        start = bisect.bisect_right(numbered, (min(ordinals), "\uffff"))
        for ordinal, event in numbered[start : bisect.bisect_left(numbered, (max(ordinals), ""))]:
            if event not in events:
                rounds.append((series, ordinal, event, ()))
    rounds.sort(key=lambda item: item[:3])
    for series, low, before, low_source in rounds:
        for other, high, after, high_source in rounds:
            if other == series and low < high and before != after:
                network.add_order(before, after, (low, high), low_source + high_source)


def relative_networks(rule: PlainRecord, context: Context) -> Iterator[tuple[str, TimeNetwork]]:
    """The network of each component of events linked by the rule's relative dates (its label:
    the events, joined by " / ", and the network): every date and duration of its events, every
    relative date, one source per value, and the order of its rounds. Each component is
    counted in ``context.tally`` as compared; an event group no relative date links as skipped
    (:data:`UNLINKED`)."""
    by_subject = {str(key[0]): records for key, records in rule_groups(rule, context).items()}
    linked = links(record for records in by_subject.values() for record in records)
    unlinked = sum(1 for subject in by_subject if subject not in linked.component)
    if unlinked:
        context.tally.skipped(UNLINKED, unlinked)
    given, entity_rounds = _rounds(rule, context) if linked.component else ({}, {})
    for events in sorted({tuple(events) for events in linked.component.values()}):
        context.tally.compared()
        network = TimeNetwork()
        for event in events:
            records = [r for r in by_subject.get(event, []) if r.claim["kind"] != RELATIVE]
            add_event(network, event, records, rule, context)
        add_relative_dates(network, events, linked, rule["parameters"])
        _add_rounds_order(network, events, given, entity_rounds)
        yield " / ".join(events), network
