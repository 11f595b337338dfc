"""The editors' verdicts (``records/verdicts.json``) on the claims no engine compares:
statements, relations and plans of kind ``plan``.

A verdict that names an unknown claim or fact, or judges a claim twice, is found when the file
is read (VRD001, VRD002, VRD004: :mod:`astana_facts.integrity.verdicts`); here, with the claims
at hand, a label the claim cannot have (VRD003) and a verdict on a claim the engines judge
(VRD005) are reported, and both verdicts are set aside.
"""

from __future__ import annotations

from collections.abc import Sequence

from astana_facts.consistency.judges import JUDGES
from astana_facts.findings.finding import Finding
from astana_facts.integrity.verdicts import verdict_finding
from astana_facts.reading.records import ClaimRecord, PlainRecord, Site
from astana_facts.verdicts import Verdict

PLAN_ONLY = frozenset({"kept", "not_kept"})
"""Labels only a plan may have."""
NOT_FOR_PLANS = frozenset({"supported", "refuted", "conflicting"})
"""Labels a plan may not have: it is judged by its outcome."""


def is_plan(claim: PlainRecord) -> bool:
    """Whether a claim is a plan: of modality ``planned`` or of kind ``plan``."""
    return bool(claim["modality"] == "planned" or claim["kind"] == "plan")


def editor_verdicts(
    verdicts: Sequence[tuple[PlainRecord, Site]], claims: Sequence[ClaimRecord]
) -> tuple[dict[str, Verdict], list[Finding]]:
    """Claim id -> the editor's verdict on it (the first, for a claim judged twice), and the
    findings of the verdicts set aside."""
    found: dict[str, Verdict] = {}
    findings: list[Finding] = []
    if not verdicts:
        return found, findings
    by_id = {record.claim["id"]: record.claim for record in claims}
    for verdict, site in verdicts:
        claim = by_id.get(verdict["claim"])
        if claim is None or verdict["claim"] in found:
            continue  # VRD001 / VRD004, reported when the file is read
        label = verdict["label"]
        if claim["kind"] in JUDGES:
            findings.append(
                verdict_finding(
                    "VRD005",
                    site,
                    verdict["claim"],
                    "claim",
                    f"{claim['kind']} claims are judged by the engines against facts.json: "
                    "add the fact that settles it instead",
                )
            )
            continue
        plan = is_plan(claim)
        if (plan and label in NOT_FOR_PLANS) or (not plan and label in PLAN_ONLY):
            what = "a plan is kept or not_kept" if plan else "only a plan is kept or not_kept"
            findings.append(
                verdict_finding(
                    "VRD003", site, verdict["claim"], "label", f"label {label!r}: {what}"
                )
            )
            continue
        found[verdict["claim"]] = Verdict(
            verdict["claim"],
            label,
            tuple(sorted(set(verdict["facts"]))),
            verdict["rationale"],
            "editor",
        )
    return found, findings
