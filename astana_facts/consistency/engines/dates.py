"""``date_spans``: the date claims of one event must admit a common first and last day."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from astana_facts.consistency.context import Context, rule_groups
from astana_facts.consistency.findings import describe_value, grouped_finding, named
from astana_facts.consistency.pairs import pairs_above, stars
from astana_facts.consistency.timeline import EventBounds, bounds_of
from astana_facts.consistency.values import by_value
from astana_facts.findings.finding import Finding
from astana_facts.reading.records import ClaimRecord, PlainRecord


def clashing_pairs(bounds: list[EventBounds]) -> list[tuple[int, int]]:
    """Index pairs of bounds that cannot hold together, in order.

    Two claims clash when, together, the first day's lower bound passes its upper bound, the last
    day's does, or the first day must come after the last (:mod:`~astana_facts.consistency.pairs`).
    """
    found = pairs_above(bounds, lambda b: b.s_lo, lambda b: b.s_hi)
    found |= pairs_above(bounds, lambda b: b.e_lo, lambda b: b.e_hi)
    found |= pairs_above(bounds, lambda b: b.s_lo, lambda b: b.e_hi)
    return sorted(found)


def run(rule: PlainRecord, context: Context) -> Iterator[Finding]:
    """The date claims of each event grouped by value; one finding per value that clashes with
    others, with all of them and every claim stating each (see
    :func:`~astana_facts.consistency.pairs.stars`), fingerprinted by the event and the values
    in it. Only the distinct values are compared."""
    for key, records in rule_groups(rule, context).items():
        groups = by_value(records)
        bounds = [bounds_of(group[0].claim["value"]) for group in groups]
        for center, others in stars(clashing_pairs(bounds)):
            yield star_finding(rule, key[0], groups[center], [groups[i] for i in others])


def star_finding(
    rule: PlainRecord,
    subject: object,
    center: Sequence[ClaimRecord],
    others: Sequence[Sequence[ClaimRecord]],
) -> Finding:
    """A finding of one value (the claims stating it) that cannot be true together with each of
    the values of ``others``; the message names the first three of them."""
    listed = "; ".join(f"{describe_value(o[0].claim)} ({named(o)})" for o in others[:3])
    more = f"; and {len(others) - 3} more value(s)" if len(others) > 3 else ""
    return grouped_finding(
        rule,
        [center, *others],
        f"{subject}: {describe_value(center[0].claim)} ({named(center)}) cannot be true with "
        f"{listed}{more}",
        str(subject),
    )
