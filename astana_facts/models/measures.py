"""Registered measures: what a ``count`` claim may count, like entities for what a claim is about.

A measure is a snake_case name shared across documents (``foreign_reporters``). Counts of one
measure of one subject are compared (QTY001); a measure that is not registered would be compared
with nothing, so a claim naming one is an error (REF004) that suggests the closest registered
name, and an alias (``foreign_journalists``) counts as the measure it belongs to.
"""

from __future__ import annotations

from astana_facts.models.base import Record, Text, schema_ref
from astana_facts.models.values import MeasureName


class Measure(Record):
    """One thing that counts count: its name, what it means, and the other names it goes by."""

    id: MeasureName
    """The measure's name, used in ``count`` claims (``foreign_reporters``)."""
    description: Text
    """What is counted, exactly enough to tell it apart from similar measures (who is included,
    accredited or present, a share or a number)."""
    aliases: list[MeasureName] = []
    """Other names for the same measure (``foreign_journalists``): a claim that uses one is
    compared as the measure itself."""


class MeasuresFile(Record):
    """``records/measures.json``: every measure that count claims may use."""

    schema_: str = schema_ref("measures")
    """Path or URI of this file's JSON Schema."""
    measures: list[Measure]
    """The measures."""
