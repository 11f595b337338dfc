"""Small, valid records folders built in code, for tests to mutate."""

from __future__ import annotations

import copy
import hashlib
from pathlib import Path
from typing import Any

from astana_facts.jsonio.writer import dumps_canonical
from astana_facts.text.quotes import find_quote

DOC_ID = "sample-doc"
TEXT = (
    "Sample talks\n\n"
    "The fourth round of talks met on May 3rd and 4th in Astana.\n"
    "Russia, Iran and Turkey signed a memorandum on May 4th.\n"
    "320 foreign reporters arrived to cover the two-day talks.\n"
    "Kairat Abdrakhmanov said \u201cthe talks are the only way\u201d.\n"
)


def span(text: str, exact: str) -> dict[str, Any]:
    """A complete span for the single occurrence of ``exact`` in ``text``."""
    (anchor,) = find_quote(text, exact)
    return {
        "start": anchor.start,
        "end": anchor.end,
        "exact": anchor.exact,
        "prefix": anchor.prefix,
        "suffix": anchor.suffix,
    }


def entities() -> list[dict[str, Any]]:
    """Entities that the sample claims refer to."""
    return [
        {"id": "astana-process", "kind": "series", "name": "Astana process"},
        {
            "id": "astana-round-4",
            "kind": "event",
            "name": "Fourth Astana round",
            "series": "astana-process",
        },
        {"id": "astana", "kind": "place", "name": "Astana"},
        {"id": "russia", "kind": "state", "name": "Russia"},
        {"id": "iran", "kind": "state", "name": "Iran"},
        {"id": "turkey", "kind": "state", "name": "Turkey"},
        {"id": "memorandum", "kind": "instrument", "name": "De-escalation memorandum"},
        {
            "id": "kairat-abdrakhmanov",
            "kind": "person",
            "name": "Kairat Abdrakhmanov",
            "aliases": ["Abdrakhmanov"],
            "misspellings": ["Addrakmanov"],
        },
    ]


def measures() -> list[dict[str, Any]]:
    """The sample measures: the one the sample count claim counts, with an alias."""
    return [
        {
            "id": "foreign_reporters",
            "description": "Journalists from abroad accredited to cover the event.",
            "aliases": ["foreign_journalists"],
        }
    ]


def claims(text: str = TEXT) -> list[dict[str, Any]]:
    """One claim of each of several kinds, grounded in ``text``."""
    publisher = {"type": "publisher"}
    return [
        {
            "id": "sample-round-number",
            "kind": "round_number",
            "subject": "astana-round-4",
            "value": {"series": "astana-process", "ordinal": 4},
            "attribution": publisher,
            "modality": "reported",
            "evidence": [span(text, "The fourth round")],
        },
        {
            "id": "sample-dates",
            "kind": "event_date",
            "subject": "astana-round-4",
            "value": {
                "start": "2017-05-03",
                "end": "2017-05-04",
                "precision": "day",
                "stance": "full_span",
            },
            "attribution": publisher,
            "modality": "reported",
            "evidence": [span(text, "May 3rd and 4th")],
        },
        {
            "id": "sample-memorandum",
            "kind": "instrument",
            "subject": "memorandum",
            "value": {
                "action": "signed",
                "parties": ["russia", "iran", "turkey"],
                "date": {"start": "2017-05-04", "end": "2017-05-04", "precision": "day"},
            },
            "attribution": publisher,
            "modality": "reported",
            "evidence": [span(text, "Russia, Iran and Turkey signed a memorandum on May 4th")],
        },
        {
            "id": "sample-reporters",
            "kind": "count",
            "subject": "astana-round-4",
            "value": {"measure": "foreign_reporters", "amount": {"bound": "exact", "value": 320}},
            "attribution": publisher,
            "modality": "reported",
            "evidence": [span(text, "320 foreign reporters")],
        },
        {
            "id": "sample-duration",
            "kind": "duration",
            "subject": "astana-round-4",
            "value": {"unit": "day", "amount": {"bound": "exact", "value": 2}},
            "attribution": publisher,
            "modality": "reported",
            "evidence": [span(text, "two-day talks")],
        },
        {
            "id": "sample-statement",
            "kind": "statement",
            "subject": "astana-process",
            "value": {"content": "the talks are the only way", "direct": True},
            "attribution": {"type": "speaker", "entity": "kairat-abdrakhmanov"},
            "modality": "opinion",
            "evidence": [span(text, "\u201cthe talks are the only way\u201d")],
        },
    ]


def not_check_worthy(text: str = TEXT) -> list[dict[str, Any]]:
    """The sample's headline, listed as having no check-worthy claim (when ``text`` has it once)."""
    if text.count("Sample talks") != 1:
        return []
    return [
        {
            "reason": "boilerplate",
            "evidence": [span(text, "Sample talks")],
            "note": "The headline; the body states its facts.",
        }
    ]


