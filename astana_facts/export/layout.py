"""The shape of an export table: its columns (name, type, description, allowed values), primary
key, foreign keys and indexes.

A column that holds a field of a model takes its description and its allowed values from that
field (:func:`field_column`): the docstring under the field and the values of its ``Literal``
type, the same text the JSON Schemas carry, so the CSV descriptor, the SQLite checks, the
datasette metadata and the dataset cards never drift from the models.
"""

from __future__ import annotations

import inspect
import re
import typing
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal


@dataclass(frozen=True)
class Column:
    """A column: its name, its Table Schema type, and a one-line description."""

    name: str
    type: str
    description: str
    enum: tuple[str, ...] = ()
    """The only values the column may hold (empty: any of its type)."""


@dataclass(frozen=True)
class ForeignKey:
    """``column`` refers to ``table``.``target``."""

    column: str
    table: str
    target: str = "id"


@dataclass(frozen=True)
class Table:
    """A table's layout."""

    name: str
    description: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[ForeignKey, ...] = ()
    indexes: tuple[str, ...] = ()
    search: tuple[str, ...] = ()
    """Columns of full-text search (SQLite FTS5, ``<table>_fts``); empty: none."""


def column(name: str, type_: str, description: str, enum: tuple[str, ...] = ()) -> Column:
    """A column described here (one the models do not have: a derived or flattened value)."""
    return Column(name, type_, description, enum)


def field_column(
    name: str, type_: str, owner: type, field: str | None = None, *, lead: str = ""
) -> Column:
    """A column holding ``owner.field`` (default: the field ``name``): described by the field's
    docstring (after ``lead``, when the column needs a word of context), its allowed values those
    of the field's ``Literal`` type."""
    key = field or name
    documented = field_doc(owner, key)
    if not documented:
        raise LookupError(f"{owner.__name__}.{key} has no docstring to describe column {name}")
    if lead.endswith(":") and documented[1:2].islower():
        documented = documented[0].lower() + documented[1:]
    description = f"{lead} {documented}" if lead else documented
    return Column(name, type_, description, literal_values(owner, key))


def field_doc(owner: type, field: str) -> str:
    """The docstring under ``field`` in ``owner`` or a base class, on one line."""
    for klass in owner.__mro__:
        doc = _docstrings(klass).get(field)
        if doc:
            return _ROLE.sub(r"\1", " ".join(doc.split())).replace("``", "")
    return ""


_ROLE = re.compile(r":[a-z]+:`~?(?:[\w.]+\.)?([^`.]+)`")
"""A Sphinx cross-reference (``:data:`~pkg.Label```), written in a column description as its
last name (``Label``)."""


@cache
def _docstrings(klass: type) -> dict[str, str]:
    from astana_facts.models.field_docs import field_docstrings

    if klass is object or not inspect.getmodule(klass):
        return {}
    return field_docstrings(klass)


def literal_values(owner: type, field: str) -> tuple[str, ...]:
    """The values of ``owner.field``'s ``Literal`` type (through ``| None`` and ``Annotated``);
    empty when the field's type is not a Literal."""
    model_fields = getattr(owner, "model_fields", None)
    if model_fields is not None and field in model_fields:
        annotation: Any = model_fields[field].annotation
    else:
        annotation = typing.get_type_hints(owner).get(field)
    return _literals(annotation)


def _literals(annotation: Any) -> tuple[str, ...]:
    if typing.get_origin(annotation) is Literal:
        return tuple(str(value) for value in typing.get_args(annotation))
    values: list[str] = []
    for argument in typing.get_args(annotation):
        if argument is not type(None):
            values += _literals(argument)
    return tuple(values)
