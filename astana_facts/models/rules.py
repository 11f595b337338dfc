"""Declared consistency rules (``validators/*.json``): which claims a rule compares, grouped by
which key, with which comparison. The engines that carry them out live in the package."""

from __future__ import annotations

import typing
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import Field

from astana_facts.findings.severity import Severity
from astana_facts.models.base import Record, Text, schema_ref
from astana_facts.models.kinds import ClaimKindName
from astana_facts.models.parameters import (
    EntitySetParameters,
    InstrumentParameters,
    NameSimilarityParameters,
    NoParameters,
    PlanParameters,
    QuantityParameters,
    TemporalParameters,
)


class RuleExample(Record):
    """A pair of examples that document a rule: one that fires, one near miss that does not."""

    fires: Text
    """Claims that the rule flags, in words."""
    near_miss: Text
    """Similar claims that the rule leaves alone, and why."""
    three_claims: Text | None = None
    """A contradiction that only three claims together make (each pair of them compatible),
    for the rules of the temporal reasoner; or why the rule's contradictions always show in a
    pair."""


class RuleSelector(Record):
    """Which claims a rule looks at."""

    kinds: Annotated[list[ClaimKindName], Field(min_length=1)]
    """Claim kinds the rule applies to (each one of the claim kinds)."""
    modalities: list[Literal["reported", "planned", "opinion"]] = ["reported"]
    """Modalities the rule applies to."""


class RuleBase(Record):
    """What every declared consistency rule states, whatever its engine."""

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


class TemporalRule(RuleBase):
    """A rule carried out by the ``temporal`` engine (dates, durations and round order as one
    network of difference constraints)."""

    comparison: Literal["temporal"]
    """Which engine compares the claims of a group."""
    parameters: TemporalParameters = Field(default={}, validate_default=True)
    """Settings of the engine: see TemporalParameters."""


class RoundDatesRule(RuleBase):
    """A rule carried out by the ``round_dates`` engine (dates of the events given one round)."""

    comparison: Literal["round_dates"]
    """Which engine compares the claims of a group."""
    parameters: NoParameters = Field(default={}, validate_default=True)
    """Settings of the engine: see NoParameters."""


class RoundOrdinalsRule(RuleBase):
    """A rule carried out by the ``round_ordinals`` engine (ordinals given to one event)."""

    comparison: Literal["round_ordinals"]
    """Which engine compares the claims of a group."""
    parameters: NoParameters = Field(default={}, validate_default=True)
    """Settings of the engine: see NoParameters."""


class OrdinalSeriesRule(RuleBase):
    """A rule carried out by the ``ordinal_series`` engine (one ordinal in two series)."""

    comparison: Literal["ordinal_series"]
    """Which engine compares the claims of a group."""
    parameters: NoParameters = Field(default={}, validate_default=True)
    """Settings of the engine: see NoParameters."""


class QuantitiesRule(RuleBase):
    """A rule carried out by the ``quantity_intervals`` engine (counts as intervals)."""

    comparison: Literal["quantity_intervals"]
    """Which engine compares the claims of a group."""
    parameters: QuantityParameters = Field(default={}, validate_default=True)
    """Settings of the engine: see QuantityParameters."""


class EntitySetsRule(RuleBase):
    """A rule carried out by the ``entity_sets`` engine (lists of participants)."""

    comparison: Literal["entity_sets"]
    """Which engine compares the claims of a group."""
    parameters: EntitySetParameters = Field(default={}, validate_default=True)
    """Settings of the engine: see EntitySetParameters."""


class InstrumentFactsRule(RuleBase):
    """A rule carried out by the ``instrument_facts`` engine (facts of an instrument)."""

    comparison: Literal["instrument_facts"]
    """Which engine compares the claims of a group."""
    parameters: InstrumentParameters = Field(default={}, validate_default=True)
    """Settings of the engine: see InstrumentParameters."""


class NameSimilarityRule(RuleBase):
    """A rule carried out by the ``name_similarity`` engine (names close to registered ones)."""

    comparison: Literal["name_similarity"]
    """Which engine compares the claims of a group."""
    parameters: NameSimilarityParameters = Field(default={}, validate_default=True)
    """Settings of the engine: see NameSimilarityParameters."""


class MisspellingsRule(RuleBase):
    """A rule carried out by the ``registered_misspellings`` engine (misspellings in quotes)."""

    comparison: Literal["registered_misspellings"]
    """Which engine compares the claims of a group."""
    parameters: NoParameters = Field(default={}, validate_default=True)
    """Settings of the engine: see NoParameters."""


class PlanOutcomesRule(RuleBase):
    """A rule carried out by the ``plan_outcomes`` engine (plans against later reports)."""

    comparison: Literal["plan_outcomes"]
    """Which engine compares the claims of a group."""
    parameters: PlanParameters = Field(default={}, validate_default=True)
    """Settings of the engine: see PlanParameters."""


Rule = Annotated[
    TemporalRule
    | RoundDatesRule
    | RoundOrdinalsRule
    | OrdinalSeriesRule
    | QuantitiesRule
    | EntitySetsRule
    | InstrumentFactsRule
    | NameSimilarityRule
    | MisspellingsRule
    | PlanOutcomesRule,
    Field(discriminator="comparison"),
]
"""Any declared rule; ``comparison`` names the engine and selects the model of its parameters."""


def _comparisons() -> tuple[str, ...]:
    union = typing.get_args(Rule)[0]
    return tuple(
        typing.get_args(model.model_fields["comparison"].annotation)[0]
        for model in typing.get_args(union)
    )


COMPARISONS: tuple[str, ...] = _comparisons()
"""The engine names a rule may use, read off :data:`Rule` (a test ties them to the engines)."""

if TYPE_CHECKING:
    Comparison = str
else:
    Comparison = Literal[COMPARISONS]
"""The kind of comparison an engine makes over a group of claims; each is one function of
``astana_facts.consistency.engines`` (see docs/rules.md)."""


class RulesFile(Record):
    """A file of declared rules under ``validators/``."""

    schema_: str = schema_ref("rules")
    """Path or URI of this file's JSON Schema."""
    rules: list[Rule]
    """The rules."""
