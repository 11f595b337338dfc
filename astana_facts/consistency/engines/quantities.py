"""``quantity_intervals``: counts of one measure of one subject at one time must overlap."""

from __future__ import annotations

from collections.abc import Iterator

from astana_facts.consistency.context import Context, group, select
from astana_facts.consistency.pairs import pairs_above
from astana_facts.consistency.quantities import interval_of
from astana_facts.consistency.report_finding import consistency_finding, describe_value
from astana_facts.dataset import Record
from astana_facts.findings import Finding


def run(rule: Record, context: Context) -> Iterator[Finding]:
    """One finding per pair of counts whose intervals share no number (found by sorting, not by
    comparing all pairs)."""
    tolerance = float(rule["parameters"].get("approximately_tolerance", 0.1))
    for key, records in group(rule, select(rule, context)).items():
        intervals = [interval_of(r.claim["value"]["amount"], tolerance) for r in records]
        for i, j in sorted(pairs_above(intervals, lambda x: x[0], lambda x: x[1])):
            first, second = records[i], records[j]
            yield consistency_finding(
                rule,
                (first, second),
                f"{key[0]}: {describe_value(first.claim)} ({first.claim['id']}) and "
                f"{describe_value(second.claim)} ({second.claim['id']}) cannot both be true",
            )
