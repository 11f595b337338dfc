"""Values whose parts must be in order: date intervals and number ranges."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from astana_facts.findings.finding import Finding
from astana_facts.reading.model_paths import claim_collectors, claim_paths, values_at
from astana_facts.reading.records import ClaimRecord, PlainRecord


def _reversed(node: dict[str, Any]) -> bool:
    """Whether a date interval or a number range ends before it starts."""
    if "start" in node:
        return bool(node["end"] < node["start"])
    return bool(node.get("bound") == "range" and node["high"] < node["low"])


def intervals_hold(claim: PlainRecord) -> bool:
    """Whether every interval of a claim is in order: the quick test before
    :func:`check_claim_intervals`."""
    for node in claim_collectors(claim["kind"])[1](claim):  # noqa: SIM110 (faster than all())
        if _reversed(node):
            return False
    return True


def check_claim_intervals(record: ClaimRecord) -> Iterator[Finding]:
    """VAL001: a date interval that ends before it starts, or a range whose high is below low."""
    claim = record.claim
    for path in claim_paths(claim["kind"])[1]:
        for pointer, node in values_at(claim, path):
            if "start" in node and node["end"] < node["start"]:
                problem = (
                    f"field {pointer[1:]}/end: the interval ends ({node['end']}) before it "
                    f"starts ({node['start']})"
                )
                at = f"{pointer}/end"
            elif node.get("bound") == "range" and node["high"] < node["low"]:
                problem = (
                    f"field {pointer[1:]}/high: the range's high ({node['high']}) is "
                    f"below its low ({node['low']})"
                )
                at = f"{pointer}/high"
            else:
                continue
            yield Finding.of(
                code="VAL001",
                message=f"claim {claim['id']}, {problem}",
                file=record.site.file,
                pointer=record.site.pointer + at,
                claims=(claim["id"],),
            )
