"""Typed, normalised values of claims: dates, quantities, sets of entities, and the rest.

What a value means is set out in DESIGN.md ("What a value means"); the consistency rules compare
these values, never the quoted words.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, GetPydanticSchema, WithJsonSchema

from astana_facts.models.base import (
    Amount,
    EntityId,
    IsoDate,
    PositiveInt,
    Record,
    Text,
    number,
)

Precision = Literal["day", "part_of_month", "month", "year"]
"""How finely a date is known: a day, part of a month ("late January"), a month, or a year."""

Stance = Literal["full_span", "day_within", "start", "end"]
"""Which part of an event a date describes."""


MeasureName = Annotated[str, Field(pattern=r"^[a-z0-9]+(_[a-z0-9]+)*$", min_length=1)]
"""The snake_case name of a measure registered in ``records/measures.json``."""

Fraction = Annotated[
    int | float,
    GetPydanticSchema(lambda _type, _handler: number(1, "1")),
    WithJsonSchema({"type": "number", "minimum": 0, "maximum": 1}),
]
"""A share from 0 to 1 (0.15 is 15%; a whole share written 0 or 1, never 1.0)."""


class DateInterval(Record):
    """A stretch of calendar days, both ends included, known to a stated precision.

    A month is written as its first and last day with precision ``month``; "late January - early
    February 2018" as 2018-01-21 to 2018-02-10 with precision ``part_of_month``.
    """

    start: IsoDate
    """First day of the interval (inclusive), YYYY-MM-DD."""
    end: IsoDate
    """Last day of the interval (inclusive), YYYY-MM-DD; equal to ``start`` for a single day."""
    precision: Precision
    """How finely the text states the date: day, part_of_month, month or year."""


class DateValue(DateInterval):
    """When an event took (or will take) place, and which part of it the date describes."""

    stance: Stance
    """full_span: the whole event ("met on May 3rd and 4th"); day_within: one day inside it
    ("held in Astana Dec. 22"); start: its first day ("started on December 20th"); end: its last
    day ("the May 4th conclusion")."""


class Exact(Record):
    """An exact number: "320 foreign reporters"."""

    bound: Literal["exact"]
    """Kind of quantity: exactly ``value``."""
    value: Amount
    """The number stated."""


class AtLeast(Record):
    """A lower bound: "at least half a million" is [500000, infinity)."""

    bound: Literal["at_least"]
    """Kind of quantity: ``value`` or more."""
    value: Amount
    """The lower bound stated."""


class AtMost(Record):
    """An upper bound: "up to 50", "fewer than 10" (use 9)."""

    bound: Literal["at_most"]
    """Kind of quantity: ``value`` or fewer."""
    value: Amount
    """The upper bound stated."""


class Approximately(Record):
    """A round figure: "some 300", "about 400"; the consistency rule states how far it may be
    off, unless the claim states its own ``tolerance``."""

    bound: Literal["approximately"]
    """Kind of quantity: about ``value``."""
    value: Amount
    """The approximate number stated."""
    tolerance: Fraction | None = None
    """How far the true number may be from ``value``, as a share of it (0.15 admits ±15%),
    where the wording says more than the rule's default does ("some 300" is looser than "about
    280"); absent, the rule's ``approximately_tolerance`` applies."""


class Range(Record):
    """A range: "hundreds of thousands" is [200000, 999999]; "two or three" is [2, 3]."""

    bound: Literal["range"]
    """Kind of quantity: between ``low`` and ``high``, both included."""
    low: Amount
    """Smallest value the text admits."""
    high: Amount
    """Largest value the text admits."""


Quantity = Annotated[Exact | AtLeast | AtMost | Approximately | Range, Field(discriminator="bound")]
"""A number as stated, normalised to an interval by its ``bound``."""


class RoundValue(Record):
    """The ordinal of a negotiation round within its series: "the eighth round" in Astana."""

    series: EntityId
    """The negotiation series (entity of kind ``series``) the ordinal counts in."""
    ordinal: PositiveInt
    """The round's number in its series, 1 for the first."""


