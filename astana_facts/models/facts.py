"""Facts: what the editors establish about a subject from public sources, typed like a claim.

A fact has the ``kind`` of a claim and the value model of that kind, so the engines that compare
claims can compare a claim with a fact, and facts with each other. Its evidence is one or more
public sources (URL, publisher, dates, the supporting quote), never a document of the corpus.
As plain data a fact has a claim's ``id``, ``kind``, ``subject`` and ``value``, the fields the
engines group and compare by; it has no ``attribution``, ``modality`` or spans (it is no one's
statement: a fact is established, as a ``reported`` claim of the publisher would state it).

The fact models are derived from the claim registry (:data:`~astana_facts.models.kinds.
CLAIM_MODELS`): every claim kind gets its fact model, but for the kinds in
:data:`NOT_FACT_KINDS`, the one place that says which kinds cannot be facts and why. A new claim
kind is therefore a fact kind too unless it is added there.
"""

from __future__ import annotations

import typing
from collections.abc import Mapping
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import Field, create_model

from astana_facts.models.base import (
    EntityId,
    HttpUrl,
    Identifier,
    IsoDate,
    Record,
    Text,
    schema_ref,
)
from astana_facts.models.claims import ClaimBase
from astana_facts.models.kinds import CLAIM_MODELS

NOT_FACT_KINDS: dict[str, str] = {
    "statement": "a statement records who said what; no engine compares what was said, so an "
    "editor judges it with a rationale instead",
    "plan": "a plan is judged by its outcome (kept or not kept), against the facts of the event "
    "it plans, never as true or false",
    "relation": "no engine compares relations (who backs whom); an editor judges them with a "
    "rationale instead",
    "relative_date": "a relative date has no day of its own: the facts state the days of the "
    "events it links (event_date facts), and its judge reads the facts of both events",
}
"""The claim kinds that cannot be facts, each with the reason: their values are not compared by
any engine. Every other claim kind is a fact kind (:data:`FACT_KINDS`)."""


class PublicSource(Record):
    """A public source that supports a fact: where it is, who published it, and its words."""

    url: HttpUrl
    """Where the source is published: an absolute http(s) URL, written in full (never shortened
    with an ellipsis), characters outside RFC 3986 percent-encoded."""
    archived_url: HttpUrl | None = None
    """A copy of the page in a web archive, where one exists."""
    publisher: Text
    """Who published the source (a news agency, a ministry, the UN)."""
    title: Text | None = None
    """The title of the page, as it gives it, where known."""
    published: IsoDate | None = None
    """When the source was published, where known; not in the future."""
    retrieved: IsoDate
    """When the editor read the quote in the page (or in a stored copy of it); not in the
    future."""
    quote: Text
    """The words of the source that support the fact, verbatim."""


class FactBase(Record):
    """Fields every fact has, whatever its kind."""

    id: Identifier
    """Unique id of the fact (``fact-`` and a slug: ``fact-astana-round-9-dates``)."""
    subject: EntityId
    """The entity the fact is about, as for a claim of the same kind."""
    evidence: Annotated[list[PublicSource], Field(min_length=1)]
    """The public sources that establish the fact, at least one."""
    rationale: Text
    """Why the evidence establishes the value (which source says what, and what was settled)."""

    if TYPE_CHECKING:  # set by each kind's model (:func:`fact_models`)
        kind: str
        value: Any


def fact_model_name(claim_model: type[ClaimBase]) -> str:
    """The name of the fact model of a claim model: ``EventDateClaim`` -> ``EventDateFact``."""
    return claim_model.__name__.removesuffix("Claim") + "Fact"


def fact_models(claim_models: Mapping[str, type[ClaimBase]]) -> dict[str, type[FactBase]]:
    """Kind -> fact model, for every kind of ``claim_models`` not in :data:`NOT_FACT_KINDS`:
    a :class:`FactBase` with that kind's ``kind`` tag and the claim model's value type."""
    models: dict[str, type[FactBase]] = {}
    for kind, claim_model in claim_models.items():
        if kind in NOT_FACT_KINDS:
            continue
        value = claim_model.model_fields["value"].annotation
        fields: dict[str, Any] = {
            "kind": (
                Literal[kind],
                Field(description=f"Fact kind: the claim kind {kind!r}, whose value it has."),
            ),
            "value": (
                value,
                Field(description=f"The established value, as a {kind} claim states it."),
            ),
        }
        models[kind] = create_model(
            fact_model_name(claim_model),
            __base__=FactBase,
            __module__=__name__,
            __doc__=f"A fact of kind {kind}, typed like a {kind} claim.",
            **fields,
        )
    return models


FACT_MODELS: dict[str, type[FactBase]] = fact_models(CLAIM_MODELS)
"""Fact kind -> its model, in the order of the claim union."""

FACT_KINDS: tuple[str, ...] = tuple(FACT_MODELS)
"""Every kind a fact may have, in the order of the claim union."""

# The models are module attributes, so the compiled validators rebuild them with the others.
globals().update({model.__name__: model for model in FACT_MODELS.values()})

if TYPE_CHECKING:
    Fact = FactBase
else:
    Fact = Annotated[
        typing.Union[tuple(FACT_MODELS.values())],  # noqa: UP007 (a union built from a tuple)
        Field(discriminator="kind"),
    ]
"""Any fact; ``kind`` selects the model."""


class FactsFile(Record):
    """``records/facts.json``: what the editors establish from public sources."""

    schema_: str = schema_ref("facts")
    """Path or URI of this file's JSON Schema."""
    facts: list[Fact]
    """The facts."""
