"""The datasette metadata of the SQLite export (``metadata.json``): the dataset's title,
description, licence and source (:mod:`.about`), and for each table and view its description,
each column's description (from the table registry, so from the models' field docs), the
full-text index of a searchable table and the facets worth opening.

Serve it with ``datasette astana-facts.sqlite --metadata metadata.json``: the database's name
in datasette is the file's name without its suffix, which is the key of ``databases`` here.
"""

from __future__ import annotations

from typing import Any

from astana_facts.export import about
from astana_facts.export.sqlite import fts_table
from astana_facts.export.tables import TABLES, Table
from astana_facts.export.views import VIEWS

FACETS: dict[str, list[str]] = {
    "claims": ["kind", "modality", "document"],
    "verdicts": ["label", "by"],
    "findings": ["code", "severity", "status"],
    "adjudications": ["verdict"],
    "entities": ["kind"],
    "facts": ["kind"],
    "rules": ["family", "severity"],
}
"""The facets datasette opens on a table (columns with few values that users filter by)."""


def _table(table: Table) -> dict[str, Any]:
    described: dict[str, Any] = {
        "description": table.description,
        "columns": {column.name: column.description for column in table.columns},
    }
    if table.search:
        described["fts_table"] = fts_table(table)
    if table.name in FACETS:
        described["facets"] = FACETS[table.name]
    if table.name == "documents":
        described["license"] = "The texts: the publishers' copyright; the metadata: CC BY 4.0"
    return described


def datasette_metadata(database: str) -> dict[str, Any]:
    """The metadata for the SQLite export served as ``database`` (its file name's stem)."""
    tables = {table.name: _table(table) for table in TABLES}
    tables |= {view.name: {"description": view.description} for view in VIEWS}
    return {
        "title": about.TITLE,
        "description": about.DESCRIPTION,
        "license": "CC BY 4.0 (the annotations; the source texts remain their publishers')",
        "license_url": about.DATA_LICENSE["path"],
        "source": about.NAME,
        **({"source_url": about.HOMEPAGE} if about.HOMEPAGE else {}),
        "databases": {database: {"description": about.DESCRIPTION, "tables": tables}},
    }
