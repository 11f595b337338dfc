"""The canonical layout of records files, and (from :mod:`~astana_facts.jsonio.atomic`) the
writes that happen entirely or not at all: :func:`write_atomic` for one file, :func:`write_all`
for several, :class:`WriteFailed` when they cannot.

Canonical layout: keys in the fixed order of :data:`KEY_ORDER` (unknown keys after, in their
original order), two-space indent, UTF-8 without ``\\u`` escapes, one final newline.
"""

from __future__ import annotations

from typing import Any

import orjson

from astana_facts.jsonio.atomic import Transaction, WriteFailed, write_all, write_atomic

__all__ = [
    "KEY_ORDER",
    "Transaction",
    "WriteFailed",
    "canonical_order",
    "dumps_canonical",
    "dumps_canonical_layout",
    "write_all",
    "write_atomic",
]

KEY_ORDER: tuple[str, ...] = (
    "$schema",
    "id",
    "document",
    "claim",
    "kind",
    "label",
    "type",
    "bound",
    "name",
    "code",
    "fingerprint",
    "title",
    "severity",
    "publisher",
    "author",
    "published",
    "language",
    "original_file",
    "url",
    "archived_url",
    "retrieved",
    "text_file",
    "sha256",
    "subject",
    "series",
    "ordinal",
    "measure",
    "role",
    "members",
    "complete",
    "action",
    "parties",
    "event",
    "relation",
    "objects",
    "office",
    "organisation",
    "place",
    "content",
    "direct",
    "description",
    "part",
    "direction",
    "unit",
    "amount",
    "anchor_part",
    "anchor",
    "value",
    "low",
    "high",
    "tolerance",
    "start",
    "end",
    "precision",
    "stance",
    "date",
    "as_of",
    "inferred",
    "reasoning",
    "entity",
    "via",
    "attribution",
    "modality",
    "exact",
    "prefix",
    "suffix",
    "evidence",
    "aliases",
    "misspellings",
    "part_of",
    "wikidata",
    "version",
    "reason",
    "replaced_by",
    "replacement",
    "since",
    "values",
    "claims",
    "not_check_worthy",
    "verdict",
    "correct_claims",
    "quote",
    "rationale",
    "decided",
    "why",
    "fix",
    "example",
    "fires",
    "near_miss",
    "three_claims",
    "applies_to",
    "kinds",
    "modalities",
    "group_by",
    "comparison",
    "parameters",
    "conflict",
    "mode",
    "facet",
    "actions",
    "threshold",
    "min_length",
    "outcome",
    "days_tolerance",
    "weeks_tolerance",
    "months_tolerance",
    "years_tolerance",
    "approximately_tolerance",
    "ongoing_units",
    "entities",
    "adjudications",
    "facts",
    "verdicts",
    "removals",
    "rules",
    "deprecated",
    "note",
)
"""Canonical order of keys in every records and validators file."""

_RANK = {key: rank for rank, key in enumerate(KEY_ORDER)}
_OPTIONS = orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE


def canonical_order(value: Any) -> Any:
    """``value`` with the keys of every object in canonical order (recursively)."""
    if isinstance(value, dict):
        ordered = sorted(value.items(), key=lambda item: _RANK.get(item[0], len(KEY_ORDER)))
        return {key: canonical_order(item) for key, item in ordered}
    if isinstance(value, list):
        return [canonical_order(item) for item in value]
    return value


def dumps_canonical_layout(value: Any) -> bytes:
    """Serialise ``value`` in the canonical layout, keeping its key order."""
    return orjson.dumps(value, option=_OPTIONS)


def dumps_canonical(value: Any) -> bytes:
    """Serialise ``value`` in the canonical layout with canonical key order."""
    return dumps_canonical_layout(canonical_order(value))
