"""``durations_against_dates``: how long an event lasted must fit the dates given for it.

A duration in days, weeks, months or years becomes a range of days; months and years allow the
rule's tolerance (``months_tolerance``, ``years_tolerance``, in units), because "six years of
conflict" counts years begun as often as years completed. When no date claim bounds the event's
end (the event is ongoing as far as the claims say) and the duration is in one of the rule's
``ongoing_units`` (months and years: wars, not talks), it is taken as of the publication of the
duration claim's document: "six years of conflict" in a January 2017 article.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterator
from dataclasses import dataclass, replace
from itertools import combinations

from astana_facts.consistency.context import Context, rule_groups, words
from astana_facts.consistency.findings import describe_value, grouped_finding, named
from astana_facts.consistency.quantities import interval_of
from astana_facts.consistency.timeline import LATEST, EventBounds, bounds_of
from astana_facts.consistency.values import by_value, value_key
from astana_facts.findings.finding import Finding
from astana_facts.reading.records import ClaimRecord, PlainRecord

_DAYS_PER_UNIT = {
    "day": (1.0, 1.0),
    "week": (7.0, 7.0),
    "month": (28.0, 31.0),
    "year": (365.0, 366.0),
}


def days_range(value: PlainRecord, parameters: PlainRecord) -> tuple[float, float]:
    """The numbers of days a duration value admits."""
    low, high = interval_of(value["amount"], parameters["approximately_tolerance"])
    unit = value["unit"]
    if unit == "hour":
        return 1.0, math.ceil(high / 24) + 1 if math.isfinite(high) else math.inf
    tolerance = parameters[f"{unit}s_tolerance"]
    shortest, longest = _DAYS_PER_UNIT[unit]
    return max(1.0, (low - tolerance) * shortest), (high + tolerance) * longest


EXTREMES = 8
"""Date values per side considered for pairs: pairing every two values of a much-reported event
would cost the square of their number, and the pairs that bound a length most tightly are made
of the values with the latest earliest end, the earliest latest start (longest) and the earliest
latest end, the latest earliest start (shortest)."""

LengthRange = tuple[int, float]
"""Fewest and most days an event can last (most: ``math.inf`` when unbounded)."""


def _extreme_pairs(bounds: list[EventBounds]) -> list[tuple[int, int]]:
    """Compatible index pairs of the date values that bound the event's length most tightly."""
    chosen: set[int] = set()
    for key, reverse in (
        (lambda i: bounds[i].e_lo, True),
        (lambda i: bounds[i].s_hi, False),
        (lambda i: bounds[i].e_hi, False),
        (lambda i: bounds[i].s_lo, True),
    ):
        chosen.update(sorted(range(len(bounds)), key=key, reverse=reverse)[:EXTREMES])
    return [
        (i, j) for i, j in combinations(sorted(chosen), 2) if bounds[i].meet(bounds[j]).feasible
    ]


def _allowed(shortest: int, longest: float) -> str:
    if shortest == longest:
        return f"{shortest}"
    return f"{shortest} to {'any number of' if math.isinf(longest) else int(longest)}"


def _ranges(bounds: list[EventBounds]) -> list[LengthRange]:
    """Each bound's possible lengths (not ongoing), or an empty range for infeasible ones."""
    ranges: list[LengthRange] = []
    for bound in bounds:
        if not bound.feasible:
            ranges.append((0, math.inf))  # never clashes: date_spans reports it
            continue
        shortest, longest = bound.length_range()
        ranges.append((shortest, math.inf if longest is None else longest))
    return ranges


@dataclass(frozen=True, slots=True)
class _Event:
    """The date claims of one event grouped by value, with the lengths each value and each
    tight compatible pair of values allow (computed once per event, not once per duration)."""

    dates: list[list[ClaimRecord]]
    bounds: list[EventBounds]
    pairs: list[tuple[int, int]]
    single_ranges: list[LengthRange]
    pair_ranges: list[LengthRange]
    open_ended: bool
    """No date claim bounds the event's end: it may be ongoing."""
    tightest: LengthRange

    @classmethod
    def of(cls, dates: list[list[ClaimRecord]]) -> _Event:
        """The event that the date value groups ``dates`` describe."""
        bounds = [bounds_of(group[0].claim["value"]) for group in dates]
        pairs = _extreme_pairs(bounds)
        single_ranges = _ranges(bounds)
        pair_ranges = _ranges([bounds[i].meet(bounds[j]) for i, j in pairs])
        every = single_ranges + pair_ranges
        tightest = (
            max((r[0] for r in every), default=0),
            min((r[1] for r in every), default=math.inf),
        )
        open_ended = all(b.e_hi == LATEST for b in bounds)
        return cls(dates, bounds, pairs, single_ranges, pair_ranges, open_ended, tightest)


