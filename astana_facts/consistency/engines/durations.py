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
from functools import reduce
from itertools import combinations

from astana_facts.consistency.context import Context, group, select
from astana_facts.consistency.quantities import interval_of
from astana_facts.consistency.report_finding import consistency_finding, describe_value
from astana_facts.consistency.timeline import LATEST, EventBounds, bounds_of
from astana_facts.dataset import ClaimRecord, Record
from astana_facts.findings import Finding

_DAYS_PER_UNIT = {
    "day": (1.0, 1.0),
    "week": (7.0, 7.0),
    "month": (28.0, 31.0),
    "year": (365.0, 366.0),
}


def days_range(value: Record, parameters: Record) -> tuple[float, float]:
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


def _date_sets(dates: list[ClaimRecord]) -> Iterator[tuple[ClaimRecord, ...]]:
    """Each date claim alone, then compatible pairs of the claims that bound the event's length
    most tightly (so a start and an end together bound it)."""
    bounds = {id(r): bounds_of(r.claim["value"]) for r in dates}
    for record in dates:
        yield (record,)
    extremes: list[ClaimRecord] = []
    for key, reverse in (
        (lambda r: bounds[id(r)].e_lo, True),
        (lambda r: bounds[id(r)].s_hi, False),
        (lambda r: bounds[id(r)].e_hi, False),
        (lambda r: bounds[id(r)].s_lo, True),
    ):
        for record in sorted(dates, key=key, reverse=reverse)[:EXTREMES]:
            if record not in extremes:
                extremes.append(record)
    extremes.sort(key=lambda r: r.claim["id"])
    for first, second in combinations(extremes, 2):
        if bounds[id(first)].meet(bounds[id(second)]).feasible:
            yield first, second


def run(rule: Record, context: Context) -> Iterator[Finding]:
    """One finding per duration and date claim (or compatible pair of date claims) of an event
    whose lengths cannot agree; a pair is reported only when neither claim clashes alone."""
    for key, records in group(rule, select(rule, context)).items():
        durations = [r for r in records if r.claim["kind"] == "duration"]
        dates = [r for r in records if r.claim["kind"] == "event_date"]
        open_ended = all(bounds_of(r.claim["value"]).e_hi == LATEST for r in dates)
        ongoing_units = {
            u.strip() for u in str(rule["parameters"].get("ongoing_units", "")).split(",")
        }
        for duration in durations:
            ongoing = open_ended and duration.claim["value"]["unit"] in ongoing_units
            low, high = days_range(duration.claim["value"], rule["parameters"])
            clashing: set[str] = set()
            for date_set in _date_sets(dates):
                bounds = reduce(EventBounds.meet, (bounds_of(r.claim["value"]) for r in date_set))
                if not bounds.feasible or clashing & {r.claim["id"] for r in date_set}:
                    continue
                shortest, longest = _length_range(bounds, duration, context, ongoing)
                if shortest <= high and low <= longest:
                    continue
                if len(date_set) == 1:
                    clashing.add(date_set[0].claim["id"])
                allowed = (
                    f"{shortest}"
                    if shortest == longest
                    else (
                        f"{shortest} to {'any number of' if math.isinf(longest) else int(longest)}"
                    )
                )
                dated = " and ".join(
                    f"{describe_value(r.claim)} ({r.claim['id']})" for r in date_set
                )
                yield consistency_finding(
                    rule,
                    (duration, *date_set),
                    f"{key[0]}: {describe_value(duration.claim)} ({duration.claim['id']}) "
                    f"cannot fit {dated}, which allow{'s' if len(date_set) == 1 else ''} "
                    f"{allowed} day(s)",
                )
