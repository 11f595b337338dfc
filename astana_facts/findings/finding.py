"""The one result type of every check: a finding, with where it is and what it involves."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from astana_facts.findings.codes import CODES_BY_ID
from astana_facts.findings.severity import Severity

SEVERITY_RANK: dict[str, int] = {"error": 0, "warning": 1, "info": 2}

SPANS_PER_VALUE = 3
"""Claims per value group whose spans a consistency finding carries (and a text report quotes):
enough to show what the sources say, without copying every quote of a much-repeated value."""


@dataclass(frozen=True, slots=True)
class SpanRef:
    """A span of a source text that a finding involves."""

    document: str
    start: int
    end: int
    exact: str


@dataclass(frozen=True, slots=True)
class ValueGroup:
    """The claims of a consistency finding that state one value: the value in words and the
    ids of every claim stating it, in id order.

    A finding lists each value once with all its claims, so a value stated by a thousand claims
    costs a thousand ids, not a thousand copies of the comparison."""

    value: str
    claims: tuple[str, ...]


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
    claims: Sequence[str] = ()
    """Every claim the finding involves (a tuple of ids, or a sequence that equals one); for
    consistency findings, value group by value group, read through the groups
    (:class:`~astana_facts.findings.grouped.GroupedClaims`)."""
    spans: tuple[SpanRef, ...] = field(default=())
    """Spans of the claims involved; for consistency findings, those of the first few claims of
    each value (:data:`SPANS_PER_VALUE`): the others are in the claims themselves."""
    fingerprint: str | None = None
    """For consistency findings: a stable id made of the rule code, the :attr:`subject` and the
    values in :attr:`conflict`, the key an adjudication refers to. It does not change when files
    are reformatted or reordered, nor when a further claim states a value already in conflict;
    a new value in conflict makes a new finding."""
    value_groups: tuple[ValueGroup, ...] = ()
    """For consistency findings: the values that clash, each once with all its claims."""
    subject: str | None = None
    """For consistency findings: what the values are about (an event; an event and a role)."""
    conflict: tuple[str, ...] = ()
    """For consistency findings: the distinct normalised values in conflict, sorted (a claim
    value as JSON with sorted keys, or what the rule compares, such as a surface form): what an
    adjudication names as the values it judges."""

    @property
    def values(self) -> tuple[tuple[str, str], ...]:
        """(claim id, the claim's normalised value in words) for every claim of the value
        groups, in their order: the value groups, one claim at a time."""
        return tuple((claim, group.value) for group in self.value_groups for claim in group.claims)

    @classmethod
    def of(
        cls,
        code: str,
        message: str,
        *,
        file: str | None = None,
        pointer: str | None = None,
        line: int | None = None,
        column: int | None = None,
        claims: Sequence[str] = (),
        spans: tuple[SpanRef, ...] = (),
    ) -> Finding:
        """A finding of the integrity code ``code``, with the severity its row of the code table
        gives (so the two can never disagree). KeyError for a code not in the table."""
        return cls(
            code=code,
            severity=CODES_BY_ID[code].severity,
            message=message,
            file=file,
            pointer=pointer,
            line=line,
            column=column,
            claims=claims,
            spans=spans,
        )

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
