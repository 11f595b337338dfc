"""``export --format dataset`` writes one folder with every export and its cards, from one run
of the pipeline; the same data give the same bytes; the JSON Lines of documents, entities,
facts and findings sit beside the claims."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import astana_facts
import astana_facts.pipeline.run as pipeline
from astana_facts.cli.main import cli
from astana_facts.pipeline.result import Result


def _lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_the_folder_holds_every_export_and_its_cards(dataset: Path) -> None:
    top = sorted(path.name for path in dataset.iterdir())
    assert top == [
        "README.md", "astana-facts.sqlite", "croissant.json", "csv", "data", "jsonl",
        "metadata.json",
    ]  # fmt: skip
    assert (dataset / "csv" / "datapackage.json").is_file()
    assert sorted(p.name for p in (dataset / "jsonl").iterdir()) == [
        "claims.jsonl", "documents.jsonl", "entities.jsonl", "facts.jsonl", "findings.jsonl",
    ]  # fmt: skip


def test_the_records_jsonl_beside_the_claims(dataset: Path) -> None:
    loaded = astana_facts.load()
    folder = dataset / "jsonl"
    documents = _lines(folder / "documents.jsonl")
    assert [d["id"] for d in documents] == sorted(loaded.documents)
    assert all(d["text"] == loaded.documents[d["id"]].text for d in documents)
    assert "$schema" not in documents[0]
    assert [e["id"] for e in _lines(folder / "entities.jsonl")] == sorted(loaded.entities)
    facts = _lines(folder / "facts.jsonl")
    assert [f["id"] for f in facts] == sorted(f.id for f in loaded.facts)
    assert all(f["evidence"] and "value" in f for f in facts)
    findings = _lines(folder / "findings.jsonl")
    report = astana_facts.report()
    assert [(f["code"], f["fingerprint"]) for f in findings] == [
        (f.code, f.fingerprint) for f in report.findings
    ]
    assert any(f["verdict"] for f in findings) and any(f["resolution"] for f in findings)
    assert len({f["id"] for f in findings}) == len(findings)


def test_one_pipeline_run_and_the_same_bytes_twice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, dataset: Path
) -> None:
    real, runs = pipeline.run, []

    def counted(*args: Any, **kwargs: Any) -> Result:
        runs.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(pipeline, "run", counted)
    target = tmp_path / "again"
    result = CliRunner().invoke(cli, ["export", "--format", "dataset", "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert len(runs) == 1
    first = {p.relative_to(dataset): p.read_bytes() for p in dataset.rglob("*") if p.is_file()}
    second = {p.relative_to(target): p.read_bytes() for p in target.rglob("*") if p.is_file()}
    assert first == second
    assert f"  {target / 'csv' / 'claims.csv'}" in result.output.splitlines()


def test_a_sample_folder_exports_as_a_dataset(records: Path, tmp_path: Path) -> None:
    target = tmp_path / "sample"
    arguments = ["export", "--records", str(records), "--format", "dataset", "-o", str(target)]
    result = CliRunner().invoke(cli, arguments)
    assert result.exit_code == 0, result.output
    croissant = json.loads((target / "croissant.json").read_text(encoding="utf-8"))
    assert croissant["distribution"] and croissant["recordSet"]


def test_the_same_bytes_from_another_working_directory(
    dataset: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A finding's file is written relative to the folder holding the records folder, not to
    where the export ran."""
    monkeypatch.chdir(tmp_path)
    records = Path(astana_facts.__file__).resolve().parents[1] / "records"
    target = tmp_path / "elsewhere"
    arguments = ["export", "--records", str(records), "--format", "dataset", "-o", str(target)]
    assert CliRunner().invoke(cli, arguments).exit_code == 0
    for path in ("data/findings.jsonl", "jsonl/findings.jsonl", "astana-facts.sqlite"):
        assert (target / path).read_bytes() == (dataset / path).read_bytes(), path
    assert '"file":"records/claims/' in (target / "jsonl" / "findings.jsonl").read_text("utf-8")
