"""The JSON contract: one object with versions, a summary and the findings.

Stable layout (later commands add keys, never remove or rename them)::

    {"tool": "astana-facts", "tool_version": "...", "data_version": "..." | null,
     "records": "<folder>", "summary": {"error": n, "warning": n, "info": n},
     "findings": [{"code", "name", "severity", "message", "file", "line", "column", "pointer",
                   "claims": [ids], "spans": [{"document", "start", "end", "exact"}]}]}
"""

from __future__ import annotations

from typing import Any

import orjson

from astana_facts.codes import CODES_BY_ID
from astana_facts.findings import Finding, count_by_severity


def finding_to_dict(finding: Finding) -> dict[str, Any]:
    """One finding as a JSON object of the contract."""
    row = CODES_BY_ID.get(finding.code)
    return {
        "code": finding.code,
        "name": row.name if row else None,
        "severity": finding.severity,
        "message": finding.message,
        "file": finding.file,
        "line": finding.line,
        "column": finding.column,
        "pointer": finding.pointer,
        "claims": list(finding.claims),
        "spans": [
            {"document": s.document, "start": s.start, "end": s.end, "exact": s.exact}
            for s in finding.spans
        ],
    }


def render_json(
    findings: list[Finding],
    *,
    tool_version: str = "",
    data_version: str | None = None,
    records: str = "",
    **_: object,
) -> str:
    """The findings as one JSON document (the stable contract described above)."""
    document = {
        "tool": "astana-facts",
        "tool_version": tool_version,
        "data_version": data_version,
        "records": records,
        "summary": count_by_severity(findings),
        "findings": [finding_to_dict(finding) for finding in findings],
    }
    return orjson.dumps(document, option=orjson.OPT_INDENT_2).decode("utf-8") + "\n"
