"""A claim as the pages show it: its value in words, who asserts it, its modality, its verdict
and the findings it takes part in, with links to its spans."""

from __future__ import annotations

from typing import Any

from astana_facts.consistency.findings import describe_value
from astana_facts.pipeline.result import Result
from astana_facts.reading.records import ClaimRecord, PlainRecord
from astana_facts.render.html import evidence
from astana_facts.render.html.links import Links, claim_anchor


def attribution_words(attribution: PlainRecord, names: dict[str, str]) -> str:
    """Who asserts a claim, in words: ``the publisher``, ``speaker: Sergey Lavrov``, …"""
    kind = attribution.get("type", "")
    if kind == "publisher":
        return "the publisher"
    if kind == "unnamed":
        words = f"unnamed: {attribution.get('description', '')}"
    else:
        entity = attribution.get("entity", "")
        words = f"{kind}: {names.get(entity, entity)}"
    via = attribution.get("via")
    return f"{words} (via {names.get(via, via)})" if via else words


def claim_entry(
    result: Result, links: Links, record: ClaimRecord, names: dict[str, str]
) -> dict[str, Any]:
    """What a claim's entry on its document page shows."""
    claim = record.claim
    verdict = evidence.claim_verdict(result, claim["id"])
    return {
        "id": claim["id"],
        "anchor": claim_anchor(claim["id"]),
        "kind": claim["kind"],
        "subject": claim["subject"],
        "subject_name": names.get(claim["subject"], claim["subject"]),
        "value": describe_value(claim),
        "attribution": attribution_words(claim["attribution"], names),
        "modality": claim["modality"],
        "verdict": verdict,
        "note": claim.get("note"),
        "deprecated": _deprecation(result, record),
        "findings": finding_refs(result, links, claim["id"]),
        "spans": [
            (links.span(claim["id"], index), span["start"], span["end"])
            for index, span in enumerate(claim["evidence"])
        ],
    }


def _deprecation(result: Result, record: ClaimRecord) -> dict[str, Any] | None:
    """A deprecated claim's reason, version and replacements (each with its anchor when it is
    on the same document page); None for a claim that stands."""
    deprecated = record.claim.get("deprecated")
    if not deprecated:
        return None
    replacements = []
    for claim_id in deprecated["replaced_by"]:
        other = result.claim_index.get(claim_id)
        same_page = other is not None and other.document == record.document
        replacements.append((claim_id, claim_anchor(claim_id) if same_page else None))
    return {"reason": deprecated["reason"], "since": deprecated["since"], "by": replacements}


def finding_refs(result: Result, links: Links, claim: str) -> list[dict[str, str]]:
    """The findings a claim takes part in: page, code and severity of each."""
    return [
        {
            "page": links.finding_page[index],
            "code": result.findings[index].code,
            "severity": result.findings[index].severity,
        }
        for index in links.findings_of(claim)
    ]
