"""Writing the exports. Each writer builds its output beside the target and moves it into place
at the end, so a failed export leaves nothing half-written, and an existing target is replaced
only when asked."""

from __future__ import annotations

import csv
import io
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import orjson

from astana_facts.export.rows import rows
from astana_facts.export.tables import TABLES, Table
from astana_facts.jsonio.writer import canonical_order
from astana_facts.reading.records import Records

SQLITE_TYPES = {
    "string": "TEXT",
    "date": "TEXT",
    "integer": "INTEGER",
    "number": "REAL",
    "boolean": "INTEGER",
}


class ExportError(ValueError):
    """The export cannot be written as asked."""


def jsonl(records: Records) -> bytes:
    """One JSON object per claim, in id order: the claim as in its file, with its document."""
    lines = []
    for record in sorted(records.claims, key=lambda r: r.claim["id"]):
        claim = canonical_order({**record.claim, "document": record.document})
        lines.append(orjson.dumps(claim))
    return b"".join(line + b"\n" for line in lines)  # (no claims: no line, not a blank one)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def csv_tables(records: Records) -> dict[str, bytes]:
    """Each table as CSV bytes (header row, empty cell for a missing value)."""
    files = {}
    for table, table_rows in rows(records):
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow([column.name for column in table.columns])
        for row in table_rows:
            writer.writerow([_cell(row[column.name]) for column in table.columns])
        files[f"{table.name}.csv"] = buffer.getvalue().encode("utf-8")
    return files


def datapackage(version: str) -> dict[str, Any]:
    """The Frictionless Data Package descriptor of the CSV export."""
    return {
        "profile": "tabular-data-package",
        "name": "astana-facts",
        "title": "astana-facts: claims about the Astana peace process on Syria",
        "version": version,
        "resources": [_resource(table) for table in TABLES],
    }


def _resource(table: Table) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "fields": [
            {"name": c.name, "type": c.type, "description": c.description} for c in table.columns
        ],
        "primaryKey": list(table.primary_key),
    }
    if table.foreign_keys:
        schema["foreignKeys"] = [
            {"fields": key.column, "reference": {"resource": key.table, "fields": key.target}}
            for key in table.foreign_keys
        ]
    return {
        "name": table.name,
        "path": f"{table.name}.csv",
        "profile": "tabular-data-resource",
        "description": table.description,
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "schema": schema,
    }


def sqlite_database(records: Records, path: Path) -> None:
    """Write the tables into a new SQLite database at ``path``, with keys and indexes."""
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA foreign_keys = ON")
        for table, table_rows in rows(records):
            columns = [f'"{c.name}" {SQLITE_TYPES[c.type]}' for c in table.columns]
            columns.append("PRIMARY KEY (" + ", ".join(f'"{k}"' for k in table.primary_key) + ")")
            columns += [
                f'FOREIGN KEY ("{key.column}") REFERENCES "{key.table}" ("{key.target}")'
                for key in table.foreign_keys
            ]
            connection.execute(f'CREATE TABLE "{table.name}" ({", ".join(columns)})')
            for column in table.indexes:
                connection.execute(
                    f'CREATE INDEX "{table.name}_{column}" ON "{table.name}" ("{column}")'
                )
            names = [c.name for c in table.columns]
            placeholders = ", ".join("?" for _ in names)
            connection.executemany(
                f'INSERT INTO "{table.name}" VALUES ({placeholders})',
                ([row[name] for name in names] for row in table_rows),
            )
        connection.commit()
    finally:
        connection.close()


def place(built: Path, target: Path, *, force: bool) -> None:
    """Move ``built`` (a file or folder) to ``target``; an existing target only with ``force``."""
    if target.exists() and not force:
        raise ExportError(f"{target} exists; use --force to replace it")
    if target.is_dir() and not target.is_symlink():
        backup = target.with_name(f".{target.name}.old")
        os.replace(target, backup)
        os.replace(built, target)
        shutil.rmtree(backup)
    else:
        os.replace(built, target)


def write_export(
    records: Records, output_format: str, target: Path, *, version: str, force: bool
) -> Iterable[Path]:
    """Write the export of ``output_format`` to ``target``; return the files written."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=f".{target.name}.", dir=target.parent) as temporary:
        built = Path(temporary) / target.name
        if output_format == "jsonl":
            built.write_bytes(jsonl(records))
        elif output_format == "sqlite":
            sqlite_database(records, built)
        else:
            built.mkdir()
            for name, content in csv_tables(records).items():
                (built / name).write_bytes(content)
            descriptor = orjson.dumps(datapackage(version), option=orjson.OPT_INDENT_2)
            (built / "datapackage.json").write_bytes(descriptor + b"\n")
        files = sorted(built.iterdir()) if built.is_dir() else [built]
        written = [target / f.name for f in files] if built.is_dir() else [target]
        place(built, target, force=force)
    return written
