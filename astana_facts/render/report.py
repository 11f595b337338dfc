"""Rendering the consistency report as text, Markdown or JSON.

Every finding shows its claims side by side: the claim id, its document and offsets, the quoted
words with a little context, and the normalised value that clashes; then the verdict where an
editor gave one. The output depends only on the data: the same records give the same bytes.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any

from astana_facts.findings.finding import Finding, count_by_severity
from astana_facts.pipeline.result import Result as Report
from astana_facts.render.context import PLAIN, RenderContext
from astana_facts.render.github import render_github
from astana_facts.render.json import findings_json
from astana_facts.render.sarif import sarif_log
from astana_facts.render.text import location
from astana_facts.text.quotes import context

CONTEXT = 24
"""Code points of text shown on each side of a quote."""


def _one_line(text: str) -> str:
    return " ".join(text.split())


def quote_in_context(report: Report, document: str, start: int, end: int) -> str:
    """``…before «quote» after…`` on one line."""
    text = report.texts.get(document)
    if text is None:
        return "(text not loaded)"
    before, after = context(text, start, end, CONTEXT)
    lead = "…" if start - len(before) > 0 else ""
    tail = "…" if end + len(after) < len(text) else ""
    return _one_line(f"{lead}{before}«{text[start:end]}»{after}{tail}")


def sides(report: Report, finding: Finding) -> Iterator[dict[str, Any]]:
    """Each claim of a finding with its document, value and spans in context."""
    values = dict(finding.values)
    for claim_id in finding.claims:
        record = report.claim_index.get(claim_id)
        if record is None:
            continue
        yield {
            "claim": claim_id,
            "document": record.document,
            "value": values.get(claim_id, ""),
            "spans": [
                (
                    span["start"],
                    span["end"],
                    quote_in_context(report, record.document, span["start"], span["end"]),
                )
                for span in record.claim["evidence"]
            ],
        }


def _names(report: Report) -> dict[str, str]:
    return {str(rule["code"]): str(rule["name"]) for rule in report.records.rules}


def _summary_lines(report: Report) -> list[str]:
    counts = count_by_severity(report.findings)
    by_rule = ", ".join(f"{code} {count}" for code, count in report.by_rule().items()) or "none"
    errors = [f for f in report.findings if f.severity == "error"]
    return [
        f"{len(report.records.sources)} document(s), {report.claim_count} claim(s), "
        f"{len(report.records.entities)} entities, {len(report.records.rules)} rule(s)",
        f"findings: {counts['error']} error(s), {counts['warning']} warning(s), "
        f"{counts['info']} info; by rule: {by_rule}",
        f"adjudicated: {len(errors) - len(report.unadjudicated_errors())} of {len(errors)} "
        "error finding(s)",
    ]


def _verdict_lines(verdict: dict[str, Any]) -> list[str]:
    lines = [f"verdict: {verdict['verdict']}"]
    if verdict.get("correct_claims"):
        lines[0] += f" (correct: {', '.join(verdict['correct_claims'])})"
    lines.append(f"rationale: {_one_line(verdict['rationale'])}")
    lines += [
        f"evidence: {item['url']} — “{_one_line(item['quote'])}”"
        for item in verdict.get("evidence", [])
    ]
    return lines


def render_report_text(report: Report, context: RenderContext = PLAIN) -> str:
    """The report for a terminal; each finding's severity is painted."""
    names = _names(report)
    lines = ["astana-facts consistency report", *_summary_lines(report)]
    for finding in report.findings:
        name = names.get(finding.code, "")
        severity = context.paint(finding.severity, finding.severity)
        lines += ["", f"{finding.code} {severity} {name}".rstrip(), f"  {finding.message}"]
        lines.append(
            f"  at {location(finding)}"
            + (f"  [{finding.fingerprint}]" if finding.fingerprint else "")
        )
        for side in sides(report, finding):
            value = f": {side['value']}" if side["value"] else ""
            lines.append(f"  - {side['claim']} ({side['document']}){value}")
            lines += [f"      {start}-{end}: {quote}" for start, end, quote in side["spans"]]
        verdict = report.verdicts.get(finding.fingerprint or "")
        if verdict is not None:
            lines += [f"  {line}" for line in _verdict_lines(verdict)]
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return _one_line(text).replace("|", "\\|")


def render_report_markdown(report: Report, context: RenderContext = PLAIN) -> str:
    """The report as Markdown: a summary, then a section and a table per finding."""
    names = _names(report)
    lines = ["# Consistency report", "", *(f"- {line}" for line in _summary_lines(report))]
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
                for index, (start, end, quote) in enumerate(side["spans"]):
                    first = index == 0
                    lines.append(
                        f"| {'`' + side['claim'] + '`' if first else ''} | "
                        f"{side['document'] if first else ''} | {start}-{end} | {_cell(quote)} | "
                        f"{_cell(side['value']) if first else ''} |"
                    )
        verdict = report.verdicts.get(finding.fingerprint or "")
        if verdict is not None:
            lines += [""] + [f"- {_cell(line)}" for line in _verdict_lines(verdict)]
    return "\n".join(lines) + "\n"


def render_report_json(report: Report, context: RenderContext = PLAIN) -> str:
    """The report in the JSON contract of ``validate``, with fingerprints, values and verdicts."""
    errors = [f for f in report.findings if f.severity == "error"]
    return findings_json(
        report.findings,
        context,
        names=_names(report),
        verdicts=report.verdicts,
        extra_summary={
            "documents": len(report.records.sources),
            "claims": report.claim_count,
            "by_rule": report.by_rule(),
            "errors_adjudicated": len(errors) - len(report.unadjudicated_errors()),
            "unadjudicated_errors": len(report.unadjudicated_errors()),
        },
    )


def render_report_github(report: Report, context: RenderContext = PLAIN) -> str:
    """Every finding of the report as a GitHub workflow annotation; an adjudicated finding
    becomes a notice that names its verdict, so it does not read as a failure."""
    shown = []
    for finding in report.findings:
        verdict = report.verdicts.get(finding.fingerprint or "")
        if verdict is not None:
            finding = dataclasses.replace(
                finding,
                severity="info",
                message=f"{finding.message} [adjudicated: {verdict['verdict']}]",
            )
        shown.append(finding)
    return render_github(shown, context)


def render_report_sarif(report: Report, context: RenderContext = PLAIN) -> str:
    """The report as SARIF 2.1.0, with the declared rules as reporting descriptors and the
    verdicts as accepted suppressions."""
    return sarif_log(
        report.findings,
        tool_version=context.tool_version,
        rules=report.records.rules,
        verdicts=report.verdicts,
    )
