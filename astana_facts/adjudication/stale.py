"""The findings about adjudications that apply to no finding: ADJ001 (the finding is gone)
and ADJ002 (another finding took its place, or its claims changed), and how the finding that
took an adjudication's place is chosen."""

from __future__ import annotations

from collections.abc import Iterable

from astana_facts.findings.finding import Finding
from astana_facts.reading.records import PlainRecord, Site

SHOWN = 3
"""Values or claims named in a message before ``and n more``."""


def _listed(items: Iterable[str]) -> str:
    chosen = sorted(items)
    if not chosen:
        return "none"
    more = f" and {len(chosen) - SHOWN} more" if len(chosen) > SHOWN else ""
    return ", ".join(chosen[:SHOWN]) + more


def successor_of(adjudication: PlainRecord, findings: Iterable[Finding]) -> Finding | None:
    """The finding that took the place of the one ``adjudication`` judged: of the same rule and
    subject, with a value in common; the one with most values in common (then the smallest
    fingerprint, so the choice is deterministic); None when there is none."""
    judged = set(adjudication["values"])
    best: tuple[int, str, Finding] | None = None
    for finding in findings:
        if finding.code != adjudication["code"] or finding.subject != adjudication["subject"]:
            continue
        shared = len(judged & set(finding.conflict))
        if shared == 0:
            continue
        candidate = (-shared, finding.fingerprint or "", finding)
        if best is None or candidate[:2] < best[:2]:
            best = candidate
    return None if best is None else best[2]


def _about(adjudication: PlainRecord) -> str:
    code, subject = adjudication["code"], adjudication["subject"]
    return f"adjudication {adjudication['fingerprint']} ({code}, {subject})"


def gone(adjudication: PlainRecord, site: Site) -> Finding:
    """ADJ001: no finding of the adjudication's rule and subject shares a value with it."""
    return Finding.of(
        code="ADJ001",
        message=f"{_about(adjudication)}, claims {', '.join(adjudication['claims'])}, matches "
        "no finding, and no finding of that rule and subject has any of its values: the "
        "conflict is gone (data corrected?)",
        file=site.file,
        pointer=site.pointer,
        claims=tuple(adjudication["claims"]),
    )


def values_changed(adjudication: PlainRecord, site: Site, successor: Finding) -> Finding:
    """ADJ002: the finding judged is now ``successor``, whose values in conflict differ."""
    judged, now = set(adjudication["values"]), set(successor.conflict)
    return Finding.of(
        code="ADJ002",
        message=f"{_about(adjudication)} judged other values than finding "
        f"{successor.fingerprint}, which took its place: new value(s) {_listed(now - judged)}; "
        f"no longer in conflict {_listed(judged - now)}. Its verdict applies to nothing: "
        f"judge finding {successor.fingerprint} (its values and claims)",
        file=site.file,
        pointer=site.pointer,
        claims=tuple(adjudication["claims"]),
    )


def changed_claims(adjudication: PlainRecord, site: Site, finding: Finding) -> Finding:
    """ADJ002: the finding judged has the same values but other claims."""
    judged, now = set(adjudication["claims"]), set(finding.claims)
    return Finding.of(
        code="ADJ002",
        message=f"{_about(adjudication)}: the claims of finding {finding.fingerprint} changed: "
        f"not judged {_listed(now - judged)}; no longer in it {_listed(judged - now)}. Its "
        "verdict applies to no claim it did not judge: judge them and list them in the "
        "adjudication's claims",
        file=site.file,
        pointer=site.pointer,
        claims=tuple(adjudication["claims"]),
    )
