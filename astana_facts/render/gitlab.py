"""GitLab Code Quality: findings as the JSON report GitLab shows in a merge request's widget and
diff (``artifacts: reports: codequality``).

One issue per finding: ``description``, ``check_name`` (the code), ``fingerprint`` (stable across
unrelated edits, :mod:`astana_facts.findings.fingerprints`), ``severity`` and ``location``
(``path`` and ``lines.begin``). GitLab needs a path for every issue: a finding about no file
names the records folder, at line 1.
"""

from __future__ import annotations

from typing import Any

import orjson

from astana_facts.findings.finding import Finding
from astana_facts.findings.fingerprints import unique_fingerprints
from astana_facts.pipeline.result import Result
from astana_facts.render.context import PLAIN, RenderContext
from astana_facts.render.report import shown_with_verdicts

SEVERITY = {"error": "major", "warning": "minor", "info": "info"}
"""Our severity -> GitLab's (info, minor, major, critical, blocker)."""


def _issue(finding: Finding, fingerprint: str, records: str) -> dict[str, Any]:
    return {
        "description": f"{finding.code}: {finding.message}",
        "check_name": finding.code,
        "fingerprint": fingerprint,
        "severity": SEVERITY[finding.severity],
        "location": {
            "path": finding.file or records or ".",
            "lines": {"begin": finding.line if finding.line is not None else 1},
        },
    }


def code_quality(findings: list[Finding], context: RenderContext) -> str:
    """The findings as one GitLab Code Quality report (a JSON array), in their order."""
    issues = [
        _issue(finding, fingerprint, context.records)
        for finding, fingerprint in zip(findings, unique_fingerprints(findings), strict=True)
    ]
    return orjson.dumps(issues, option=orjson.OPT_INDENT_2).decode("utf-8") + "\n"


def render_gitlab(findings: list[Finding], context: RenderContext = PLAIN) -> str:
    """``validate``'s findings as a GitLab Code Quality report."""
    return code_quality(findings, context)


def render_report_gitlab(report: Result, context: RenderContext = PLAIN) -> str:
    """The report's findings as a GitLab Code Quality report; an adjudicated finding is an
    ``info`` issue that names its verdict, so it does not read as a failure."""
    return code_quality(shown_with_verdicts(report), context)
