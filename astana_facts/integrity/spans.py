"""Spans: offsets in bounds and in order, quotes and their context equal to the source text."""

from __future__ import annotations

from collections.abc import Iterator

from astana_facts.dataset import Dataset, Site
from astana_facts.findings import Finding, SpanRef
from astana_facts.models import Span
from astana_facts.visible import show


def _finding(
    code: str, message: str, claim_id: str, site: Site, index: int, field: str, span: Span
) -> Finding:
    return Finding(
        code=code,
        severity="error",
        message=f"claim {claim_id}, field evidence/{index}/{field}: {message}",
        file=site.file,
        pointer=f"{site.pointer}/evidence/{index}/{field}",
        claims=(claim_id,),
        spans=(SpanRef(span.document, span.start, span.end, span.exact),),
    )


def check_span(text: str, span: Span, claim_id: str, site: Site, index: int) -> Iterator[Finding]:
    """Findings for one span of one claim against its document's text."""
    start, end = span.start, span.end
    if end < start:
        yield _finding(
            "SPN003",
            f"span ends ({end}) before it starts ({start})",
            claim_id,
            site,
            index,
            "end",
            span,
        )
        return
    if end == start:
        yield _finding(
            "SPN004", f"span is empty (start = end = {start})", claim_id, site, index, "end", span
        )
        return
    if end > len(text):
        yield _finding(
            "SPN002",
            f"end {end} is past the end of the text ({len(text)} code points)",
            claim_id,
            site,
            index,
            "end",
            span,
        )
        return
    found = text[start:end]
    if found != span.exact:
        yield _finding(
            "SPN001",
            f"quote does not match the text at {start}-{end}: expected "
            f"{show(span.exact)}, found {show(found)}",
            claim_id,
            site,
            index,
            "exact",
            span,
        )
        return
    if span.prefix is not None:
        before = text[max(0, start - len(span.prefix)) : start]
        if before != span.prefix:
            yield _finding(
                "SPN005",
                f"prefix differs from the text before the quote: expected "
                f"{show(span.prefix)}, found {show(before)}",
                claim_id,
                site,
                index,
                "prefix",
                span,
            )
    if span.suffix is not None:
        after = text[end : end + len(span.suffix)]
        if after != span.suffix:
            yield _finding(
                "SPN006",
                f"suffix differs from the text after the quote: expected "
                f"{show(span.suffix)}, found {show(after)}",
                claim_id,
                site,
                index,
                "suffix",
                span,
            )


def check_spans(dataset: Dataset) -> Iterator[Finding]:
    """SPN001-SPN006 for every span whose document is loaded."""
    for claim, site in zip(dataset.claims, dataset.claim_sites, strict=True):
        document = dataset.documents.get(claim.document)
        if document is None:
            continue  # REF001 reports the missing document once, not once per span.
        for index, span in enumerate(claim.evidence):
            yield from check_span(document.text, span, claim.id, site, index)
