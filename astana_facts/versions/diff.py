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
    """(JSON Pointer, scalar) of every leaf; lists of scalars stay whole values."""
    if isinstance(value, dict):
        for key in sorted(value):
            yield from flatten(value[key], f"{pointer}/{key}")
    elif isinstance(value, list) and any(isinstance(item, dict | list) for item in value):
        for index, item in enumerate(value):
            yield from flatten(item, f"{pointer}/{index}")
    else:
        yield pointer, value


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
        elif old[record_id] != new[record_id]:
            fields = field_changes(old[record_id], new[record_id])
            why = "text corrected" if any(f.pointer == "/sha256" for f in fields) else "corrected"
            yield Change(kind, record_id, "changed", "patch", f"{kind} {why}", fields)


def _rule_change(code: str, old: JsonObject, new: JsonObject) -> Change:
    fields = field_changes(old, new)
    stricter, looser = [], []
    old_level, new_level = (
        _SEVERITY.get(old.get("severity", ""), 0),
        _SEVERITY.get(new.get("severity", ""), 0),
    )
    if new_level > old_level:
        stricter.append("severity raised")
    elif new_level < old_level:
        looser.append("severity lowered")
    for key in ("kinds", "modalities"):
        before = set(old.get("applies_to", {}).get(key, []))
        after = set(new.get("applies_to", {}).get(key, []))
        if after - before:
            stricter.append(f"applies to more {key}")
        if before - after:
            looser.append(f"applies to fewer {key}")
    for key in ("comparison", "group_by", "parameters"):
        if old.get(key) != new.get(key):
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
        elif old[code] != new[code]:
            yield _rule_change(code, old[code], new[code])


def _object_nodes(schema: Any, pointer: str = "") -> Iterator[tuple[str, JsonObject]]:
    """Every sub-schema of a JSON Schema, by pointer."""
    if isinstance(schema, dict):
        yield pointer, schema
        for key, value in schema.items():
            yield from _object_nodes(value, f"{pointer}/{key}")
    elif isinstance(schema, list):
        for index, value in enumerate(schema):
            yield from _object_nodes(value, f"{pointer}/{index}")


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
        elif old[name] != new[name]:
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
    result.changes += _records("claim", old.claims, new.claims)
    result.changes += _records("entity", old.entities, new.entities)
    result.changes += _rules(old.rules, new.rules)
    result.changes += _schemas(old.schemas, new.schemas)
    return result
