"""``date_spans``: the date claims of one event must admit a common first and last day."""

from __future__ import annotations

from collections.abc import Iterator

from astana_facts.consistency.context import Context, group, select
from astana_facts.consistency.pairs import pairs_above
from astana_facts.consistency.report_finding import consistency_finding, describe_value
from astana_facts.consistency.timeline import EventBounds, bounds_of
from astana_facts.dataset import Record
from astana_facts.findings import Finding


def clashing_pairs(bounds: list[EventBounds]) -> list[tuple[int, int]]:
    """Index pairs of bounds that cannot hold together, in order.

    Two claims clash when, together, the first day's lower bound passes its upper bound, the last
    day's does, or the first day must come after the last (:mod:`~astana_facts.consistency.pairs`).
    """
    found = pairs_above(bounds, lambda b: b.s_lo, lambda b: b.s_hi)
    found |= pairs_above(bounds, lambda b: b.e_lo, lambda b: b.e_hi)
    found |= pairs_above(bounds, lambda b: b.s_lo, lambda b: b.e_hi)
    return sorted(found)


def run(rule: Record, context: Context) -> Iterator[Finding]:
    """One finding per pair of date claims of a group that cannot both be true."""
    for key, records in group(rule, select(rule, context)).items():
        bounds = [bounds_of(record.claim["value"]) for record in records]
        for i, j in clashing_pairs(bounds):
            first, second = records[i], records[j]
            yield consistency_finding(
                rule,
                (first, second),
                f"{key[0]}: {describe_value(first.claim)} ({first.claim['id']}) and "
                f"{describe_value(second.claim)} ({second.claim['id']}) cannot both be true",
            )
