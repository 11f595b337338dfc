"""Round numbering: ``round_ordinals``, ``round_dates``, ``ordinal_chronology`` and
``ordinal_series``.

A round is an ordinal within a series ("the eighth round" of the Astana process); the claims
that give ordinals are ``round_number`` claims, whose subject is the event. The dates of an event
are its reported ``event_date`` claims, combined (see :mod:`astana_facts.consistency.timeline`).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import reduce
from itertools import combinations
from typing import Any

from astana_facts.consistency.context import Context, key_part, rule_groups
from astana_facts.consistency.findings import consistency_finding
from astana_facts.consistency.timeline import EventBounds, bounds_of
from astana_facts.findings.finding import Finding
from astana_facts.reading.records import ClaimRecord, PlainRecord


def event_dates(subject: str, context: Context) -> tuple[EventBounds, list[ClaimRecord]] | None:
    """The combined bounds of an event's reported dates and the claims giving them; None when
    it has no date claim or its claims clash among themselves (``date_spans`` reports that)."""
    claims = context.subject_claims(subject, "event_date", ["reported"])
    if not claims:
        return None
    bounds = reduce(EventBounds.meet, (bounds_of(r.claim["value"]) for r in claims), EventBounds())
    return (bounds, claims) if bounds.feasible else None


def _first_by_value(records: list[ClaimRecord], path: str) -> dict[Any, ClaimRecord]:
    chosen: dict[Any, ClaimRecord] = {}
    for record in records:
        chosen.setdefault(record.claim["value"][path], record)
    return chosen


def run_ordinals(rule: PlainRecord, context: Context) -> Iterator[Finding]:
    """One event given two ordinals in one series."""
    for key, records in rule_groups(rule, context).items():
        by_ordinal = _first_by_value(records, "ordinal")
        for low, high in combinations(sorted(by_ordinal), 2):
            first, second = by_ordinal[low], by_ordinal[high]
            yield consistency_finding(
                rule,
                (first, second),
                f"{key[0]} is round {low} of {first.claim['value']['series']} in "
                f"{first.claim['id']} but round {high} in {second.claim['id']}",
                *map(str, key),
            )


def run_dates(rule: PlainRecord, context: Context) -> Iterator[Finding]:
    """Two events given the same ordinal of a series whose dates cannot be one event's."""
    for key, records in rule_groups(rule, context).items():
        by_subject = {record.claim["subject"]: record for record in reversed(records)}
        dated = {
            subject: found
            for subject in sorted(by_subject)
            if (found := event_dates(subject, context)) is not None
        }
        for first, second in combinations(sorted(dated), 2):
            if dated[first][0].meet(dated[second][0]).feasible:
                continue
            involved = [by_subject[first], *dated[first][1], by_subject[second], *dated[second][1]]
            yield consistency_finding(
                rule,
                involved,
                f"round {key_part(key, 1)} of {key[0]} is {first} in "
                f"{by_subject[first].claim['id']} and "
                f"{second} in {by_subject[second].claim['id']}, whose dates cannot be one event's",
                *map(str, key),
                first,
                second,
            )


def run_chronology(rule: PlainRecord, context: Context) -> Iterator[Finding]:
    """A lower ordinal of a series that must have started after a higher one ended."""
    for key, records in rule_groups(rule, context).items():
        rounds: list[tuple[int, ClaimRecord, EventBounds, list[ClaimRecord]]] = []
        for (ordinal, subject), record in sorted(_first_by_subject(records).items()):
            found = event_dates(subject, context)
            if found is not None:
                rounds.append((ordinal, record, *found))
        for (low, low_claim, low_bounds, low_dates), (
            high,
            high_claim,
            high_bounds,
            high_dates,
        ) in combinations(rounds, 2):
            if low >= high or low_bounds.s_lo <= high_bounds.e_hi:
                continue
            yield consistency_finding(
                rule,
                [low_claim, *low_dates, high_claim, *high_dates],
                f"{key[0]}: round {low} ({low_claim.claim['subject']}) starts no earlier than "
                f"{low_bounds.s_lo.isoformat()}, after round {high} "
                f"({high_claim.claim['subject']}) ended, no later than "
                f"{high_bounds.e_hi.isoformat()}",
                str(key[0]),
                low_claim.claim["subject"],
                high_claim.claim["subject"],
            )


def _first_by_subject(records: list[ClaimRecord]) -> dict[tuple[int, str], ClaimRecord]:
    chosen: dict[tuple[int, str], ClaimRecord] = {}
    for record in records:
        chosen.setdefault((record.claim["value"]["ordinal"], record.claim["subject"]), record)
    return chosen


def run_series(rule: PlainRecord, context: Context) -> Iterator[Finding]:
    """One document using one ordinal for rounds of two series: a note, so a reader keeps them
    apart (never a conflict)."""
    for key, records in rule_groups(rule, context).items():
        by_series = _first_by_value(records, "series")
        if len(by_series) < 2:
            continue
        chosen = [by_series[series] for series in sorted(by_series)]
        names = " and ".join(
            f"{record.claim['subject']} ({record.claim['value']['series']})" for record in chosen
        )
        yield consistency_finding(
            rule,
            chosen,
            f"document {key[0]} calls two rounds of different series round "
            f"{key_part(key, 1)}: {names}",
            *map(str, key),
        )
