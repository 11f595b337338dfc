"""The rule table in docs/rules.md is what `astana-facts rules --format markdown` prints, and
every code, integrity or consistency, is unique and has its row and its documentation."""

from __future__ import annotations

import re

from click.testing import CliRunner

from astana_facts.cli.main import cli
from astana_facts.consistency.engines import ENGINES
from astana_facts.findings.codes import INTEGRITY_CODES
from astana_facts.findings.rules_doc import consistency_rules
from tests.conftest import REPO

ROW = re.compile(r"^\| ([A-Z]{3}[0-9]{3}) \| ([a-z0-9-]+) \| (error|warning|info) \| (.+) \|$")
BEGIN, END = "<!-- rules:begin", "<!-- rules:end -->"


def _docs() -> str:
    return (REPO / "docs" / "rules.md").read_text(encoding="utf-8")


def test_the_docs_show_exactly_the_generated_table() -> None:
    docs = _docs()
    block = docs[docs.index(BEGIN) : docs.index(END)]
    generated = CliRunner().invoke(cli, ["rules", "--format", "markdown"]).output
    assert block.split("\n", 1)[1] == generated


def test_every_code_has_its_row_and_every_row_its_code() -> None:
    documented = {}
    for line in _docs().splitlines():
        match = ROW.match(line)
        if match:
            documented[match[1]] = (match[2], match[3], match[4])
    in_code = {row.code: (row.name, row.severity, row.summary) for row in INTEGRITY_CODES}
    in_code |= {r["code"]: (r["name"], r["severity"], r["title"]) for r in consistency_rules()}
    assert documented == in_code


def test_codes_are_unique_and_well_formed() -> None:
    codes = [row.code for row in INTEGRITY_CODES] + [r["code"] for r in consistency_rules()]
    assert len(codes) == len(set(codes))
    assert all(re.fullmatch(r"[A-Z]{3}[0-9]{3}", code) for code in codes)


def test_every_rule_has_an_engine_and_its_own_documentation() -> None:
    docs = _docs()
    for rule in consistency_rules():
        assert rule["comparison"] in ENGINES
        assert f"### {rule['code']} {rule['name']}" in docs
