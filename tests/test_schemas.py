"""The published schemas: committed = generated, valid draft 2020-12, and in agreement with the
models on every record (property-based)."""

from __future__ import annotations

import copy
import subprocess
import sys
from functools import cache
from typing import Any

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from astana_facts.models import ClaimsFile, EntitiesFile, FactsFile, RulesFile, SourceMetadata
from astana_facts.models.json_schema import SCHEMA_MODELS, generated_schemas, schema_file_name
from astana_facts.reading.validators import file_validator, record_validator
from tests.conftest import REPO
from tests.factories import claims, entities, facts_file, metadata

SCHEMAS = REPO / "schemas"


@pytest.mark.parametrize("name", sorted(generated_schemas()))
def test_committed_schema_equals_the_generated_one(name: str) -> None:
    committed = SCHEMAS / name
    assert committed.exists(), f"run `astana-facts schemas` to write {name}"
    assert committed.read_bytes() == generated_schemas()[name], (
        f"{name} is out of date: run `astana-facts schemas`"
    )


def test_schemas_are_the_same_after_the_models_were_used() -> None:
    """A process that built models first (``load()``, as an export does) generates the same
    schemas, field descriptions included: the order the tests run in cannot change them."""
    code = (
        "import astana_facts, sys\n"
        "from astana_facts.models.json_schema import generated_schemas\n"
        "astana_facts.load()\n"
        "sys.stdout.buffer.write(generated_schemas()['entities.schema.json'])\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, check=True)
    assert done.stdout == (REPO / "schemas" / "entities.schema.json").read_bytes()


@pytest.mark.parametrize("name", sorted(SCHEMA_MODELS))
def test_schema_is_valid_draft_2020_12_with_an_id(name: str) -> None:
    schema = _schema(name)
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"].endswith(name)


def test_every_records_file_names_its_schema() -> None:
    import orjson

    for path in sorted((REPO / "records").rglob("*.json")) + sorted(
        (REPO / "validators").glob("*.json")
    ):
        data = orjson.loads(path.read_bytes())
        named = data.get("$schema", "")
        assert (path.parent / named).resolve().is_file(), f"{path}: $schema {named!r}"


@cache
def _schema(name: str) -> dict[str, Any]:
    import orjson

    return dict(orjson.loads((SCHEMAS / schema_file_name(name)).read_bytes()))


@cache
def _validator(name: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(
        _schema(name), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def _schema_accepts(name: str, document: Any) -> bool:
    return _validator(name).is_valid(document)


def _model_accepts(model: Any, document: Any) -> bool:
    """Whether the model accepts ``document``; the hot-path validator must agree with it."""
    try:
        model.model_validate(document)
        accepted = True
    except ValidationError:
        accepted = False
    for hot_path in (record_validator(model), file_validator(model.__name__)):
        try:
            hot_path.validate_python(document)
            fast = True
        except ValidationError:
            fast = False
        assert fast == accepted, "the hot-path validator and the model disagree"
    return accepted


# Values that are wrong in interesting ways: wrong types, near-miss strings, bad dates, numbers
# at the bounds. Floats with no fractional part are left out: JSON Schema counts 3.0 as the
# integer 3, the models require it written 3 (the one divergence, tested on its own below).
_odd_values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-3, max_value=3),
    st.sampled_from([2**53 - 1, 2**53, 10**30]),
    st.floats(allow_nan=False, allow_infinity=False, width=32).filter(
        lambda number: not number.is_integer()
    ),
    st.sampled_from(
        [
            "",
            "x",
            "Bad Id",
            "2017-02-30",
            "2017-5-3",
            "20170503",
            "2017-05-03",
            "day",
            "exact",
            "range",
            "reported",
            "signed",
            "https://example.org",
            "a" * 130,
            "Q42",
            "full_span",
            "astana",
        ]
    ),
    st.just([]),
    st.just({}),
    st.just(["russia", 1]),
    st.just(3.5),
)


def _pointers(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _pointers(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _pointers(item, (*path, index))
    return found


@st.composite
def _mutated(draw: st.DrawFn, document: Any) -> Any:
    """``document`` with one value replaced, one key removed, or one unknown key added."""
    document = copy.deepcopy(document)
    paths = [p for p in _pointers(document) if p]
    path = draw(st.sampled_from(paths))
    parent = document
    for token in path[:-1]:
        parent = parent[token]
    action = draw(st.sampled_from(["replace", "delete", "add"]))
    if action == "replace":
        parent[path[-1]] = draw(_odd_values)
    elif action == "delete" and isinstance(parent, dict):
        del parent[path[-1]]
    elif isinstance(parent, dict):
        parent[draw(st.sampled_from(["extra", "note", "prefix", "value", "Id"]))] = draw(
            _odd_values
        )
    return document


_CLAIMS_DOC = {
    "$schema": "../../schemas/claims.schema.json",
    "document": "sample-doc",
    "claims": claims(),
}
_ENTITIES_DOC = {"$schema": "../schemas/entities.schema.json", "entities": entities()}


@given(_mutated(_CLAIMS_DOC))
def test_schema_and_models_agree_on_claims_files(document: Any) -> None:
    assert _schema_accepts("claims", document) == _model_accepts(ClaimsFile, document)


@given(_mutated(_ENTITIES_DOC))
def test_schema_and_models_agree_on_entities_files(document: Any) -> None:
    assert _schema_accepts("entities", document) == _model_accepts(EntitiesFile, document)


@given(_mutated(metadata()))
def test_schema_and_models_agree_on_source_metadata(document: Any) -> None:
    assert _schema_accepts("source", document) == _model_accepts(SourceMetadata, document)


@given(_mutated(facts_file()))
def test_schema_and_models_agree_on_facts_files(document: Any) -> None:
    assert _schema_accepts("facts", document) == _model_accepts(FactsFile, document)


def test_both_accept_the_bundled_facts() -> None:
    import orjson

    document = orjson.loads((REPO / "records" / "facts.json").read_bytes())
    assert _schema_accepts("facts", document) and _model_accepts(FactsFile, document)


def _bundled_rules() -> Any:
    import orjson

    return orjson.loads((REPO / "validators" / "consistency.json").read_bytes())


@given(_mutated(_bundled_rules()))
def test_schema_and_models_agree_on_rules_files(document: Any) -> None:
    assert _schema_accepts("rules", document) == _model_accepts(RulesFile, document)


@pytest.mark.parametrize(
    ("pointer", "number"), [(("evidence", 0, "start"), 120.0), (("value", "ordinal"), 4.0)]
)
def test_a_whole_number_written_as_a_float_is_the_one_divergence(
    pointer: tuple[Any, ...], number: float
) -> None:
    """JSON Schema counts 120.0 as the integer 120 and cannot tell the two spellings apart; the
    models require 120, so the canonical layout has one spelling of every number."""
    claim = next(claim for claim in claims() if claim["kind"] == "round_number")
    node = claim
    for token in pointer[:-1]:
        node = node[token]
    node[pointer[-1]] = number
    document = {**_CLAIMS_DOC, "claims": [claim]}
    assert _schema_accepts("claims", document)
    assert not _model_accepts(ClaimsFile, document)


def test_both_accept_the_bundled_records() -> None:
    import orjson

    for path in sorted((REPO / "records" / "claims").glob("*.json")):
        document = orjson.loads(path.read_bytes())
        assert _schema_accepts("claims", document), path
        assert _model_accepts(ClaimsFile, document), path
