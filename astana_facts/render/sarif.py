"""SARIF 2.1.0 output: what code-scanning tools (GitHub, Azure DevOps, IDEs) show inline.

One reporting descriptor per rule code, integrity checks and declared consistency rules alike,
with its severity and help text; one result per finding, with the file, line and column of the
offending field, the claims involved and, for consistency findings, the fingerprint as a partial
fingerprint so that code scanning tracks a finding across commits. Built with sarif-pydantic.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import PurePosixPath
from typing import Any

import orjson

from astana_facts.findings.codes import INTEGRITY_CODES
from astana_facts.findings.finding import Finding
from astana_facts.render.context import PLAIN, RenderContext

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/astana-facts/"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _descriptors(rules: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """(code, name, severity, short text, help text) of every known code, in table order."""
    rows = [
        {
            "id": row.code,
            "name": row.name,
            "severity": row.severity,
            "short": row.summary,
            "help": f"{row.summary} {row.why} What to do: {row.fix}",
        }
        for row in INTEGRITY_CODES
    ]
    for rule in sorted(rules, key=lambda r: str(r["code"])):
        example = rule["example"]
        rows.append(
            {
                "id": rule["code"],
                "name": rule["name"],
                "severity": rule["severity"],
                "short": rule["title"],
                "help": f"{rule['title']} {rule['why']} What to do: {rule['fix']} "
                f"Fires: {example['fires']} Does not fire: {example['near_miss']}",
            }
        )
    return rows


def render_sarif(findings: list[Finding], context: RenderContext = PLAIN) -> str:
    """``validate``'s findings as one SARIF 2.1.0 log, the context's rules as descriptors."""
    return sarif_log(findings, tool_version=context.tool_version, rules=context.rules)


def sarif_log(
    findings: list[Finding],
    *,
    tool_version: str = "",
    rules: Iterable[dict[str, Any]] = (),
    verdicts: dict[str, dict[str, Any]] | None = None,
) -> str:
    """The findings as one SARIF 2.1.0 log with a single run; a finding with a verdict in
    ``verdicts`` (fingerprint -> adjudication) carries it as an accepted suppression."""
    from sarif_pydantic import (
        ArtifactLocation,
        Location,
        Message,
        PhysicalLocation,
        Region,
        ReportingConfiguration,
        ReportingDescriptor,
        Result,
        Run,
        Sarif,
        Tool,
        ToolDriver,
    )

    descriptors = _descriptors(rules)
    index = {row["id"]: position for position, row in enumerate(descriptors)}
    results = []
    for finding in findings:
        locations = []
        if finding.file:
            region = None
            if finding.line is not None:
                region = Region(start_line=finding.line, start_column=finding.column)
            relative = not PurePosixPath(finding.file).is_absolute()
            artifact = ArtifactLocation(
                uri=finding.file if relative else f"file://{finding.file}",
                uri_base_id="%SRCROOT%" if relative else None,
            )
            locations.append(
                Location(
                    physical_location=PhysicalLocation(artifact_location=artifact, region=region)
                )
            )
        verdict = (verdicts or {}).get(finding.fingerprint or "")
        extra: dict[str, Any] = {}
        if verdict is not None:
            extra["suppressions"] = [
                {
                    "kind": "external",
                    "status": "accepted",
                    "justification": f"{verdict['verdict']}: {verdict['rationale']}",
                }
            ]
        results.append(
            Result(
                rule_id=finding.code,
                rule_index=index.get(finding.code),
                level=_LEVEL[finding.severity],
                message=Message(text=finding.message),
                locations=locations or None,
                partial_fingerprints=(
                    {"astanaFactsFinding/v1": finding.fingerprint} if finding.fingerprint else None
                ),
                properties={"claims": list(finding.claims)} if finding.claims else None,
                **extra,
            )
        )
    driver = ToolDriver(
        name="astana-facts",
        version=tool_version or None,
        information_uri=INFORMATION_URI,
        rules=[
            ReportingDescriptor(
                id=row["id"],
                name=row["name"],
                short_description=Message(text=row["short"]),
                full_description=Message(text=row["short"]),
                help=Message(text=row["help"]),
                default_configuration=ReportingConfiguration(level=_LEVEL[row["severity"]]),
            )
            for row in descriptors
        ],
    )
    log = Sarif(version="2.1.0", runs=[Run(tool=Tool(driver=driver), results=results)])
    data = log.model_dump(mode="json", by_alias=True, exclude_none=True)
    data = {"$schema": SARIF_SCHEMA, **data}
    return orjson.dumps(data, option=orjson.OPT_INDENT_2).decode("utf-8") + "\n"
