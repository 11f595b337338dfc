"""What the consistency engines read: the checked claims, indexed, and the documents' dates.

Built once from :class:`~astana_facts.dataset.Records` (claims kept); engines only read it, but
for ``tally``, where the rule running reports the groups it compared and skipped.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from typing import Any

from astana_facts.consistency.memo import Made, Memo, remembered
from astana_facts.findings.rule_stats import Tally
from astana_facts.integrity.measures import measure_names
from astana_facts.reading.records import ClaimRecord, PlainRecord, Records, standing

GroupKey = tuple[Hashable, ...]


@dataclass
class Context:
    """The claims of a records folder with the indexes that several engines share."""

    claims: list[ClaimRecord]
    entities: dict[str, PlainRecord] = field(default_factory=dict)
    measures: dict[str, str] = field(default_factory=dict)
    """Every registered measure name (ids and aliases) -> the measure's id."""
    published: dict[str, tuple[dt.date, dt.date]] = field(default_factory=dict)
    """Document id -> earliest and latest possible publication day."""
    by_kind: dict[str, list[ClaimRecord]] = field(default_factory=dict)
    by_subject_kind: dict[tuple[str, str], list[ClaimRecord]] = field(default_factory=dict)
    grouped: dict[GroupKey, dict[GroupKey, list[ClaimRecord]]] = field(default_factory=dict)
    """Groups already made, by what makes them (see :func:`rule_groups`)."""
    solved: Memo = field(default_factory=dict)
    """What an engine worked out once for several rules or calls (the temporal reasoner: an
    event's network and its conflicts, which DUR001 and DUR002 share; the chronology rule: an
    event's value groups, which its windows share), each with the object it was made from
    (:meth:`remembered`). Filled lazily in whichever process runs the rules (rules that share
    groups run in one batch, so in one process), from the claims alone, so it never changes a
    finding."""
    tally: Tally = field(default_factory=Tally)
    """Where the engine of the rule running counts the groups it compares and skips (a new
    tally per rule: :func:`~astana_facts.consistency.run_rule`)."""

    def remembered(self, key: Hashable, source: object, make: Callable[[], Made]) -> Made:
        """``make()``, worked out once for ``key`` and the object ``source`` it is made from, for
        the rules run in this process (:func:`~astana_facts.consistency.memo.remembered`)."""
        return remembered(self.solved, key, source, make)

    def subject_claims(
        self, subject: str, kind: str, modalities: Iterable[str]
    ) -> list[ClaimRecord]:
        """Claims about ``subject`` of one kind and the given modalities, in id order."""
        wanted = set(modalities)
        return [
            record
            for record in self.by_subject_kind.get((subject, kind), [])
            if record.claim["modality"] in wanted
        ]


def build_context(records: Records) -> Context:
    """Index the claims of ``records`` (which must hold them: ``run(..., keep=True)``) but the
    deprecated ones, which no rule compares."""
    claims = sorted(standing(records.claims), key=lambda record: record.claim["id"])
    context = Context(claims=claims)
    context.entities = {entity["id"]: entity for entity, _ in records.entities}
    context.measures = measure_names(measure for measure, _ in records.measures)
    for document_id, source in records.sources.items():
        published = source.metadata["published"]
        context.published[document_id] = (published["start"], published["end"])
    for record in claims:
        subject, kind = record.claim["subject"], record.claim["kind"]
        context.by_kind.setdefault(kind, []).append(record)
        context.by_subject_kind.setdefault((subject, kind), []).append(record)
    return context


def getter(path: str) -> Callable[[ClaimRecord], Any]:
    """A function reading a dotted path of a claim (``value.series``), built once per path:
    None where the claim has no such value; ``document`` is the claim's document. Lists become
    tuples and dicts sorted item tuples, so values can be group keys."""
    if path == "document":
        return lambda record: record.document
    parts = path.split(".")
    if len(parts) == 1:
        (only,) = parts

        def get_field(record: ClaimRecord) -> Any:
            value = record.claim.get(only)
            return _hashable(value) if isinstance(value, _CONTAINERS) else value

        return get_field

    def get(record: ClaimRecord) -> Any:
        node: Any = record.claim
        for part in parts:
            if not isinstance(node, dict) or part not in node:
                return None
            node = node[part]
        return _hashable(node)

    return get


_CONTAINERS = (dict, list)
"""The values a group key holds as tuples (a tuple of types: ``dict | list`` would be built again
at every call)."""


def _hashable(node: Any) -> Hashable:
    if isinstance(node, dict):
        return tuple(sorted((key, _hashable(value)) for key, value in node.items()))
    if isinstance(node, list):
        return tuple(_hashable(item) for item in node)
    return node  # type: ignore[no-any-return]


def select(rule: PlainRecord, context: Context) -> list[ClaimRecord]:
    """The claims a rule applies to: its kinds and modalities, in id order."""
    kinds = set(rule["applies_to"]["kinds"])
    modalities = set(rule["applies_to"]["modalities"])
    if len(kinds) == 1:
        (kind,) = kinds
        pool = context.by_kind.get(kind, [])
    else:
        pool = [record for record in context.claims if record.claim["kind"] in kinds]
    return [record for record in pool if record.claim["modality"] in modalities]


def rule_groups(rule: PlainRecord, context: Context) -> dict[GroupKey, list[ClaimRecord]]:
    """The claims of ``rule`` (:func:`select`) grouped by its key (:func:`group`), made once per
    selection and key: rules that share them (several rules of one engine do) share the groups.
    The groups are shared, so engines must not change them."""
    key = recipe(rule)
    found = context.grouped.get(key)
    if found is None:
        found = context.grouped[key] = group(rule, select(rule, context))
    return found


def recipe(rule: PlainRecord) -> GroupKey:
    """What a rule's groups are made from: its kinds, modalities and ``group_by`` paths. Rules
    with one recipe share their groups (:func:`rule_groups`)."""
    applies_to = rule["applies_to"]
    return (
        tuple(sorted(applies_to["kinds"])),
        tuple(sorted(applies_to["modalities"])),
        tuple(rule["group_by"]),
    )


def group(rule: PlainRecord, claims: Iterable[ClaimRecord]) -> dict[GroupKey, list[ClaimRecord]]:
    """Claims grouped by the rule's ``group_by`` paths; groups in a deterministic key order.

    A ``value.as_of`` (or any optional path) that is absent groups as None; a path that is
    absent from a claim whose kind does not have it leaves the claim out only when it is the
    first path (the subject of the comparison).
    """
    groups: dict[GroupKey, list[ClaimRecord]] = {}
    first, *rest = [getter(path) for path in rule["group_by"]]
    for record in claims:
        head = first(record)
        if head is None:
            continue
        if not rest:
            key: GroupKey = (head,)
        elif len(rest) == 1:
            key = (head, rest[0](record))
        else:
            key = (head, *[get(record) for get in rest])
        groups.setdefault(key, []).append(record)
    return {key: groups[key] for key in sorted(groups, key=repr)}


def key_part(key: GroupKey, index: int) -> object:
    """Part ``index`` of a group key, or None when the rule groups by fewer paths than its
    engine's messages name (a rule may declare a single ``group_by`` path; its findings then
    say "None" there instead of failing)."""
    return key[index] if index < len(key) else None


def words(parameter: str) -> frozenset[str]:
    """The words of a comma-separated list parameter (``"signed, adopted"``), validated against
    the engine's parameters model when the rule was read."""
    return frozenset(word.strip() for word in parameter.split(",")) - {""}
