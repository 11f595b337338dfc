"""``quantity_intervals``: counts of one measure of one subject at one time must overlap."""

from __future__ import annotations

from collections.abc import Iterator

from astana_facts.consistency.context import Context, rule_groups
from astana_facts.consistency.engines.dates import star_finding
from astana_facts.consistency.pairs import pairs_above, stars
from astana_facts.consistency.quantities import interval_of
from astana_facts.consistency.values import by_value
from astana_facts.findings.finding import Finding
from astana_facts.reading.records import PlainRecord


def run(rule: PlainRecord, context: Context) -> Iterator[Finding]:
    """One finding per count value that no other count value of its group can overlap, with
    those values and every claim stating each (found by sorting the distinct values, not by
    comparing all pairs of claims)."""
    tolerance = rule["parameters"]["approximately_tolerance"]
    for key, records in rule_groups(rule, context).items():
        groups = by_value(records)
        intervals = [interval_of(group[0].claim["value"]["amount"], tolerance) for group in groups]
        pairs = pairs_above(intervals, lambda x: x[0], lambda x: x[1])
        for center, others in stars(pairs):
            yield star_finding(rule, key[0], groups[center], [groups[i] for i in others])
