"""Where a SARIF result points: the finding's own place, and its related locations — the other
claims it involves (in their claims files) and the quoted spans (in the source texts).

A consistency finding is about several claims, often in several files; code scanning shows the
result at the first claim and lists the others, with each quote at its place in its text, as
``relatedLocations``. Columns are counted in Unicode code points, as the records count offsets
and as the run's ``columnKind`` says.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any

from astana_facts.findings.finding import SPANS_PER_VALUE, Finding, SpanRef

if TYPE_CHECKING:
    from astana_facts.pipeline.result import Result
    from astana_facts.reading.records import ClaimRecord, SourceRecord

COLUMN_KIND = "unicodeCodePoints"
"""SARIF's name for how columns are counted here (its default is UTF-16 code units)."""

RELATED_LIMIT = 50
"""Related locations per result at most: a change of a long text can fail hundreds of spans
(SPN007), which the finding's message counts; code scanning needs only enough to find them."""


@dataclass(frozen=True)
class Sites:
    """Where the claims and source texts of one check stand, to place related locations."""

    claims: Mapping[str, ClaimRecord] = field(default_factory=dict)
    """Claim id -> the claim as read (empty when the check did not keep the claims)."""
    sources: Mapping[str, SourceRecord] = field(default_factory=dict)
    """Document id -> its source (text and text file)."""
    _line_starts: dict[str, list[int]] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def of(cls, result: Result) -> Sites:
        """The sites of a pipeline result."""
        return cls(result.claim_index, result.records.sources)

    def text_position(self, document: str, offset: int) -> tuple[int, int] | None:
        """(1-based line, 1-based column in code points) of ``offset`` in the document's text,
        None when the text was not read or the offset lies outside it."""
        source = self.sources.get(document)
        if source is None or not 0 <= offset <= len(source.text):
            return None
        starts = self._line_starts.get(document)
        if starts is None:
            text = source.text
            starts = [0]
            at = text.find("\n")
            while at != -1:
                starts.append(at + 1)
                at = text.find("\n", at + 1)
            self._line_starts[document] = starts
        line = bisect_right(starts, offset)
        return line, offset - starts[line - 1] + 1


NO_SITES = Sites()
"""No claims and no texts: related locations are left out."""


def artifact(file: str) -> dict[str, Any]:
    """A SARIF artifact location: relative to the source root, unless the path is absolute."""
    if PurePosixPath(file).is_absolute():
        return {"uri": f"file://{file}"}
    return {"uri": file, "uriBaseId": "%SRCROOT%"}


def primary_locations(finding: Finding) -> list[dict[str, Any]] | None:
    """Where the finding is: its file, with the line and column when known; ``None`` for a
    finding about no file."""
    if not finding.file:
        return None
    physical: dict[str, Any] = {"artifactLocation": artifact(finding.file)}
    if finding.line is not None:
        region = {"startLine": finding.line}
        if finding.column is not None:
            region["startColumn"] = finding.column
        physical["region"] = region
    return [{"physicalLocation": physical}]


def _shown_claims(finding: Finding) -> list[str]:
    """The claims whose places are listed: those whose quotes the finding carries (the first
    few of each value), or every claim of a finding without value groups."""
    if finding.value_groups:
        return [c for group in finding.value_groups for c in group.claims[:SPANS_PER_VALUE]]
    return list(finding.claims)


def _claim_location(claim_id: str, record: ClaimRecord) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": artifact(record.file)}
    if record.line is not None:
        physical["region"] = {"startLine": record.line}
    return {"physicalLocation": physical, "message": {"text": f"claim {claim_id}"}}


def _span_location(span: SpanRef, sites: Sites) -> dict[str, Any] | None:
    """A quoted span at its place in its text, the snippet being what the text holds there
    (which a quote that does not match, SPN001, differs from)."""
    source = sites.sources.get(span.document)
    start = sites.text_position(span.document, span.start)
    end = sites.text_position(span.document, span.end)
    if source is None or start is None or end is None:
        return None
    region = {
        "startLine": start[0],
        "startColumn": start[1],
        "endLine": end[0],
        "endColumn": end[1],
        "snippet": {"text": source.text[span.start : span.end]},
    }
    return {
        "physicalLocation": {"artifactLocation": artifact(source.text_file), "region": region},
        "message": {"text": f"quote {span.start}-{span.end} of {span.document}"},
    }


def related_locations(finding: Finding, sites: Sites) -> list[dict[str, Any]] | None:
    """The other claims of ``finding`` at their places (not the one the finding points into),
    then every quoted span at its place in its text; numbered from 0; None when there are none."""
    related: list[dict[str, Any]] = []
    pointer = finding.pointer or ""
    for claim_id in _shown_claims(finding):
        record = sites.claims.get(claim_id)
        if record is None:
            continue
        site = record.site
        if site.file == finding.file and (pointer + "/").startswith(site.pointer + "/"):
            continue  # the claim the result itself points into
        related.append(_claim_location(claim_id, record))
    for span in finding.spans:
        location = _span_location(span, sites)
        if location is not None:
            related.append(location)
    related = related[:RELATED_LIMIT]
    return [{"id": index, **location} for index, location in enumerate(related)] or None
