"""One row of the rule table of integrity checks (the table itself is
:mod:`astana_facts.findings.codes`)."""

from __future__ import annotations

from dataclasses import dataclass

from astana_facts.findings.severity import Severity


@dataclass(frozen=True, slots=True)
class Code:
    """One row of the rule table."""

    code: str
    """Stable code, cited in findings: three letters of the family and three digits."""
    name: str
    """Short kebab-case name."""
    severity: Severity
    """The severity of every finding with this code (see :meth:`Finding.of`)."""
    summary: str
    """What the code means, in one line (the rule table)."""
    why: str
    """Why it matters."""
    fix: str
    """What to do about a finding with this code."""
