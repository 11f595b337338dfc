"""The parameters of each engine, typed: what a declared rule may set under ``parameters``.

Each engine of :mod:`astana_facts.consistency.engines` has one model here (several engines share
:class:`NoParameters`), and :mod:`astana_facts.models.rules` pairs each ``comparison`` with its
model, so a misspelt or ill-typed parameter (``"threshhold"``, ``"mode": "complet"``) is a schema
error (SCH008) with its file, line and field, and the engines read complete, typed parameters:
every default is stated here, none in engine code.

Lists of words (``actions``, ``ongoing_units``) are written as comma-separated strings
(``"signed,adopted"``); the words allowed are read off the claim value models, and
:func:`astana_facts.consistency.context.words` splits them.
"""

from __future__ import annotations

import re
import typing
from typing import Annotated, Literal

from pydantic import Field, GetPydanticSchema, WithJsonSchema

from astana_facts.models.base import Amount, PositiveInt, Record, number
from astana_facts.models.values import DurationValue, InstrumentValue


def _words_pattern(literal: object, *, empty: bool = False) -> str:
    """A pattern for a comma-separated list of the values of ``literal`` (spaces allowed; the
    empty string too when ``empty``)."""
    words = "|".join(re.escape(str(word)) for word in typing.get_args(literal))
    listed = rf" *({words}) *(, *({words}) *)*"
    return rf"^({listed})?$" if empty else rf"^{listed}$"


Percentage = Annotated[
    int | float,
    GetPydanticSchema(lambda _type, _handler: number(100, "100")),
    WithJsonSchema({"type": "number", "minimum": 0, "maximum": 100}),
]
"""A similarity score, 0 to 100 (a whole score written 85, never 85.0)."""

InstrumentActions = Annotated[
    str, Field(pattern=_words_pattern(InstrumentValue.model_fields["action"].annotation))
]
"""Comma-separated instrument actions (``signed,adopted``)."""

DurationUnits = Annotated[
    str, Field(pattern=_words_pattern(DurationValue.model_fields["unit"].annotation, empty=True))
]
"""Comma-separated duration units (``month,year``), or ``""`` for none."""


class NoParameters(Record):
    """The engine takes no parameters: ``parameters`` is ``{}``."""


class TemporalParameters(Record):
    """``temporal``: which contradictions the rule reports, and how loosely a duration is read."""

    conflict: Literal[
        "dates", "durations_against_dates", "durations", "chronology", "relative_dates"
    ] = "dates"
    """``dates``: the dates of one event among themselves; ``durations_against_dates``: its
    durations with its dates; ``durations``: its durations among themselves; ``chronology``:
    the rounds of a series against their order (group by ``value.series``);
    ``relative_dates``: relative dates against the dates, durations and other relative dates
    of the events they link (select ``relative_date``, ``event_date`` and ``duration`` claims,
    group by ``subject``)."""

    approximately_tolerance: Amount = 0.1
    """Relative tolerance of an approximate amount ("some two weeks"): 0.1 is ±10%."""
    days_tolerance: Amount = 0
    """Days a duration (or a relative date's distance) in days may be off."""
    weeks_tolerance: Amount = 0
    """Weeks a duration (or a relative date's distance) in weeks may be off."""
    months_tolerance: Amount = 0
    """Months a duration in months may be off ("six months" counts months begun or completed)."""
    years_tolerance: Amount = 0
    """Years a duration in years may be off ("six years of conflict")."""
    ongoing_units: DurationUnits = ""
    """Units of durations that run to the publication of their document when no date claim
    ends the event (wars, not talks): comma-separated, ``""`` for none."""


class QuantityParameters(Record):
    """``quantity_intervals``: how loosely an approximate count is read."""

    approximately_tolerance: Amount = 0.1
    """Relative tolerance of an approximate amount ("some 300"): 0.1 is ±10%. A claim that
    states its own ``tolerance`` is read with that instead; findings say which was used."""


class EntitySetParameters(Record):
    """``entity_sets``: which lists are compared."""

    mode: Literal["complete", "partial"] = "complete"
    """``complete``: two complete lists must be equal; ``partial``: a partial list must fit
    inside every complete one."""


class InstrumentParameters(Record):
    """``instrument_facts``: which fact of an instrument's conclusion is compared."""

    facet: Literal["date", "event", "parties"] = "date"
    """``date``: dates that share no day; ``event``: two rounds; ``parties``: two lists."""
    actions: InstrumentActions = "signed"
    """The actions that conclude an instrument, comma-separated (``signed,adopted``)."""


class NameSimilarityParameters(Record):
    """``name_similarity``: when a form in a quote is close to a registered name."""

    threshold: Percentage = 85
    """The similarity score (0-100) from which an unregistered form is reported."""
    min_length: PositiveInt = 5
    """Shorter forms are not compared (short names are close to too many others)."""


class PlanParameters(Record):
    """``plan_outcomes``: which outcome of a plan is reported."""

    outcome: Literal["missed", "kept"] = "missed"
    """``missed``: a later report contradicts the plan; ``kept``: later reports bear it out."""
