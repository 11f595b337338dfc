"""Consistency: the declared rules of ``validators/`` carried out over the checked claims.

Each rule names a comparison; :data:`~astana_facts.consistency.engines.ENGINES` maps it to the
engine module that groups the rule's claims by its key and compares them within each group, so
nothing compares all pairs of the dataset. Findings carry a fingerprint made of stable ids, the
key an editor's adjudication refers to.
"""

from __future__ import annotations

from collections.abc import Iterable

from astana_facts.consistency.context import Context, build_context
from astana_facts.consistency.engines import ENGINES
from astana_facts.findings.finding import SEVERITY_RANK, Finding
from astana_facts.reading.records import PlainRecord, Records


def consistency_sort_key(finding: Finding) -> tuple[object, ...]:
    """Deterministic report order: severity, code, the claims involved, then the message."""
    return (SEVERITY_RANK[finding.severity], finding.code, finding.claims, finding.message)


def check_rule(rule: PlainRecord, context: Context) -> list[Finding]:
    """The findings of one declared rule over the claims of ``context``."""
    return list(ENGINES[str(rule["comparison"])](rule, context))


def check_consistency(
    records: Records, rules: Iterable[PlainRecord] | None = None
) -> list[Finding]:
    """Findings of every declared rule (default: the rules read with ``records``), sorted."""
    context: Context = build_context(records)
    findings: list[Finding] = []
    for rule in sorted(rules if rules is not None else records.rules, key=lambda r: str(r["code"])):
        findings += check_rule(rule, context)
    return sorted(findings, key=consistency_sort_key)


__all__ = ["build_context", "check_consistency", "check_rule", "consistency_sort_key"]
