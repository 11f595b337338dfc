"""``instrument_facts``: one instrument concluded (signed, adopted, approved, ... as the rule's
``actions`` lists) on dates, at rounds or by parties that cannot all be true.

``facet`` picks what is compared: ``date`` (intervals that share no day), ``event`` (two
different rounds) or ``parties`` (two non-empty party lists that differ).
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import combinations

from astana_facts.consistency.context import Context, group, select
from astana_facts.consistency.report_finding import consistency_finding, describe_value
from astana_facts.consistency.timeline import intervals_overlap
from astana_facts.dataset import ClaimRecord, Record
from astana_facts.findings import Finding


def _clash(facet: str, first: Record, second: Record) -> bool:
    if facet == "date":
        return bool(first.get("date") and second.get("date")) and not intervals_overlap(
            first["date"], second["date"]
        )
    if facet == "event":
        return (
            bool(first.get("event") and second.get("event")) and first["event"] != second["event"]
        )
    return bool(first["parties"] and second["parties"]) and set(first["parties"]) != set(
        second["parties"]
    )


def run(rule: Record, context: Context) -> Iterator[Finding]:
    """One finding per pair of claims about one instrument that clash on the facet."""
    facet = str(rule["parameters"].get("facet", "date"))
    actions = {a.strip() for a in str(rule["parameters"].get("actions", "signed")).split(",")}
    for key, records in group(rule, select(rule, context)).items():
        concluded: list[ClaimRecord] = [r for r in records if r.claim["value"]["action"] in actions]
        for first, second in combinations(concluded, 2):
            if not _clash(facet, first.claim["value"], second.claim["value"]):
                continue
            yield consistency_finding(
                rule,
                (first, second),
                f"{key[0]}: {describe_value(first.claim)} ({first.claim['id']}) but "
                f"{describe_value(second.claim)} ({second.claim['id']})",
                facet,
            )
