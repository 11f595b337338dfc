"""The one result type of every check: a finding, with where it is and what it involves."""

from __future__ import annotations

from dataclasses import dataclass, field

from astana_facts.findings.severity import Severity

SEVERITY_RANK: dict[str, int] = {"error": 0, "warning": 1, "info": 2}


@dataclass(frozen=True, slots=True)
class SpanRef:
    """A span of a source text that a finding involves."""

    document: str
    start: int
    end: int
    exact: str


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem or observation, reported under a stable rule code.

    ``file`` is the records file it concerns, ``pointer`` the JSON Pointer of the offending field
    inside it; ``line``/``column`` are filled from the pointer before rendering.
    """

    code: str
    severity: Severity
    message: str
    file: str | None = None
    pointer: str | None = None
    line: int | None = None
    column: int | None = None
    claims: tuple[str, ...] = ()
    spans: tuple[SpanRef, ...] = field(default=())
    fingerprint: str | None = None
    """For consistency findings: a stable id (rule code, claims and what clashed), the key an
    adjudication refers to. It does not change when files are reformatted or reordered."""
    values: tuple[tuple[str, str], ...] = ()
    """For consistency findings: (claim id, the claim's normalised value in words), side by
    side."""

    def sort_key(self) -> tuple[object, ...]:
        """Deterministic order: by file, line, column, code, then message."""
        return (
            self.file or "",
            self.line or 0,
            self.column or 0,
            self.code,
            self.pointer or "",
            self.message,
        )


def count_by_severity(findings: list[Finding]) -> dict[str, int]:
    """How many findings of each severity, always with all three keys."""
    counts = dict.fromkeys(SEVERITY_RANK, 0)
    for finding in findings:
        counts[finding.severity] += 1
    return counts


def has_errors(findings: list[Finding]) -> bool:
    """True when any finding is error-level."""
    return any(finding.severity == "error" for finding in findings)
