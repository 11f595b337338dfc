"""The fact models derive from the claim registry: every claim kind is a fact kind unless
``NOT_FACT_KINDS`` says why not, and a fact of a kind has exactly the value model of a claim of
that kind."""

from __future__ import annotations

import typing
from typing import Any

import orjson
import pytest
from pydantic import TypeAdapter, ValidationError

from astana_facts.models.facts import (
    FACT_KINDS,
    FACT_MODELS,
    NOT_FACT_KINDS,
    Fact,
    FactBase,
    fact_models,
)
from astana_facts.models.kinds import CLAIM_KINDS, CLAIM_MODELS, kind_of
from astana_facts.reading import model_paths
from astana_facts.reading.compiled import generate
from astana_facts.reading.facts import fact_paths, kinds
from tests.conftest import REPO
from tests.factories import facts


def test_every_claim_kind_is_a_fact_kind_or_says_why_not() -> None:
    assert set(NOT_FACT_KINDS) <= set(CLAIM_KINDS), "NOT_FACT_KINDS names no claim kind"
    assert all(reason.strip() for reason in NOT_FACT_KINDS.values())
    assert tuple(kind for kind in CLAIM_KINDS if kind not in NOT_FACT_KINDS) == FACT_KINDS


def test_the_engines_compared_kinds_are_facts_and_the_others_are_not() -> None:
    compared = {"event_date", "duration", "count", "participants", "instrument", "round_number"}
    assert compared | {"location", "office"} <= set(FACT_KINDS)
    assert {"statement", "plan", "relation"}.isdisjoint(FACT_KINDS)


@pytest.mark.parametrize("kind", FACT_KINDS)
def test_a_fact_of_a_kind_has_the_value_model_of_a_claim_of_that_kind(kind: str) -> None:
    fact_model, claim_model = FACT_MODELS[kind], CLAIM_MODELS[kind]
    assert issubclass(fact_model, FactBase)
    assert kind_of(fact_model) == kind  # type: ignore[arg-type]
    fact_value = fact_model.model_fields["value"].annotation
    assert fact_value is claim_model.model_fields["value"].annotation


def test_a_new_claim_kind_gets_its_fact_model_with_no_second_list() -> None:
    registry = {**CLAIM_MODELS, "venue": CLAIM_MODELS["location"]}
    derived = fact_models(registry)
    assert set(derived) == {*FACT_KINDS, "venue"}
    venue = derived["venue"]
    assert kind_of(venue) == "venue"  # type: ignore[arg-type]
    value = {"id": "fact-x", "kind": "venue", "subject": "astana-round-4"}
    evidence = facts()[0]["evidence"]
    fact = venue.model_validate(
        {**value, "value": {"place": "astana"}, "evidence": evidence, "rationale": "r"}
    )
    assert fact.value.place == "astana"


def test_the_union_discriminates_exactly_the_fact_kinds() -> None:
    union = typing.get_args(typing.get_args(Fact)[0])
    assert set(union) == set(FACT_MODELS.values())
    schema = orjson.loads((REPO / "schemas" / "facts.schema.json").read_bytes())
    mapping = schema["properties"]["facts"]["items"]["discriminator"]["mapping"]
    assert set(mapping) == set(FACT_KINDS)


def test_the_compiled_kinds_are_the_models_kinds() -> None:
    assert generate()["fact_kinds"] == list(FACT_KINDS)
    claim_kinds, fact_kinds = kinds()
    assert (set(claim_kinds), fact_kinds) == (set(CLAIM_KINDS), FACT_KINDS)


def _derived_paths(model: type[FactBase]) -> tuple[list[Any], list[Any]]:
    found: set[tuple[str, tuple[str, ...]]] = set()
    model_paths._walk(model, [], (), model_paths._is_interval, found)
    return (
        sorted(path for what, path in found if what == "ref"),
        sorted(path for what, path in found if what == "model"),
    )


@pytest.mark.parametrize("kind", FACT_KINDS)
def test_the_paths_checked_in_a_fact_are_those_of_its_model(kind: str) -> None:
    references, intervals = fact_paths(kind)
    assert (sorted(references), sorted(intervals)) == _derived_paths(FACT_MODELS[kind])
    assert ("subject",) in references


def test_a_fact_model_is_strict_and_its_evidence_needs_a_url_and_a_quote() -> None:
    adapter: TypeAdapter[Any] = TypeAdapter(Fact)
    fact = adapter.validate_python(facts()[0])
    assert fact.kind == "event_date" and fact.value.start.isoformat() == "2017-05-03"
    assert fact.evidence[0].url == "https://example.org/news/fourth-round-ends"
    for broken in (
        {**facts()[0], "evidence": []},
        {**facts()[0], "kind": "statement"},
        {**facts()[0], "evidence": [{**facts()[0]["evidence"][0], "url": "ftp://x.org/"}]},
        {**facts()[0], "evidence": [{"url": "https://x.org/", "quote": "q", "publisher": "p"}]},
        {**facts()[0], "modality": "reported"},
    ):
        with pytest.raises(ValidationError):
            adapter.validate_python(broken)
