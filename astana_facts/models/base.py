"""Shared building blocks of every record model: the strict base class and constrained scalars.

Every constraint here is one that JSON Schema can state too, so the generated schemas and the
models accept exactly the same records (a property test holds them to it), with one exception
JSON Schema cannot state: a whole number written as a float (``120.0``), which JSON Schema counts
as the integer 120, is an error here, so the canonical layout has one spelling of every number.
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
ID_MAX_LENGTH = 120
"""The longest id: a document id names three files (``<id>.json`` fits any file system's limit
of 255 bytes per name with room to spare)."""
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


MAX_WHOLE_NUMBER = 2**53 - 1
"""The largest whole number a record may hold: 9007199254740991, the largest integer that every
JSON reader keeps exactly (I-JSON, RFC 7493: numbers are IEEE 754 doubles; JavaScript's
``Number.MAX_SAFE_INTEGER``). A larger one would change value in many readers (orjson itself
reads integers above 2^64 as doubles)."""

_MAX_TEXT = f"{MAX_WHOLE_NUMBER} (2^53 - 1)"
_WHOLE_SPELLING = "written without a fractional part or exponent (3, not 3.0)"

_FRACTIONAL_FLOAT = r"^([0-9]+\.[0-9]*[1-9][0-9]*|[0-9.]+e-[0-9]+)$"
"""The shortest text (``repr``) of a finite, non-negative float with a fractional part: a digit
other than 0 after the point, or a negative exponent. Whole floats print as ``120.0`` or
``1e+16`` and do not match."""


def _whole_number(minimum: int) -> core_schema.CoreSchema:
    """An int from ``minimum`` to :data:`MAX_WHOLE_NUMBER`. Nothing else: not a float, even
    one with no fractional part (120.0, which JSON Schema's ``integer`` accepts: the canonical
    layout has one spelling of every number), not a bool, not a numeric string."""
    return core_schema.custom_error_schema(
        core_schema.int_schema(ge=minimum, le=MAX_WHOLE_NUMBER, strict=True),
        custom_error_type="whole_number",
        custom_error_message=f"Input should be a whole number from {minimum} to {_MAX_TEXT}, "
        f"{_WHOLE_SPELLING}",
    )


def fractional_number(maximum: float) -> core_schema.CoreSchema:
    """A finite float from 0 to ``maximum`` that has a fractional part (2.5, not 3.0).

    pydantic-core has no "not a whole number" constraint and the validators must call no
    Python function (they are shipped as data, :mod:`astana_facts.reading.compiled`), so the
    float is spelt as its shortest text and that text must show a fractional part
    (:data:`_FRACTIONAL_FLOAT`), then read back. Only floats pay for it; whole numbers are ints.
    """
    return core_schema.chain_schema(
        [
            core_schema.float_schema(ge=0, le=maximum, allow_inf_nan=False, strict=True),
            core_schema.str_schema(
                coerce_numbers_to_str=True, pattern=_FRACTIONAL_FLOAT, strict=False
            ),
            core_schema.float_schema(strict=False),
        ]
    )


def number(maximum: int, what: str) -> core_schema.CoreSchema:
    """A number from 0 to ``maximum``: a whole number as an int, or a float with a fractional
    part; one spelling of each value (3, never 3.0). ``what`` names the range in the error."""
    return core_schema.union_schema(
        [
            core_schema.int_schema(ge=0, le=maximum, strict=True),
            fractional_number(maximum),
        ],
        mode="left_to_right",
        custom_error_type="number",
        custom_error_message=f"Input should be a finite number from 0 to {what}; a whole "
        f"number {_WHOLE_SPELLING}",
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

Identifier = Annotated[str, Field(pattern=ID_PATTERN, min_length=1, max_length=ID_MAX_LENGTH)]
"""A record id: lower-case ASCII letters and digits in groups joined by single hyphens."""

EntityId = Annotated[
    str, Field(pattern=ID_PATTERN, min_length=1, max_length=ID_MAX_LENGTH), ENTITY_REF
]
"""The id of an entity in ``records/entities.json``."""

NonNegativeInt = Annotated[
    int,
    GetPydanticSchema(lambda _type, _handler: _whole_number(0)),
    WithJsonSchema({"type": "integer", "minimum": 0, "maximum": MAX_WHOLE_NUMBER}),
]
"""A whole number, from zero to :data:`MAX_WHOLE_NUMBER`."""

PositiveInt = Annotated[
    int,
    GetPydanticSchema(lambda _type, _handler: _whole_number(1)),
    WithJsonSchema({"type": "integer", "minimum": 1, "maximum": MAX_WHOLE_NUMBER}),
]
"""A whole number, from one to :data:`MAX_WHOLE_NUMBER`."""

Amount = Annotated[
    int | float,
    GetPydanticSchema(lambda _type, _handler: number(MAX_WHOLE_NUMBER, _MAX_TEXT)),
    WithJsonSchema({"type": "number", "minimum": 0, "maximum": MAX_WHOLE_NUMBER}),
]
"""A non-negative number of things, up to :data:`MAX_WHOLE_NUMBER`: a whole number is an
``int`` (written 3, never 3.0), a fractional one a ``float``."""

Text = Annotated[str, Field(min_length=1)]
"""A non-empty string."""

HttpUrl = Annotated[str, Field(pattern=r"^https?://", max_length=2048)]
"""An absolute http(s) URL, stored exactly as written (never normalised); the integrity stage
checks that it is well formed (SRC009)."""


def schema_ref(name: str) -> Any:
    """The ``$schema`` field every records file starts with: a path or URI to its schema file."""
    pattern = rf"(^|/){re.escape(name)}\.schema\.json$"
    return Field(
        alias="$schema",
        pattern=pattern,
        description=f"Path or URI of the JSON Schema of this file (ends in {name}.schema.json).",
    )
