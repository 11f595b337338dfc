"""Declared consistency rules (``validators/*.json``): which claims a rule compares, grouped by
which key, with which comparison. The engines that carry them out live in the package."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from astana_facts.findings.severity import Severity
from astana_facts.models.base import Record, Text, schema_ref
from astana_facts.models.kinds import ClaimKindName

Comparison = Literal[
    "date_spans",
    "round_dates",
    "round_ordinals",
    "ordinal_chronology",
    "ordinal_series",
    "durations_against_dates",
    "quantity_intervals",
    "entity_sets",
    "instrument_facts",
    "name_similarity",
    "registered_misspellings",
    "plan_outcomes",
]
"""The kind of comparison an engine makes over a group of claims; each is one module of
``astana_facts.consistency.engines`` (see docs/rules.md)."""


class RuleExample(Record):
    """A pair of examples that document a rule: one that fires, one near miss that does not."""

    fires: Text
    """Claims that the rule flags, in words."""
    near_miss: Text
    """Similar claims that the rule leaves alone, and why."""


class RuleSelector(Record):
    """Which claims a rule looks at."""

    kinds: Annotated[list[ClaimKindName], Field(min_length=1)]
    """Claim kinds the rule applies to (each one of the claim kinds)."""
    modalities: list[Literal["reported", "planned", "opinion"]] = ["reported"]
    """Modalities the rule applies to."""


class Rule(Record):
    """One consistency rule, declared as data."""

    code: Annotated[str, Field(pattern=r"^[A-Z]{3}[0-9]{3}$")]
    """Stable code, cited in findings and adjudications."""
    name: Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
    """Short kebab-case name."""
    severity: Severity
    """error, warning or info."""
    title: Text
    """One-line explanation, shown in the rule table."""
    why: Text
    """Why the rule matters to a fact-checker."""
    fix: Text
    """What to do about a finding: check which source is right and adjudicate, or correct the
    claims when the annotation is at fault."""
    example: RuleExample
    """An example that fires and a near miss that does not."""
    applies_to: RuleSelector
    """Which claims the rule compares."""
    group_by: Annotated[list[str], Field(min_length=1)]
    """Dotted paths into a claim whose values together form the grouping key (``subject``,
    ``value.series``); ``document`` is the claim's document and ``kind`` its kind. Claims that
    lack a path's value are left out of the rule."""
    comparison: Comparison
    """Which engine compares the claims of a group."""
    parameters: dict[str, int | float | str | bool] = {}
    """Settings of the comparison (a tolerance, a threshold)."""


class RulesFile(Record):
    """A file of declared rules under ``validators/``."""

    schema_: str = schema_ref("rules")
    """Path or URI of this file's JSON Schema."""
    rules: list[Rule]
    """The rules."""
