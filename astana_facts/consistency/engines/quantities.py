"""``quantity_intervals``: counts of one measure of one subject whose times can coincide must
overlap.

Measures are compared by the measure they name (an alias counts as its measure, from
``measures.json``); times by :func:`~astana_facts.consistency.quantities.count_time` (a count
``as_of`` a day inside a finished event, or after it, is a count at that event); an
approximate amount by its own ``tolerance`` or the rule's ``approximately_tolerance``, and the
finding says which it used.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence

from astana_facts.consistency.context import Context, rule_groups
from astana_facts.consistency.findings import describe_value, grouped_finding, named
from astana_facts.consistency.needs import ONE_CLAIM
from astana_facts.consistency.pairs import pairs_above, stars
from astana_facts.consistency.quantities import (
    can_coincide,
    count_time,
    event_days,
    interval_of,
    percent,
)
from astana_facts.consistency.values import by_value
from astana_facts.findings.finding import Finding
from astana_facts.reading.records import ClaimRecord, PlainRecord

EventDays = tuple[dt.date, dt.date | None] | None


def run(rule: PlainRecord, context: Context) -> Iterator[Finding]:
    """One finding per count value that no other count value of its measure at a time that can
        coincide can overlap, with those values and every claim stating each (the clashing amounts
        found by sorting the distinct values, then kept where the times can coincide). Each measure
    of a subject is a group in ``context.tally``: compared, or skipped with one claim only."""
    tolerance = rule["parameters"]["approximately_tolerance"]
    days: dict[str, EventDays] = {}
    for key, records in rule_groups(rule, context).items():
        subject = records[0].claim["subject"]
        if subject not in days:
            dates = context.subject_claims(subject, "event_date", ("reported",))
            days[subject] = event_days(record.claim["value"] for record in dates)
        for measure, claims in by_measure(records, context.measures).items():
            if len(claims) < 2:
                context.tally.skipped(ONE_CLAIM)
                continue
            context.tally.compared()
            groups = by_value(claims)
            values = [group[0].claim["value"] for group in groups]
            intervals = [interval_of(value["amount"], tolerance) for value in values]
            times = [count_time(value.get("as_of"), days[subject]) for value in values]
            pairs = {
                (i, j)
                for i, j in pairs_above(intervals, lambda x: x[0], lambda x: x[1])
                if can_coincide(times[i], times[j])
            }
            for center, others in stars(pairs):
                involved = [groups[center], *(groups[i] for i in others)]
                yield count_finding(rule, str(key[0]), measure, involved, tolerance)


def count_finding(
    rule: PlainRecord,
    subject: str,
    measure: str,
    involved: Sequence[Sequence[ClaimRecord]],
    tolerance: float,
) -> Finding:
    """A finding of one count value (the claims stating it, first in ``involved``) that cannot
    be true with each of the others; the message names the first three of them, the measure
    compared and the tolerance each approximate amount was read with. Identified, as every
    finding is, by the rule, the subject (with the measure, aliases resolved) and the values in
    conflict."""
    center, others = involved[0], involved[1:]
    listed = "; ".join(f"{describe_value(o[0].claim)} ({named(o)})" for o in others[:3])
    more = f"; and {len(others) - 3} more value(s)" if len(others) > 3 else ""
    note = tolerance_note(rule, involved, tolerance)
    return grouped_finding(
        rule,
        involved,
        f"{subject}: {describe_value(center[0].claim)} ({named(center)}) cannot be true with "
        f"{listed}{more} (measure {measure}; {note})",
        subject,
        measure,
    )


def by_measure(
    records: Sequence[ClaimRecord], names: dict[str, str]
) -> dict[str, list[ClaimRecord]]:
    """Claims by the measure they count, an alias read as its measure (an unknown name, which
    REF004 reports, as itself); measures in name order, claims in the order given."""
    found: dict[str, list[ClaimRecord]] = {}
    for record in records:
        name = record.claim["value"]["measure"]
        found.setdefault(names.get(name, name), []).append(record)
    return {measure: found[measure] for measure in sorted(found)}


def tolerance_note(
    rule: PlainRecord, groups: Sequence[Sequence[ClaimRecord]], tolerance: float
) -> str:
    """Which tolerance each approximate amount of a finding was read with: the rule's, or the
    one its claim states."""
    stated: list[str] = []
    rule_used = False
    for group in groups:
        amount = group[0].claim["value"]["amount"]
        if amount["bound"] != "approximately":
            continue
        if amount.get("tolerance") is None:
            rule_used = True
        else:
            stated.append(f"±{percent(amount['tolerance'])} stated by {group[0].claim['id']}")
    used = [f"±{percent(tolerance)} from {rule['name']}'s approximately_tolerance"] * rule_used
    if not used and not stated:
        return "no approximate amount"
    return "approximately read as " + ", ".join([*used, *stated])
