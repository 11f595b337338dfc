"""Integrity checks: every record is well-formed, grounded in its source text, and resolvable.

Checks are generators of findings over validated records. Per-claim checks run as each claims
file is read (:func:`check_claims`); the others run once over the whole folder. The order in
which :mod:`astana_facts.pipeline.run` runs them follows the data: sources, entities, claims,
adjudications.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from astana_facts.findings.finding import Finding
from astana_facts.integrity.cascade import fold_moved_spans
from astana_facts.integrity.coverage import check_coverage
from astana_facts.integrity.facts import check_facts
from astana_facts.integrity.identifiers import ClaimIds, check_aliases, check_entity_ids
from astana_facts.integrity.layout import check_layout
from astana_facts.integrity.lifecycle import check_lifecycle
from astana_facts.integrity.measures import check_measures, measure_names
from astana_facts.integrity.provenance import check_source_provenance
from astana_facts.integrity.references import (
    check_adjudication_references,
    check_claim_references,
    check_claims_file_document,
    check_entity_references,
    referenced_entities,
    references_hold,
)
from astana_facts.integrity.sources import check_source, check_source_files
from astana_facts.integrity.spans import check_claim_spans, check_no_claim_spans, spans_hold
from astana_facts.integrity.values import check_claim_intervals, intervals_hold
from astana_facts.integrity.verdicts import check_editor_verdicts, load_editor_verdicts
from astana_facts.reading.records import ClaimRecord, PlainRecord


def check_claims(
    claims: Sequence[PlainRecord],
    *,
    claim_record: Callable[[int], ClaimRecord],
    text: str | None,
    entity_ids: frozenset[str] | None,
) -> list[Finding]:
    """Spans, entity references and intervals of the validated claims of one file (ids are
    unique across files, so :class:`ClaimIds` runs where all files meet).

    Each claim first takes the quick tests (``*_hold``), which only compare; a claim fails one
    only when it has something to report, and then ``claim_record(position)`` gives it its
    document and site for the check that builds the findings. ``text`` is None when the
    document did not load and ``entity_ids`` None when the entities file did not: those
    failures are the root cause, reported once elsewhere.
    """
    findings: list[Finding] = []
    # One set test for the whole file; only a file with an unknown entity tests claim by claim.
    all_known = entity_ids is None or entity_ids.issuperset(referenced_entities(claims))
    for position, claim in enumerate(claims):
        spans_ok = text is None or spans_hold(claim["evidence"], text)
        references_ok = all_known or references_hold(claim, entity_ids or frozenset())
        if spans_ok and references_ok and intervals_hold(claim):
            continue
        record = claim_record(position)
        if not spans_ok:
            findings.extend(check_claim_spans(record, text or ""))
        if not references_ok:
            findings.extend(check_claim_references(record, entity_ids or frozenset()))
        findings.extend(check_claim_intervals(record))
    return findings


__all__ = [
    "ClaimIds",
    "check_adjudication_references",
    "check_aliases",
    "check_claims",
    "check_claims_file_document",
    "check_coverage",
    "check_editor_verdicts",
    "check_entity_ids",
    "check_entity_references",
    "check_facts",
    "check_layout",
    "check_lifecycle",
    "check_measures",
    "check_no_claim_spans",
    "check_source",
    "check_source_files",
    "check_source_provenance",
    "fold_moved_spans",
    "load_editor_verdicts",
    "measure_names",
]
