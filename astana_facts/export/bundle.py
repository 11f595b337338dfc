"""The ``dataset`` export: one folder ready to publish, every export with the cards that
describe it.

| path | what |
| --- | --- |
| ``README.md`` | the Hugging Face dataset card (:mod:`.card`) |
| ``croissant.json`` | the Croissant 1.1 metadata of every other file (:mod:`.croissant`) |
| ``astana-facts.sqlite`` | the SQLite export (:mod:`.sqlite`) |
| ``metadata.json`` | its datasette metadata (:mod:`.datasette`) |
| ``csv/`` | the CSV tables and ``datapackage.json`` |
| ``data/<table>.jsonl`` | each table's rows as JSON Lines (the configs ``load_dataset`` reads) |
| ``jsonl/`` | claims, documents, entities, facts and findings as in their files |

Everything comes from one pipeline result (the verdicts, findings and adjudications of one
run) and one table registry.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import orjson

from astana_facts.export.card import data_file, dataset_card, flat_jsonl
from astana_facts.export.croissant import croissant
from astana_facts.export.datasette import datasette_metadata
from astana_facts.export.records_jsonl import (
    documents_jsonl,
    entities_jsonl,
    facts_jsonl,
    findings_jsonl,
)
from astana_facts.export.rows import rows

if TYPE_CHECKING:
    from astana_facts.pipeline.result import Result

DATABASE = "astana-facts"
"""The SQLite file's stem: its name in datasette and the key of ``metadata.json``."""


def _json(value: object) -> bytes:
    return orjson.dumps(value, option=orjson.OPT_INDENT_2) + b"\n"


def build_dataset(
    result: Result, folder: Path, version: str, *, sqlite: Callable[[Result, Path], None]
) -> None:
    """Write the dataset folder at ``folder`` (which must not exist); ``sqlite`` writes the
    database (the writers' :func:`~astana_facts.export.sqlite.sqlite_database`)."""
    from astana_facts.export.writers import jsonl, write_csv

    folder.mkdir()
    sqlite(result, folder / f"{DATABASE}.sqlite")
    (folder / "metadata.json").write_bytes(_json(datasette_metadata(DATABASE)))
    (folder / "csv").mkdir()
    write_csv(result, folder / "csv", version)
    (folder / "data").mkdir()
    for table, table_rows in rows(result):
        (folder / data_file(table)).write_bytes(flat_jsonl(table_rows))
    (folder / "jsonl").mkdir()
    nested = {
        "claims": jsonl(result.records, result.claim_verdicts),
        "documents": documents_jsonl(result),
        "entities": entities_jsonl(result),
        "facts": facts_jsonl(result),
        "findings": findings_jsonl(result),
    }
    for name, content in nested.items():
        (folder / "jsonl" / f"{name}.jsonl").write_bytes(content)
    files = {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }
    metadata = croissant(version, files, latest_day(result))
    (folder / "croissant.json").write_bytes(_json(metadata))
    (folder / "README.md").write_text(
        dataset_card(version, len(result.records.claims)), encoding="utf-8"
    )


def latest_day(result: Result) -> str | None:
    """The latest day the data record: a fact's source read or an adjudication decided."""
    days = [
        str(source["retrieved"])
        for fact, _ in result.records.facts
        for source in fact.get("evidence") or ()
        if source.get("retrieved")
    ]
    days += [
        str(item["decided"]) for item, _ in result.records.adjudications if item.get("decided")
    ]
    return max(days, default=None)
