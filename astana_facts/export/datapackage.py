"""The Frictionless Data Package descriptor of the CSV export: every table of the registry
(:data:`~astana_facts.export.tables.TABLES`) as a tabular resource with its types, keys, foreign
keys and allowed values (``enum``, from the models' ``Literal`` types), and the dataset's
licences and sources (:mod:`.about`): the annotations under CC BY 4.0, the source texts the
publishers' own."""

from __future__ import annotations

from typing import Any

from astana_facts.export import about
from astana_facts.export.tables import TABLES, Table
from astana_facts.reading.records import Records


def datapackage(version: str, records: Records | None = None) -> dict[str, Any]:
    """The descriptor; ``records`` give the sources (each source document's URL)."""
    homepage = {"homepage": about.HOMEPAGE} if about.HOMEPAGE else {}
    return homepage | {
        "profile": "tabular-data-package",
        "name": about.NAME,
        "title": about.TITLE,
        "description": about.DESCRIPTION,
        "version": version,
        "keywords": about.keywords(),
        "contributors": [{"title": about.CREATOR, "role": "author"}],
        "licenses": [about.DATA_LICENSE],
        "sources": about.sources(records) if records is not None else about.sources_base(),
        "resources": [resource(table) for table in TABLES],
    }


def resource(table: Table, path: str | None = None) -> dict[str, Any]:
    """One table as a tabular data resource (at ``path``, default ``<table>.csv``)."""
    schema: dict[str, Any] = {
        "fields": [
            {"name": c.name, "type": c.type, "description": c.description}
            | ({"constraints": {"enum": list(c.enum)}} if c.enum else {})
            for c in table.columns
        ],
        "primaryKey": list(table.primary_key),
    }
    if table.foreign_keys:
        schema["foreignKeys"] = [
            {"fields": key.column, "reference": {"resource": key.table, "fields": key.target}}
            for key in table.foreign_keys
        ]
    described: dict[str, Any] = {
        "name": table.name,
        "path": path or f"{table.name}.csv",
        "profile": "tabular-data-resource",
        "description": table.description,
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "schema": schema,
    }
    if table.name == "documents":  # the texts are not the dataset's to license
        described["licenses"] = [about.TEXT_RIGHTS, about.DATA_LICENSE]
        described["description"] += (
            " The texts remain the copyright of their publishers; the metadata is CC BY 4.0."
        )
    return described
