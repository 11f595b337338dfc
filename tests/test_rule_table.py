"""The rule registry is the one list of codes: docs/rules.md is generated from it, every code is
unique and documented (why, what to do), and `astana-facts rules [CODE]` prints it."""

from __future__ import annotations

import re
from pathlib import Path

import orjson
from click.testing import CliRunner

from astana_facts.cli.main import cli
from astana_facts.consistency.engines import ENGINES
from astana_facts.consistency.registry import consistency_rules, registry
from astana_facts.findings.codes import INTEGRITY_CODES
from tests.conftest import REPO

ROW = re.compile(r"^\| ([A-Z]{3}[0-9]{3}) \| ([a-z0-9-]+) \| (error|warning|info) \| (.+) \|$")
BEGIN, END = "<!-- rules:begin", "<!-- rules:end -->"


def _docs() -> str:
    return (REPO / "docs" / "rules.md").read_text(encoding="utf-8")


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["rules", *args])
    return result.exit_code, result.stdout, result.stderr


def test_the_docs_show_exactly_the_generated_rules() -> None:
    docs = _docs()
    block = docs[docs.index(BEGIN) : docs.index(END)]
    assert block.split("\n", 1)[1] == _run("--format", "markdown")[1], (
        "docs/rules.md is out of date: paste `astana-facts rules --format markdown` between its "
        "markers"
    )


def test_every_code_has_its_row_and_every_row_its_code() -> None:
    documented = {}
    for line in _docs().splitlines():
        match = ROW.match(line)
        if match:
            documented[match[1]] = (match[2], match[3], match[4])
    in_registry = {e.code: (e.name, e.severity, e.title) for e in registry().values()}
    assert documented == in_registry


def test_the_registry_holds_every_integrity_code_and_every_declared_rule() -> None:
    codes = list(registry())
    assert codes == [row.code for row in INTEGRITY_CODES] + [r["code"] for r in consistency_rules()]
    assert len(codes) == len(set(codes))
    assert all(re.fullmatch(r"[A-Z]{3}[0-9]{3}", code) for code in codes)


def test_every_code_says_why_and_what_to_do_and_has_its_section() -> None:
    docs = _docs()
    for entry in registry().values():
        assert entry.why.strip() and entry.fix.strip(), entry.code
        assert f"### {entry.code} {entry.name}" in docs
        assert f"- **What to do:** {entry.fix}" in docs


def test_every_rule_has_an_engine() -> None:
    for rule in consistency_rules():
        assert rule["comparison"] in ENGINES


def test_rules_code_prints_the_documentation_of_one_rule() -> None:
    code, out, _ = _run("DAT001")
    assert code == 0
    assert out.startswith("DAT001 event-dates-clash (consistency rule, severity error)\n")
    for heading in ("Why it matters:", "What to do:", "Engine:", "Parameters:", "Fires:"):
        assert f"\n{heading}\n" in out
    code, out, _ = _run("spn001")
    assert code == 0 and out.startswith("SPN001 quote-mismatch (integrity check, severity error)")
    assert "Engine:" not in out


def test_rules_code_as_json_gives_every_field_of_the_entry() -> None:
    code, out, _ = _run("PAR002", "--format", "json")
    data = orjson.loads(out)
    assert code == 0
    assert (data["code"], data["severity"], data["family"], data["engine"]) == (
        "PAR002",
        "warning",
        "consistency",
        "entity_sets",
    )
    assert data["parameters"]["mode"] == "partial"
    assert data["fix"] and data["why"] and data["example"]["near_miss"]


def test_the_table_as_json_lists_every_code_in_registry_order() -> None:
    code, out, _ = _run("--format", "json")
    assert code == 0
    assert [entry["code"] for entry in orjson.loads(out)] == list(registry())


def test_an_unknown_code_exits_2_and_names_the_near_codes() -> None:
    code, out, err = _run("DAT010")
    assert (code, out) == (2, "")
    assert "unknown rule code 'DAT010'" in err and "DAT001" in err
    code, _, err = _run("nothing-like-it")
    assert code == 2 and "did you mean" not in err


def test_a_broken_rules_folder_exits_2_with_the_file_and_the_problem(tmp_path: Path) -> None:
    (tmp_path / "bad.json").write_text('{"rules": [}', encoding="utf-8")
    code, out, err = _run("--validators", str(tmp_path))
    assert (code, out) == (2, "")
    assert "bad.json" in err and "SCH001" in err
