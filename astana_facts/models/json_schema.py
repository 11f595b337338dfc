"""Generating the published JSON Schemas (``schemas/``) from the record models.

The models are the single source: ``astana-facts schemas`` writes one schema per kind of file, and
a test fails when the committed files differ from what the models generate.
"""

from __future__ import annotations

from typing import Any

import orjson
from pydantic import BaseModel

from astana_facts.models import (
    AdjudicationsFile,
    ClaimsFile,
    EntitiesFile,
    FactsFile,
    MeasuresFile,
    RemovalsFile,
    RulesFile,
    SourceMetadata,
    VerdictsFile,
)
from astana_facts.models.field_docs import describe_fields

DIALECT = "https://json-schema.org/draft/2020-12/schema"
ID_BASE = "urn:astana-facts:schema:"

SCHEMA_MODELS: dict[str, tuple[type[BaseModel], str]] = {
    "source": (SourceMetadata, "records/sources/<id>.json"),
    "claims": (ClaimsFile, "records/claims/<document>.json"),
    "entities": (EntitiesFile, "records/entities.json"),
    "measures": (MeasuresFile, "records/measures.json"),
    "adjudications": (AdjudicationsFile, "records/adjudications.json"),
    "facts": (FactsFile, "records/facts.json"),
    "verdicts": (VerdictsFile, "records/verdicts.json"),
    "removals": (RemovalsFile, "records/removals.json"),
    "rules": (RulesFile, "validators/*.json"),
}
"""Schema name → (model, files it describes)."""


def schema_file_name(name: str) -> str:
    """File name of the schema ``name`` in ``schemas/``."""
    return f"{name}.schema.json"


def generate_schema(name: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the files of kind ``name``."""
    model, files = SCHEMA_MODELS[name]
    describe_fields(*(model for model, _ in SCHEMA_MODELS.values()))
    body = model.model_json_schema(by_alias=True, mode="validation")
    header = {
        "$schema": DIALECT,
        "$id": f"{ID_BASE}{name}",
        "title": body.pop("title", model.__name__),
        "description": f"{body.pop('description', '').strip()} Describes {files}.".strip(),
    }
    return {**header, **body}


def render_schema(name: str) -> bytes:
    """The schema ``name`` as committed: sorted keys, two-space indent, final newline."""
    return orjson.dumps(
        generate_schema(name),
        option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS | orjson.OPT_APPEND_NEWLINE,
    )


def generated_schemas() -> dict[str, bytes]:
    """Every schema file name with its generated content."""
    return {schema_file_name(name): render_schema(name) for name in SCHEMA_MODELS}
