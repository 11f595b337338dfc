"""Spans: offsets in bounds and in order, quotes and their context equal to the source text."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from astana_facts.findings.finding import Finding, SpanRef
from astana_facts.reading.records import ClaimRecord, PlainRecord, Site
from astana_facts.text.visible import show, spell_out

_SLACK = 16
"""How far past a quote's end the text is read to spell out a difference: an invisible character
in the text shifts the rest of the quote by one."""


@dataclass(frozen=True, slots=True)
class SpanOwner:
    """What a list of spans belongs to: a claim, or an entry of ``not_check_worthy``."""

    document: str
    file: str
    pointer: str
    """JSON Pointer of the owning record in its file."""
    label: str
    """How messages name the owner: "claim <id>" or "entry not_check_worthy/<n>"."""
    claim: str | None = None


def _finding(
    code: str, message: str, owner: SpanOwner, index: int, field: str, span: PlainRecord
) -> Finding:
    return Finding.of(
        code=code,
        message=f"{owner.label}, field evidence/{index}/{field}: {message}",
        file=owner.file,
        pointer=f"{owner.pointer}/evidence/{index}/{field}",
        claims=(owner.claim,) if owner.claim else (),
        spans=(SpanRef(owner.document, span["start"], span["end"], span["exact"]),),
    )


def _mismatch(what: str, expected: str, found: str, spelled: str | None) -> str:
    """The message of a quote, prefix or suffix that differs from the text: both strings shown
    (invisible characters spelled out), and, when they only look the same, which characters
    differ (:func:`~astana_facts.text.visible.spell_out`)."""
    message = f"{what}: expected {show(expected)}, found {show(found)}"
    return f"{message}; {spelled}" if spelled else message


def check_span(text: str, span: PlainRecord, owner: SpanOwner, index: int) -> Iterator[Finding]:
    """SPN001-SPN006 for one span of a claim, against its document's text."""
    start, end, exact = span["start"], span["end"], span["exact"]
    if end < start:
        yield _finding(
            "SPN003", f"span ends ({end}) before it starts ({start})", owner, index, "end", span
        )
        return
    if end == start:
        yield _finding(
            "SPN004", f"span is empty (start = end = {start})", owner, index, "end", span
        )
        return
    if end > len(text):
        yield _finding(
            "SPN002",
            f"end {end} is past the end of the text ({len(text)} code points)",
            owner,
            index,
            "end",
            span,
        )
        return
    found = text[start:end]
    if found != exact:
        yield _finding(
            "SPN001",
            _mismatch(
                f"quote does not match the text at {start}-{end}",
                exact,
                found,
                spell_out(exact, text[start : end + _SLACK]),
            ),
            owner,
            index,
            "exact",
            span,
        )
        return
    yield from _check_context(text, span, owner, index)


def _check_context(text: str, span: PlainRecord, owner: SpanOwner, index: int) -> Iterator[Finding]:
    """SPN005 and SPN006: the prefix and suffix of a span whose quote matches."""
    start, end = span["start"], span["end"]
    prefix, suffix = span.get("prefix"), span.get("suffix")
    if prefix is not None and text[max(0, start - len(prefix)) : start] != prefix:
        wider = text[max(0, start - len(prefix) - _SLACK) : start]
        message = _mismatch(
            "prefix differs from the text before the quote",
            prefix,
            text[max(0, start - len(prefix)) : start],
            spell_out(prefix, wider, ours="the prefix", backwards=True),
        )
        yield _finding("SPN005", message, owner, index, "prefix", span)
    if suffix is not None and text[end : end + len(suffix)] != suffix:
        message = _mismatch(
            "suffix differs from the text after the quote",
            suffix,
            text[end : end + len(suffix)],
            spell_out(suffix, text[end : end + len(suffix) + _SLACK], ours="the suffix"),
        )
        yield _finding("SPN006", message, owner, index, "suffix", span)


def spans_hold(spans: list[PlainRecord], text: str) -> bool:
    """Whether every span is in bounds, in order, and matches the text with its context: the
    quick test that spares the common case building any finding (:func:`check_span` says what
    is wrong when it fails)."""
    length = len(text)
    for span in spans:
        start, end, exact = span["start"], span["end"], span["exact"]
        # startswith at the offset compares in place, where a slice would copy the quote.
        if not start < end <= length or end - start != len(exact):
            return False
        if not text.startswith(exact, start):
            return False
        prefix, suffix = span.get("prefix"), span.get("suffix")
        # (A prefix longer than the text before the span cannot match it; and startswith would
        # read a negative offset from the end.)
        if prefix is not None and (
            len(prefix) > start or not text.startswith(prefix, start - len(prefix))
        ):
            return False
        if suffix is not None and not text.startswith(suffix, end):
            return False
    return True


def check_spans(spans: list[PlainRecord], text: str | None, owner: SpanOwner) -> Iterator[Finding]:
    """Every span of one record; nothing when the document's text is not loaded (reported
    elsewhere, once)."""
    if text is None:
        return
    for index, span in enumerate(spans):
        yield from check_span(text, span, owner, index)


def check_claim_spans(record: ClaimRecord, text: str | None) -> Iterator[Finding]:
    """Every span of one claim."""
    claim_id = record.claim["id"]
    owner = SpanOwner(
        record.document, record.site.file, record.site.pointer, f"claim {claim_id}", claim_id
    )
    yield from check_spans(record.claim["evidence"], text, owner)


def check_no_claim_spans(
    entry: PlainRecord, site: Site, document: str, text: str | None
) -> Iterator[Finding]:
    """Every span of one ``not_check_worthy`` entry."""
    owner = SpanOwner(document, site.file, site.pointer, f"entry {site.pointer[1:]}")
    yield from check_spans(entry["evidence"], text, owner)
