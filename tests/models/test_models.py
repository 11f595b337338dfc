"""The record models: strict, typed, and documented."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from pydantic import TypeAdapter, ValidationError

from astana_facts.models import Claim, ClaimsFile, Entity, Quantity
from astana_facts.models.field_docs import all_models, field_docstrings
from astana_facts.models.json_schema import SCHEMA_MODELS
from astana_facts.models.values import DateValue, Exact, RoundValue
from tests.factories import claims

CLAIM: TypeAdapter[Claim] = TypeAdapter(Claim)


def test_a_claim_becomes_the_model_of_its_kind_with_typed_values() -> None:
    claim = CLAIM.validate_python(claims()[1])
    assert type(claim).__name__ == "EventDateClaim"
    assert isinstance(claim.value, DateValue)
    assert claim.value.start == dt.date(2017, 5, 3)
    assert claim.value.stance == "full_span"


@pytest.mark.parametrize(
    ("pointer", "value"),
    [
        (("value", "ordinal"), "4"),
        (("value", "ordinal"), True),
        (("value", "ordinal"), 0),
        (("value", "series"), "Astana Process"),
        (("modality",), "rumoured"),
        (("kind",), "gossip"),
        (("surprise",), 1),
    ],
)
def test_wrong_types_unknown_values_and_unknown_fields_are_errors(
    pointer: tuple[str, ...], value: object
) -> None:
    record = claims()[0]
    node = record
    for key in pointer[:-1]:
        node = node[key]
    node[pointer[-1]] = value
    with pytest.raises(ValidationError):
        CLAIM.validate_python(record)


@pytest.mark.parametrize(
    ("pointer", "number"),
    [
        (("value", "ordinal"), 4.0),
        (("value", "ordinal"), 2**53),
        (("value", "ordinal"), 10**30),
        (("evidence", 0, "start"), 120.0),
        (("evidence", 0, "end"), 2**53),
        (("evidence", 0, "end"), 1e30),
    ],
)
def test_a_whole_number_is_an_int_below_2_to_the_53(
    pointer: tuple[str | int, ...], number: object
) -> None:
    """One spelling (4, not 4.0) and a bound every JSON reader keeps exactly (2^53 - 1)."""
    record = claims()[0]
    node: Any = record
    for key in pointer[:-1]:
        node = node[key]
    node[pointer[-1]] = number
    with pytest.raises(ValidationError, match=r"whole number from [01] to 9007199254740991"):
        CLAIM.validate_python(record)


def test_the_largest_whole_number_is_2_to_the_53_minus_1() -> None:
    record = claims()[0]
    record["value"]["ordinal"] = 2**53 - 1
    value = CLAIM.validate_python(record).value
    assert isinstance(value, RoundValue) and value.ordinal == 2**53 - 1


@pytest.mark.parametrize("number", [3.0, 1e16, 2**53, 10**30, -1, True])
def test_an_amount_is_a_whole_int_or_a_fraction_below_the_bound(number: object) -> None:
    with pytest.raises(ValidationError, match="finite number from 0 to 9007199254740991"):
        TypeAdapter(Quantity).validate_python({"bound": "exact", "value": number})


@pytest.mark.parametrize("number", [2.5, 0.1, 1e-5, 2**53 - 1])
def test_an_amount_keeps_a_fraction_and_a_whole_number_up_to_the_bound(number: float) -> None:
    value = TypeAdapter(Quantity).validate_python({"bound": "exact", "value": number})
    assert isinstance(value, Exact) and value.value == number
    assert type(value.value) is type(number)


@pytest.mark.parametrize("text", ["2017-02-30", "2017-5-3", "20170503", "2017-05-03T00:00"])
def test_dates_must_be_real_calendar_days_written_yyyy_mm_dd(text: str) -> None:
    record = claims()[1]
    record["value"]["start"] = text
    with pytest.raises(ValidationError):
        CLAIM.validate_python(record)


@pytest.mark.parametrize(
    ("amount", "bound"),
    [
        ({"bound": "exact", "value": 320}, "exact"),
        ({"bound": "at_least", "value": 500000}, "at_least"),
        ({"bound": "range", "low": 200000, "high": 999999}, "range"),
    ],
)
def test_quantities_are_chosen_by_their_bound(amount: dict[str, object], bound: str) -> None:
    assert TypeAdapter(Quantity).validate_python(amount).bound == bound


def test_a_range_needs_low_and_high_and_nothing_else() -> None:
    with pytest.raises(ValidationError):
        TypeAdapter(Quantity).validate_python({"bound": "range", "value": 3})


def test_whole_numbers_stay_integers() -> None:
    value: Quantity = TypeAdapter(Quantity).validate_python({"bound": "exact", "value": 320})
    assert isinstance(value, Exact)
    assert value.value == 320 and isinstance(value.value, int)


def test_records_are_immutable() -> None:
    entity = Entity.model_validate({"id": "a", "kind": "place", "name": "A"})
    with pytest.raises(ValidationError):
        entity.name = "B"  # type: ignore[misc]


def test_a_claims_file_must_name_its_schema() -> None:
    with pytest.raises(ValidationError):
        ClaimsFile.model_validate({"document": "d", "claims": []})
    with pytest.raises(ValidationError):
        ClaimsFile.model_validate(
            {"$schema": "entities.schema.json", "document": "d", "claims": []}
        )


def test_every_field_of_every_model_is_documented() -> None:
    roots = [model for model, _ in SCHEMA_MODELS.values()]
    undocumented = []
    for model in all_models(*roots):
        docs: dict[str, str] = {}
        for klass in model.__mro__:
            if klass in all_models(*roots):
                docs = field_docstrings(klass) | docs
        # (A model made by a function, a fact model, documents its fields with descriptions.)
        undocumented += [
            f"{model.__name__}.{name}"
            for name, info in model.model_fields.items()
            if name not in docs and not info.description
        ]
    assert undocumented == []
