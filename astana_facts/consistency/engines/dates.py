"""``date_spans``: the date claims of one event must admit a common first and last day."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import combinations

from astana_facts.consistency.context import Context, group, select
from astana_facts.consistency.report_finding import consistency_finding, describe_value
from astana_facts.consistency.timeline import bounds_of
from astana_facts.dataset import Record
from astana_facts.findings import Finding


def run(rule: Record, context: Context) -> Iterator[Finding]:
    """One finding per pair of date claims of a group that cannot both be true."""
    for key, records in group(rule, select(rule, context)).items():
        for first, second in combinations(records, 2):
            if bounds_of(first.claim["value"]).meet(bounds_of(second.claim["value"])).feasible:
                continue
            yield consistency_finding(
                rule,
                (first, second),
                f"{key[0]}: {describe_value(first.claim)} ({first.claim['id']}) and "
                f"{describe_value(second.claim)} ({second.claim['id']}) cannot both be true",
            )
