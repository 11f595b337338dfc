"""The finding pages: the rule and its message; each conflicting value once, with its claims
and each claim's quote highlighted inside its line of the document; the editors' verdict with
its evidence; the rule's documentation one click away.

A value stated by many claims quotes the first :data:`QUOTED` of them and lists up to
:data:`LISTED` more as links, so a page never holds more than a few thousand claims.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from astana_facts.findings.finding import Finding, SpanRef
from astana_facts.pipeline.result import Result
from astana_facts.render.html import evidence
from astana_facts.render.html.claims import attribution_words
from astana_facts.render.html.highlight import Mark, excerpt_bounds, highlight
from astana_facts.render.html.links import Links, event_page, rule_link
from astana_facts.render.html.pages import Pages
from astana_facts.render.text import location
from astana_facts.render.verdicts import resolution_text, value_names

QUOTED = 5
"""Claims of a value quoted in context on a finding page."""
LISTED = 2000
"""Further claims of a value listed by id; the rest are counted."""


def excerpt(
    result: Result, document: str, start: int, end: int, key: str, kind: str, link: str
) -> dict[str, Any] | None:
    """The line of ``document`` around ``start..end`` with that span highlighted; ``None`` when
    the document was not read."""
    source = result.records.sources.get(document)
    if source is None:
        return None
    text = source.text
    low, high = excerpt_bounds(text, min(start, len(text)), min(end, len(text)))
    mark = Mark(start - low, end - low, key, f"k-{kind}", "", link, f"{kind}: {key}")
    return {  # (an ellipsis only where a line is cut)
        "before": "…" if low > 0 and text[low - 1] != "\n" else "",
        "html": highlight(text[low:high], [mark]),
        "after": "…" if high < len(text) and text[high] != "\n" else "",
    }


def _quoted(result: Result, links: Links, claim_id: str, names: dict[str, str]) -> dict[str, Any]:
    """A claim of a finding: its document, value and each span in context."""
    record = result.claim_index.get(claim_id)
    if record is None:
        return {"id": claim_id, "link": "", "spans": [], "document": "", "known": False}
    claim = record.claim
    return {
        "id": claim_id,
        "known": True,
        "link": links.claim(claim_id),
        "document": record.document,
        "kind": claim["kind"],
        "attribution": attribution_words(claim["attribution"], names),
        "modality": claim["modality"],
        "verdict": evidence.claim_verdict(result, claim_id),
        "spans": [
            excerpt(
                result,
                record.document,
                span["start"],
                span["end"],
                f"{claim_id}/{index}",
                claim["kind"],
                links.span(claim_id, index),
            )
            for index, span in enumerate(claim["evidence"])
        ],
    }


def _groups(finding: Finding) -> list[tuple[str, tuple[str, ...]]]:
    """The finding's values with their claims; each claim alone when it has no value groups."""
    if finding.value_groups:
        return [(group.value, group.claims) for group in finding.value_groups]
    return [("", (claim,)) for claim in finding.claims]


def _spans_only(result: Result, spans: tuple[SpanRef, ...]) -> list[Any]:
    """The spans of a finding that names no claim (a quote of a text), in context."""
    return [
        excerpt(result, span.document, span.start, span.end, span.document, "span", "")
        for span in spans
    ]


def finding_context(
    result: Result, links: Links, index: int, names: dict[str, str]
) -> dict[str, Any]:
    """What the page of finding ``index`` shows."""
    finding = result.findings[index]
    values = []
    for value, claims in _groups(finding):
        values.append(
            {
                "value": value,
                "count": len(claims),
                "quoted": [_quoted(result, links, c, names) for c in claims[:QUOTED]],
                "listed": [(c, links.claim(c)) for c in claims[QUOTED : QUOTED + LISTED]],
                "more": max(0, len(claims) - QUOTED - LISTED),
            }
        )
    subject = finding.subject or ""
    event = next((part for part in subject.split(" / ") if part in links.timelines), "")
    return {
        "title": f"{finding.code}: {finding.subject or finding.file or 'records'}",
        "finding": finding,
        "location": location(finding),
        "rule": rule_link(finding.code),
        "values": values,
        "spans": _spans_only(result, finding.spans) if not finding.claims else [],
        "adjudication": result.verdicts.get(finding.fingerprint or ""),
        "resolution": _resolution(result, finding),
        "timeline": event_page(event) if event else "",
        "subject_name": names.get(subject, ""),
        "site_claim": links.claim,
    }


def _resolution(result: Result, finding: Finding) -> str:
    """How the facts settle ``finding``, in one line ("" when they do not)."""
    resolution = result.resolutions.get(finding.fingerprint or "")
    if resolution is None:
        return ""
    return resolution_text(resolution, value_names(result, finding))


def finding_pages(result: Result, links: Links, pages: Pages) -> Iterator[tuple[str, bytes]]:
    """A page per finding, in the report's order."""
    for index, page in enumerate(links.finding_page):
        context = finding_context(result, links, index, pages.names)
        context["rule_name"] = pages.rule_names.get(result.findings[index].code, "")
        yield pages.render(page, "finding.html", context)
