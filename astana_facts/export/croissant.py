"""The Croissant 1.1 metadata of the dataset folder (``croissant.json``, the MLCommons format
ML tools read): every file of the export as a ``FileObject`` (path, format, SHA-256), and every
table of the registry (:data:`~astana_facts.export.tables.TABLES`) as a ``RecordSet`` read from
its CSV file, with the column descriptions, types, keys and references (foreign keys) of the
registry, so a new table appears here by itself.

``version`` is this dataset's version, which follows the dataset's own semantic versioning for
data (README, "Versions": a record removed or re-identified, a field removed or renamed, or a
rule made stricter is major; records, kinds or info-level rules added minor; corrected values,
spans, texts or metadata patch), not the rule Croissant recommends; the description says so.
"""

from __future__ import annotations

from typing import Any

from astana_facts.export import about
from astana_facts.export.tables import TABLES, Table

CONFORMS_TO = "http://mlcommons.org/croissant/1.1"

CONTEXT: dict[str, Any] = {
    "@language": "en",
    "@vocab": "https://schema.org/",
    "citeAs": "cr:citeAs",
    "column": "cr:column",
    "conformsTo": "dct:conformsTo",
    "cr": "http://mlcommons.org/croissant/",
    "rai": "http://mlcommons.org/croissant/RAI/",
    "data": {"@id": "cr:data", "@type": "@json"},
    "dataType": {"@id": "cr:dataType", "@type": "@vocab"},
    "dct": "http://purl.org/dc/terms/",
    "equivalentProperty": "cr:equivalentProperty",
    "examples": {"@id": "cr:examples", "@type": "@json"},
    "extract": "cr:extract",
    "field": "cr:field",
    "fileProperty": "cr:fileProperty",
    "fileObject": "cr:fileObject",
    "fileSet": "cr:fileSet",
    "format": "cr:format",
    "includes": "cr:includes",
    "isLiveDataset": "cr:isLiveDataset",
    "jsonPath": "cr:jsonPath",
    "key": "cr:key",
    "md5": "cr:md5",
    "parentField": "cr:parentField",
    "path": "cr:path",
    "recordSet": "cr:recordSet",
    "references": "cr:references",
    "regex": "cr:regex",
    "repeated": "cr:repeated",
    "replace": "cr:replace",
    "samplingRate": "cr:samplingRate",
    "sc": "https://schema.org/",
    "separator": "cr:separator",
    "source": "cr:source",
    "subField": "cr:subField",
    "transform": "cr:transform",
}
"""The JSON-LD context of Croissant 1.1 (as its reference implementation writes it)."""

DATA_TYPES = {
    "string": "sc:Text",
    "date": "sc:Date",
    "integer": "sc:Integer",
    "number": "sc:Float",
    "boolean": "sc:Boolean",
}

ENCODINGS = {
    ".csv": "text/csv",
    ".jsonl": "application/jsonlines",
    ".json": "application/json",
    ".sqlite": "application/vnd.sqlite3",
}

VERSION_RULE = (
    "version is this dataset's semantic versioning for data, not Croissant's recommended rule: "
    "a record removed or re-identified, a field removed or renamed, a schema change old data "
    "or readers fail on, or a rule made stricter is a major change; records, kinds or "
    "info-level rules added, or a rule loosened, minor; corrected values, spans, texts or "
    "metadata, patch."
)


def _file(path: str, sha256: str) -> dict[str, Any]:
    suffix = path[path.rfind(".") :]
    return {
        "@type": "cr:FileObject",
        "@id": path,
        "name": path,
        "contentUrl": path,
        "encodingFormat": ENCODINGS.get(suffix, "application/octet-stream"),
        "sha256": sha256,
    }


def _ids(table: str, columns: tuple[str, ...]) -> Any:
    ids = [{"@id": f"{table}/{name}"} for name in columns]
    return ids[0] if len(ids) == 1 else ids


def _record_set(table: Table, csv_path: str) -> dict[str, Any]:
    """A table as a record set; a reference within the table itself (an entity's series) is
    left out, since Croissant readers order record sets by their references."""
    references = {key.column: key for key in table.foreign_keys}
    fields = []
    for column in table.columns:
        field: dict[str, Any] = {
            "@type": "cr:Field",
            "@id": f"{table.name}/{column.name}",
            "name": column.name,
            "description": column.description,
            "dataType": DATA_TYPES[column.type],
            "source": {"fileObject": {"@id": csv_path}, "extract": {"column": column.name}},
        }
        if column.name in references and references[column.name].table != table.name:
            key = references[column.name]
            field["references"] = {"field": {"@id": f"{key.table}/{key.target}"}}
        fields.append(field)
    return {
        "@type": "cr:RecordSet",
        "@id": table.name,
        "name": table.name,
        "description": table.description,
        "key": _ids(table.name, table.primary_key),
        "field": fields,
    }


def croissant(
    version: str, files: dict[str, str], published: str | None = None, csv_folder: str = "csv"
) -> dict[str, Any]:
    """The Croissant metadata of a dataset folder whose files are ``files`` (path relative to
    the folder -> SHA-256), the CSV tables in ``csv_folder``; ``published`` is the day of the
    data's latest date (a date of the data, never today's: the same data give the same
    bytes)."""
    dated = {"datePublished": published} if published else {}
    dated |= {"url": about.HOMEPAGE} if about.HOMEPAGE else {}
    return dated | {
        "@context": CONTEXT,
        "@type": "sc:Dataset",
        "conformsTo": CONFORMS_TO,
        "name": about.NAME,
        "description": f"{about.DESCRIPTION} {VERSION_RULE}",
        "version": version,
        "license": about.DATA_LICENSE["path"],
        "citeAs": about.citation(version),
        "creator": {"@type": "sc:Organization", "name": about.CREATOR},
        "keywords": about.keywords(),
        "inLanguage": "en",
        "distribution": [_file(path, files[path]) for path in sorted(files)],
        "recordSet": [
            _record_set(table, f"{csv_folder}/{table.name}.csv")
            for table in TABLES
            if f"{csv_folder}/{table.name}.csv" in files
        ],
    }
