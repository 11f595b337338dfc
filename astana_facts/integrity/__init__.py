"""Integrity checks: every record is well-formed, grounded in its source text, and resolvable.

Checks are generators of findings over validated records. Per-claim checks run as each claims
file is read (:func:`check_claim`); the others run once over the whole folder. The order in
which :mod:`astana_facts.validation` runs them follows the data: sources, entities, claims,
adjudications.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator

from astana_facts.dataset import ClaimRecord
from astana_facts.findings import Finding
from astana_facts.integrity.coverage import check_coverage
from astana_facts.integrity.identifiers import ClaimIds, check_aliases, check_entity_ids
from astana_facts.integrity.references import (
    check_adjudication_references,
    check_claim_references,
    check_entity_references,
    check_unknown_document,
)
from astana_facts.integrity.sources import check_source
from astana_facts.integrity.spans import check_claim_spans, check_no_claim_spans
from astana_facts.integrity.values import check_claim_intervals


def check_claim(
    record: ClaimRecord,
    *,
    text: str | None,
    entity_ids: Collection[str] | None,
    claim_ids: ClaimIds,
) -> Iterator[Finding]:
    """Every per-claim check: spans, id uniqueness, entity references, intervals.

    ``entity_ids`` is None when the entities file failed to load: that failure is the root
    cause, so unknown references are not reported on top of it.
    """
    yield from check_claim_spans(record, text)
    yield from claim_ids.check(record)
    if entity_ids is not None:
        yield from check_claim_references(record, entity_ids)
    yield from check_claim_intervals(record)


__all__ = [
    "ClaimIds",
    "check_adjudication_references",
    "check_aliases",
    "check_claim",
    "check_coverage",
    "check_entity_ids",
    "check_entity_references",
    "check_no_claim_spans",
    "check_source",
    "check_unknown_document",
]
