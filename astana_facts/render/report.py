"""Rendering the consistency report as text, Markdown or JSON.

Every finding shows the values that clash side by side, each once: the normalised value, and
for up to three of the claims stating it the claim id, its document and offsets and the quoted
words with a little context, with a count of the others; then the verdict where an editor gave
one. The output depends only on the data: the same records give the same bytes.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any

from astana_facts.findings.finding import (
    Finding,
    count_by_severity,
)
from astana_facts.pipeline.result import Result
from astana_facts.render.context import PLAIN, RenderContext
from astana_facts.render.github import render_github
from astana_facts.render.json import findings_json_chunks
from astana_facts.render.quoting import markdown_text, one_line
from astana_facts.render.refuted import refuted_lines, refuted_markdown
from astana_facts.render.rule_stats import rule_stats_json, rule_stats_lines, rule_stats_markdown
from astana_facts.render.sides import more, side_lines, sides
from astana_facts.render.text import location
from astana_facts.render.verdicts import (
    resolution_lines,
    value_names,
    verdict_summary_json,
    verdict_summary_lines,
    verdict_summary_markdown,
    verdicts_json,
)


def _names(report: Result) -> dict[str, str]:
    return {str(rule["code"]): str(rule["name"]) for rule in report.records.rules}


def _summary_lines(report: Result) -> list[str]:
    counts = count_by_severity(report.findings)
    by_rule = ", ".join(f"{code} {count}" for code, count in report.by_rule().items()) or "none"
    errors = [f for f in report.findings if f.severity == "error"]
    return [
        f"{len(report.records.sources)} document(s), {report.claim_count} claim(s), "
        f"{len(report.records.entities)} entities, {len(report.records.rules)} rule(s)",
        f"findings: {counts['error']} error(s), {counts['warning']} warning(s), "
        f"{counts['info']} info; by rule: {by_rule}",
        _settled_line(report, errors),
    ]


def _settled_line(report: Result, errors: list[Finding]) -> str:
    """How many error findings are settled, and how: by an editor's adjudication or by the
    facts (the gate counts both; a finding settled both ways counts as resolved, and the line
    says how many of those the editors adjudicated too)."""
    settled = len(errors) - len(report.unadjudicated_errors())
    resolved = [f for f in errors if (f.fingerprint or "") in report.resolutions]
    if not resolved:
        return f"adjudicated: {settled} of {len(errors)} error finding(s)"
    both = sum((f.fingerprint or "") in report.verdicts for f in resolved)
    also = f", {both} of them also adjudicated" if both else ""
    return (
        f"settled: {settled} of {len(errors)} error finding(s) "
        f"({settled - len(resolved)} adjudicated, {len(resolved)} resolved by facts{also})"
    )


def _resolution_lines(report: Result, finding: Finding) -> list[str]:
    """How the facts settle ``finding`` (no lines when they do not)."""
    resolution = report.resolutions.get(finding.fingerprint or "")
    if resolution is None:
        return []
    return resolution_lines(resolution, value_names(report, finding))


def _verdict_lines(verdict: dict[str, Any]) -> list[str]:
    lines = [f"verdict: {verdict['verdict']}"]
    if verdict.get("correct_claims"):
        lines[0] += f" (correct: {', '.join(verdict['correct_claims'])})"
    lines.append(f"rationale: {one_line(verdict['rationale'])}")
    lines += [
        f"evidence: {item['url']} — “{one_line(item['quote'])}”"
        for item in verdict.get("evidence", [])
    ]
    return lines


def render_report_text(report: Result, context: RenderContext = PLAIN) -> str:
    """The report for a terminal; each finding's severity is painted."""
    names = _names(report)
    lines = ["astana-facts consistency report", *_summary_lines(report)]
    lines += ["", *verdict_summary_lines(report)]
    ran = rule_stats_lines(report, context.paint)
    lines += ["", *ran] if ran else []
    refuted = refuted_lines(report)
    lines += ["", *refuted] if refuted else []
    for finding in report.findings:
        name = names.get(finding.code, "")
        severity = context.paint(finding.severity, finding.severity)
        lines += ["", f"{finding.code} {severity} {name}".rstrip(), f"  {finding.message}"]
        lines.append(
            f"  at {location(finding)}"
            + (f"  [{finding.fingerprint}]" if finding.fingerprint else "")
        )
        for side in sides(report, finding):
            lines += side_lines(side)
        resolution = report.resolutions.get(finding.fingerprint or "")
        if resolution is not None:
            lines += [
                f"  {line}" for line in resolution_lines(resolution, value_names(report, finding))
            ]
        verdict = report.verdicts.get(finding.fingerprint or "")
        if verdict is not None:
            lines += [f"  {line}" for line in _verdict_lines(verdict)]
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return one_line(text).replace("|", "\\|")