def _fits(span: LengthRange, days: tuple[float, float]) -> bool:
    return span[0] <= days[1] and days[0] <= span[1]


def _misfits(
    event: _Event, days: tuple[float, float], published: tuple[dt.date, dt.date] | None
) -> tuple[list[LengthRange | None], list[LengthRange | None]]:
    """The lengths each date value and each pair allow where they exclude ``days`` (else None).

    ``published`` (the duration's document's first and last possible day) is given when the
    duration is of an ongoing event: the event is then taken to end at the publication."""
    if published is None:
        singles = [None if _fits(r, days) else r for r in event.single_ranges]
        pairs = [None if _fits(r, days) else r for r in event.pair_ranges]
        return singles, pairs

    def misfit(bounds: EventBounds) -> LengthRange | None:
        first, last = published
        shortest, longest = replace(bounds, e_lo=max(bounds.e_lo, first), e_hi=last).length_range()
        span = (shortest, math.inf if longest is None else longest)
        return None if _fits(span, days) else span

    singles = [misfit(b) if b.feasible else None for b in event.bounds]
    pairs = [misfit(event.bounds[i].meet(event.bounds[j])) for i, j in event.pairs]
    return singles, pairs


def _detail(
    event: _Event, singles: list[LengthRange | None], pairs: list[LengthRange | None]
) -> tuple[list[list[ClaimRecord]], str] | None:
    """The date value groups a duration cannot fit and why: every value it cannot fit alone,
    or else the first compatible pair of values that it cannot fit together; None if none."""
    alone = [(i, span) for i, span in enumerate(singles) if span is not None]
    if alone:
        detail = "; ".join(
            f"{describe_value(event.dates[i][0].claim)} ({named(event.dates[i])}) allows "
            f"{_allowed(*span)} day(s)"
            for i, span in alone[:3]
        )
        more = f"; and {len(alone) - 3} more value(s)" if len(alone) > 3 else ""
        return [event.dates[i] for i, _ in alone], detail + more
    together = zip(event.pairs, pairs, strict=True)
    found = next(((pair, span) for pair, span in together if span is not None), None)
    if found is None:
        return None
    (i, j), span = found
    first, second = event.dates[i], event.dates[j]
    return [first, second], (
        f"{describe_value(first[0].claim)} ({named(first)}) and "
        f"{describe_value(second[0].claim)} ({named(second)}) together allow "
        f"{_allowed(*span)} day(s)"
    )


def _check_duration(
    rule: PlainRecord,
    subject: object,
    durations: list[ClaimRecord],
    event: _Event,
    published: tuple[dt.date, dt.date] | None,
) -> Finding | None:
    """The finding of one duration value (its claims) against the event's dates, if it cannot
    fit them; a value that fits the tightest lengths is passed over without looking further."""
    days = days_range(durations[0].claim["value"], rule["parameters"])
    if published is None and _fits(event.tightest, days):
        return None
    found = _detail(event, *_misfits(event, days, published))
    if found is None:
        return None
    involved, detail = found
    return grouped_finding(
        rule,
        [durations, *involved],
        f"{subject}: {describe_value(durations[0].claim)} ({named(durations)}) cannot "
        f"fit the dates: {detail}",
        str(subject),
        # measured at the publication: each publication day is another length
        *([] if published is None else [f"as of {published[0]}..{published[1]}"]),
    )


def _ongoing_units(rule: PlainRecord) -> set[str]:
    return set(words(rule["parameters"]["ongoing_units"]))


def _published_if_ongoing(
    record: ClaimRecord, event: _Event, context: Context, ongoing_units: set[str]
) -> tuple[dt.date, dt.date] | None:
    """The first and last possible day of a duration's document, when the duration is measured
    at its publication: its event may be ongoing and its unit is one of ``ongoing_units``."""
    if event.open_ended and record.claim["value"]["unit"] in ongoing_units:
        return context.published.get(record.document)
    return None


def run(rule: PlainRecord, context: Context) -> Iterator[Finding]:
    """At most one finding per duration value of an event (all the claims stating it): with
    every date value it cannot fit alone, or else with the first compatible pair of date values
    (a start and a later day) that it cannot fit.

    Durations of an ongoing event are measured at their document's publication, so for them
    claims of one value are grouped by publication too."""
    ongoing_units = _ongoing_units(rule)
    for key, records in rule_groups(rule, context).items():
        durations = [r for r in records if r.claim["kind"] == "duration"]
        dates = by_value(r for r in records if r.claim["kind"] == "event_date")
        if not durations or not dates:
            continue
        event = _Event.of(dates)
        groups = by_value(
            durations,
            key=lambda r: (value_key(r), _published_if_ongoing(r, event, context, ongoing_units)),
        )
        for group in groups:
            published = _published_if_ongoing(group[0], event, context, ongoing_units)
            finding = _check_duration(rule, key[0], group, event, published)
            if finding is not None:
                yield finding
