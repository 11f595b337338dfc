"""Adjudication: the editors' verdicts matched to the consistency findings they settle.

An adjudication names a finding by its fingerprint. A finding with a verdict is still reported,
with the verdict; an adjudication that matches no finding is itself reported (ADJ001), as ruff
reports a suppression that no longer suppresses anything (RUF100).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from astana_facts.findings.finding import Finding
from astana_facts.reading.records import PlainRecord, Site


@dataclass(frozen=True)
class Adjudicated:
    """The verdicts that apply, and the adjudications that apply to nothing."""

    verdicts: dict[str, PlainRecord]
    """Fingerprint -> the adjudication of that finding."""
    stale: list[Finding]
    """ADJ001 for each adjudication whose finding is gone."""


def adjudicate(
    findings: Iterable[Finding], adjudications: list[tuple[PlainRecord, Site]]
) -> Adjudicated:
    """Match ``adjudications`` to ``findings`` by fingerprint."""
    fingerprints = {f.fingerprint for f in findings if f.fingerprint is not None}
    verdicts: dict[str, PlainRecord] = {}
    stale: list[Finding] = []
    for adjudication, site in adjudications:
        fingerprint = adjudication["fingerprint"]
        if fingerprint in fingerprints:
            verdicts[fingerprint] = adjudication
        else:
            stale.append(_stale(adjudication, site))
    return Adjudicated(verdicts, stale)


def _stale(adjudication: PlainRecord, site: Site) -> Finding:
    return Finding.of(
        code="ADJ001",
        message=f"adjudication {adjudication['fingerprint']} ({adjudication['code']}, "
        f"claims {', '.join(adjudication['claims'])}) matches no finding: the "
        "finding is gone (data corrected?) or its claims changed",
        file=site.file,
        pointer=site.pointer,
        claims=tuple(adjudication["claims"]),
    )


__all__ = ["Adjudicated", "adjudicate"]
