"""The formats for other CI systems: GitLab Code Quality (one issue per finding, with a stable
fingerprint and the place GitLab needs) and JUnit XML (a failure per finding that fails the
command, any text escaped so the XML always parses)."""

from __future__ import annotations

import dataclasses
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import orjson
import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from astana_facts.cli.main import cli
from astana_facts.findings.finding import Finding
from astana_facts.findings.fingerprints import stable_fingerprint
from astana_facts.pipeline.run import run
from astana_facts.render.context import RenderContext
from astana_facts.render.gitlab import render_gitlab, render_report_gitlab
from astana_facts.render.junit import render_junit, render_report_junit, xml_safe
from astana_facts.resources import bundled
from tests.render.broken import broken_records

ERROR = Finding.of(
    "SPN001",
    "claim a: quote does not match",
    file="records/claims/doc.json",
    pointer="/claims/0/evidence/0/exact",
    line=23,
    column=11,
    claims=("a",),
)
WARNING = Finding.of("SCH014", "no claims file", file=None)


def test_gitlab_issues_have_every_field_gitlab_needs() -> None:
    issues = orjson.loads(render_gitlab([ERROR, WARNING], RenderContext(records="records")))
    assert issues == [
        {
            "description": "SPN001: claim a: quote does not match",
            "check_name": "SPN001",
            "fingerprint": stable_fingerprint(ERROR),
            "severity": "major",
            "location": {"path": "records/claims/doc.json", "lines": {"begin": 23}},
        },
        {
            "description": "SCH014: no claims file",
            "check_name": "SCH014",
            "fingerprint": stable_fingerprint(WARNING),
            "severity": "minor",
            "location": {"path": "records", "lines": {"begin": 1}},
        },
    ]
    assert orjson.loads(render_gitlab([])) == []


def test_the_report_in_gitlab_format_keeps_verdicts_as_info_and_fingerprints_unique(
    tmp_path: Path,
) -> None:
    report = run(bundled("records"), consistency=True)
    issues = orjson.loads(render_report_gitlab(report))
    assert len(issues) == len(report.findings)
    assert len({issue["fingerprint"] for issue in issues}) == len(issues)
    by_code = {issue["check_name"]: issue for issue in issues}
    assert by_code["DAT002"]["severity"] == by_code["DAT001"]["severity"] == "info"
    # (Adjudicated by the editors, and settled by the facts as well.)
    assert "[adjudicated: claim_correct; resolved by facts: " in by_code["DAT002"]["description"]
    assert "[resolved by facts: " in by_code["DAT001"]["description"]
    result = CliRunner().invoke(
        cli, ["report", "--records", str(broken_records(tmp_path)), "--format", "gitlab"]
    )
    assert result.exit_code == 1  # the gate is the same whatever the format
    assert any(issue["severity"] == "major" for issue in orjson.loads(result.stdout))


def _suite(xml: str) -> ET.Element:
    root = ET.fromstring(xml.encode("utf-8"))
    assert root.tag == "testsuites"
    (suite,) = root
    assert suite.get("tests") == root.get("tests") == str(len(suite))
    assert suite.get("failures") == root.get("failures")
    return suite


def test_junit_fails_the_errors_and_passes_the_rest() -> None:
    suite = _suite(render_junit([ERROR, WARNING], RenderContext(records="records")))
    assert suite.get("failures") == "1"
    first, second = suite
    assert first.get("classname") == "SPN001" and first.get("line") == "23"
    assert first.get("name") == "SPN001 records/claims/doc.json:23:11"
    failure = first.find("failure")
    assert failure is not None and failure.get("message") == ERROR.message
    assert second.find("failure") is None and second.findtext("system-out", "").startswith(
        "warning: no claims file"
    )


def test_junit_of_a_clean_check_is_one_passing_case() -> None:
    suite = _suite(render_junit([], RenderContext(records="records")))
    (case,) = suite
    assert case.get("name") == "records" and suite.get("failures") == "0"


def test_the_report_in_junit_fails_only_what_has_no_verdict(tmp_path: Path) -> None:
    report = run(bundled("records"), consistency=True)
    suite = _suite(render_report_junit(report))
    assert suite.get("failures") == "0" and len(suite) == len(report.findings)
    broken = run(broken_records(tmp_path), consistency=True)
    suite = _suite(render_report_junit(broken))
    assert suite.get("failures") == str(len(broken.unadjudicated_errors())) != "0"


@given(message=st.text(max_size=60), file=st.text(max_size=20))
def test_any_text_makes_xml_that_parses(message: str, file: str) -> None:
    finding = dataclasses.replace(ERROR, message=message, file=file or None)
    suite = _suite(render_junit([finding], RenderContext(records=file)))
    failure = suite[0].find("failure")
    assert failure is not None and failure.get("message") == xml_safe(message)
    # (in element text, an XML reader reads a carriage return as a line feed)
    body = xml_safe(message).replace("\r\n", "\n").replace("\r", "\n")
    assert failure.text is not None and body in failure.text


@pytest.mark.parametrize(
    ("text", "shown"),
    [("a<b>&\"c'", "a<b>&\"c'"), ("bell\x07", "bell\\u0007"), ("\ufffe", "\\ufffe")],
)
def test_markup_is_escaped_and_characters_xml_cannot_hold_are_written_out(
    text: str, shown: str
) -> None:
    assert xml_safe(text) == shown
    suite: Any = _suite(render_junit([dataclasses.replace(ERROR, message=text)]))
    assert suite[0].find("failure").get("message") == shown
