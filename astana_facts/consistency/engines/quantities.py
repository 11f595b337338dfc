"""``quantity_intervals``: counts of one measure of one subject at one time must overlap."""

from __future__ import annotations

from collections.abc import Iterator

from astana_facts.consistency.context import Context, rule_groups
from astana_facts.consistency.engines.dates import star_finding
from astana_facts.consistency.pairs import pairs_above, stars
from astana_facts.consistency.quantities import interval_of
from astana_facts.findings.finding import Finding
from astana_facts.reading.records import PlainRecord


def run(rule: PlainRecord, context: Context) -> Iterator[Finding]:
    """One finding per count that no other count of its group can overlap, with those counts
    (found by sorting, not by comparing all pairs)."""
    tolerance = float(rule["parameters"].get("approximately_tolerance", 0.1))
    for key, records in rule_groups(rule, context).items():
        intervals = [interval_of(r.claim["value"]["amount"], tolerance) for r in records]
        pairs = pairs_above(intervals, lambda x: x[0], lambda x: x[1])
        for center, others in stars(pairs):
            yield star_finding(rule, key[0], records[center], [records[i] for i in others])
