"""``plan_outcomes``: a planned date or place of an event against what a later document reports.

A reported claim counts as a later report when its document's earliest publication day is after
the plan's document's earliest publication day. With ``outcome: kept`` the rule notes the plans
that the later report bears out; with ``outcome: missed``, the plans it shows were not kept.
Either is a note about the world, never an error in the data.
"""

from __future__ import annotations

from collections.abc import Iterator

from astana_facts.consistency.context import Context, rule_groups
from astana_facts.consistency.findings import consistency_finding, describe_value
from astana_facts.consistency.timeline import bounds_of
from astana_facts.findings.finding import Finding
from astana_facts.reading.records import ClaimRecord, PlainRecord


def kept(plan: PlainRecord, report: PlainRecord) -> bool:
    """Whether a reported value bears out a planned one of the same kind."""
    if plan["kind"] == "location":
        return bool(plan["value"]["place"] == report["value"]["place"])
    return bounds_of(plan["value"]).meet(bounds_of(report["value"])).feasible


def _later(report: ClaimRecord, plan: ClaimRecord, context: Context) -> bool:
    if report.document == plan.document:
        return False
    report_day = context.published.get(report.document)
    plan_day = context.published.get(plan.document)
    return report_day is not None and plan_day is not None and report_day[0] > plan_day[0]


def run(rule: PlainRecord, context: Context) -> Iterator[Finding]:
    """At most one note per plan: missed when a later report contradicts it (the first such
    report), kept when later reports exist and all bear it out (the first of them)."""
    wanted_kept = rule["parameters"]["outcome"] == "kept"
    for key, records in rule_groups(rule, context).items():
        reports = [r for r in records if r.claim["modality"] == "reported"]
        for plan in (r for r in records if r.claim["modality"] == "planned"):
            later = [r for r in reports if _later(r, plan, context)]
            if not later:
                continue
            missed = [r for r in later if not kept(plan.claim, r.claim)]
            if bool(missed) == wanted_kept:
                continue
            report = missed[0] if missed else later[0]
            verb = "was kept" if wanted_kept else "was not kept"
            yield consistency_finding(
                rule,
                (plan, report),
                f"{key[0]}: the plan {describe_value(plan.claim)} ({plan.claim['id']}) "
                f"{verb}: a later document reports {describe_value(report.claim)} "
                f"({report.claim['id']})",
                str(key[0]),
                plan.claim["id"],  # a note is about one plan
            )
