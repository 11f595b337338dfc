"""A star of clashing values as one finding: the value that clashes with others, with all of
them (:func:`~astana_facts.consistency.pairs.stars`), for the engines that compare values in
pairs (instruments). Dates, durations and round order are the temporal reasoner's
(:mod:`astana_facts.consistency.engines.temporal`)."""

from __future__ import annotations

from collections.abc import Sequence

from astana_facts.consistency.findings import describe_value, grouped_finding, named
from astana_facts.findings.finding import Finding
from astana_facts.reading.records import ClaimRecord, PlainRecord


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
