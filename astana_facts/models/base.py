"""Shared building blocks of every record model: the strict base class and constrained scalars.

Every constraint here is one that JSON Schema can state too, so the generated schemas and the
models accept exactly the same records (a property test holds them to it).
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PlainSerializer, WithJsonSchema

from astana_facts.coercions import DATE_PATTERN, integral, iso_date

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"


class Record(BaseModel):
    """Base of all record models: strict types, no unknown fields, immutable.

    Each field is documented by the docstring under it; :func:`astana_facts.models.field_docs.
    describe_fields` copies those into the schemas. (pydantic's ``use_attribute_docstrings`` would
    do it at import time, which costs a third of the start-up of every command.)
    Validators are built on first use (``defer_build``), so importing the models stays cheap.
    """

    model_config = ConfigDict(
        extra="forbid",
        strict=True,
        frozen=True,
        hide_input_in_errors=True,
        defer_build=True,
    )


class EntityRefMarker:
    """Marks a string field that names an entity id, so reference checks can find it."""

    def __repr__(self) -> str:
        return "EntityRef"


ENTITY_REF = EntityRefMarker()


IsoDate = Annotated[
    _dt.date,
    BeforeValidator(iso_date),
    PlainSerializer(lambda d: d.isoformat(), return_type=str),
    WithJsonSchema({"type": "string", "format": "date", "pattern": DATE_PATTERN}),
]
"""A calendar date, written YYYY-MM-DD."""

Identifier = Annotated[str, Field(pattern=ID_PATTERN, min_length=1, max_length=120)]
"""A record id: lower-case ASCII letters and digits in groups joined by single hyphens."""

EntityId = Annotated[str, Field(pattern=ID_PATTERN, min_length=1, max_length=120), ENTITY_REF]
"""The id of an entity in ``records/entities.json``."""

NonNegativeInt = Annotated[int, Field(ge=0), BeforeValidator(integral)]
"""A whole number, zero or more."""

PositiveInt = Annotated[int, Field(ge=1), BeforeValidator(integral)]
"""A whole number, one or more."""

Amount = Annotated[
    Annotated[int, Field(ge=0)] | Annotated[float, Field(ge=0, allow_inf_nan=False)],
    BeforeValidator(integral),
    WithJsonSchema({"type": "number", "minimum": 0}),
]
"""A non-negative number of things; whole numbers stay ``int`` in Python."""

Text = Annotated[str, Field(min_length=1)]
"""A non-empty string."""


def schema_ref(name: str) -> Any:
    """The ``$schema`` field every records file starts with: a path or URI to its schema file."""
    pattern = rf"(^|/){re.escape(name)}\.schema\.json$"
    return Field(
        alias="$schema",
        pattern=pattern,
        description=f"Path or URI of the JSON Schema of this file (ends in {name}.schema.json).",
    )
