"""``quantity_intervals``: counts of one measure of one subject at one time must overlap."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import combinations

from astana_facts.consistency.context import Context, group, select
from astana_facts.consistency.quantities import interval_of, overlap
from astana_facts.consistency.report_finding import consistency_finding, describe_value
from astana_facts.dataset import Record
from astana_facts.findings import Finding


def run(rule: Record, context: Context) -> Iterator[Finding]:
    """One finding per pair of counts whose intervals share no number."""
    tolerance = float(rule["parameters"].get("approximately_tolerance", 0.1))
    for key, records in group(rule, select(rule, context)).items():
        for first, second in combinations(records, 2):
            a = interval_of(first.claim["value"]["amount"], tolerance)
            b = interval_of(second.claim["value"]["amount"], tolerance)
            if overlap(a, b):
                continue
            yield consistency_finding(
                rule,
                (first, second),
                f"{key[0]}: {describe_value(first.claim)} ({first.claim['id']}) and "
                f"{describe_value(second.claim)} ({second.claim['id']}) cannot both be true",
            )
