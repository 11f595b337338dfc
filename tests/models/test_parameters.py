"""Engine parameters are typed: the names rules may use are the engines that exist, and a
misspelt or ill-typed parameter in validators/*.json is SCH008 at its file, line and field, in
the models and in the published schema alike."""

from __future__ import annotations

import copy
import typing
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import orjson
import pytest

from astana_facts import validate
from astana_facts.consistency.engines import ENGINES
from astana_facts.jsonio.positions import build_source_map
from astana_facts.models.rules import COMPARISONS, Comparison
from astana_facts.reading.folder import load_rules
from tests.conftest import REPO
from tests.factories import build_records, write


@cache
def _bundled() -> dict[str, Any]:
    return dict(orjson.loads((REPO / "validators" / "consistency.json").read_bytes()))


def _index(comparison: str) -> int:
    rules = _bundled()["rules"]
    return next(i for i, rule in enumerate(rules) if rule["comparison"] == comparison)


def test_the_names_rules_may_use_are_exactly_the_engines() -> None:
    assert set(COMPARISONS) == set(ENGINES)
    assert set(typing.get_args(Comparison)) == set(ENGINES)
    assert len(COMPARISONS) == len(set(COMPARISONS))


# (comparison, parameters, the field the finding names)
BAD_PARAMETERS = [
    ("name_similarity", {"threshhold": 90}, "threshhold"),
    ("name_similarity", {"threshold": "85"}, "threshold"),
    ("name_similarity", {"threshold": 850}, "threshold"),
    ("name_similarity", {"min_length": 0}, "min_length"),
    ("entity_sets", {"mode": "complet"}, "mode"),
    ("instrument_facts", {"facet": "date", "actions": "signed,singed"}, "actions"),
    ("instrument_facts", {"facet": "round"}, "facet"),
    ("temporal", {"ongoing_units": "month,yaer"}, "ongoing_units"),
    ("temporal", {"years_tolerance": -1}, "years_tolerance"),
    ("temporal", {"conflict": "dates_and_durations"}, "conflict"),
    ("quantity_intervals", {"approximately_tolerance": True}, "approximately_tolerance"),
    ("plan_outcomes", {"outcome": "late"}, "outcome"),
    ("round_dates", {"tolerance": 1}, "tolerance"),
]

WHOLE_AS_FLOAT: list[tuple[str, Any, str]] = [
    ("name_similarity", {"threshold": 85.0}, "threshold"),
    ("name_similarity", {"min_length": 5.0}, "min_length"),
    ("quantity_intervals", {"approximately_tolerance": 1.0}, "approximately_tolerance"),
]
"""Whole numbers written as floats: errors of the models (one spelling of every number), which
JSON Schema cannot state (it counts 85.0 as the integer 85)."""


def _with(comparison: str, parameters: dict[str, Any]) -> tuple[dict[str, Any], int]:
    document = copy.deepcopy(_bundled())
    index = _index(comparison)
    document["rules"][index]["parameters"] = parameters
    return document, index


@pytest.mark.parametrize(("comparison", "parameters", "field"), BAD_PARAMETERS + WHOLE_AS_FLOAT)
def test_a_bad_parameter_is_sch008_at_its_file_line_and_field(
    tmp_path: Path, comparison: str, parameters: dict[str, Any], field: str
) -> None:
    document, index = _with(comparison, parameters)
    root = build_records(tmp_path / "records")
    (tmp_path / "validators").mkdir()
    rules_file = tmp_path / "validators" / "consistency.json"
    write(rules_file, document)
    pointer = f"/rules/{index}/parameters/{field}"
    findings = [f for f in validate(root) if f.code == "SCH008"]
    assert [(f.severity, f.pointer) for f in findings] == [("error", pointer)]
    finding = findings[0]
    assert finding.file is not None and finding.file.endswith("validators/consistency.json")
    position = build_source_map(rules_file.read_bytes()).locate_key(pointer)
    assert position is not None and finding.line == position[0]
    assert f"field rules/{index}/parameters/{field}:" in finding.message


@cache
def _schema() -> jsonschema.Draft202012Validator:
    schema = orjson.loads((REPO / "schemas" / "rules.schema.json").read_bytes())
    return jsonschema.Draft202012Validator(schema)


@pytest.mark.parametrize(("comparison", "parameters", "field"), BAD_PARAMETERS)
def test_the_published_schema_rejects_the_same_parameters(
    comparison: str, parameters: dict[str, Any], field: str
) -> None:
    assert _schema().is_valid(_bundled())
    document, _ = _with(comparison, parameters)
    assert not _schema().is_valid(document)


def test_an_unknown_engine_is_sch008_at_the_comparison(tmp_path: Path) -> None:
    document = copy.deepcopy(_bundled())
    document["rules"][0]["comparison"] = "date_span"
    write(tmp_path / "consistency.json", document)
    _, files = load_rules(tmp_path)
    assert [(f.code, f.pointer) for f in files[0].findings] == [("SCH008", "/rules/0/comparison")]
    assert not _schema().is_valid(document)


def test_engines_get_every_parameter_with_the_defaults_filled_in(tmp_path: Path) -> None:
    document = copy.deepcopy(_bundled())
    for rule in document["rules"]:
        rule.pop("parameters")
    write(tmp_path / "consistency.json", document)
    rules, files = load_rules(tmp_path)
    assert files[0].findings == []
    by_engine = {rule["comparison"]: rule["parameters"] for rule in rules}
    assert by_engine["entity_sets"] == {"mode": "complete"}
    assert by_engine["name_similarity"] == {"threshold": 85, "min_length": 5}
    assert by_engine["instrument_facts"] == {"facet": "date", "actions": "signed"}
    assert by_engine["round_dates"] == {}
    assert by_engine["temporal"]["conflict"] == "dates"
