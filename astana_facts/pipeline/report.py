"""The consistency report: integrity findings, consistency findings and the editors' verdicts.

The report is data; :mod:`astana_facts.render.report` turns it into text, Markdown or JSON.
Adjudications are matched to findings by fingerprint: an adjudicated finding is still reported,
with its verdict; an adjudication that matches no finding is itself reported (ADJ001).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from astana_facts.consistency import check_consistency, consistency_sort_key
from astana_facts.findings.finding import Finding
from astana_facts.pipeline.checks import check_records, locate_late
from astana_facts.pipeline.gc import no_cyclic_gc
from astana_facts.reading.records import ClaimRecord, PlainRecord, Records


@dataclass
class Report:
    """What ``astana-facts report`` shows."""

    records: Records
    findings: list[Finding]
    """Integrity findings first (in file order), then consistency findings (by severity and
    rule), then stale adjudications."""
    verdicts: dict[str, PlainRecord] = field(default_factory=dict)
    """Fingerprint -> the adjudication of that finding."""
    texts: dict[str, str] = field(default_factory=dict)
    """Document id -> text, for the context around quotes."""

    @cached_property
    def claim_index(self) -> dict[str, ClaimRecord]:
        """Claim id -> the claim as read (its document, site and evidence)."""
        return {record.claim["id"]: record for record in self.records.claims}

    @property
    def claims(self) -> int:
        """How many claims were read."""
        return len(self.records.claims)

    def by_rule(self) -> dict[str, int]:
        """Findings per code, in code order."""
        counts = Counter(finding.code for finding in self.findings)
        return {code: counts[code] for code in sorted(counts)}

    def unadjudicated_errors(self) -> list[Finding]:
        """Error-level findings with no verdict: what ``report --strict`` fails on."""
        return [
            finding
            for finding in self.findings
            if finding.severity == "error"
            and (finding.fingerprint is None or finding.fingerprint not in self.verdicts)
        ]


def _stale(records: Records, fingerprints: set[str]) -> list[Finding]:
    stale = []
    for adjudication, site in records.adjudications:
        if adjudication["fingerprint"] not in fingerprints:
            stale.append(
                Finding(
                    code="ADJ001",
                    severity="warning",
                    message=f"adjudication {adjudication['fingerprint']} ({adjudication['code']}, "
                    f"claims {', '.join(adjudication['claims'])}) matches no finding: the "
                    "finding is gone (data corrected?) or its claims changed",
                    file=site.file,
                    pointer=site.pointer,
                    claims=tuple(adjudication["claims"]),
                )
            )
    return stale


def build_report(path: str | Path | None = None, *, validators: Path | None = None) -> Report:
    """Check a records folder (default: the bundled dataset) and compare its claims, with the
    rules of ``validators`` (default: the validators folder that goes with the records)."""
    with no_cyclic_gc():
        return _build_report(path, validators)


def _build_report(path: str | Path | None, validators: Path | None) -> Report:
    records, integrity = check_records(path, keep=True, validators=validators)
    consistency = check_consistency(records)
    consistency = locate_late(consistency, records.root)
    fingerprints = {f.fingerprint for f in consistency if f.fingerprint is not None}
    stale = _stale(records, fingerprints)
    if stale:
        stale = locate_late(stale, records.root)
    verdicts = {
        adjudication["fingerprint"]: adjudication
        for adjudication, _ in records.adjudications
        if adjudication["fingerprint"] in fingerprints
    }
    texts = {document_id: source.text for document_id, source in records.sources.items()}
    return Report(
        records=records,
        findings=[*integrity, *sorted(consistency, key=consistency_sort_key), *stale],
        verdicts=verdicts,
        texts=texts,
    )


__all__ = ["Report", "build_report"]
