"""Plain-text findings, one per line as ``file:line:column: CODE severity message``."""

from __future__ import annotations

from astana_facts.findings.finding import Finding, count_by_severity
from astana_facts.render.context import PLAIN, RenderContext


def location(finding: Finding) -> str:
    """``file:line:column`` with whatever parts are known."""
    parts = [finding.file or "<records>"]
    if finding.line is not None:
        parts.append(str(finding.line))
        if finding.column is not None:
            parts.append(str(finding.column))
    return ":".join(parts)


def render_text(findings: list[Finding], context: RenderContext = PLAIN) -> str:
    """Findings for a terminal, then a one-line summary (unless the context drops it); the
    severity is painted (coloured on a terminal that wants colour)."""
    paint = context.paint
    lines = [
        f"{location(finding)}: {finding.code} {paint(finding.severity, finding.severity)}: "
        f"{finding.message}"
        for finding in findings
    ]
    if context.summary:
        counts = count_by_severity(findings)
        lines.append(
            f"{counts['error']} error(s), {counts['warning']} warning(s), {counts['info']} info"
        )
    return "".join(line + "\n" for line in lines)
