"""Validating records against the models at the speed of the JSON parser.

Building pydantic model instances costs five times the parse of the same JSON; the integrity and
consistency checks need only the validated data. So the hot path validates with the *same* core
schema that pydantic generated for the models, with every model node turned into a typed-dict
node: the same fields, types, constraints, discriminators and validators, producing plain dicts
(dates as :class:`datetime.date`, whole numbers as ``int``) instead of instances. The models
themselves are built only for users of the Python API (:func:`astana_facts.load`).

A property test holds the generated JSON Schemas, the models and these validators to accepting
exactly the same records.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING, Any

from pydantic_core import SchemaValidator, ValidationError

if TYPE_CHECKING:
    from pydantic import BaseModel

from astana_facts.findings.finding import Finding
from astana_facts.reading.locations import pointer_from_loc

_TAG_ERRORS = frozenset({"union_tag_invalid", "union_tag_not_found"})
_DROPPED_KEYS = frozenset({"cls", "post_init", "root_model", "custom_init", "generic_origin"})


def _to_typed_dicts(node: Any) -> Any:
    """A copy of a pydantic core schema with model nodes replaced by typed-dict nodes."""
    if isinstance(node, list):
        return [_to_typed_dicts(item) for item in node]
    if not isinstance(node, dict):
        return node
    if node.get("type") == "model":
        fields_schema = node["schema"]
        fields: dict[str, Any] = {}
        for name, field in fields_schema["fields"].items():
            schema = _to_typed_dicts(field["schema"])
            typed_field: dict[str, Any] = {
                "type": "typed-dict-field",
                "schema": schema,
                "required": schema.get("type") != "default",
            }
            # Keyed by the JSON name ("$schema"), so validated records keep the files' keys.
            alias = field.get("validation_alias")
            fields[alias if isinstance(alias, str) else name] = typed_field
        typed: dict[str, Any] = {
            "type": "typed-dict",
            "fields": fields,
            "extra_behavior": "forbid",
            "strict": True,
        }
        for key in ("ref", "config"):
            if key in node:
                typed[key] = node[key]
        return typed
    return {key: _to_typed_dicts(value) for key, value in node.items() if key not in _DROPPED_KEYS}


VALIDATOR_CONFIG: dict[str, Any] = {
    "strict": True,
    "extra_fields_behavior": "forbid",
    "hide_input_in_errors": True,
}
"""Core config of every hot-path validator."""


def typed_dict_schema(model: type[BaseModel]) -> Any:
    """The core schema of ``model`` with every model node turned into a typed-dict node."""
    model.model_rebuild(force=True)
    return _to_typed_dicts(model.__pydantic_core_schema__)


@cache
def record_validator(model: type[BaseModel]) -> SchemaValidator:
    """A validator that accepts exactly what ``model`` accepts and returns plain dicts."""
    return SchemaValidator(typed_dict_schema(model), VALIDATOR_CONFIG)  # type: ignore[arg-type]


@cache
def file_validator(name: str) -> SchemaValidator:
    """The hot-path validator of the records file model ``name`` (one of
    :data:`~astana_facts.reading.compiled.FILE_MODELS`): from the compiled file when it matches
    the installed pydantic-core, else built from the model; once per process (worker processes
    inherit it)."""
    from astana_facts.reading.compiled import FILE_MODELS, compiled

    if name not in FILE_MODELS:
        raise KeyError(name)
    shipped = compiled()
    if shipped is not None:
        return SchemaValidator(shipped["validators"][name], VALIDATOR_CONFIG)  # type: ignore[arg-type]
    from astana_facts import models

    return record_validator(getattr(models, name))


def validation_findings(
    error: ValidationError, data: Any, file: str, *, base: str = "", claim: str | None = None
) -> Iterator[Finding]:
    """One SCH008 finding per model error, with the JSON Pointer of the offending field."""
    for detail in error.errors(include_url=False):
        loc = tuple(detail["loc"])
        if detail["type"] in _TAG_ERRORS:
            # A wrong or missing tag (``kind``, ``comparison``): point at the tag, not the object.
            loc += (str(detail.get("ctx", {}).get("discriminator", "")).strip("'"),)
        json_pointer = pointer_from_loc(data, loc, base)
        field = json_pointer.lstrip("/") or "(whole file)"
        subject = f"claim {claim}, " if claim else ""
        yield Finding.of(
            code="SCH008",
            message=f"{subject}field {field}: {detail['msg']}",
            file=file,
            pointer=json_pointer,
            claims=(claim,) if claim else (),
        )
