"""What changed between two versions of the dataset, and the version bump that the change needs.

Semantic versioning for data (DESIGN.md, "Versions"): a record removed or re-identified, a field
removed or renamed, a schema change that old data or old readers fail on, or a rule made
stricter is **major**; records or kinds added, a rule loosened or added at info level is
**minor**; corrected values, spans, texts or metadata are **patch**.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from astana_facts.versions.sides import JsonObject, Side

BUMPS = ("none", "patch", "minor", "major")
"""Bumps from the smallest; a change needs the largest bump of its parts."""
_SEVERITY = {"info": 0, "warning": 1, "error": 2}


@dataclass(frozen=True)
class FieldChange:
    """One value that differs: its JSON Pointer in the record, old and new (None: absent)."""

    pointer: str
    old: Any
    new: Any


@dataclass
class Change:
    """One record, rule or schema that was added, removed or changed."""

    kind: str
    """document, claim, entity, rule or schema."""
    id: str
    change: str
    """added, removed or changed."""
    bump: str
    why: str
    fields: list[FieldChange] = field(default_factory=list)


@dataclass
class DatasetDiff:
    """Every change from ``old`` to ``new``, and the bump they need together."""

    old: str
    new: str
    changes: list[Change] = field(default_factory=list)

    @property
    def bump(self) -> str:
        """The largest bump any change needs ("none" when nothing changed)."""
        return max((c.bump for c in self.changes), key=BUMPS.index, default="none")

    def counts(self) -> dict[str, dict[str, int]]:
        """Kind -> change -> how many."""
        counts: dict[str, dict[str, int]] = {}
        for change in self.changes:
            per_kind = counts.setdefault(change.kind, {"added": 0, "removed": 0, "changed": 0})
            per_kind[change.change] += 1
        return counts


def flatten(value: Any, pointer: str = "") -> Iterator[tuple[str, Any]]:
    """(JSON Pointer, scalar) of every leaf; lists of scalars stay whole values.

    Walked with a stack of its own, not by recursion: a side is any JSON a folder holds, nested
    as deep as the JSON parser goes (1,024 levels), deeper than Python's recursion limit."""
    stack: list[tuple[str, Any]] = [(pointer, value)]
    while stack:
        here, node = stack.pop()
        if isinstance(node, dict):
            stack += [(f"{here}/{key}", node[key]) for key in sorted(node, reverse=True)]
        elif isinstance(node, list) and any(isinstance(item, dict | list) for item in node):
            stack += [(f"{here}/{index}", node[index]) for index in reversed(range(len(node)))]
        else:
            yield here, node


def same(old: Any, new: Any) -> bool:
    """Whether two JSON values are equal (as ``==``), compared without recursion, so that values
    nested deeper than Python's recursion limit compare too."""
    pairs: list[tuple[Any, Any]] = [(old, new)]
    while pairs:
        a, b = pairs.pop()
        if isinstance(a, dict) and isinstance(b, dict):
            if a.keys() != b.keys():
                return False
            pairs += [(a[key], b[key]) for key in a]
        elif isinstance(a, list) and isinstance(b, list):
            if len(a) != len(b):
                return False
            pairs += zip(a, b, strict=True)
        elif isinstance(a, dict | list) or isinstance(b, dict | list) or a != b:
            return False
    return True


def field_changes(old: JsonObject, new: JsonObject) -> list[FieldChange]:
    """The leaves that differ between two records, in pointer order."""
    before, after = dict(flatten(old)), dict(flatten(new))
    return [
        FieldChange(pointer, before.get(pointer), after.get(pointer))
        for pointer in sorted(before.keys() | after.keys())
        if before.get(pointer) != after.get(pointer)
    ]


