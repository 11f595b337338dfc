"""The document pages: a document's full text with every claim span highlighted (coloured by
claim kind, overlapping and nested spans all shown), each span linked to its claim's entry
(value, attribution, modality, verdict, the findings it takes part in), and the sentences
marked not check-worthy shown as such.

A document with more spans than :data:`SPANS_PER_PAGE` is split into parts at line breaks that
no span crosses, so no page holds more than a few thousand claims.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from astana_facts.pipeline.result import Result
from astana_facts.reading.records import ClaimRecord, PlainRecord
from astana_facts.render.html import evidence
from astana_facts.render.html.claims import claim_entry
from astana_facts.render.html.highlight import Mark, highlight
from astana_facts.render.html.links import (
    Links,
    claim_anchor,
    document_page,
    span_anchor,
)
from astana_facts.render.html.pages import Pages

SPANS_PER_PAGE = 1500
"""The most spans (of claims and not check-worthy sentences) a part of a document shows,
unless one run of overlapping spans is longer."""


@dataclass
class DocumentPlan:
    """One document: its claims and not check-worthy sentences, and the parts of its text."""

    id: str
    claims: list[ClaimRecord] = field(default_factory=list)
    unworthy: list[PlainRecord] = field(default_factory=list)
    parts: list[tuple[int, int]] = field(default_factory=list)
    """(start, end) of each page's piece of the text."""


def _cuts(text: str, spans: list[tuple[int, int]], limit: int) -> list[tuple[int, int]]:
    """The text in pieces of at most ``limit`` spans each, cut at a line start that no span
    crosses (or at a span's start when there is none)."""
    parts: list[tuple[int, int]] = []
    begin, reach, count = 0, 0, 0
    for start, end in sorted(spans):
        if count >= limit and start >= reach:
            line = text.rfind("\n", reach, start)
            cut = line + 1 if line >= 0 else start
            if cut > begin:
                parts.append((begin, cut))
                begin, count = cut, 0
        count += 1
        reach = max(reach, end)
    parts.append((begin, len(text)))
    return parts


def _part_of(parts: list[tuple[int, int]], offset: int) -> int:
    for index, (_, end) in enumerate(parts):
        if offset < end:
            return index
    return len(parts) - 1


def plan_documents(result: Result, links: Links) -> list[DocumentPlan]:
    """Every document (in id order) with its claims and parts; fills the links to each claim's
    page and to each span shown on another page."""
    plans = {document: DocumentPlan(document) for document in sorted(result.records.sources)}
    for record in result.records.claims:
        if record.document in plans:
            plans[record.document].claims.append(record)
    for entry, _, document in result.records.not_check_worthy:
        if document in plans:
            plans[document].unworthy.append(entry)
    for plan in plans.values():
        text = result.records.sources[plan.id].text
        spans = [
            (span["start"], span["end"])
            for record in plan.claims
            for span in record.claim["evidence"]
        ] + [(span["start"], span["end"]) for entry in plan.unworthy for span in entry["evidence"]]
        plan.parts = _cuts(text, spans, SPANS_PER_PAGE)
        if len(plan.parts) > 1:
            _split_links(plan, links)
    return list(plans.values())


def _split_links(plan: DocumentPlan, links: Links) -> None:
    """The page of each claim of a split document, and of each span shown on another part."""
    names = [document_page(plan.id, part) for part in range(len(plan.parts))]
    for record in plan.claims:
        claim, starts = record.claim["id"], [s["start"] for s in record.claim["evidence"]]
        home = _part_of(plan.parts, min(starts))
        links.split_page[claim] = names[home]
        for index, start in enumerate(starts):
            if (part := _part_of(plan.parts, start)) != home:
                links.span_page[(claim, index)] = names[part]


def _inside(parts: list[tuple[int, int]], part: int, offset: int) -> bool:
    """Whether a span starting at ``offset`` is shown in part ``part`` (the last part also
    shows a span past the text's end, clamped)."""
    low, high = parts[part]
    return low <= offset < high or (part == len(parts) - 1 and offset >= high)


def _marks(plan: DocumentPlan, part: int) -> list[Mark]:
    """The marks of the spans that start in part ``part``, with offsets from its start."""
    marks = []
    low = plan.parts[part][0]
    for record in plan.claims:
        claim = record.claim
        for index, span in enumerate(claim["evidence"]):
            if _inside(plan.parts, part, span["start"]):
                marks.append(
                    Mark(
                        span["start"] - low,
                        span["end"] - low,
                        f"{claim['id']}/{index}",
                        f"k-{claim['kind']}",
                        span_anchor(claim["id"], index),
                        f"#{claim_anchor(claim['id'])}",
                        f"{claim['kind']}: {claim['id']}",
                    )
                )
    for number, entry in enumerate(plan.unworthy):
        for index, span in enumerate(entry["evidence"]):
            if _inside(plan.parts, part, span["start"]):
                reason = f"not check-worthy ({entry['reason']})"
                marks.append(
                    Mark(
                        span["start"] - low,
                        span["end"] - low,
                        f"ncw-{number}/{index}",
                        "ncw",
                        f"ncw-{number}-{index}",
                        f"#ncw-{number}",
                        reason,
                        tag="span",
                    )
                )
    return marks


def _unworthy(plan: DocumentPlan, part: int) -> list[tuple[int, PlainRecord, list[Any]]]:
    """The not check-worthy entries with a span in part ``part``: number, entry, and each span
    as (anchor where this part shows it, start, end)."""
    shown = []
    for number, entry in enumerate(plan.unworthy):
        spans = [
            (
                f"ncw-{number}-{index}" if _inside(plan.parts, part, s["start"]) else "",
                s["start"],
                s["end"],
            )
            for index, s in enumerate(entry["evidence"])
        ]
        if any(anchor for anchor, _, _ in spans):
            shown.append((number, entry, spans))
    return shown


def document_pages(
    result: Result, links: Links, plans: list[DocumentPlan], pages: Pages
) -> Iterator[tuple[str, bytes]]:
    """The pages of every document, part by part."""
    names = pages.names
    for plan in plans:
        source = result.records.sources[plan.id]
        starts = {r.claim["id"]: min(s["start"] for s in r.claim["evidence"]) for r in plan.claims}
        by_part: dict[int, list[ClaimRecord]] = defaultdict(list)
        for record in sorted(plan.claims, key=lambda r: (starts[r.claim["id"]], r.claim["id"])):
            by_part[_part_of(plan.parts, starts[record.claim["id"]])].append(record)
        for part, (low, high) in enumerate(plan.parts):
            claims = [claim_entry(result, links, r, names) for r in by_part.get(part, [])]
            context: dict[str, Any] = {
                "title": source.metadata.get("title") or plan.id,
                "document": plan.id,
                "metadata": source.metadata,
                "text": highlight(source.text[low:high], _marks(plan, part)),
                "claims": claims,
                "kinds": sorted({c["kind"] for c in claims}),
                "unworthy": _unworthy(plan, part),
                "part": part,
                "parts": [document_page(plan.id, n) for n in range(len(plan.parts))],
                "offset": low,
                "no_verdict": evidence.NO_VERDICT,
            }
            yield pages.render(document_page(plan.id, part), "document.html", context)
