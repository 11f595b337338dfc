"""Shared building blocks of every record model: the strict base class and constrained scalars.

Every constraint here is one that JSON Schema can state too, so the generated schemas and the
models accept exactly the same records (a property test holds them to it).
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    GetPydanticSchema,
    PlainSerializer,
    WithJsonSchema,
)
from pydantic_core import core_schema

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"


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


def _whole_number(minimum: int) -> core_schema.CoreSchema:
    """An int of at least ``minimum``; a float with no fractional part (3.0, which JSON Schema's
    ``integer`` accepts) becomes that int. Nothing else: not a bool, not a numeric string."""
    return core_schema.union_schema(
        [
            core_schema.int_schema(ge=minimum, strict=True),
            core_schema.chain_schema(
                [
                    core_schema.float_schema(strict=True),
                    core_schema.int_schema(ge=minimum, strict=False),
                ]
            ),
        ],
        mode="left_to_right",
        custom_error_type="whole_number",
        custom_error_message=f"Input should be a whole number of at least {minimum}",
    )


def _amount() -> core_schema.CoreSchema:
    """A non-negative number; whole numbers (3 or 3.0) as int, others as float."""
    return core_schema.union_schema(
        [
            _whole_number(0),
            core_schema.float_schema(ge=0, allow_inf_nan=False, strict=True),
        ],
        mode="left_to_right",
        custom_error_type="amount",
        custom_error_message="Input should be a finite number of at least 0",
    )


def _iso_date() -> core_schema.CoreSchema:
    """A date written YYYY-MM-DD that names a calendar day (or a ``datetime.date`` already)."""
    return core_schema.union_schema(
        [
            core_schema.chain_schema(
                [
                    core_schema.str_schema(pattern=DATE_PATTERN, strict=True),
                    core_schema.date_schema(strict=False),
                ]
            ),
            core_schema.date_schema(strict=True),
        ],
        mode="left_to_right",
        custom_error_type="iso_date",
        custom_error_message="Input should be a calendar date written YYYY-MM-DD",
    )


# The scalars below are validated by pydantic-core alone, with no call back into Python: the
# hot path (:mod:`astana_facts.reading.validators`) validates a hundred thousand claims at the
# speed of the core.

IsoDate = Annotated[
    _dt.date,
    GetPydanticSchema(lambda _type, _handler: _iso_date()),
    PlainSerializer(lambda d: d.isoformat(), return_type=str),
    WithJsonSchema({"type": "string", "format": "date", "pattern": DATE_PATTERN}),
]
"""A calendar date, written YYYY-MM-DD."""

Identifier = Annotated[str, Field(pattern=ID_PATTERN, min_length=1, max_length=120)]
"""A record id: lower-case ASCII letters and digits in groups joined by single hyphens."""

EntityId = Annotated[str, Field(pattern=ID_PATTERN, min_length=1, max_length=120), ENTITY_REF]
"""The id of an entity in ``records/entities.json``."""

NonNegativeInt = Annotated[
    int,
    GetPydanticSchema(lambda _type, _handler: _whole_number(0)),
    WithJsonSchema({"type": "integer", "minimum": 0}),
]
"""A whole number, zero or more."""

PositiveInt = Annotated[
    int,
    GetPydanticSchema(lambda _type, _handler: _whole_number(1)),
    WithJsonSchema({"type": "integer", "minimum": 1}),
]
"""A whole number, one or more."""

Amount = Annotated[
    int | float,
    GetPydanticSchema(lambda _type, _handler: _amount()),
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
