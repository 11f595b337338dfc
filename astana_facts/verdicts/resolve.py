"""Contradictions resolved by facts: a consistency finding every value of which the facts
support or refute no longer keeps the gate closed, and says which side holds.

A value of a finding (a value group: the claims stating one value) holds when the verdict of
each of its claims is ``supported`` (or ``kept``), and is refuted when each is ``refuted`` (or
``not_kept``); a finding whose every value holds or is refuted, with at least one refuted, is
resolved. One with a value the facts leave open (``not_enough_evidence``) stays for an editor.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from astana_facts.consistency.findings import normalised_value
from astana_facts.findings.finding import Finding, ValueGroup
from astana_facts.reading.records import ClaimRecord
from astana_facts.verdicts import Resolution, Verdict

HOLDS = frozenset({"supported", "kept"})
"""Labels under which a value holds."""
FAILS = frozenset({"refuted", "not_kept"})
"""Labels under which a value is refuted."""


def resolve(
    findings: Iterable[Finding],
    verdicts: Mapping[str, Verdict],
    claims: Mapping[str, ClaimRecord],
) -> dict[str, Resolution]:
    """Fingerprint -> the resolution of each finding the facts settle, in finding order."""
    resolutions: dict[str, Resolution] = {}
    for finding in findings:
        if finding.fingerprint is None or not finding.value_groups:
            continue
        resolution = _resolution(finding, verdicts, claims)
        if resolution is not None:
            resolutions[finding.fingerprint] = resolution
    return resolutions


def _side(group: ValueGroup, verdicts: Mapping[str, Verdict]) -> str | None:
    """``holds``, ``refuted`` or None (the facts leave the value open)."""
    labels = {verdicts[c].label if c in verdicts else "" for c in group.claims}
    if labels <= HOLDS:
        return "holds"
    if labels <= FAILS:
        return "refuted"
    return None


def _resolution(
    finding: Finding, verdicts: Mapping[str, Verdict], claims: Mapping[str, ClaimRecord]
) -> Resolution | None:
    sides: dict[str, list[tuple[str, str]]] = {"holds": [], "refuted": []}
    facts: set[str] = set()
    for group in finding.value_groups:
        side = _side(group, verdicts)
        if side is None:
            return None
        sides[side].append((_name(group, finding, claims), group.value))
        facts.update(fact for claim in group.claims for fact in verdicts[claim].facts)
    if not sides["refuted"]:
        return None
    held = "; ".join(words for _, words in sides["holds"]) or "no value"
    refuted = "; ".join(words for _, words in sides["refuted"])
    return Resolution(
        fingerprint=finding.fingerprint or "",
        holds=tuple(sorted(name for name, _ in sides["holds"])),
        refuted=tuple(sorted(name for name, _ in sides["refuted"])),
        facts=tuple(sorted(facts)),
        reason=f"the facts support {held} and refute {refuted}",
    )


def _name(group: ValueGroup, finding: Finding, claims: Mapping[str, ClaimRecord]) -> str:
    """The value of a group as the finding's ``conflict`` names it (a claim value as JSON with
    sorted keys); the value in words for a finding that names its values otherwise."""
    record = claims.get(group.claims[0])
    if record is not None:
        value = normalised_value(record)
        if value in finding.conflict:
            return value
    return group.value
