"""``croissant.json`` describes every file of the dataset folder (its path, format and SHA-256)
and every table of the registry as a record set read from its CSV file, and it validates with
mlcroissant, the reference implementation of Croissant 1.1, which reads every record set.

Its ``version`` follows this dataset's semantic versioning for data, not Croissant's
recommended rule; the description says so (:data:`~astana_facts.export.croissant.VERSION_RULE`).
"""

from __future__ import annotations

import csv
import hashlib
import json
import logging
from pathlib import Path
from typing import Any

import pytest

from astana_facts import package_version
from astana_facts.export.croissant import CONFORMS_TO, VERSION_RULE
from astana_facts.export.tables import TABLES
from tests.export.tools import tool


def _metadata(dataset: Path) -> dict[str, Any]:
    return dict(json.loads((dataset / "croissant.json").read_text(encoding="utf-8")))


def test_every_file_is_described_with_its_checksum(dataset: Path) -> None:
    metadata = _metadata(dataset)
    described = {item["contentUrl"]: item["sha256"] for item in metadata["distribution"]}
    files = {
        path.relative_to(dataset).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in dataset.rglob("*")
        if path.is_file() and path.name not in ("croissant.json", "README.md")
    }
    assert described == files
    assert [record_set["name"] for record_set in metadata["recordSet"]] == [t.name for t in TABLES]
    assert metadata["conformsTo"] == CONFORMS_TO
    assert metadata["version"] == package_version() and VERSION_RULE in metadata["description"]
    assert metadata["license"] == "https://creativecommons.org/licenses/by/4.0/"


def test_mlcroissant_validates_it(dataset: Path, caplog: pytest.LogCaptureFixture) -> None:
    mlc = tool("mlcroissant")
    with caplog.at_level(logging.WARNING):
        loaded = mlc.Dataset(jsonld=str(dataset / "croissant.json"))  # raises on an error
    assert loaded.metadata.version == package_version()
    assert "is not standard" not in caplog.text  # the JSON-LD context is Croissant's own
    assert "warning" not in caplog.text.lower(), caplog.text


def test_mlcroissant_reads_every_record_set(dataset: Path, tmp_path: Path) -> None:
    """Every table's records, as many as its CSV has rows. (mlcroissant 1.1 cannot yet join a
    record set whose references lead through another that has references: the records are read
    from a copy without ``references``, which the test above validates.)"""
    mlc = tool("mlcroissant")
    metadata = _metadata(dataset)
    for record_set in metadata["recordSet"]:
        for field in record_set["field"]:
            field.pop("references", None)
    for path in dataset.rglob("*"):
        if path.is_file():
            copy = tmp_path / path.relative_to(dataset)
            copy.parent.mkdir(parents=True, exist_ok=True)
            copy.write_bytes(path.read_bytes())
    (tmp_path / "croissant.json").write_text(json.dumps(metadata), encoding="utf-8")
    loaded = mlc.Dataset(jsonld=str(tmp_path / "croissant.json"))
    for table in TABLES:
        with (dataset / "csv" / f"{table.name}.csv").open(encoding="utf-8", newline="") as file:
            expected = [row[table.primary_key[0]] for row in csv.DictReader(file)]
        records = list(loaded.records(record_set=table.name))
        key = f"{table.name}/{table.primary_key[0]}"
        assert [_text(record[key]) for record in records] == expected, table.name


def _text(value: Any) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)


def test_mlcroissant_refuses_a_broken_description(dataset: Path, tmp_path: Path) -> None:
    """The validation can fail: a record set whose field reads a file not described."""
    mlc = tool("mlcroissant")
    metadata = _metadata(dataset)
    metadata["recordSet"][0]["field"][0]["source"]["fileObject"]["@id"] = "csv/nowhere.csv"
    (tmp_path / "croissant.json").write_text(json.dumps(metadata), encoding="utf-8")
    with pytest.raises(mlc.ValidationError):
        mlc.Dataset(jsonld=str(tmp_path / "croissant.json"))
