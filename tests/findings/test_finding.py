"""A finding's severity comes from the table of its code: no check writes one by hand."""

from __future__ import annotations

import ast

import pytest

from astana_facts.findings.codes import INTEGRITY_CODES, Code
from astana_facts.findings.finding import Finding
from tests.conftest import REPO

# The consistency findings take the severity of their declared rule, the row of their code.
ALLOWED = {"astana_facts/findings/finding.py", "astana_facts/consistency/findings.py"}


def test_no_module_hand_writes_the_severity_of_a_finding() -> None:
    offenders = []
    for path in sorted((REPO / "astana_facts").rglob("*.py")):
        relative = path.relative_to(REPO).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "Finding"
                and any(keyword.arg == "severity" for keyword in node.keywords)
                and relative not in ALLOWED
            ):
                offenders.append(f"{relative}:{node.lineno}")
    assert offenders == [], "use Finding.of(code, message, ...)"


@pytest.mark.parametrize("row", INTEGRITY_CODES, ids=lambda row: row.code)
def test_finding_of_takes_the_severity_of_the_code(row: Code) -> None:
    finding = Finding.of(row.code, "message", file="f.json", pointer="/a", claims=("c",))
    assert (finding.code, finding.severity, finding.file, finding.pointer, finding.claims) == (
        row.code,
        row.severity,
        "f.json",
        "/a",
        ("c",),
    )


def test_finding_of_refuses_a_code_that_is_not_in_the_table() -> None:
    with pytest.raises(KeyError):
        Finding.of("XYZ999", "message")