def _records(kind: str, old: dict[str, JsonObject], new: dict[str, JsonObject]) -> Iterator[Change]:
    for record_id in sorted(old.keys() | new.keys()):
        if record_id not in new:
            yield Change(kind, record_id, "removed", "major", f"a {kind} removed or re-identified")
        elif record_id not in old:
            yield Change(kind, record_id, "added", "minor", f"a {kind} added")
        elif not same(old[record_id], new[record_id]):
            fields = field_changes(old[record_id], new[record_id])
            why = "text corrected" if any(f.pointer == "/sha256" for f in fields) else "corrected"
            yield Change(kind, record_id, "changed", "patch", f"{kind} {why}", fields)


def _claims(old: Side, new: Side) -> Iterator[Change]:
    """The claims' changes, as any record's, but: a claim id gone is named by its entry in the
    new side's removal log, or said to have none (both major: a user's stored id no longer
    finds its claim); a claim newly deprecated is minor (it stays, its replacements added)."""
    for change in _records("claim", old.claims, new.claims):
        if change.change == "removed":
            change.why = _removed_why(new.removals.get(change.id))
        elif change.change == "changed" and _newly_deprecated(
            old.claims[change.id], new.claims[change.id]
        ):
            deprecation = new.claims[change.id]["deprecated"]
            change.bump = "minor"
            change.why = "claim deprecated: " + _reason_and(deprecation, "replaced_by")
        yield change


def _newly_deprecated(old: JsonObject, new: JsonObject) -> bool:
    return isinstance(new.get("deprecated"), dict) and not old.get("deprecated")


def _reason_and(entry: JsonObject, key: str) -> str:
    """An entry's reason and its replacement ids, in words."""
    ids = entry.get(key)
    named = ", ".join(str(i) for i in ids) if isinstance(ids, list) and ids else "nothing"
    return f"{entry.get('reason', '')} (replaced by {named})"


def _removed_why(removal: JsonObject | None) -> str:
    if removal is None:
        return (
            "a claim removed or re-identified with no entry in records/removals.json: a stored "
            "id disappears silently (log it: id, version, reason, replacement)"
        )
    return f"a claim removed in {removal.get('version')}: " + _reason_and(removal, "replacement")


def _level(rule: JsonObject) -> int:
    """The rank of a rule's severity (0 when it is not one of the three)."""
    severity = rule.get("severity")
    return _SEVERITY.get(severity, 0) if isinstance(severity, str) else 0


def _applies_to(rule: JsonObject, key: str) -> set[str]:
    """The names a rule's ``applies_to`` lists under ``key`` (none when the rule is malformed:
    the diff compares what is there, ``validate`` says what is wrong)."""
    applies = rule.get("applies_to")
    names = applies.get(key) if isinstance(applies, dict) else None
    return {name for name in names if isinstance(name, str)} if isinstance(names, list) else set()


def _rule_change(code: str, old: JsonObject, new: JsonObject) -> Change:
    fields = field_changes(old, new)
    stricter, looser = [], []
    old_level, new_level = _level(old), _level(new)
    if new_level > old_level:
        stricter.append("severity raised")
    elif new_level < old_level:
        looser.append("severity lowered")
    for key in ("kinds", "modalities"):
        before, after = _applies_to(old, key), _applies_to(new, key)
        if after - before:
            stricter.append(f"applies to more {key}")
        if before - after:
            looser.append(f"applies to fewer {key}")
    for key in ("comparison", "group_by", "parameters"):
        if not same(old.get(key), new.get(key)):
            stricter.append(f"{key} changed")
    if stricter:
        return Change(
            "rule", code, "changed", "major", "rule made stricter: " + ", ".join(stricter), fields
        )
    if looser:
        return Change(
            "rule", code, "changed", "minor", "rule loosened: " + ", ".join(looser), fields
        )
    return Change("rule", code, "changed", "patch", "rule documentation changed", fields)


def _rules(old: dict[str, JsonObject], new: dict[str, JsonObject]) -> Iterator[Change]:
    for code in sorted(old.keys() | new.keys()):
        if code not in new:
            yield Change("rule", code, "removed", "minor", "a rule removed (checks loosened)")
        elif code not in old:
            level = new[code].get("severity")
            if level == "info":
                yield Change("rule", code, "added", "minor", "a rule added at info level")
            else:
                yield Change("rule", code, "added", "major", f"a rule added at {level} level")
        elif not same(old[code], new[code]):
            yield _rule_change(code, old[code], new[code])


