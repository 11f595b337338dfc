"""The exports carry facts and verdicts: a ``facts`` table with a row per public source in
``fact_evidence``, a ``verdicts`` table (its label one of the labels) with a row per fact used in
``verdict_facts``, all with foreign keys that hold, in SQLite, in CSV valid against its
Frictionless descriptor, and on every line of JSON Lines."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import frictionless
import orjson
import pytest
from click.testing import CliRunner

import astana_facts.pipeline.run as pipeline
from astana_facts.cli.main import cli
from astana_facts.export.datapackage import datapackage
from astana_facts.export.sqlite import sqlite_database
from astana_facts.export.writers import csv_tables, jsonl
from astana_facts.pipeline.result import Result
from astana_facts.pipeline.run import run
from astana_facts.verdicts import LABELS, Verdict
from tests.factories import TEXT, build_records, claims, span
from tests.judged import HOSTILE, judged_result


def test_sqlite_has_the_facts_and_verdicts_with_keys(tmp_path: Path) -> None:
    result = judged_result(hostile=True)
    sqlite_database(result, tmp_path / "x.sqlite")
    with sqlite3.connect(tmp_path / "x.sqlite") as connection:
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        assert connection.execute("SELECT claim_id, label, by FROM verdicts").fetchall() == [
            ("a-end", "not_enough_evidence", "engine"),
            ("a-start", "refuted", "engine"),
            ("b-day", "supported", "engine"),
            ("b-plan", "not_kept", "editor"),
        ]
        assert connection.execute(
            "SELECT v.claim_id, f.id FROM verdict_facts v JOIN facts f ON f.id = v.fact_id "
            "ORDER BY v.claim_id"
        ).fetchall() == [
            ("a-start", "fact-round-8-dates"),
            ("b-day", "fact-round-8-dates"),
            ("b-plan", "fact-round-9-dates"),
        ]
        row = connection.execute(
            "SELECT url, publisher, title, published, retrieved, archived_url, quote "
            "FROM fact_evidence WHERE fact_id = 'fact-round-8-dates'"
        ).fetchone()
        assert row[0] == "https://mfa.example.org/round-8?lang=en&x=1"
        assert row[1].endswith(HOSTILE) and row[3:5] == ("2017-12-22", "2026-11-20")
        kind, subject, value = connection.execute(
            "SELECT kind, subject, value_json FROM facts WHERE id = 'fact-round-8-dates'"
        ).fetchone()
        assert (kind, subject, json.loads(value)["end"]) == (
            "event_date",
            "astana-round-8",
            "2017-12-22",
        )
        with pytest.raises(sqlite3.IntegrityError):  # a label is one of the labels
            connection.execute("UPDATE verdicts SET label = 'true' WHERE claim_id = 'a-end'")


def test_csv_with_verdicts_is_valid_against_its_descriptor(tmp_path: Path) -> None:
    result = judged_result(hostile=True)
    for name, content in csv_tables(result).items():
        (tmp_path / name).write_bytes(content)
    descriptor = datapackage("0.0.0")
    (tmp_path / "datapackage.json").write_bytes(orjson.dumps(descriptor))
    report = frictionless.validate(str(tmp_path / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:5]
    (verdicts,) = [r for r in descriptor["resources"] if r["name"] == "verdicts"]
    (label,) = [f for f in verdicts["schema"]["fields"] if f["name"] == "label"]
    assert label["constraints"] == {"enum": list(LABELS)}
    assert {"fields": "claim_id", "reference": {"resource": "claims", "fields": "id"}} in (
        verdicts["schema"]["foreignKeys"]
    )


def test_a_label_outside_the_labels_fails_the_descriptor(tmp_path: Path) -> None:
    result = judged_result()
    for name, content in csv_tables(result).items():
        (tmp_path / name).write_bytes(content.replace(b",refuted,", b",false,"))
    (tmp_path / "datapackage.json").write_bytes(orjson.dumps(datapackage("0.0.0")))
    assert not frictionless.validate(str(tmp_path / "datapackage.json")).valid


def test_jsonl_gives_each_claim_its_verdict_or_null() -> None:
    result = judged_result()
    lines = [json.loads(line) for line in jsonl(result.records, result.claim_verdicts).splitlines()]
    assert {line["id"]: line["verdict"] and line["verdict"]["label"] for line in lines} == {
        "a-end": "not_enough_evidence", "a-start": "refuted", "b-day": "supported",
        "b-plan": "not_kept",
    }  # fmt: skip
    assert lines[1]["verdict"] == {
        "label": "refuted", "facts": ["fact-round-8-dates"], "reason": "It started on the 21st.",
        "by": "engine",
    }  # fmt: skip
    empty = judged_result(empty=True)
    assert all(json.loads(line)["verdict"] is None for line in jsonl(empty.records).splitlines())


def test_a_contradiction_between_sources_does_not_stop_an_export(tmp_path: Path) -> None:
    """The export runs the report's stages for the verdicts, but refuses only integrity errors:
    an unadjudicated clash between two claims is what the data records, not a defect."""
    clash = {
        "id": "sample-wrong-day",
        "kind": "event_date",
        "subject": "astana-round-4",
        "value": {"start": "2017-05-06", "end": "2017-05-06", "precision": "day",
                  "stance": "day_within"},
        "attribution": {"type": "publisher"},
        "modality": "reported",
        "evidence": [span(TEXT, "May 4th")],
    }  # fmt: skip
    root = build_records(tmp_path / "records", claim_list=[*claims(), clash])
    assert run(root, consistency=True).exit_code == 1  # the report fails on it
    target = tmp_path / "out.sqlite"
    result = CliRunner().invoke(
        cli, ["export", "--records", str(root), "--format", "sqlite", "-o", str(target)]
    )
    assert result.exit_code == 0, result.output
    with sqlite3.connect(target) as connection:
        ids = {row[0] for row in connection.execute("SELECT id FROM claims")}
    assert "sample-wrong-day" in ids


def test_the_bundled_export_links_verdicts_to_the_bundled_facts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = pipeline.run

    def judged(*args: Any, **kwargs: Any) -> Result:
        result = real(*args, **kwargs)
        result.claim_verdicts = {
            "kisi-round-8-start": Verdict(
                "kisi-round-8-start", "refuted", ("fact-astana-round-8-dates",), "A day early."
            ),
            "klein-round-4-dates": Verdict(
                "klein-round-4-dates", "supported", ("fact-astana-round-4-dates",)
            ),
        }
        return result

    monkeypatch.setattr(pipeline, "run", judged)
    target = tmp_path / "csv"
    result = CliRunner().invoke(cli, ["export", "--format", "csv", "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert "(2 with a verdict)" in result.output
    report = frictionless.validate(str(target / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:5]
    rows = (target / "verdict_facts.csv").read_text(encoding="utf-8").splitlines()
    assert rows == [
        "claim_id,position,fact_id",
        "kisi-round-8-start,0,fact-astana-round-8-dates",
        "klein-round-4-dates,0,fact-astana-round-4-dates",
    ]
