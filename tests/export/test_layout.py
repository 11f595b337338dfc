"""Every column of every export table is described, and a column that holds a model's field
takes its description and allowed values from the model (its docstring, its ``Literal``):
one source of truth for the descriptor, the SQLite checks, datasette and the cards."""

from __future__ import annotations

import typing

import pytest

from astana_facts.export.layout import field_column, field_doc, literal_values
from astana_facts.export.tables import TABLES
from astana_facts.models.claims import ClaimBase, Modality
from astana_facts.models.entities import Entity, EntityKind
from astana_facts.verdicts import LABELS, Verdict


def _column(table: str, name: str) -> typing.Any:
    (found,) = [c for t in TABLES if t.name == table for c in t.columns if c.name == name]
    return found


def test_every_column_is_described_and_names_are_unique() -> None:
    for table in TABLES:
        names = [column.name for column in table.columns]
        assert len(names) == len(set(names)), table.name
        assert all(column.description.strip() for column in table.columns), table.name
        assert set(table.primary_key) <= set(names) and set(table.search) <= set(names)


def test_a_models_field_gives_the_columns_description_and_values() -> None:
    assert _column("claims", "note").description == field_doc(ClaimBase, "note")
    assert field_doc(ClaimBase, "note").startswith("The annotator's reasoning")
    assert _column("claims", "modality").enum == typing.get_args(Modality)
    assert _column("entities", "kind").enum == typing.get_args(EntityKind)
    assert _column("verdicts", "label").enum == LABELS
    assert _column("verdicts", "by").enum == ("engine", "editor")
    assert "refuted" in _column("verdicts", "reason").description  # Verdict.reason's docstring


def test_a_field_with_a_cross_reference_is_written_as_plain_words() -> None:
    assert field_doc(Verdict, "label") == "What the verdict says (Label)."
    assert literal_values(Entity, "wikidata") == ()  # a pattern, not a Literal


def test_a_field_without_a_docstring_is_refused() -> None:
    with pytest.raises(LookupError, match=r"Verdict\.nothing has no docstring"):
        field_column("x", "string", Verdict, "nothing")
