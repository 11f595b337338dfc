"""Claims and records built in memory for the consistency engines (no files needed)."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path
from typing import Any

from astana_facts.consistency import check_consistency
from astana_facts.findings.finding import Finding
from astana_facts.reading.folder import load_rules
from astana_facts.reading.records import ClaimRecord, Records, Site, SourceRecord
from astana_facts.resources import bundled

RULES: list[dict[str, Any]] = load_rules(bundled("validators"))[0]
"""The bundled rules as the engines get them: validated, every parameter filled in."""


_INDEXES = itertools.count()
"""Index of the next built claim in its (imagined) file."""


def day(text: str) -> dt.date:
    """A date from YYYY-MM-DD."""
    return dt.date.fromisoformat(text)


def dates(
    start: str, end: str | None = None, precision: str = "day", stance: str = "full_span"
) -> dict[str, Any]:
    """An event_date value."""
    return {"start": day(start), "end": day(end or start), "precision": precision, "stance": stance}


def exact(value: int) -> dict[str, Any]:
    """An exact quantity."""
    return {"bound": "exact", "value": value}


def claim(
    claim_id: str,
    kind: str,
    subject: str,
    value: dict[str, Any],
    *,
    document: str = "doc-a",
    modality: str = "reported",
    quote: str = "quote",
) -> ClaimRecord:
    """A validated claim as the engines see it."""
    record = {
        "id": claim_id,
        "kind": kind,
        "subject": subject,
        "value": value,
        "attribution": {"type": "publisher"},
        "modality": modality,
        "evidence": [{"start": 0, "end": len(quote), "exact": quote}],
        "note": None,
    }
    return ClaimRecord(record, document, f"claims/{document}.json", next(_INDEXES))


def entity(entity_id: str, name: str, **fields: Any) -> dict[str, Any]:
    """An entity record with defaults."""
    return {
        "id": entity_id,
        "kind": fields.pop("kind", "group"),
        "name": name,
        "aliases": fields.pop("aliases", []),
        "misspellings": fields.pop("misspellings", []),
        "part_of": fields.pop("part_of", []),
        **fields,
    }


def records(
    claims: list[ClaimRecord],
    *,
    entities: list[dict[str, Any]] | None = None,
    published: dict[str, tuple[str, str]] | None = None,
    measures: list[dict[str, Any]] | None = None,
) -> Records:
    """A Records object holding ``claims``; documents doc-a (2017-06-01) and doc-b (2018-01-15)
    unless ``published`` says otherwise."""
    result = Records(root=Path("."))
    days = published or {
        "doc-a": ("2017-06-01", "2017-06-01"),
        "doc-b": ("2018-01-15", "2018-01-15"),
    }
    for document_id, (first, last) in days.items():
        metadata = {"id": document_id, "published": {"start": day(first), "end": day(last)}}
        result.sources[document_id] = SourceRecord(metadata, "text", Site("", ""), "")
    result.entities = [(e, Site("entities.json", "")) for e in entities or []]
    result.measures = [(m, Site("measures.json", "")) for m in measures or []]
    result.claims = list(claims)
    return result


def findings(claims: list[ClaimRecord], code: str | None = None, **kwargs: Any) -> list[Finding]:
    """Findings of the bundled rules (of one code, when given) over ``claims``."""
    found = check_consistency(records(claims, **kwargs), RULES)
    return [f for f in found if code is None or f.code == code]
