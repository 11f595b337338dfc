"""``entity_sets``: who took part in one event in one role.

With ``mode: complete``, two complete lists must be equal. With ``mode: partial``, every member
of a partial list must be in each complete list, or be part of one of its members: by the
entity's ``part_of`` or a reported ``member_of``/``part_of`` relation claim ("the Free Syrian
Army" within "the armed opposition").
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import combinations

from astana_facts.consistency.context import Context, group, select
from astana_facts.consistency.report_finding import consistency_finding
from astana_facts.dataset import ClaimRecord, Record
from astana_facts.findings import Finding

_CONTAINED_IN = {"member_of", "part_of"}


def containers(context: Context) -> dict[str, set[str]]:
    """Entity -> the entities it is a member or part of, by the entities' ``part_of`` and by
    reported relation claims."""
    found: dict[str, set[str]] = {
        entity_id: set(entity["part_of"])
        for entity_id, entity in context.entities.items()
        if entity["part_of"]
    }
    for record in context.claims:
        claim = record.claim
        if (
            claim["kind"] == "relation"
            and claim["modality"] == "reported"
            and claim["value"]["relation"] in _CONTAINED_IN
        ):
            found.setdefault(claim["subject"], set()).update(claim["value"]["objects"])
    return found


def _names(members: set[str]) -> str:
    return ", ".join(sorted(members))


def _by_set(records: list[ClaimRecord]) -> dict[frozenset[str], ClaimRecord]:
    """The first claim (by id) of each distinct member list."""
    chosen: dict[frozenset[str], ClaimRecord] = {}
    for record in records:
        chosen.setdefault(frozenset(record.claim["value"]["members"]), record)
    return chosen


def run(rule: Record, context: Context) -> Iterator[Finding]:
    """Findings for complete lists that differ, or partial lists that do not fit; each distinct
    list is represented by its first claim, so n claims of two lists give one finding."""
    mode = rule["parameters"].get("mode", "complete")
    within = containers(context) if mode == "partial" else {}
    for key, records in group(rule, select(rule, context)).items():
        complete = _by_set([r for r in records if r.claim["value"]["complete"]])
        wholes = sorted(complete.items(), key=lambda item: item[1].claim["id"])
        if mode == "complete":
            for (a, first), (b, second) in combinations(wholes, 2):
                yield consistency_finding(
                    rule,
                    (first, second),
                    f"{key[0]}, {key[1]}s: complete lists differ: only in {first.claim['id']}: "
                    f"{_names(set(a - b)) or '-'}; only in {second.claim['id']}: "
                    f"{_names(set(b - a)) or '-'}",
                )
            continue
        partials = _by_set([r for r in records if not r.claim["value"]["complete"]])
        for part, partial in sorted(partials.items(), key=lambda item: item[1].claim["id"]):
            for members, whole in wholes:
                outside = {
                    m for m in part if m not in members and not within.get(m, set()) & members
                }
                if outside:
                    yield consistency_finding(
                        rule,
                        (partial, whole),
                        f"{key[0]}, {key[1]}s: {_names(outside)} in {partial.claim['id']} "
                        f"is not in the complete list of {whole.claim['id']}",
                    )
