"""Every refuted claim (and every plan not kept) in the report, with the quote, the facts that
refute it and their public evidence side by side.

A claim is shown with its document, value and each evidence span in context; then the verdict's
reason; then each fact it cites with its value and rationale, and each of the fact's sources
(URL, publisher, the supporting quote). Claims come in id order, facts in the verdict's order.
"""

from __future__ import annotations

from typing import Any

from astana_facts.consistency.findings import describe_value
from astana_facts.pipeline.result import Result
from astana_facts.render.quoting import (
    markdown_code,
    markdown_text,
    markdown_url,
    one_line,
    quote_in_context,
)
from astana_facts.render.verdicts import verdicts_in_order
from astana_facts.verdicts import Verdict

SHOWN_LABELS = ("refuted", "not_kept")
"""The labels whose claims the report lists one by one: what the facts say is wrong (a refuted
claim, a plan that was not kept)."""

HEADING = "refuted claims and plans not kept, with the facts and their evidence"
"""The heading of the list in the text report."""


def shown(report: Result) -> list[Verdict]:
    """The verdicts the report lists, in claim id order."""
    return [verdict for verdict in verdicts_in_order(report) if verdict.label in SHOWN_LABELS]


def _claim(report: Result, verdict: Verdict) -> dict[str, Any]:
    """The judged claim: document, value and spans in context (empty when it was not read)."""
    record = report.claim_index.get(verdict.claim)
    if record is None:
        return {"document": "(claim not read)", "value": "", "spans": []}
    return {
        "document": record.document,
        "value": describe_value(record.claim),
        "spans": [
            (span["start"], span["end"], quote_in_context(report, record.document, *_at(span)))
            for span in record.claim["evidence"]
        ],
    }


def _at(span: dict[str, Any]) -> tuple[int, int]:
    return span["start"], span["end"]


def _fact(report: Result, fact_id: str) -> dict[str, Any] | None:
    """A cited fact: value, rationale and evidence (None when facts.json has no such fact)."""
    found = report.fact_index.get(fact_id)
    if found is None:
        return None
    fact = found[0]
    return {
        "value": describe_value(fact),
        "rationale": fact.get("rationale") or "",
        "evidence": list(fact.get("evidence") or []),
    }


def _by(verdict: Verdict) -> str:
    return " (editor's verdict)" if verdict.by == "editor" else ""


def _source_text(source: dict[str, Any]) -> str:
    publisher = f" ({one_line(source['publisher'])})" if source.get("publisher") else ""
    return f"{source.get('url', '')}{publisher} — “{one_line(source.get('quote') or '')}”"


def refuted_lines(report: Result) -> list[str]:
    """The text report's list (no lines when there is nothing to list)."""
    verdicts = shown(report)
    if not verdicts:
        return []
    lines = [f"{HEADING} ({len(verdicts)}):"]
    for verdict in verdicts:
        claim = _claim(report, verdict)
        value = f": {one_line(claim['value'])}" if claim["value"] else ""
        lines += ["", f"{verdict.label} {verdict.claim} ({claim['document']}){value}{_by(verdict)}"]
        lines += [f"  {start}-{end}: {quote}" for start, end, quote in claim["spans"]]
        if verdict.reason:
            lines.append(f"  reason: {one_line(verdict.reason)}")
        for fact_id in verdict.facts:
            fact = _fact(report, fact_id)
            if fact is None:
                lines.append(f"  fact {fact_id}: (not in the facts)")
                continue
            lines.append(f"  fact {fact_id}: {one_line(fact['value'])}")
            lines.append(f"    rationale: {one_line(fact['rationale'])}")
            lines += [f"    evidence: {_source_text(source)}" for source in fact["evidence"]]
    return lines


def _markdown_fact(report: Result, fact_id: str) -> list[str]:
    fact = _fact(report, fact_id)
    if fact is None:
        return [f"- fact {markdown_code(fact_id)}: (not in the facts)"]
    lines = [
        f"- fact {markdown_code(fact_id)}: {markdown_text(fact['value'])}",
        f"  - rationale: {markdown_text(fact['rationale'])}",
    ]
    for source in fact["evidence"]:
        publisher = f" ({markdown_text(source['publisher'])})" if source.get("publisher") else ""
        quote = markdown_text(source.get("quote") or "")
        lines.append(f"  - evidence: {markdown_url(source.get('url', ''))}{publisher} — “{quote}”")
    return lines


def refuted_markdown(report: Result) -> list[str]:
    """The Markdown report's section (no lines when there is nothing to list)."""
    verdicts = shown(report)
    if not verdicts:
        return []
    lines = ["## Refuted claims and plans not kept"]
    for verdict in verdicts:
        claim = _claim(report, verdict)
        document = markdown_text(claim["document"])
        title = f"### {verdict.label}: {markdown_code(verdict.claim)} ({document}){_by(verdict)}"
        lines += ["", title, ""]
        if claim["value"]:
            lines.append(f"- value: {markdown_text(claim['value'])}")
        lines += [
            f"- quote ({start}-{end}): {markdown_text(quote)}"
            for start, end, quote in claim["spans"]
        ]
        if verdict.reason:
            lines.append(f"- reason: {markdown_text(verdict.reason)}")
        for fact_id in verdict.facts:
            lines += _markdown_fact(report, fact_id)
    return lines
