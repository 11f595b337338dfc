"""The contributor's walkthrough (CONTRIBUTING.md), played end to end in a copy of the dataset:
a new article and its claims pass; each typical mistake fails with its code at its file and
line, in text, github and sarif output; a failed check changes no file."""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import orjson
import pytest
from click.testing import CliRunner, Result

from astana_facts.cli.main import cli
from astana_facts.jsonio.positions import build_source_map
from astana_facts.resources import bundled
from tests.conftest import REPO

DOC = "inform-ninth-round-2018-05"
ARTICLE = (
    "Ninth round of Astana talks ends\n"
    "\n"
    "The ninth round of the Astana talks on Syria was held on May 14-15, 2018 in Astana. "
    "Russia, Iran and Turkey took part as guarantor states.\n"
)
CLAIMS = f"records/claims/{DOC}.json"
SARIF_SCHEMA = json.loads((REPO / "tests" / "data" / "sarif-2.1.0-rtm.5.json").read_text())


def _run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def _claims() -> list[dict[str, Any]]:
    """The contributor's claims: quotes only, no offsets."""
    publisher = {"type": "publisher"}
    return [
        {
            "id": "inform-round-9-number",
            "kind": "round_number",
            "subject": "astana-round-9",
            "value": {"series": "astana-process", "ordinal": 9},
            "attribution": publisher,
            "modality": "reported",
            "evidence": [{"exact": "The ninth round of the Astana talks on Syria"}],
        },
        {
            "id": "inform-round-9-dates",
            "kind": "event_date",
            "subject": "astana-round-9",
            "value": {
                "start": "2018-05-14",
                "end": "2018-05-15",
                "precision": "day",
                "stance": "full_span",
            },
            "attribution": publisher,
            "modality": "reported",
            "evidence": [{"exact": "was held on May 14-15, 2018"}],
        },
        {
            "id": "inform-round-9-guarantors",
            "kind": "participants",
            "subject": "astana-round-9",
            "value": {
                "role": "guarantor",
                "members": ["russia", "iran", "turkey"],
                "complete": True,
            },
            "attribution": publisher,
            "modality": "reported",
            "evidence": [{"exact": "Russia, Iran and Turkey took part as guarantor states"}],
        },
    ]


