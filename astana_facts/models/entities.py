"""Canonical entities: states, people, organisations, series, rounds, instruments, places."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from astana_facts.models.base import EntityId, Identifier, PositiveInt, Record, Text, schema_ref

EntityKind = Literal[
    "state",
    "person",
    "organisation",
    "group",
    "series",
    "event",
    "instrument",
    "place",
    "work",
]
"""state; person; organisation (ministries, the UN, outlets); group (armed groups, delegations,
the opposition); series (a negotiation series such as the Astana process); event (a round, a
meeting, a congress, a war); instrument (a memorandum, a regulation, a resolution); place; work
(a book or an article)."""


class Entity(Record):
    """One real-world thing that claims refer to, with every surface form it takes in the texts."""

    id: Identifier
    """Stable id, referred to from claims."""
    kind: EntityKind
    """What sort of thing it is."""
    name: Text
    """Canonical name, as a reference source writes it."""
    aliases: list[Text] = []
    """Other correct surface forms used in the texts ("Abdrakhmanov", "the Kazakh FM")."""
    misspellings: list[Text] = []
    """Surface forms in the texts that misspell the name ("Addrakmanov")."""
    series: EntityId | None = None
    """For an event that is a round of a negotiation series: that series."""
    ordinal: PositiveInt | None = None
    """For a round of a series: its number in the series, 1 for the first (reference knowledge,
    like ``part_of``). The temporal reasoner orders the rounds of a series by it as well as by
    ``round_number`` claims; it is never cited as a claim."""
    part_of: list[EntityId] = []
    """Groups or bodies this entity belongs to, from reference knowledge rather than from a
    source (the Free Syrian Army within the Syrian armed opposition): the participants rules
    count a member of a listed group as listed."""
    description: str | None = None
    """One line that tells the entity apart from similar ones."""
    wikidata: Annotated[str, Field(pattern=r"^Q[1-9][0-9]*$")] | None = None
    """Wikidata item id, where one exists."""


class EntitiesFile(Record):
    """``records/entities.json``: every entity the claims mention."""

    schema_: str = schema_ref("entities")
    """Path or URI of this file's JSON Schema."""
    entities: list[Entity]
    """The entities."""
