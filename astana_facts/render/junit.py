"""JUnit XML: findings as a test report, for CI systems that show test results (GitLab's
``artifacts: reports: junit``, Jenkins, Azure Pipelines).

One test case per finding, named by its code and place; a finding that fails the command
(error level; in the report, an error without an editor's verdict) is a ``<failure>``, any
other passes with its message as output. A check with no finding is one passing case, so the
report is never an empty suite. Written with the standard library's ElementTree, which escapes
markup; characters XML 1.0 cannot hold at all (control characters in a quoted text) are
written out as ``\\uXXXX``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from astana_facts.findings.finding import Finding
from astana_facts.pipeline.result import Result
from astana_facts.render.context import PLAIN, RenderContext
from astana_facts.render.report import shown_with_verdicts
from astana_facts.render.text import location

_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
"""A character that XML 1.0 cannot hold, even escaped."""


def xml_safe(text: str) -> str:
    """``text`` with every character XML 1.0 cannot hold written out as ``\\uXXXX``."""
    return _NOT_XML.sub(lambda match: f"\\u{ord(match[0]):04x}", text)


def _case(suite: ET.Element, finding: Finding) -> bool:
    """Add the finding's test case to ``suite``; whether it is a failure."""
    where = xml_safe(location(finding))
    case = ET.SubElement(
        suite,
        "testcase",
        {"classname": finding.code, "name": f"{finding.code} {where}"},
    )
    if finding.file:
        case.set("file", xml_safe(finding.file))
    if finding.line is not None:
        case.set("line", str(finding.line))
    message = xml_safe(finding.message)
    if finding.severity == "error":
        failure = ET.SubElement(case, "failure", {"type": finding.code, "message": message})
        failure.text = f"{where}: {finding.code} {finding.severity}: {message}"
        return True
    ET.SubElement(case, "system-out").text = f"{finding.severity}: {message}"
    return False


def junit(findings: list[Finding], name: str, context: RenderContext) -> str:
    """The findings as one JUnit XML document with one test suite called ``name``."""
    root = ET.Element("testsuites", {"name": "astana-facts"})
    suite = ET.SubElement(root, "testsuite", {"name": name})
    failures = sum(_case(suite, finding) for finding in findings)
    if not findings:
        ET.SubElement(
            suite, "testcase", {"classname": "astana-facts", "name": xml_safe(context.records)}
        )
    tests = str(max(1, len(findings)))
    for element in (root, suite):
        element.set("tests", tests)
        element.set("failures", str(failures))
        element.set("errors", "0")
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{body}\n'


def render_junit(findings: list[Finding], context: RenderContext = PLAIN) -> str:
    """``validate``'s findings as JUnit XML (a failure per error-level finding)."""
    return junit(findings, "astana-facts validate", context)


def render_report_junit(report: Result, context: RenderContext = PLAIN) -> str:
    """The report's findings as JUnit XML: a failure per error-level finding without an
    editor's verdict; an adjudicated one passes, naming its verdict."""
    return junit(shown_with_verdicts(report), "astana-facts report", context)
