"""A stable id for every finding, for the tools that track findings across commits (SARIF's
``partialFingerprints``, GitLab Code Quality's ``fingerprint``).

A consistency finding has its own :attr:`~astana_facts.findings.finding.Finding.fingerprint`
(rule code, subject and the values in conflict: the key adjudications use). Any other finding
gets one here from what identifies the problem: its code, its file and where in the file it is,
a claim's place named by the claim's id rather than its index. Never its line, column or
message: those move or change wording with unrelated edits (a claim inserted above, a reworded
message), and a finding that did not change must keep its id.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

from astana_facts.findings.finding import Finding

_CLAIM_ITEM = re.compile(r"^/claims/[0-9]+(?=/|$)")
"""The JSON Pointer of a claim in its claims file (``/claims/12``), at the start of a pointer."""


def where_in_file(finding: Finding) -> str:
    """The finding's place in its file, independent of line numbers: its JSON Pointer, with a
    claim's index replaced by the claim's id (``claim:kisi-round-8-start/evidence/0/exact``),
    since inserting a claim above shifts every index below it."""
    pointer = finding.pointer or ""
    match = _CLAIM_ITEM.match(pointer)
    if match and finding.claims:
        return f"claim:{finding.claims[0]}{pointer[match.end() :]}"
    return pointer


def stable_fingerprint(finding: Finding) -> str:
    """A 16-hex-digit id of ``finding``: its own fingerprint (a consistency finding), else one
    made of its code, file and :func:`where_in_file`."""
    if finding.fingerprint:
        return finding.fingerprint
    material = "\x1f".join(
        ["integrity/v1", finding.code, finding.file or "", where_in_file(finding)]
    )
    return hashlib.sha256(material.encode("utf-8")).hexdigest()[:16]


def unique_fingerprints(findings: Iterable[Finding]) -> list[str]:
    """:func:`stable_fingerprint` of each finding, in order; when two findings share one (two
    problems of one code at one place), the later ones get ``:2``, ``:3``… in the order given,
    as GitHub numbers its own line hashes, so no two results of one run are taken as one."""
    seen: dict[str, int] = {}
    fingerprints = []
    for finding in findings:
        base = stable_fingerprint(finding)
        seen[base] = seen.get(base, 0) + 1
        fingerprints.append(base if seen[base] == 1 else f"{base}:{seen[base]}")
    return fingerprints
