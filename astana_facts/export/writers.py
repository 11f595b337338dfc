"""Writing the exports. Each writer builds its output beside the target and moves it into place
at the end, so a failed export leaves nothing half-written, and an existing target is replaced
only when asked."""

from __future__ import annotations

import csv
import io
import os
import shutil
import sqlite3
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import orjson

from astana_facts.export.claimreview import claim_reviews
from astana_facts.export.rows import rows
from astana_facts.export.tables import TABLES, Column, Table
from astana_facts.jsonio.atomic import WriteFailed, is_device, temporary_path, write_atomic
from astana_facts.jsonio.writer import canonical_order
from astana_facts.reading.records import Records

if TYPE_CHECKING:
    from astana_facts.verdicts import Verdict

Verdicts = Mapping[str, "Verdict"]
"""Claim id -> the verdict on it (``Result.claim_verdicts``)."""

SQLITE_TYPES = {
    "string": "TEXT",
    "date": "TEXT",
    "integer": "INTEGER",
    "number": "REAL",
    "boolean": "INTEGER",
}


class ExportError(ValueError):
    """The export cannot be written as asked."""


def jsonl(records: Records, verdicts: Verdicts | None = None) -> bytes:
    """One JSON object per claim, in id order: the claim as in its file, with its document and
    its ``verdict`` (``{"label", "facts", "reason", "by"}``, or null when it has none)."""
    lines = []
    for record in sorted(records.claims, key=lambda r: r.claim["id"]):
        claim = canonical_order({**record.claim, "document": record.document})
        claim["verdict"] = _verdict(record.claim["id"], verdicts or {})
        lines.append(orjson.dumps(claim))
    return b"".join(line + b"\n" for line in lines)  # (no claims: no line, not a blank one)


def _verdict(claim_id: str, verdicts: Verdicts) -> dict[str, Any] | None:
    verdict = verdicts.get(claim_id)
    if verdict is None:
        return None
    return {
        "label": verdict.label,
        "facts": list(verdict.facts),
        "reason": verdict.reason,
        "by": verdict.by,
    }


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def csv_tables(records: Records, verdicts: Verdicts | None = None) -> dict[str, bytes]:
    """Each table as CSV bytes (header row, empty cell for a missing value)."""
    files = {}
    for table, table_rows in rows(records, verdicts):
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
        "title": "astana-facts: claims about the Astana peace process on Syria, with facts and "
        "verdicts",
        "version": version,
        "licenses": [DATA_LICENSE],
        "sources": [{"title": SOURCES_NOTICE}],
        "resources": [_resource(table) for table in TABLES],
    }


DATA_LICENSE = {
    "name": "CC-BY-4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
    "title": "Creative Commons Attribution 4.0 International",
}
"""The licence of the annotations (claims, entities, measures, facts, verdicts, adjudications):
LICENSE-DATA at the top of the repository."""

SOURCES_NOTICE = (
    "The source articles (the documents table: title, publisher, url): quoted verbatim for "
    "fact-checking and research; their copyright stays with their publishers, and the data "
    "licence does not cover them."
)
"""What the export says of the texts it quotes (README, data card, "Rights")."""


def _resource(table: Table) -> dict[str, Any]:
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


def _sqlite_column(column: Column) -> str:
    """A column's definition; a column of listed values checks them."""
    definition = f'"{column.name}" {SQLITE_TYPES[column.type]}'
    if column.enum:
        listed = ", ".join(f"'{value}'" for value in column.enum)
        definition += f' CHECK ("{column.name}" IN ({listed}))'
    return definition


