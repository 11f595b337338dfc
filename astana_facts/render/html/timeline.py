"""The timelines' data, as the temporal reasoner sees dates: each date value of an event bounds
its first and last day (:func:`astana_facts.consistency.timeline.bounds_of`), and the values
reported together allow the days where all their bounds meet (``EventBounds.meet``), or none:
a conflict. A timeline draws each value once (the claims stating it are its sources), at its
precision and stance, the meeting window, and the reference facts as a band.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from astana_facts.consistency.timeline import EventBounds, bounds_of, describe_interval
from astana_facts.pipeline.result import Result
from astana_facts.reading.records import ClaimRecord
from astana_facts.render.html import evidence
from astana_facts.render.html.links import Links

SHOWN_SOURCES = 3
"""Claims named per value on a timeline (the others are counted)."""


@dataclass
class DateValue:
    """One date value of an event and the claims stating it."""

    value: dict[str, Any]
    bounds: EventBounds
    claims: list[ClaimRecord] = field(default_factory=list)
    findings: list[int] = field(default_factory=list)
    """The findings any of its claims takes part in."""

    @property
    def words(self) -> str:
        """``start 2017-12-20 (day)``: the stance and the interval at its precision."""
        return f"{self.value.get('stance', 'full_span')} {describe_interval(self.value)}"

    @property
    def planned(self) -> bool:
        return all(record.claim["modality"] == "planned" for record in self.claims)


@dataclass
class EventTimeline:
    """An event's date values, the window where its reported values meet, and its facts."""

    event: str
    values: list[DateValue]
    meet: EventBounds | None
    """Where the reported values' bounds meet (None: no reported value)."""
    facts: list[evidence.FactBand]

    @property
    def conflict(self) -> bool:
        """Whether no first and last day satisfy every reported value."""
        return self.meet is not None and not self.meet.feasible


def _key(record: ClaimRecord) -> tuple[Any, ...]:
    value = record.claim["value"]
    return (
        value["start"],
        value["end"],
        value["precision"],
        value.get("stance", "full_span"),
        record.claim["modality"] == "planned",
    )


def event_timelines(result: Result, links: Links) -> dict[str, EventTimeline]:
    """Every event with date claims, by id, each value once (in date order)."""
    grouped: dict[str, dict[tuple[Any, ...], list[ClaimRecord]]] = defaultdict(dict)
    for record in result.records.claims:
        if record.claim["kind"] == "event_date":
            grouped[record.claim["subject"]].setdefault(_key(record), []).append(record)
    timelines = {}
    for event in sorted(grouped):
        values = []
        for key in sorted(grouped[event], key=lambda k: (k[0], k[1], k[2], k[3], k[4])):
            claims = sorted(grouped[event][key], key=lambda r: r.claim["id"])
            found = sorted({i for r in claims for i in links.findings_of(r.claim["id"])})
            value = claims[0].claim["value"]
            values.append(DateValue(value, bounds_of(value), claims, found))
        meet: EventBounds | None = None
        for item in values:
            if not item.planned:
                meet = item.bounds if meet is None else meet.meet(item.bounds)
        timelines[event] = EventTimeline(event, values, meet, evidence.event_facts(result, event))
    return timelines


def series_rounds(result: Result, timelines: dict[str, EventTimeline]) -> dict[str, list[Any]]:
    """Series id -> its rounds that have a timeline, as (ordinal, event id), in order. A
    round's series and ordinal are its entity's, else the lowest stated in its ``round_number``
    claims (as the reasoner orders rounds by both)."""
    stated: dict[str, tuple[str, int]] = {}
    for record in result.records.claims:
        claim = record.claim
        if claim["kind"] == "round_number" and claim["subject"] in timelines:
            series, ordinal = str(claim["value"]["series"]), int(claim["value"]["ordinal"])
            known = stated.get(claim["subject"])
            if known is None or (series, ordinal) < known:
                stated[claim["subject"]] = (series, ordinal)
    for entity, _ in result.records.entities:
        if entity.get("series") and entity["id"] in timelines:
            ordinal = entity.get("ordinal") or stated.get(entity["id"], ("", 0))[1]
            stated[str(entity["id"])] = (str(entity["series"]), int(ordinal))
    rounds: dict[str, list[Any]] = defaultdict(list)
    for event, (series, ordinal) in stated.items():
        rounds[series].append((ordinal, event))
    return {series: sorted(found) for series, found in sorted(rounds.items())}
