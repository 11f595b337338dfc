"""The Frictionless descriptor says under which terms the data may be used and where it comes
from: the annotations CC BY 4.0, the source texts their publishers' (the documents resource),
the package and every source document with a URL as sources; and it still validates."""

from __future__ import annotations

import json
from pathlib import Path

import frictionless

import astana_facts


def test_licences_and_sources(dataset: Path) -> None:
    descriptor = json.loads((dataset / "csv" / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["licenses"] == [
        {
            "name": "CC-BY-4.0",
            "path": "https://creativecommons.org/licenses/by/4.0/",
            "title": "Creative Commons Attribution 4.0 International",
        }
    ]
    (documents,) = [r for r in descriptor["resources"] if r["name"] == "documents"]
    assert documents["licenses"][0]["name"] == "other-closed"
    assert "copyright of their publishers" in documents["licenses"][0]["title"]
    urls = {source["path"] for source in descriptor["sources"] if "path" in source}
    documents_ = astana_facts.load().documents.values()
    assert {d.metadata.url for d in documents_ if d.metadata.url} <= urls
    report = frictionless.validate(str(dataset / "csv" / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:5]


def test_a_status_outside_its_values_fails_the_descriptor(dataset: Path, tmp_path: Path) -> None:
    copy = tmp_path / "csv"
    copy.mkdir()
    for path in (dataset / "csv").iterdir():
        content = path.read_bytes()
        if path.name == "findings.csv":
            content = content.replace(b",resolved,", b",fixed,", 1)
        (copy / path.name).write_bytes(content)
    report = frictionless.validate(str(copy / "datapackage.json"))
    assert not report.valid
    assert report.flatten(["fieldName", "type"])[0] == ["status", "constraint-error"]
