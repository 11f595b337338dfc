"""Each value of a finding once, with up to three of the claims stating it, their documents and
their spans in context, and a count of the others: what the text and Markdown reports show of a
finding's claims."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from astana_facts.findings.finding import SPANS_PER_VALUE, Finding, ValueGroup
from astana_facts.pipeline.result import Result
from astana_facts.render.quoting import quote_in_context

QUOTED_PER_VALUE = SPANS_PER_VALUE
"""Claims quoted per value in the text and Markdown reports; the others are counted."""


def value_groups(finding: Finding) -> tuple[ValueGroup, ...]:
    """A finding's value groups; for a finding without any (an integrity finding), each claim
    alone, with no value."""
    if finding.value_groups:
        return finding.value_groups
    return tuple(ValueGroup("", (claim_id,)) for claim_id in finding.claims)


def _side(report: Result, claim_id: str) -> dict[str, Any] | None:
    """A claim with its document and its spans in context, looked up in the report's claims."""
    record = report.claim_index.get(claim_id)
    if record is None:
        return None
    return {
        "claim": claim_id,
        "document": record.document,
        "spans": [
            (
                span["start"],
                span["end"],
                quote_in_context(report, record.document, span["start"], span["end"]),
            )
            for span in record.claim["evidence"]
        ],
    }


def sides(report: Result, finding: Finding) -> Iterator[dict[str, Any]]:
    """Each value of a finding once: the value, how many claims state it, and the first
    :data:`QUOTED_PER_VALUE` of them with their documents and spans in context."""
    for group in value_groups(finding):
        shown = [_side(report, claim_id) for claim_id in group.claims[:QUOTED_PER_VALUE]]
        yield {
            "value": group.value,
            "count": len(group.claims),
            "claims": [side for side in shown if side is not None],
            "more": max(0, len(group.claims) - QUOTED_PER_VALUE),
        }


def more(count: int) -> str:
    return f"… and {count} more claim(s)"


def side_lines(side: dict[str, Any]) -> list[str]:
    """A value with its claims and quotes, as lines of the text report: a value stated by one
    claim on that claim's line, a value stated by several on a line of its own above them."""
    if side["count"] == 1:
        lines = []
        for claim in side["claims"]:
            value = f": {side['value']}" if side["value"] else ""
            lines.append(f"  - {claim['claim']} ({claim['document']}){value}")
            lines += [f"      {start}-{end}: {quote}" for start, end, quote in claim["spans"]]
        return lines
    lines = [f"  - {side['value'] or '(no value)'}: {side['count']} claims"]
    for claim in side["claims"]:
        lines.append(f"    - {claim['claim']} ({claim['document']})")
        lines += [f"        {start}-{end}: {quote}" for start, end, quote in claim["spans"]]
    if side["more"]:
        lines.append(f"    {more(side['more'])}")
    return lines