def sqlite_database(records: Records, path: Path, verdicts: Verdicts | None = None) -> None:
    """Write the tables into a new SQLite database at ``path``, with keys and indexes."""
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA foreign_keys = ON")
        for table, table_rows in rows(records, verdicts):
            columns = [_sqlite_column(c) for c in table.columns]
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
    """Move ``built`` (a file or folder) to ``target``; an existing target only with ``force``.

    A folder target is first renamed aside, then ``built`` takes its place, then the old one is
    removed; if ``built`` cannot take its place, the old folder is put back. Raises
    :class:`~astana_facts.jsonio.atomic.WriteFailed` naming the target when a rename fails."""
    if os.path.lexists(target) and not force:
        raise ExportError(f"{target} exists; use --force to replace it")
    if is_device(target):
        _write_through(built, target)
        return
    try:
        if target.is_dir() and not target.is_symlink():
            aside = temporary_path(target)
            os.replace(target, aside)
            try:
                os.replace(built, target)
            except OSError as error:
                _put_back(aside, target, error)
            shutil.rmtree(aside, ignore_errors=True)
        else:
            os.replace(built, target)
    except WriteFailed:
        raise
    except OSError as error:
        raise WriteFailed(target, error.strerror or str(error), code=error.errno) from None


def _write_through(built: Path, target: Path) -> None:
    """The built file written into the device ``target`` (``/dev/null``, a named pipe), which a
    rename would replace; a built folder cannot be. (The workspace holding ``built`` is removed
    by :func:`write_export`.)"""
    if built.is_dir():
        raise ExportError(f"{target} is not a folder: this format exports a folder")
    try:
        content = built.read_bytes()
    except OSError as error:
        raise WriteFailed(built, error.strerror or str(error), code=error.errno) from None
    write_atomic(target, content)


def _put_back(aside: Path, target: Path, error: OSError) -> NoReturn:
    """Put the old folder back after ``error``; say where it is kept if even that fails."""
    failed = WriteFailed(target, error.strerror or str(error), code=error.errno)
    try:
        os.replace(aside, target)
    except OSError:
        failed.kept.append((target, aside))
    raise failed


def _build(
    records: Records, output_format: str, built: Path, version: str, verdicts: Verdicts
) -> None:
    """Write the export of ``output_format`` at ``built`` (a file, or a folder for csv)."""
    if output_format == "jsonl":
        built.write_bytes(jsonl(records, verdicts))
    elif output_format == "claimreview":
        built.write_bytes(claim_reviews(records, verdicts))
    elif output_format == "sqlite":
        sqlite_database(records, built, verdicts)
    else:
        built.mkdir()
        for name, content in csv_tables(records, verdicts).items():
            (built / name).write_bytes(content)
        descriptor = orjson.dumps(datapackage(version), option=orjson.OPT_INDENT_2)
        (built / "datapackage.json").write_bytes(descriptor + b"\n")


def write_export(
    records: Records,
    output_format: str,
    target: Path,
    *,
    version: str,
    force: bool,
    verdicts: Verdicts | None = None,
) -> Iterable[Path]:
    """Write the export of ``output_format`` to ``target``, with ``verdicts`` (claim id ->
    verdict); return the files written.

    The export is built in a temporary folder beside ``target`` (a name of the one temporary
    shape) and moved into place at the end, so a failed export leaves no partial output and
    the old target as it was. Raises :class:`ExportError` (a target that exists, without
    ``force``) or :class:`~astana_facts.jsonio.atomic.WriteFailed` (naming the file and the
    reason)."""
    if os.path.lexists(target) and not force:
        raise ExportError(f"{target} exists; use --force to replace it")
    try:
        if not target.parent.is_dir():
            target.parent.mkdir(parents=True)
        workspace = temporary_path(target)
        workspace.mkdir()
    except OSError as error:
        raise WriteFailed(target, error.strerror or str(error), code=error.errno) from None
    try:
        built = workspace / target.name
        try:
            _build(records, output_format, built, version, verdicts or {})
        except (OSError, sqlite3.Error) as error:
            reason = getattr(error, "strerror", None) or str(error)
            raise WriteFailed(target, reason) from None
        files = sorted(built.iterdir()) if built.is_dir() else [built]
        written = [target / f.name for f in files] if built.is_dir() else [target]
        place(built, target, force=force)
    finally:
        shutil.rmtree(workspace, ignore_errors=True)
    return written
