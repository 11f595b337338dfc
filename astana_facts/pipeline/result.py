"""The one result of the pipeline: what was read, every finding, the verdicts and the exit code.

Renderers, the CLI and the Python API only read a :class:`Result`; nothing is decided after it
is built.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from astana_facts.findings.finding import Finding, count_by_severity
from astana_facts.findings.rule_stats import RuleStats
from astana_facts.reading.records import ClaimRecord, PlainRecord, Records, Site
from astana_facts.verdicts import Resolution, Verdict

EXIT_CLEAN = 0
"""No error-level finding that is neither adjudicated nor resolved by facts."""
EXIT_FINDINGS = 1
"""At least one error-level finding neither adjudicated nor resolved by facts."""


@dataclass
class Result:
    """What a check of one records folder found."""

    records: Records
    """Everything read (the claims only when they were kept)."""
    findings: list[Finding]
    """Integrity findings first (in file order), then consistency findings (by severity and
    rule), then stale adjudications."""
    verdicts: dict[str, PlainRecord] = field(default_factory=dict)
    """Fingerprint -> the adjudication of that finding."""
    consistency: bool = False
    """Whether the consistency stage ran (``report``) or not (``validate``)."""
    rule_stats: dict[str, RuleStats] = field(default_factory=dict)
    """Rule code -> the groups of claims the rule compared and skipped (by reason), in code
    order; empty when the consistency stage did not run. Counted over the whole folder, also
    when the findings shown are narrowed to a change (``--changed-since``)."""
    claim_verdicts: Mapping[str, Verdict] = field(default_factory=dict)
    """Claim id -> the verdict on the claim against the facts (the verdict stage), in claim id
    order; empty when the consistency stage did not run."""
    resolutions: dict[str, Resolution] = field(default_factory=dict)
    """Fingerprint -> how the facts settle that contradiction finding (only findings every
    value of which the facts support or refute)."""

    @property
    def root(self) -> Path:
        """The records folder that was checked."""
        return self.records.root

    @cached_property
    def claim_index(self) -> dict[str, ClaimRecord]:
        """Claim id -> the claim as read (its document, site and evidence)."""
        return {record.claim["id"]: record for record in self.records.claims}

    @cached_property
    def texts(self) -> dict[str, str]:
        """Document id -> text, for the context around quotes."""
        return {document: source.text for document, source in self.records.sources.items()}

    @property
    def facts(self) -> list[tuple[PlainRecord, Site]]:
        """The valid facts of ``facts.json``, each with its site (file, pointer), in file
        order: what the editors establish from public sources."""
        return self.records.facts

    @cached_property
    def fact_index(self) -> dict[str, tuple[PlainRecord, Site]]:
        """Fact id -> the fact as read, with its site (the first, when an id is used twice)."""
        index: dict[str, tuple[PlainRecord, Site]] = {}
        for fact, site in self.records.facts:
            index.setdefault(fact["id"], (fact, site))
        return index

    @property
    def claim_count(self) -> int:
        """How many valid claims were read (kept or not)."""
        return self.records.claim_count

    def by_rule(self) -> dict[str, int]:
        """Findings per code, in code order."""
        counts = Counter(finding.code for finding in self.findings)
        return {code: counts[code] for code in sorted(counts)}

    def by_severity(self) -> dict[str, int]:
        """Findings per severity, always with all three keys."""
        return count_by_severity(self.findings)

    def unadjudicated_errors(self) -> list[Finding]:
        """Error-level findings neither adjudicated nor resolved by facts: what makes a check
        fail."""
        return [
            finding
            for finding in self.findings
            if finding.severity == "error"
            and (
                finding.fingerprint is None
                or (
                    finding.fingerprint not in self.verdicts
                    and finding.fingerprint not in self.resolutions
                )
            )
        ]

    @property
    def exit_code(self) -> int:
        """1 when an error-level finding is neither adjudicated nor resolved by facts, else 0."""
        return EXIT_FINDINGS if self.unadjudicated_errors() else EXIT_CLEAN


__all__ = ["EXIT_CLEAN", "EXIT_FINDINGS", "Result"]
