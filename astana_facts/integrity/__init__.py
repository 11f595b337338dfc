"""Integrity checks: every record is well-formed, grounded in its source text, and resolvable.

Each check is a generator over the loaded dataset that yields findings; :data:`CHECKS` is the
table that runs them, in the order of the rule table.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from astana_facts.dataset import Dataset
from astana_facts.findings import Finding
from astana_facts.integrity.identifiers import check_aliases, check_claim_ids, check_entity_ids
from astana_facts.integrity.references import check_references
from astana_facts.integrity.sources import check_sources
from astana_facts.integrity.spans import check_spans
from astana_facts.integrity.values import check_intervals

Check = Callable[[Dataset], Iterator[Finding]]

CHECKS: tuple[Check, ...] = (
    check_sources,
    check_spans,
    check_claim_ids,
    check_entity_ids,
    check_aliases,
    check_references,
    check_intervals,
)
"""Every integrity check, in the order they run."""


def run_integrity(dataset: Dataset) -> list[Finding]:
    """All integrity findings of a loaded dataset."""
    return [finding for check in CHECKS for finding in check(dataset)]
