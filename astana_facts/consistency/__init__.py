"""Consistency: the declared rules of ``validators/`` carried out over the checked claims.

Each rule names a comparison; :data:`~astana_facts.consistency.engines.ENGINES` maps it to the
engine module that groups the rule's claims by its key and compares them within each group, so
nothing compares all pairs of the dataset. Findings carry a fingerprint made of stable ids, the
key an editor's adjudication refers to. Each rule's run also says what it compared: the groups
it compared and those it skipped, by reason (:class:`~astana_facts.findings.rule_stats.
RuleStats`), so a rule with nothing to compare does not read as a clean pass.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from astana_facts.consistency.context import Context, build_context, recipe, rule_groups
from astana_facts.consistency.engines import ENGINES
from astana_facts.consistency.findings import release_shared_groups
from astana_facts.consistency.needs import count_groups
from astana_facts.findings.finding import SEVERITY_RANK, Finding
from astana_facts.findings.rule_stats import UNCOUNTED, RuleStats, Tally
from astana_facts.reading.records import PlainRecord, Records


def consistency_sort_key(finding: Finding) -> tuple[object, ...]:
    """Deterministic report order: severity, code, the claims involved, then the message."""
    return (SEVERITY_RANK[finding.severity], finding.code, finding.claims, finding.message)


@dataclass(frozen=True)
class RuleRun:
    """What one rule found and what it compared (picklable: it comes back from a worker)."""

    code: str
    findings: list[Finding]
    stats: RuleStats


def run_rule(rule: PlainRecord, context: Context) -> RuleRun:
    """Carry out one declared rule over the claims of ``context``.

    The engine counts the groups it compares and skips in ``context.tally`` (a new one per
    rule); an engine that counts nothing has its groups counted by what they hold
    (:data:`~astana_facts.consistency.needs.NEEDS`). A rule with no claim to apply to has
    nothing to count; an engine that neither counts nor has needs declared is reported
    :data:`~astana_facts.findings.rule_stats.UNCOUNTED`."""
    tally = context.tally = Tally()
    findings = list(ENGINES[str(rule["comparison"])](rule, context))
    if tally.reported or count_groups(rule, context, tally) or not rule_groups(rule, context):
        stats = tally.stats()
    else:
        stats = UNCOUNTED
    return RuleRun(str(rule["code"]), findings, stats)


def run_rules(rules: Sequence[PlainRecord], context: Context) -> list[RuleRun]:
    """Carry out ``rules`` one after the other over ``context`` (one task of a worker); their
    findings share the tuples of value groups they have in common."""
    try:
        return [run_rule(rule, context) for rule in rules]
    finally:
        release_shared_groups()


def rule_batches(rules: Iterable[PlainRecord]) -> list[list[PlainRecord]]:
    """``rules`` in batches that share their groups (one :func:`~astana_facts.consistency.
    context.recipe`), each in code order, the batches in the order of their first code: a
    worker that runs a batch makes its groups once, where rules spread one by one over workers
    would make them in each."""
    batches: dict[object, list[PlainRecord]] = {}
    for rule in sorted(rules, key=lambda rule: str(rule["code"])):
        batches.setdefault(recipe(rule), []).append(rule)
    return list(batches.values())


def check_rule(rule: PlainRecord, context: Context) -> list[Finding]:
    """The findings of one declared rule over the claims of ``context``."""
    return run_rules([rule], context)[0].findings


def run_consistency(
    records: Records, rules: Iterable[PlainRecord] | None = None
) -> tuple[list[Finding], dict[str, RuleStats]]:
    """Findings of every declared rule (default: the rules read with ``records``), sorted, and
    each rule's stats by code, in code order."""
    context: Context = build_context(records)
    findings: list[Finding] = []
    stats: dict[str, RuleStats] = {}
    ordered = sorted(rules if rules is not None else records.rules, key=lambda r: str(r["code"]))
    for ran in run_rules(ordered, context):
        findings += ran.findings
        stats[ran.code] = ran.stats
    return sorted(findings, key=consistency_sort_key), stats


def check_consistency(
    records: Records, rules: Iterable[PlainRecord] | None = None
) -> list[Finding]:
    """Findings of every declared rule (default: the rules read with ``records``), sorted."""
    return run_consistency(records, rules)[0]


__all__ = [
    "RuleRun",
    "build_context",
    "check_consistency",
    "check_rule",
    "consistency_sort_key",
    "run_consistency",
    "run_rule",
]