def metadata(text: str = TEXT) -> dict[str, Any]:
    """Metadata of the sample document."""
    return {
        "$schema": "../../schemas/source.schema.json",
        "id": DOC_ID,
        "title": "Sample talks",
        "published": {
            "start": "2017-05-13",
            "end": "2017-05-13",
            "precision": "day",
            "inferred": False,
        },
        "language": "en",
        "original_file": "sample.txt",
        "text_file": f"{DOC_ID}.txt",
        "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
    }


def claims_file(claim_list: list[dict[str, Any]] | None = None, text: str = TEXT) -> dict[str, Any]:
    """The sample claims file: ``claim_list`` (default: :func:`claims`) and the headline listed
    as not check-worthy."""
    return {
        "$schema": "../../schemas/claims.schema.json",
        "document": DOC_ID,
        "claims": claim_list if claim_list is not None else claims(text),
        "not_check_worthy": not_check_worthy(text),
    }


def public_source(quote: str, **fields: Any) -> dict[str, Any]:
    """A public source for a sample fact, with ``fields`` added or replaced."""
    return {
        "url": "https://example.org/news/fourth-round-ends",
        "publisher": "Example News Agency",
        "title": "Fourth round ends",
        "published": "2017-05-04",
        "retrieved": "2026-01-15",
        "quote": quote,
        **fields,
    }


def facts() -> list[dict[str, Any]]:
    """Sample facts (``facts.json``, written only by the tests that need one): the dates and
    place of the fourth round, the reporters, the memorandum."""
    return [
        {
            "id": "fact-round-4-dates",
            "kind": "event_date",
            "subject": "astana-round-4",
            "value": {
                "start": "2017-05-03",
                "end": "2017-05-04",
                "precision": "day",
                "stance": "full_span",
            },
            "evidence": [public_source("was held on 3-4 May 2017")],
            "rationale": "The agency reports both days.",
        },
        {
            "id": "fact-round-4-place",
            "kind": "location",
            "subject": "astana-round-4",
            "value": {"place": "astana"},
            "evidence": [public_source("held in Astana")],
            "rationale": "The agency names the city.",
        },
        {
            "id": "fact-round-4-reporters",
            "kind": "count",
            "subject": "astana-round-4",
            "value": {
                "measure": "foreign_reporters",
                "amount": {"bound": "at_least", "value": 301},
            },
            "evidence": [public_source("more than 300 foreign reporters")],
            "rationale": "The agency gives a lower bound.",
        },
        {
            "id": "fact-memorandum-signed",
            "kind": "instrument",
            "subject": "memorandum",
            "value": {
                "action": "signed",
                "parties": ["russia", "iran", "turkey"],
                "date": {"start": "2017-05-04", "end": "2017-05-04", "precision": "day"},
                "event": "astana-round-4",
            },
            "evidence": [
                public_source(
                    "signed by Turkey, Russia and Iran on 4 May",
                    archived_url="https://web.archive.org/web/20170505000000/"
                    "https://example.org/news/fourth-round-ends",
                ),
            ],
            "rationale": "The agency names the three signatories and the day.",
        },
    ]


def facts_file(fact_list: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """The sample ``facts.json``: ``fact_list`` (default: :func:`facts`)."""
    return {
        "$schema": "../schemas/facts.schema.json",
        "facts": fact_list if fact_list is not None else facts(),
    }


def build_records(
    root: Path,
    *,
    text: str = TEXT,
    claim_list: list[dict[str, Any]] | None = None,
    entity_list: list[dict[str, Any]] | None = None,
    meta: dict[str, Any] | None = None,
    measure_list: list[dict[str, Any]] | None = None,
) -> Path:
    """Write a complete, valid records folder at ``root`` and return it."""
    (root / "sources").mkdir(parents=True, exist_ok=True)
    (root / "claims").mkdir(exist_ok=True)
    (root / "sources" / f"{DOC_ID}.txt").write_bytes(text.encode("utf-8"))
    write(root / "sources" / f"{DOC_ID}.json", meta if meta is not None else metadata(text))
    write(root / "claims" / f"{DOC_ID}.json", claims_file(claim_list, text))
    write(
        root / "entities.json",
        {
            "$schema": "../schemas/entities.schema.json",
            "entities": entity_list if entity_list is not None else entities(),
        },
    )
    write(
        root / "measures.json",
        {
            "$schema": "../schemas/measures.schema.json",
            "measures": measure_list if measure_list is not None else measures(),
        },
    )
    return root


def write(path: Path, data: Any) -> None:
    """Write ``data`` in the canonical layout."""
    path.write_bytes(dumps_canonical(data))


def mutated(data: Any, pointer: str, value: Any) -> Any:
    """A deep copy of ``data`` with the value at JSON Pointer ``pointer`` replaced."""
    result = copy.deepcopy(data)
    *parents, last = [int(t) if t.isdigit() else t for t in pointer.strip("/").split("/")]
    node = result
    for token in parents:
        node = node[token]
    node[last] = value
    return result