@pytest.fixture
def contributor(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A checkout-like folder with the dataset and a new article added through the CLI."""
    shutil.copytree(bundled("records"), tmp_path / "records")
    shutil.copytree(bundled("validators"), tmp_path / "validators")
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    added = _run(
        "add-source", "article.txt", "--id", DOC, "--title", "Ninth round of Astana talks ends",
        "--published", "2018-05-15", "--publisher", "Kazinform", "--records", "records",
    )  # fmt: skip
    assert added.exit_code == 0, added.output
    data = json.loads(Path(CLAIMS).read_text(encoding="utf-8"))
    data["claims"] = _claims()
    data["not_check_worthy"] = [
        {
            "reason": "repeated_headline",
            "evidence": [{"exact": "Ninth round of Astana talks ends"}],
            "note": "The headline; the body states its facts.",
        }
    ]
    Path(CLAIMS).write_text(json.dumps(data, indent=2), encoding="utf-8")
    formatted = _run("fmt", "--records", "records")
    assert formatted.exit_code == 0, formatted.output
    return tmp_path


def _snapshot(root: Path) -> dict[str, str]:
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def test_a_new_article_and_its_claims_pass(contributor: Path) -> None:
    spans = json.loads(Path(CLAIMS).read_text(encoding="utf-8"))["claims"][1]["evidence"]
    assert ARTICLE[spans[0]["start"] : spans[0]["end"]] == "was held on May 14-15, 2018"
    assert _run("fmt", "--check", "--records", "records").exit_code == 0
    validated = _run("validate", "--records", "records", "--coverage")
    assert validated.exit_code == 0 and "0 error(s), 0 warning(s)" in validated.output
    assert _run("report", "--records", "records", "--strict").exit_code == 0


def _edit_claims(change: Callable[[dict[str, Any]], None]) -> None:
    data = json.loads(Path(CLAIMS).read_text(encoding="utf-8"))
    change(data)
    Path(CLAIMS).write_bytes(orjson.dumps(data, option=orjson.OPT_INDENT_2) + b"\n")


def _typo(data: dict[str, Any]) -> None:
    data["claims"][1]["evidence"][0]["exact"] = "was held on May 14-16, 2018"


def _off_by_one(data: dict[str, Any]) -> None:
    data["claims"][1]["evidence"][0]["start"] += 1
    data["claims"][1]["evidence"][0]["end"] += 1


def _unknown_entity(data: dict[str, Any]) -> None:
    data["claims"][2]["value"]["members"][1] = "persia"


def _duplicate_id(data: dict[str, Any]) -> None:
    data["claims"][2]["id"] = "kisi-round-8-start"


def _clashing_date(data: dict[str, Any]) -> None:
    # An event no fact covers (a date of the eighth round would be refuted by its facts, which
    # resolve the contradiction): only an editor can settle this one.
    claim = data["claims"][1]
    claim["subject"] = "syrian-civil-war"
    claim["value"] |= {"start": "2017-11-01", "end": "2017-11-02"}


def _bad_json(_: dict[str, Any]) -> None:
    raw = Path(CLAIMS).read_bytes()
    Path(CLAIMS).write_bytes(raw.replace(b'"claims": [', b'"claims": [,', 1))


# mistake, the command that catches it, the code, the JSON Pointer of the field it points at
MISTAKES: list[tuple[Callable[[dict[str, Any]], None], str, str, str | None]] = [
    (_typo, "validate", "SPN001", "/claims/1/evidence/0/exact"),
    (_off_by_one, "validate", "SPN001", "/claims/1/evidence/0/exact"),
    (_unknown_entity, "validate", "REF002", "/claims/2/value/members/1"),
    (_duplicate_id, "validate", "IDS001", "/claims/2/id"),
    (_clashing_date, "report", "DAT001", "/claims/1"),
    (_bad_json, "validate", "SCH001", None),
]


@pytest.mark.parametrize(
    ("mistake", "command", "code", "pointer"), MISTAKES, ids=[m[0].__name__ for m in MISTAKES]
)
def test_a_typical_mistake_fails_with_its_code_at_its_line(
    contributor: Path,
    mistake: Callable[[dict[str, Any]], None],
    command: str,
    code: str,
    pointer: str | None,
) -> None:
    if mistake is _bad_json:
        mistake({})
    else:
        _edit_claims(mistake)
    raw = Path(CLAIMS).read_bytes()
    if pointer is not None:
        located = build_source_map(raw).locate_key(pointer)
        assert located is not None
        line = located[0]
    else:
        line = raw.count(b"\n", 0, raw.index(b"[,")) + 1
    before = _snapshot(contributor)
    extra = ["--strict"] if command == "report" else []

    text = _run(command, "--records", "records", *extra)
    assert text.exit_code == 1, text.output
    assert f"{CLAIMS}:{line}:" in text.output and code in text.output

    github = _run(command, "--records", "records", *extra, "--format", "github").output
    assert f"::error file={CLAIMS},line={line}," in github and f"title={code}::" in github

    sarif = orjson.loads(_run(command, "--records", "records", *extra, "--format", "sarif").stdout)
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(sarif)
    results = [r for r in sarif["runs"][0]["results"] if r["ruleId"] == code]
    assert any(
        location["physicalLocation"]["artifactLocation"]["uri"] == CLAIMS
        and location["physicalLocation"]["region"]["startLine"] == line
        for result in results
        for location in result["locations"]
    )
    assert _snapshot(contributor) == before


def test_a_failing_fmt_changes_no_file(contributor: Path) -> None:
    _edit_claims(lambda data: data["claims"][0]["evidence"][0].update(exact="not in the text"))
    for span in json.loads(Path(CLAIMS).read_text(encoding="utf-8"))["claims"][0]["evidence"]:
        assert "start" in span
    data = json.loads(Path(CLAIMS).read_text(encoding="utf-8"))
    del data["claims"][0]["evidence"][0]["start"], data["claims"][0]["evidence"][0]["end"]
    Path(CLAIMS).write_text(json.dumps(data), encoding="utf-8")
    before = _snapshot(contributor)
    result = _run("fmt", "--records", "records")
    assert result.exit_code == 1 and "does not occur" in result.output
    assert _snapshot(contributor) == before


def test_add_source_refuses_a_taken_id_and_writes_nothing(contributor: Path) -> None:
    before = _snapshot(contributor)
    again = _run(
        "add-source", "article.txt", "--id", DOC, "--title", "t", "--published", "2018",
        "--records", "records",
    )  # fmt: skip
    assert again.exit_code == 2 and "is taken" in again.output
    bad_date = _run(
        "add-source", "article.txt", "--id", "other-doc", "--title", "t", "--published",
        "2018-02-30", "--records", "records",
    )  # fmt: skip
    assert bad_date.exit_code == 2 and "--published" in bad_date.output
    assert _snapshot(contributor) == before


def test_add_source_normalises_line_endings_and_unicode(tmp_path: Path) -> None:
    records = tmp_path / "records"
    (records / "sources").mkdir(parents=True)
    (records / "claims").mkdir()
    source = tmp_path / "in.txt"
    source.write_bytes("\ufeffCafe\u0301 talks\r\nEnd\r".encode())
    result = _run(
        "add-source", str(source), "--id", "cafe", "--title", "Café talks", "--published",
        "2017-01..2017-02", "--inferred", "From the text", "--records", str(records),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert (records / "sources" / "cafe.txt").read_bytes() == "Café talks\nEnd\n".encode()
    metadata = json.loads((records / "sources" / "cafe.json").read_text(encoding="utf-8"))
    assert metadata["published"] == {
        "start": "2017-01-01",
        "end": "2017-02-28",
        "precision": "month",
        "inferred": True,
        "reasoning": "From the text",
    }
    assert _run("validate", "--records", str(records)).exit_code == 0
