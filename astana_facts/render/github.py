"""GitHub Actions workflow commands: findings become annotations next to the offending line."""

from __future__ import annotations

from astana_facts.findings.finding import Finding
from astana_facts.render.context import PLAIN, RenderContext

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def render_github(findings: list[Finding], context: RenderContext = PLAIN) -> str:
    """One ``::error file=…,line=…,col=…,title=CODE::message`` line per finding."""
    del context  # annotations carry no versions and no colour
    lines = []
    for finding in findings:
        properties = []
        if finding.file:
            properties.append(f"file={_escape_property(finding.file)}")
        if finding.line is not None:
            properties.append(f"line={finding.line}")
        if finding.column is not None:
            properties.append(f"col={finding.column}")
        properties.append(f"title={_escape_property(finding.code)}")
        lines.append(
            f"::{_LEVEL[finding.severity]} {','.join(properties)}::{_escape_data(finding.message)}"
        )
    return "".join(line + "\n" for line in lines)
