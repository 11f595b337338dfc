"""Adjudication: the editors' verdicts matched to the consistency findings they settle.

An adjudication names a finding by its fingerprint (rule code, subject and the values in
conflict) and states the values and claims it judges. Its verdict applies only when the finding
has exactly those values and those claims: a claim it never judged gets no verdict, so an
error-level finding with such a claim stays unadjudicated. An adjudication that applies to
nothing is itself reported, as ruff reports a suppression that no longer suppresses anything
(RUF100): ADJ002 when a finding of the same rule and subject with a value in common took its
place (or the finding's claims changed), naming that finding; ADJ001 when nothing did.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from astana_facts.adjudication.stale import changed_claims, gone, successor_of, values_changed
from astana_facts.findings.finding import Finding
from astana_facts.reading.records import PlainRecord, Site


@dataclass(frozen=True)
class Adjudicated:
    """The verdicts that apply, and the adjudications that apply to nothing."""

    verdicts: dict[str, PlainRecord]
    """Fingerprint -> the adjudication of that finding (only where it judged exactly the
    finding's values and claims)."""
    stale: list[Finding]
    """ADJ001 or ADJ002 for each adjudication that applies to no finding."""


def judges_exactly(adjudication: PlainRecord, finding: Finding) -> bool:
    """Whether ``adjudication`` judged exactly the values and the claims of ``finding``."""
    return set(adjudication["values"]) == set(finding.conflict) and set(
        adjudication["claims"]
    ) == set(finding.claims)


def adjudicate(
    findings: Iterable[Finding], adjudications: list[tuple[PlainRecord, Site]]
) -> Adjudicated:
    """Match ``adjudications`` to ``findings`` by fingerprint, values and claims."""
    fingerprinted = [f for f in findings if f.fingerprint is not None]
    by_fingerprint = {f.fingerprint: f for f in fingerprinted}
    verdicts: dict[str, PlainRecord] = {}
    stale: list[Finding] = []
    for adjudication, site in adjudications:
        finding = by_fingerprint.get(adjudication["fingerprint"])
        if finding is not None and judges_exactly(adjudication, finding):
            verdicts[adjudication["fingerprint"]] = adjudication
        elif finding is not None and set(adjudication["values"]) == set(finding.conflict):
            stale.append(changed_claims(adjudication, site, finding))
        else:
            successor = finding or successor_of(adjudication, fingerprinted)
            stale.append(
                gone(adjudication, site)
                if successor is None
                else values_changed(adjudication, site, successor)
            )
    return Adjudicated(verdicts, stale)


__all__ = ["Adjudicated", "adjudicate", "judges_exactly"]
