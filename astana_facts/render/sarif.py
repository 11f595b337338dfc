"""SARIF 2.1.0 output: what code-scanning tools (GitHub, Azure DevOps, IDEs) show inline.

One reporting descriptor per rule code, integrity checks and declared consistency rules alike,
with its severity and help text (which names the code's section of docs/rules.md; no ``helpUri``
while the project has no public repository: :mod:`astana_facts.render.links`); one result
per finding, with the file, line and column of the offending field, the other claims and the
quoted spans as related locations, the claims involved, and a partial fingerprint on every
result (:mod:`astana_facts.findings.fingerprints`) so that code scanning tracks a finding across
commits. Built with sarif-pydantic.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import orjson

from astana_facts.findings.codes import INTEGRITY_CODES
from astana_facts.findings.finding import Finding
from astana_facts.findings.fingerprints import unique_fingerprints
from astana_facts.render.context import PLAIN, RenderContext
from astana_facts.render.links import rule_help_pointer, rule_help_uri
from astana_facts.render.sarif_locations import (
    COLUMN_KIND,
    NO_SITES,
    Sites,
    primary_locations,
    related_locations,
)

if TYPE_CHECKING:
    from astana_facts.verdicts import Resolution

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI: str | None = None
"""The tool's home page (SARIF's optional ``informationUri``): none is published yet, so none is
claimed (the package is not on a package index)."""
FINGERPRINT_KEY = "astanaFactsFinding/v1"
"""The key of every result's partial fingerprint (:mod:`astana_facts.findings.fingerprints`)."""
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _descriptors(rules: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """(code, name, severity, short text, help text) of every known code, in table order."""
    rows = [
        {
            "id": row.code,
            "name": row.name,
            "severity": row.severity,
            "short": row.summary,
            "help": f"{row.summary} {row.why} What to do: {row.fix} "
            + rule_help_pointer(row.code, row.name),
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
                f"Fires: {example['fires']} Does not fire: {example['near_miss']} "
                + rule_help_pointer(rule["code"], rule["name"]),
            }
        )
    return rows


def render_sarif(findings: list[Finding], context: RenderContext = PLAIN) -> str:
    """``validate``'s findings as one SARIF 2.1.0 log, the context's rules as descriptors."""
    return sarif_log(
        findings,
        tool_version=context.tool_version,
        rules=context.rules,
        sites=context.sites or NO_SITES,
    )


def _suppressions(verdict: dict[str, Any] | None) -> dict[str, Any]:
    """An editor's verdict as an accepted external suppression (no key without a verdict)."""
    if verdict is None:
        return {}
    justification = f"{verdict['verdict']}: {verdict['rationale']}"
    return {
        "suppressions": [{"kind": "external", "status": "accepted", "justification": justification}]
    }


def _result(
    finding: Finding,
    rule_index: int | None,
    verdict: dict[str, Any] | None,
    fingerprint: str,
    sites: Sites,
    resolution: Resolution | None = None,
) -> Any:
    """One finding as a SARIF result: rule, level, message, location, the other claims and the
    quotes as related locations, fingerprint, claims; a finding the facts resolve is a note,
    with the values that hold among its properties."""
    from sarif_pydantic import Message, Result

    properties: dict[str, Any] = {"claims": list(finding.claims)} if finding.claims else {}
    if resolution is not None:
        properties["resolvedByFacts"] = {
            "holds": list(resolution.holds),
            "refuted": list(resolution.refuted),
            "facts": list(resolution.facts),
        }
    return Result(
        rule_id=finding.code,
        rule_index=rule_index,
        level="note" if resolution is not None else _LEVEL[finding.severity],
        message=Message(text=finding.message),
        locations=primary_locations(finding),
        related_locations=related_locations(finding, sites),
        partial_fingerprints={FINGERPRINT_KEY: fingerprint},
        properties=properties or None,
        **_suppressions(verdict),
    )


def _driver(descriptors: list[dict[str, Any]], tool_version: str) -> Any:
    """The tool, with one reporting descriptor per known code."""
    from sarif_pydantic import Message, ReportingConfiguration, ReportingDescriptor, ToolDriver

    return ToolDriver(
        name="astana-facts",
        version=tool_version or None,
        information_uri=INFORMATION_URI,
        rules=[
            ReportingDescriptor(
                id=row["id"],
                name=row["name"],
                help_uri=rule_help_uri(row["id"], row["name"]),
                short_description=Message(text=row["short"]),
                full_description=Message(text=row["short"]),
                help=Message(text=row["help"]),
                default_configuration=ReportingConfiguration(level=_LEVEL[row["severity"]]),
            )
            for row in descriptors
        ],
    )


def sarif_log(
    findings: list[Finding],
    *,
    tool_version: str = "",
    rules: Iterable[dict[str, Any]] = (),
    verdicts: dict[str, dict[str, Any]] | None = None,
    resolutions: dict[str, Resolution] | None = None,
    properties: dict[str, Any] | None = None,
    sites: Sites = NO_SITES,
) -> str:
    """The findings as one SARIF 2.1.0 log with a single run; a finding with a verdict in
    ``verdicts`` (fingerprint -> adjudication) carries it as an accepted suppression, one with
    a resolution in ``resolutions`` (fingerprint -> how facts settle it) is a note;
    ``properties`` is the run's property bag (the report's ``ruleStats``: what each rule
    compared). Every result has a partial fingerprint (:func:`~astana_facts.findings.
    fingerprints.unique_fingerprints`); ``sites`` places the related locations."""
    from sarif_pydantic import Run, Sarif, Tool

    descriptors = _descriptors(rules)
    index = {row["id"]: position for position, row in enumerate(descriptors)}
    results = [
        _result(
            finding,
            index.get(finding.code),
            (verdicts or {}).get(finding.fingerprint or ""),
            fingerprint,
            sites,
            (resolutions or {}).get(finding.fingerprint or ""),
        )
        for finding, fingerprint in zip(findings, unique_fingerprints(findings), strict=True)
    ]
    driver = _driver(descriptors, tool_version)
    run = Run(
        tool=Tool(driver=driver),
        results=results,
        properties=properties,
        **{"columnKind": COLUMN_KIND},
    )
    log = Sarif(version="2.1.0", runs=[run])
    data = log.model_dump(mode="json", by_alias=True, exclude_none=True)
    data = {"$schema": SARIF_SCHEMA, **data}
    return orjson.dumps(data, option=orjson.OPT_INDENT_2).decode("utf-8") + "\n"
