"""Integrity checks: every record is well-formed, grounded in its source text, and resolvable.

Checks are generators of findings over validated records. Per-claim checks run as each claims
file is read (:func:`check_claims`); the others run once over the whole folder. The order in
which :mod:`astana_facts.validation` runs them follows the data: sources, entities, claims,
adjudications.
"""

from __future__ import annotations

from collections.abc import Iterable

from astana_facts.dataset import ClaimRecord
from astana_facts.findings import Finding
from astana_facts.integrity.coverage import check_coverage
from astana_facts.integrity.identifiers import ClaimIds, check_aliases, check_entity_ids
from astana_facts.integrity.references import (
    check_adjudication_references,
    check_claim_references,
    check_entity_references,
    check_unknown_document,
    references_hold,
)
from astana_facts.integrity.sources import check_source
from astana_facts.integrity.spans import check_claim_spans, check_no_claim_spans, spans_hold
from astana_facts.integrity.values import check_claim_intervals, intervals_hold


def check_claims(
    records: Iterable[ClaimRecord], *, text: str | None, entity_ids: frozenset[str] | None
) -> list[Finding]:
    """Spans, entity references and intervals of the claims of one file (ids are unique across
    files, so :class:`ClaimIds` runs where all files meet).

    Each claim first takes the quick tests (``*_hold``), which only compare; a claim fails one
    only when it has something to report, and then goes through the check that builds the
    findings. ``text`` is None when the document did not load and ``entity_ids`` None when the
    entities file did not: those failures are the root cause, reported once elsewhere.
    """
    findings: list[Finding] = []
    for record in records:
        claim = record.claim
        if text is not None and not spans_hold(claim["evidence"], text):
            findings.extend(check_claim_spans(record, text))
        if entity_ids is not None and not references_hold(claim, entity_ids):
            findings.extend(check_claim_references(record, entity_ids))
        if not intervals_hold(claim):
            findings.extend(check_claim_intervals(record))
    return findings


__all__ = [
    "ClaimIds",
    "check_adjudication_references",
    "check_aliases",
    "check_claims",
    "check_coverage",
    "check_entity_ids",
    "check_entity_references",
    "check_no_claim_spans",
    "check_source",
    "check_unknown_document",
]
