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
from astana_facts.export.datapackage import datapackage
from astana_facts.export.rows import rows
from astana_facts.export.sqlite import sqlite_database
from astana_facts.jsonio.atomic import WriteFailed, is_device, temporary_path, write_atomic
from astana_facts.jsonio.writer import canonical_order
from astana_facts.reading.records import Records

if TYPE_CHECKING:
    from astana_facts.pipeline.result import Result
    from astana_facts.verdicts import Verdict

Verdicts = Mapping[str, "Verdict"]
"""Claim id -> the verdict on it (``Result.claim_verdicts``)."""


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


def csv_tables(result: Result) -> dict[str, bytes]:
    """Each table as CSV bytes (header row, empty cell for a missing value)."""
    files = {}
    for table, table_rows in rows(result):
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow([column.name for column in table.columns])
        for row in table_rows:
            writer.writerow([_cell(row[column.name]) for column in table.columns])
        files[f"{table.name}.csv"] = buffer.getvalue().encode("utf-8")
    return files


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


def _build(result: Result, output_format: str, built: Path, version: str) -> None:
    """Write the export of ``output_format`` at ``built`` (a file, or a folder for csv and
    dataset)."""
    records, verdicts = result.records, result.claim_verdicts
    if output_format == "jsonl":
        built.write_bytes(jsonl(records, verdicts))
    elif output_format == "claimreview":
        built.write_bytes(claim_reviews(records, verdicts))
    elif output_format == "sqlite":
        sqlite_database(result, built)
    elif output_format == "dataset":
        from astana_facts.export.bundle import build_dataset

        build_dataset(result, built, version, sqlite=sqlite_database)
    else:
        built.mkdir()
        write_csv(result, built, version)


def write_csv(result: Result, folder: Path, version: str) -> None:
    """The CSV tables and their ``datapackage.json`` into ``folder`` (which exists)."""
    for name, content in csv_tables(result).items():
        (folder / name).write_bytes(content)
    descriptor = orjson.dumps(datapackage(version, result.records), option=orjson.OPT_INDENT_2)
    (folder / "datapackage.json").write_bytes(descriptor + b"\n")


def write_export(
    result: Result, output_format: str, target: Path, *, version: str, force: bool
) -> Iterable[Path]:
    """Write the export of ``output_format`` of the pipeline's ``result`` (the records, the
    verdicts, the findings) to ``target``; return the files written.

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
            _build(result, output_format, built, version)
        except (OSError, sqlite3.Error) as error:
            reason = getattr(error, "strerror", None) or str(error)
            raise WriteFailed(target, reason) from None
        if built.is_dir():
            files = sorted(path for path in built.rglob("*") if path.is_file())
            written = [target / path.relative_to(built) for path in files]
        else:
            written = [target]
        place(built, target, force=force)
    finally:
        shutil.rmtree(workspace, ignore_errors=True)
    return written
