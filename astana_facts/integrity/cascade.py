"""One finding for a cascade: the spans of a document whose text changed, summarised under the
change instead of reported one by one.

The rule: when a document's text no longer matches the checksum in its metadata (SRC001), every
span of that document that fails against the text (SPN001 quote mismatch, SPN002 out of bounds,
SPN005/SPN006 prefix or suffix) is folded into one SPN007 finding at the metadata's ``sha256``,
which counts the spans, says how many ``fmt --reanchor`` can place again (those whose quote still
occurs exactly in the text) and carries every folded claim and span. Span findings that do not
depend on the text (SPN003 reversed, SPN004 empty) stay as they are, and so does every span
finding of a document whose checksum matches: then the spans, not the text, are wrong.

It runs where the findings of all files meet, after the claims files were checked (in one
process or many), over findings sorted first, so the summary is the same either way.
"""

from __future__ import annotations

from collections.abc import Mapping

from astana_facts.findings.finding import Finding, SpanRef
from astana_facts.reading.records import SourceRecord
from astana_facts.text.anchoring import occurs

FOLDED = frozenset({"SPN001", "SPN002", "SPN005", "SPN006"})
"""The span codes whose findings a changed text explains."""


def _changed_documents(
    findings: list[Finding], sources: Mapping[str, SourceRecord]
) -> dict[str, SourceRecord]:
    """The documents with a checksum mismatch (SRC001), by id."""
    mismatched = {finding.file for finding in findings if finding.code == "SRC001"}
    return {
        document_id: source
        for document_id, source in sources.items()
        if source.site.file in mismatched
    }


def _summary(document_id: str, source: SourceRecord, folded: list[Finding]) -> Finding:
    """The SPN007 finding of one document, from its folded span findings (sorted)."""
    spans: dict[tuple[str | None, str], SpanRef] = {}
    for finding in folded:
        pointer = (finding.pointer or "").rsplit("/", 1)[0]
        spans.setdefault((finding.file, pointer), finding.spans[0])
    movable = sum(occurs(source.text, span.exact) for span in spans.values())
    files = len({file for file, _ in spans})
    claims = tuple(dict.fromkeys(claim for finding in folded for claim in finding.claims))
    return Finding.of(
        code="SPN007",
        message=f"document {document_id}: {len(spans)} span(s) in {files} claims file(s) no "
        f"longer match its changed text ({movable} can be re-anchored, "
        f"{len(spans) - movable} quote(s) no longer occur); run `astana-facts fmt --reanchor`",
        file=source.site.file,
        pointer="/sha256",
        claims=claims,
        spans=tuple(spans.values()),
    )


def fold_moved_spans(findings: list[Finding], sources: Mapping[str, SourceRecord]) -> list[Finding]:
    """``findings`` with the span findings of every document whose text changed replaced by
    one SPN007 finding per document (the others unchanged, in their order)."""
    changed = _changed_documents(findings, sources)
    if not changed:
        return findings
    kept: list[Finding] = []
    folded: dict[str, list[Finding]] = {}
    for finding in findings:
        document = finding.spans[0].document if finding.spans else None
        if finding.code in FOLDED and document in changed:
            folded.setdefault(document, []).append(finding)
        else:
            kept.append(finding)
    for document_id in sorted(folded):
        group = sorted(folded[document_id], key=Finding.sort_key)
        kept.append(_summary(document_id, changed[document_id], group))
    return kept
