"""``entity_sets``: who took part in one event in one role.

With ``mode: complete``, two complete lists must be equal. With ``mode: partial``, every member
of a partial list must be in each complete list, or be part of one of its members: by the
entity's ``part_of`` or a reported ``member_of``/``part_of`` relation claim ("the Free Syrian
Army" within "the armed opposition").
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import combinations

from astana_facts.consistency.context import Context, key_part, rule_groups
from astana_facts.consistency.findings import consistency_finding
from astana_facts.findings.finding import Finding
from astana_facts.reading.records import ClaimRecord, PlainRecord

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


def _by_set(records: list[ClaimRecord]) -> list[tuple[frozenset[str], list[ClaimRecord]]]:
    """The claims of each distinct member list, lists in the order of their first claim."""
    holders: dict[frozenset[str], list[ClaimRecord]] = {}
    for record in records:
        holders.setdefault(frozenset(record.claim["value"]["members"]), []).append(record)
    return list(holders.items())


def _set_key(members: frozenset[str]) -> str:
    return ",".join(sorted(members))


def run(rule: PlainRecord, context: Context) -> Iterator[Finding]:
    """Findings for complete lists that differ, or partial lists that do not fit: one per pair
    of distinct lists, with every claim that gives either list, fingerprinted by the lists."""
    mode = rule["parameters"]["mode"]
    within = containers(context) if mode == "partial" else {}
    for key, records in rule_groups(rule, context).items():
        wholes = _by_set([r for r in records if r.claim["value"]["complete"]])
        if mode == "complete":
            for (a, first), (b, second) in combinations(wholes, 2):
                yield consistency_finding(
                    rule,
                    (*first, *second),
                    f"{key[0]}, {key_part(key, 1)}s: complete lists differ: only in "
                    f"{first[0].claim['id']}: {_names(set(a - b)) or '-'}; only in "
                    f"{second[0].claim['id']}: {_names(set(b - a)) or '-'}",
                    str(key[0]),
                    str(key_part(key, 1)),
                    values=(_set_key(a), _set_key(b)),
                )
            continue
        partials = _by_set([r for r in records if not r.claim["value"]["complete"]])
        for part, partial in partials:
            for members, whole in wholes:
                outside = {
                    m for m in part if m not in members and not within.get(m, set()) & members
                }
                if outside:
                    yield consistency_finding(
                        rule,
                        (*partial, *whole),
                        f"{key[0]}, {key_part(key, 1)}s: {_names(outside)} in "
                        f"{partial[0].claim['id']} "
                        f"is not in the complete list of {whole[0].claim['id']}",
                        str(key[0]),
                        str(key_part(key, 1)),
                        values=(f"partial: {_set_key(part)}", f"complete: {_set_key(members)}"),
                    )