def _table_rows(side: dict[str, Any]) -> list[str]:
    """A value's rows of a finding's Markdown table: a row per span of each quoted claim, the
    value once (with its count when several claims state it), then the claims not quoted."""
    value = _cell(side["value"])
    if side["count"] > 1:
        value = f"{value} ({side['count']} claims)"
    rows = []
    for claim in side["claims"]:
        for index, (start, end, quote) in enumerate(claim["spans"]):
            first = index == 0
            rows.append(
                f"| {'`' + claim['claim'] + '`' if first else ''} | "
                f"{claim['document'] if first else ''} | {start}-{end} | {_cell(quote)} | "
                f"{value if first else ''} |"
            )
            value = "" if first else value
    if side["more"]:
        rows.append(f"| {more(side['more'])} | | | | |")
    return rows


def render_report_markdown(report: Result, context: RenderContext = PLAIN) -> str:
    """The report as Markdown: a summary, then a section and a table per finding."""
    names = _names(report)
    lines = ["# Consistency report", "", *(f"- {line}" for line in _summary_lines(report))]
    lines += ["", *verdict_summary_markdown(report)]
    ran = rule_stats_markdown(report)
    lines += ["", *ran] if ran else []
    refuted = refuted_markdown(report)
    lines += ["", *refuted] if refuted else []
    for finding in report.findings:
        name = names.get(finding.code, "")
        lines += ["", f"## {finding.code} {name} ({finding.severity})".replace("  ", " "), ""]
        lines.append(_cell(finding.message))
        lines += [
            "",
            f"Location: `{location(finding)}`"
            + (f"; fingerprint `{finding.fingerprint}`" if finding.fingerprint else ""),
        ]
        claim_sides = list(sides(report, finding))
        if claim_sides:
            lines += [
                "",
                "| claim | document | offsets | quote | value |",
                "| --- | --- | --- | --- | --- |",
            ]
            for side in claim_sides:
                lines += _table_rows(side)
        resolution = report.resolutions.get(finding.fingerprint or "")
        if resolution is not None:
            lines += [""] + [
                f"- {markdown_text(line)}"
                for line in resolution_lines(resolution, value_names(report, finding))
            ]
        verdict = report.verdicts.get(finding.fingerprint or "")
        if verdict is not None:
            lines += [""] + [f"- {_cell(line)}" for line in _verdict_lines(verdict)]
    return "\n".join(lines) + "\n"


def render_report_json(report: Result, context: RenderContext = PLAIN) -> str:
    """The report in the JSON contract of ``validate``, with fingerprints, values and verdicts."""
    return "".join(render_report_json_chunks(report, context))


def render_report_json_chunks(report: Result, context: RenderContext = PLAIN) -> Iterator[str]:
    """:func:`render_report_json` in pieces, for writing a large report as it is made."""
    errors = [f for f in report.findings if f.severity == "error"]
    unadjudicated = len(report.unadjudicated_errors())
    return findings_json_chunks(
        report.findings,
        context,
        names=_names(report),
        verdicts=report.verdicts,
        resolutions=report.resolutions,
        extra_summary={
            "documents": len(report.records.sources),
            "claims": report.claim_count,
            "by_rule": report.by_rule(),
            "errors_adjudicated": len(errors) - unadjudicated,
            "unadjudicated_errors": unadjudicated,
            **verdict_summary_json(report),
        },
        extra={"rule_stats": rule_stats_json(report)},
        streamed={"verdicts": verdicts_json(report)},
    )


def shown_with_verdicts(report: Result) -> list[Finding]:
    """The report's findings as the formats for CI show them (annotations, code quality,
    JUnit): an adjudicated finding, or one the facts resolve, as info, its message naming the
    verdict or the value that holds, so that it does not read as a failure."""
    shown = []
    for finding in report.findings:
        verdict = report.verdicts.get(finding.fingerprint or "")
        notes = [f"adjudicated: {verdict['verdict']}"] if verdict is not None else []
        notes += _resolution_lines(report, finding)[:1]
        if notes:
            finding = dataclasses.replace(
                finding, severity="info", message=f"{finding.message} [{'; '.join(notes)}]"
            )
        shown.append(finding)
    return shown


def render_report_github(report: Result, context: RenderContext = PLAIN) -> str:
    """Every finding of the report as a GitHub workflow annotation; an adjudicated finding, or
    one the facts resolve, becomes a notice that names its verdict or what holds, so it does
    not read as a failure."""
    return render_github(shown_with_verdicts(report), context)


def render_report_sarif(report: Result, context: RenderContext = PLAIN) -> str:
    """The report as SARIF 2.1.0, with the declared rules as reporting descriptors, the
    verdicts as accepted suppressions and a finding the facts resolve as a note."""
    from astana_facts.render.sarif import sarif_log
    from astana_facts.render.sarif_locations import Sites

    return sarif_log(
        report.findings,
        tool_version=context.tool_version,
        rules=report.records.rules,
        verdicts=report.verdicts,
        resolutions=report.resolutions,
        properties={"ruleStats": rule_stats_json(report)} if report.rule_stats else None,
        sites=Sites.of(report),
    )