class CountValue(Record):
    """How many of something there were: reporters, zones, deaths, delegations."""

    measure: MeasureName
    """What is counted: a measure registered in ``records/measures.json`` (``foreign_reporters``)
    or one of its aliases."""
    amount: Quantity
    """The number, normalised to an interval."""
    as_of: DateInterval | None = None
    """When the count held, as days with a precision, where the text says or implies it (a
    running total of deaths). Counts of one measure of one subject are compared when their
    times can coincide; any day from the first day of the subject event on counts as the event
    itself (a count at or after the talks is the talks' count). Absent: the count is of the
    subject event as a whole."""


class DurationValue(Record):
    """How long something lasted: "two-day talks", "28 days", "six years of conflict"."""

    unit: Literal["hour", "day", "week", "month", "year"]
    """Unit of the duration."""
    amount: Quantity
    """How many units, normalised to an interval."""


RelativePart = Literal["start", "end", "day_within"]
"""Which day of an event a relative date speaks of: its first day, its last day, or some day
inside it."""


class RelativeDateValue(Record):
    """A day of the subject event stated as a number of days or weeks after or before a day of an
    anchor event (another event, or the subject itself): "the next day" after "the first day of
    negotiations" is the round's ``end``, ``after``, ``day`` exact 1, the ``start`` of the same
    round; "a week before the congress" is the subject's ``day_within``, ``before``, ``week``
    exact 1, the ``start`` of the congress."""

    part: RelativePart
    """The day of the subject event the text places: ``start`` (its first day), ``end`` (its
    last day) or ``day_within`` (some day inside it, "during the talks")."""
    direction: Literal["after", "before"]
    """Whether that day lies after or before the anchor's day."""
    unit: Literal["day", "week"]
    """Unit of the distance between the two days."""
    amount: Quantity
    """How many units apart the two days are, as an interval: "the next day" exact 1, "the same
    day" exact 0, "more than a week" at_least 1 (with unit week), "within three days" at_most 3,
    "two or three days" range 2 to 3, "some ten days" approximately 10."""
    anchor_part: RelativePart
    """The anchor's day the distance is counted from: ``start``, ``end`` or ``day_within``."""
    anchor: EntityId
    """The event the day is counted from (the subject itself for "the next day" of the same
    talks)."""


class ParticipantsValue(Record):
    """Who took part in an event in one role, as a complete or a partial list."""

    role: Literal[
        "guarantor", "observer", "mediator", "delegation", "host", "participant", "signatory"
    ]
    """The role the members played."""
    members: Annotated[list[EntityId], Field(min_length=1)]
    """The entities named in that role."""
    complete: bool
    """True when the text gives the whole list; false for "including ..." or a list that is
    evidently partial."""


class InstrumentValue(Record):
    """What happened to a document (memorandum, regulation, statement, resolution) and by whom."""

    action: Literal[
        "signed",
        "adopted",
        "approved",
        "discussed",
        "extended",
        "read",
        "announced",
        "proposed",
        "drafted",
        "implemented",
    ]
    """What was done with the instrument."""
    parties: list[EntityId] = []
    """Who did it (signatories, the body that adopted it); empty when the text does not say."""
    date: DateInterval | None = None
    """When it was done, where the text says."""
    event: EntityId | None = None
    """The round or meeting at which it was done, where the text says."""


class StatementValue(Record):
    """Something said by the claim's speaker: a quotation or reported speech."""

    content: Text
    """The statement: the quoted words, or a short paraphrase of reported speech."""
    direct: bool
    """True for a verbatim quotation, false for reported speech."""


class PlanValue(Record):
    """An announced intention that is not the date or place of an event (those are ``event_date``
    and ``location`` claims with modality ``planned``)."""

    description: Text
    """What is planned, in a short sentence."""
    date: DateInterval | None = None
    """When it is planned for, where the text says."""


class LocationValue(Record):
    """Where an event took (or will take) place."""

    place: EntityId
    """The place (entity of kind ``place``)."""


class OfficeValue(Record):
    """An office that a person held at the time of the text."""

    office: Text
    """The office as the text gives it, normalised in wording ("Minister of Foreign Affairs")."""
    organisation: EntityId
    """The state or organisation whose office it is."""


class RelationValue(Record):
    """A standing relation between the subject and other entities: who backs whom."""

    relation: Literal["supports", "opposes", "member_of", "part_of", "mediates_between"]
    """The relation from the subject to the objects."""
    objects: Annotated[list[EntityId], Field(min_length=1)]
    """The entities on the other side of the relation."""
