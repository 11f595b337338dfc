"""``durations_against_dates``: how long an event lasted must fit the dates given for it.

A duration in days, weeks, months or years becomes a range of days; months and years allow the
rule's tolerance (``months_tolerance``, ``years_tolerance``, in units), because "six years of
conflict" counts years begun as often as years completed. When no date claim bounds the event's
end (the event is ongoing as far as the claims say) and the duration is in one of the rule's
``ongoing_units`` (months and years: wars, not talks), it is taken as of the publication of the
duration claim's document: "six years of conflict" in a January 2017 article.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import replace
from itertools import combinations

from astana_facts.consistency.context import Context, rule_groups
from astana_facts.consistency.quantities import interval_of
from astana_facts.consistency.report_finding import consistency_finding, describe_value
from astana_facts.consistency.timeline import LATEST, EventBounds, bounds_of
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
    low, high = interval_of(value["amount"], float(parameters.get("approximately_tolerance", 0.1)))
    unit = value["unit"]
    if unit == "hour":
        return 1.0, math.ceil(high / 24) + 1 if math.isfinite(high) else math.inf
    tolerance = float(parameters.get(f"{unit}s_tolerance", 0))
    shortest, longest = _DAYS_PER_UNIT[unit]
    return max(1.0, (low - tolerance) * shortest), (high + tolerance) * longest


def _length_range(
    bounds: EventBounds, duration: ClaimRecord, context: Context, ongoing: bool
) -> tuple[int, float]:
    if ongoing and duration.document in context.published:
        first, last = context.published[duration.document]
        bounds = replace(bounds, e_lo=max(bounds.e_lo, first), e_hi=last)
    shortest, longest = bounds.length_range()
    return shortest, math.inf if longest is None else longest


EXTREMES = 8
"""Date claims per side considered for pairs: pairing every two claims of a much-reported event
would cost the square of their number, and the pairs that bound a length most tightly are made
of the claims with the latest earliest end, the earliest latest start (longest) and the earliest
latest end, the latest earliest start (shortest)."""


def _extreme_pairs(dates: list[ClaimRecord], bounds: list[EventBounds]) -> list[tuple[int, int]]:
    """Compatible index pairs of the claims that bound the event's length most tightly."""
    chosen: set[int] = set()
    for key, reverse in (
        (lambda i: bounds[i].e_lo, True),
        (lambda i: bounds[i].s_hi, False),
        (lambda i: bounds[i].e_hi, False),
        (lambda i: bounds[i].s_lo, True),
    ):
        chosen.update(sorted(range(len(dates)), key=key, reverse=reverse)[:EXTREMES])
    return [
        (i, j) for i, j in combinations(sorted(chosen), 2) if bounds[i].meet(bounds[j]).feasible
    ]


def _misfit(
    bounds: EventBounds,
    duration: ClaimRecord,
    context: Context,
    ongoing: bool,
    days: tuple[float, float],
) -> tuple[int, float] | None:
    """The event's possible lengths under ``bounds`` when they exclude the duration's ``days``."""
    shortest, longest = _length_range(bounds, duration, context, ongoing)
    return None if shortest <= days[1] and days[0] <= longest else (shortest, longest)


def _allowed(shortest: int, longest: float) -> str:
    if shortest == longest:
        return f"{shortest}"
    return f"{shortest} to {'any number of' if math.isinf(longest) else int(longest)}"


def _ranges(bounds: list[EventBounds]) -> list[tuple[int, float]]:
    """Each bound's possible lengths (not ongoing), or an empty range for infeasible ones."""
    ranges: list[tuple[int, float]] = []
    for bound in bounds:
        if not bound.feasible:
            ranges.append((0, math.inf))  # never clashes: date_spans reports it
            continue
        shortest, longest = bound.length_range()
        ranges.append((shortest, math.inf if longest is None else longest))
    return ranges


def run(rule: PlainRecord, context: Context) -> Iterator[Finding]:
    """At most one finding per duration: with every date claim it cannot fit alone, or else with
    the first compatible pair of date claims (a start and a later day) that it cannot fit.

    The lengths each date claim and each pair allow are computed once per event; a duration
    that fits the tightest of them is passed over without looking at the rest."""
    ongoing_units = {u.strip() for u in str(rule["parameters"].get("ongoing_units", "")).split(",")}
    for key, records in rule_groups(rule, context).items():
        durations = [r for r in records if r.claim["kind"] == "duration"]
        dates = [r for r in records if r.claim["kind"] == "event_date"]
        if not durations or not dates:
            continue
        bounds = [bounds_of(r.claim["value"]) for r in dates]
        open_ended = all(b.e_hi == LATEST for b in bounds)
        single_ranges = _ranges(bounds)
        pairs = _extreme_pairs(dates, bounds)
        pair_ranges = _ranges([bounds[i].meet(bounds[j]) for i, j in pairs])
        tightest = (
            max((r[0] for r in single_ranges + pair_ranges), default=0),
            min((r[1] for r in single_ranges + pair_ranges), default=math.inf),
        )
        for duration in durations:
            low, high = days_range(duration.claim["value"], rule["parameters"])
            ongoing = open_ended and duration.claim["value"]["unit"] in ongoing_units
            if not ongoing and tightest[0] <= high and low <= tightest[1]:
                continue
            if ongoing:
                singles_seen = [
                    _misfit(b, duration, context, True, (low, high)) if b.feasible else None
                    for b in bounds
                ]
                pairs_seen = [
                    _misfit(bounds[i].meet(bounds[j]), duration, context, True, (low, high))
                    for i, j in pairs
                ]
            else:
                singles_seen = [
                    r if not (r[0] <= high and low <= r[1]) else None for r in single_ranges
                ]
                pairs_seen = [
                    r if not (r[0] <= high and low <= r[1]) else None for r in pair_ranges
                ]
            singles = [(i, span) for i, span in enumerate(singles_seen) if span is not None]
            if singles:
                involved = [dates[i] for i, _ in singles]
                detail = "; ".join(
                    f"{describe_value(dates[i].claim)} ({dates[i].claim['id']}) allows "
                    f"{_allowed(*span)} day(s)"
                    for i, span in singles[:3]
                )
                more = f"; and {len(singles) - 3} more" if len(singles) > 3 else ""
            else:
                found = next(
                    ((pair, span) for pair, span in zip(pairs, pairs_seen, strict=True) if span),
                    None,
                )
                if found is None:
                    continue
                (i, j), span = found
                involved = [dates[i], dates[j]]
                detail = (
                    f"{describe_value(dates[i].claim)} ({dates[i].claim['id']}) and "
                    f"{describe_value(dates[j].claim)} ({dates[j].claim['id']}) together allow "
                    f"{_allowed(*span)} day(s)"
                )
                more = ""
            yield consistency_finding(
                rule,
                (duration, *involved),
                f"{key[0]}: {describe_value(duration.claim)} ({duration.claim['id']}) cannot "
                f"fit the dates: {detail}{more}",
                str(key[0]),
                duration.claim["id"],
                by_claims=False,
            )
