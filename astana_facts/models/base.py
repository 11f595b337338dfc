"""Shared building blocks of every record model: the strict base class and constrained scalars.

Every constraint here is one that JSON Schema can state too, so the generated schemas and the
models accept exactly the same records (a property test holds them to it).
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PlainSerializer, WithJsonSchema

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
_DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
_DATE_RE = re.compile(_DATE_PATTERN)


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


def _iso_date(value: Any) -> _dt.date:
    """Parse a calendar date written as YYYY-MM-DD (the only form the schema admits)."""
    if isinstance(value, _dt.date) and not isinstance(value, _dt.datetime):
        return value
    if not isinstance(value, str) or not _DATE_RE.fullmatch(value):
        raise ValueError("a date must be a string of the form YYYY-MM-DD")
    try:
        return _dt.date.fromisoformat(value)
    except ValueError as error:
        raise ValueError(f"not a calendar date: {error}") from None


def _integral(value: Any) -> Any:
    """Accept 3.0 where an integer is due, as JSON Schema's ``integer`` type does."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


IsoDate = Annotated[
    _dt.date,
    BeforeValidator(_iso_date),
    PlainSerializer(lambda d: d.isoformat(), return_type=str),
    WithJsonSchema({"type": "string", "format": "date", "pattern": _DATE_PATTERN}),
]
"""A calendar date, written YYYY-MM-DD."""

Identifier = Annotated[str, Field(pattern=ID_PATTERN, min_length=1, max_length=120)]
"""A record id: lower-case ASCII letters and digits in groups joined by single hyphens."""

EntityId = Annotated[str, Field(pattern=ID_PATTERN, min_length=1, max_length=120), ENTITY_REF]
"""The id of an entity in ``records/entities.json``."""

NonNegativeInt = Annotated[int, Field(ge=0), BeforeValidator(_integral)]
"""A whole number, zero or more."""

PositiveInt = Annotated[int, Field(ge=1), BeforeValidator(_integral)]
"""A whole number, one or more."""

Amount = Annotated[
    Annotated[int, Field(ge=0)] | Annotated[float, Field(ge=0, allow_inf_nan=False)],
    BeforeValidator(_integral),
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
