"""Spans: offsets in bounds and in order, quotes and their context equal to the source text."""

from __future__ import annotations

from collections.abc import Iterator

from astana_facts.dataset import ClaimRecord, Record
from astana_facts.findings import Finding, SpanRef
from astana_facts.visible import show


def _finding(
    code: str, message: str, record: ClaimRecord, index: int, field: str, span: Record
) -> Finding:
    claim_id = record.claim["id"]
    return Finding(
        code=code,
        severity="error",
        message=f"claim {claim_id}, field evidence/{index}/{field}: {message}",
        file=record.site.file,
        pointer=f"{record.site.pointer}/evidence/{index}/{field}",
        claims=(claim_id,),
        spans=(SpanRef(record.document, span["start"], span["end"], span["exact"]),),
    )


def check_span(text: str, span: Record, record: ClaimRecord, index: int) -> Iterator[Finding]:
    """SPN001-SPN006 for one span of a claim, against its document's text."""
    start, end, exact = span["start"], span["end"], span["exact"]
    if end < start:
        yield _finding(
            "SPN003", f"span ends ({end}) before it starts ({start})", record, index, "end", span
        )
        return
    if end == start:
        yield _finding(
            "SPN004", f"span is empty (start = end = {start})", record, index, "end", span
        )
        return
    if end > len(text):
        yield _finding(
            "SPN002",
            f"end {end} is past the end of the text ({len(text)} code points)",
            record,
            index,
            "end",
            span,
        )
        return
    found = text[start:end]
    if found != exact:
        yield _finding(
            "SPN001",
            f"quote does not match the text at {start}-{end}: expected "
            f"{show(exact)}, found {show(found)}",
            record,
            index,
            "exact",
            span,
        )
        return
    prefix, suffix = span.get("prefix"), span.get("suffix")
    if prefix is not None and text[max(0, start - len(prefix)) : start] != prefix:
        before = text[max(0, start - len(prefix)) : start]
        yield _finding(
            "SPN005",
            f"prefix differs from the text before the quote: expected "
            f"{show(prefix)}, found {show(before)}",
            record,
            index,
            "prefix",
            span,
        )
    if suffix is not None and text[end : end + len(suffix)] != suffix:
        after = text[end : end + len(suffix)]
        yield _finding(
            "SPN006",
            f"suffix differs from the text after the quote: expected "
            f"{show(suffix)}, found {show(after)}",
            record,
            index,
            "suffix",
            span,
        )


def check_claim_spans(record: ClaimRecord, text: str | None) -> Iterator[Finding]:
    """Every span of one claim; nothing when the document's text is not loaded (reported
    elsewhere, once)."""
    if text is None:
        return
    for index, span in enumerate(record.claim["evidence"]):
        yield from check_span(text, span, record, index)
