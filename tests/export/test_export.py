"""Exports open in the tools users have: SQLite with keys, CSV valid against its Frictionless
descriptor, JSON Lines one claim per line; nothing is overwritten without --force."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import frictionless
import pytest
from click.testing import CliRunner, Result

import astana_facts
from astana_facts.cli.main import cli
from tests.factories import build_records, entities


def _export(*args: str) -> Result:
    return CliRunner().invoke(cli, ["export", *args])


def test_sqlite_has_every_claim_with_keys_and_indexes(tmp_path: Path) -> None:
    target = tmp_path / "astana.sqlite"
    result = _export("--format", "sqlite", "-o", str(target))
    assert result.exit_code == 0, result.output
    dataset = astana_facts.load()
    with sqlite3.connect(target) as connection:
        assert connection.execute("SELECT count(*) FROM claims").fetchone()[0] == len(
            dataset.claims
        )
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        indexes = {
            row[1] for row in connection.execute("SELECT * FROM sqlite_master WHERE type='index'")
        }
        assert "claims_document" in indexes and "spans_document" in indexes
        start, end, exact, document = connection.execute(
            "SELECT start, end, exact, document FROM spans WHERE claim_id = 'kisi-round-8-start'"
        ).fetchone()
        text = connection.execute(
            "SELECT text FROM documents WHERE id = ?", (document,)
        ).fetchone()[0]
        assert text[start:end] == exact
        low, high = connection.execute(
            "SELECT quantity_low, quantity_high FROM claims WHERE id = 'klein-killed-at-least'"
        ).fetchone()
        assert low == 500000 and high is None
        facts = connection.execute("SELECT count(*) FROM facts").fetchone()[0]
        assert facts == len(dataset.facts) > 0
        url, retrieved = connection.execute(
            "SELECT url, retrieved FROM fact_evidence WHERE fact_id = 'fact-astana-round-8-dates' "
            "AND position = 0"
        ).fetchone()
        assert url == str(dataset.fact("fact-astana-round-8-dates").evidence[0].url)
        assert (
            retrieved == dataset.fact("fact-astana-round-8-dates").evidence[0].retrieved.isoformat()
        )
        verdicts = connection.execute("SELECT count(*) FROM verdicts").fetchone()[0]
        assert verdicts == len(dataset.verdicts)


def test_csv_is_valid_against_its_frictionless_descriptor(tmp_path: Path) -> None:
    target = tmp_path / "csv"
    assert _export("--format", "csv", "-o", str(target)).exit_code == 0
    descriptor = json.loads((target / "datapackage.json").read_text(encoding="utf-8"))
    assert {r["name"] for r in descriptor["resources"]} == {
        "documents", "entities", "entity_forms", "claims", "claim_entities", "spans", "facts",
        "fact_evidence", "verdicts", "verdict_facts", "rules", "findings", "finding_claims",
        "finding_spans", "finding_facts", "adjudications", "adjudication_claims",
        "adjudication_evidence",
    }  # fmt: skip
    report = frictionless.validate(str(target / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:5]


def test_jsonl_has_one_claim_per_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["export", "--format", "jsonl", "-o", "-"])
    lines = result.stdout.splitlines()
    dataset = astana_facts.load()
    assert len(lines) == len(dataset.claims)
    first = json.loads(lines[0])
    assert {"id", "kind", "value", "evidence", "document", "verdict"} <= set(first)
    verdict = dataset.verdicts.get(first["id"])
    assert first["verdict"] == (verdict and {
        "label": verdict.label, "facts": list(verdict.facts), "reason": verdict.reason,
        "by": verdict.by,
    })  # fmt: skip
    refused = CliRunner().invoke(cli, ["export", "--format", "sqlite", "-o", "-"])
    assert refused.exit_code == 2 and "standard output" in refused.output


def test_nothing_is_overwritten_without_force(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    target.write_text("mine\n", encoding="utf-8")
    refused = _export("--format", "jsonl", "-o", str(target))
    assert refused.exit_code == 2 and "--force" in refused.output
    assert target.read_text(encoding="utf-8") == "mine\n"
    assert _export("--format", "jsonl", "-o", str(target), "--force").exit_code == 0
    assert target.read_text(encoding="utf-8") != "mine\n"
    folder = tmp_path / "csv"
    assert _export("--format", "csv", "-o", str(folder)).exit_code == 0
    assert _export("--format", "csv", "-o", str(folder), "--force").exit_code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["csv", "out.jsonl"]


def test_records_with_errors_are_not_exported(tmp_path: Path) -> None:
    root = build_records(tmp_path / "records")
    (root / "entities.json").write_text("{", encoding="utf-8")
    result = _export("--records", str(root), "--format", "sqlite", "-o", str(tmp_path / "x.sqlite"))
    assert result.exit_code == 1 and not (tmp_path / "x.sqlite").exists()


@pytest.mark.parametrize("output_format", ["jsonl", "csv", "sqlite"])
def test_the_sample_folder_exports(tmp_path: Path, output_format: str) -> None:
    root = build_records(tmp_path / "records")
    result = _export(
        "--records",
        str(root),
        "--format",
        output_format,
        "-o",
        str(tmp_path / f"out.{output_format}"),
    )
    assert result.exit_code == 0, result.output


def test_a_form_listed_twice_is_exported_once(tmp_path: Path) -> None:
    # validate accepts an alias written twice; the export's key (entity, type, form) must hold.
    listed_twice = entities()
    listed_twice[-1]["aliases"] = ["Abdrakhmanov", "Abdrakhmanov"]
    root = build_records(tmp_path / "records", entity_list=listed_twice)
    target = tmp_path / "x.sqlite"
    result = _export("--records", str(root), "--format", "sqlite", "-o", str(target))
    assert result.exit_code == 0, result.output
    with sqlite3.connect(target) as connection:
        forms = connection.execute(
            "SELECT form FROM entity_forms WHERE form_type = 'alias'"
        ).fetchall()
    assert forms == [("Abdrakhmanov",)]
    csv = tmp_path / "csv"
    assert _export("--records", str(root), "--format", "csv", "-o", str(csv)).exit_code == 0
    assert frictionless.validate(str(csv / "datapackage.json")).valid


def test_every_table_and_view_is_documented_in_help_and_readme() -> None:
    from astana_facts.export.tables import TABLES
    from astana_facts.export.views import VIEWS

    shown = " ".join(CliRunner().invoke(cli, ["export", "--help"]).output.split())
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    for table in TABLES:
        assert table.name in shown and f"`{table.name}`" in readme, table.name
    for view in VIEWS:
        assert view.name in shown and f"`{view.name}`" in readme, view.name
    for name in (t.name for t in TABLES if t.search):
        assert f"`{name}_fts`" in readme, name