def _object_nodes(schema: Any, pointer: str = "") -> Iterator[tuple[str, JsonObject]]:
    """Every sub-schema of a JSON Schema, by pointer, parents first (a stack, not recursion,
    as :func:`flatten`)."""
    stack: list[tuple[str, Any]] = [(pointer, schema)]
    while stack:
        here, node = stack.pop()
        if isinstance(node, dict):
            yield here, node
            stack += [(f"{here}/{key}", value) for key, value in reversed(node.items())]
        elif isinstance(node, list):
            stack += [(f"{here}/{index}", node[index]) for index in reversed(range(len(node)))]


def schema_breaks(old: JsonObject, new: JsonObject) -> tuple[list[str], list[str]]:
    """(breaking changes, compatible additions) between two versions of one JSON Schema."""
    breaking: list[str] = []
    additions: list[str] = []
    new_nodes = dict(_object_nodes(new))
    old_nodes = dict(_object_nodes(old))
    for pointer, node in old_nodes.items():
        twin = new_nodes.get(pointer)
        if twin is None:
            if pointer.count("/") <= 2 and pointer.startswith("/$defs/"):
                breaking.append(f"{pointer} removed")
            continue
        removed = set(node.get("properties", {})) - set(twin.get("properties", {}))
        breaking += [f"{pointer}/properties/{name} removed" for name in sorted(removed)]
        required = set(twin.get("required", [])) - set(node.get("required", []))
        breaking += [f"{pointer}: {name} became required" for name in sorted(required)]
        if "enum" in node and "enum" in twin:
            lost = [v for v in node["enum"] if v not in twin["enum"]]
            gained = [v for v in twin["enum"] if v not in node["enum"]]
            breaking += [f"{pointer}: value {v!r} no longer allowed" for v in lost]
            additions += [f"{pointer}: value {v!r} allowed" for v in gained]
        if node.get("type") != twin.get("type") and "type" in node:
            breaking.append(f"{pointer}: type {node.get('type')} became {twin.get('type')}")
        added = set(twin.get("properties", {})) - set(node.get("properties", {}))
        additions += [f"{pointer}/properties/{name} added" for name in sorted(added)]
    for pointer in new_nodes.keys() - old_nodes.keys():
        if pointer.count("/") == 2 and pointer.startswith("/$defs/"):
            additions.append(f"{pointer} added")
    return breaking, sorted(additions)


def _schemas(old: dict[str, JsonObject], new: dict[str, JsonObject]) -> Iterator[Change]:
    for name in sorted(old.keys() | new.keys()):
        if name not in new:
            yield Change("schema", name, "removed", "major", "a schema removed")
        elif name not in old:
            yield Change("schema", name, "added", "minor", "a schema added")
        elif not same(old[name], new[name]):
            breaking, additions = schema_breaks(old[name], new[name])
            fields = [FieldChange(item, None, None) for item in breaking + additions]
            if breaking:
                yield Change("schema", name, "changed", "major", "; ".join(breaking[:5]), fields)
            elif additions:
                yield Change("schema", name, "changed", "minor", "; ".join(additions[:5]), fields)
            else:
                yield Change("schema", name, "changed", "patch", "descriptions changed")


def diff_sides(old: Side, new: Side) -> DatasetDiff:
    """Every change from ``old`` to ``new``."""
    result = DatasetDiff(old.label, new.label)
    result.changes += _records("document", old.documents, new.documents)
    result.changes += _claims(old, new)
    result.changes += _records("entity", old.entities, new.entities)
    result.changes += _records("fact", old.facts, new.facts)
    result.changes += _rules(old.rules, new.rules)
    result.changes += _schemas(old.schemas, new.schemas)
    return result
