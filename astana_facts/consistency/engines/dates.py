"""``date_spans``: the date claims of one event must admit a common first and last day."""

from __future__ import annotations

from collections.abc import Iterator

from astana_facts.consistency.context import Context, rule_groups
from astana_facts.consistency.pairs import pairs_above, stars
from astana_facts.consistency.report_finding import consistency_finding, describe_value
from astana_facts.consistency.timeline import EventBounds, bounds_of
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
    """One finding per date claim of an event that clashes with others, with all of them (see
    :func:`~astana_facts.consistency.pairs.stars`); fingerprinted by that claim and the event."""
    for key, records in rule_groups(rule, context).items():
        bounds = [bounds_of(record.claim["value"]) for record in records]
        for center, others in stars(clashing_pairs(bounds)):
            yield star_finding(rule, key[0], records[center], [records[i] for i in others])


def star_finding(
    rule: PlainRecord, subject: object, center: ClaimRecord, others: list[ClaimRecord]
) -> Finding:
    """A finding of one claim that cannot be true together with each of ``others``."""
    listed = "; ".join(f"{describe_value(o.claim)} ({o.claim['id']})" for o in others[:3])
    more = f"; and {len(others) - 3} more" if len(others) > 3 else ""
    return consistency_finding(
        rule,
        (center, *others),
        f"{subject}: {describe_value(center.claim)} ({center.claim['id']}) cannot be true with "
        f"{listed}{more}",
        str(subject),
        center.claim["id"],
        by_claims=False,
    )
