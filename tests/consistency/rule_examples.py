"""Each rule's documented examples as data: records that must fire the rule and records that must
not (``tests/consistency/fixtures/<CODE>/fires.json`` and ``near_miss.json``).

A fixture is a small corpus written the way the example's prose reads::

    {
      "example": "<the rule's example prose, word for word>",
      "documents": [{"id": "doc", "published": "2017-12-25", "text": "…"}],
      "entities": [<entities beside the shared cast, or replacing one of it by id>],
      "claims": [{"id": "a", "document": "doc", "kind": "event_date", "subject": "…",
                  "value": {…}, "modality": "reported", "quote": "<text of the document>"}],
      "finding_claims": ["a", "b"]
    }

``quote`` (a string, or a list of strings for several spans) must occur once in its document's
text; the builder finds the offsets. ``modality`` defaults to reported and the attribution is the
publisher. ``finding_claims`` (fires only) are the claims that the rule's findings must name;
``also_fires`` (near misses only, optional) the codes the prose says fire instead. A rule's
``three_claims`` example is ``three_claims.json``: three claims that fire it together, no two of
which fire anything.
The shared cast of entities is ``fixtures/entities.json``; the measures are
``fixtures/measures.json`` (a fixture may add its own under ``measures``).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from astana_facts.resources import bundled
from tests.factories import span, write

FIXTURES = Path(__file__).resolve().parent / "fixtures"
EXAMPLES = ("fires", "near_miss")


def declared_rules() -> dict[str, dict[str, Any]]:
    """Every rule of every bundled validators file, by code."""
    rules: dict[str, dict[str, Any]] = {}
    for path in sorted(bundled("validators").glob("*.json")):
        for rule in json.loads(path.read_text(encoding="utf-8"))["rules"]:
            rules[rule["code"]] = rule
    return rules


def fixture_path(code: str, example: str) -> Path:
    """Where the fixture of one example of one rule lives."""
    return FIXTURES / code / f"{example}.json"


def load_fixture(code: str, example: str) -> dict[str, Any]:
    """The fixture of one example of one rule."""
    data: dict[str, Any] = json.loads(fixture_path(code, example).read_text(encoding="utf-8"))
    return data


def _entities(fixture: dict[str, Any]) -> list[dict[str, Any]]:
    """The shared cast with the fixture's own entities added (or put in place, by id)."""
    cast = json.loads((FIXTURES / "entities.json").read_text(encoding="utf-8"))["entities"]
    by_id = {entity["id"]: entity for entity in cast}
    by_id.update((entity["id"], entity) for entity in fixture.get("entities", []))
    return list(by_id.values())


def _measures(fixture: dict[str, Any]) -> list[dict[str, Any]]:
    """The shared measures with the fixture's own added (or put in place, by id)."""
    shared = json.loads((FIXTURES / "measures.json").read_text(encoding="utf-8"))["measures"]
    by_id = {measure["id"]: measure for measure in shared}
    by_id.update((measure["id"], measure) for measure in fixture.get("measures", []))
    return list(by_id.values())


def _metadata(document: dict[str, Any]) -> dict[str, Any]:
    published = document["published"]
    return {
        "$schema": "../../schemas/source.schema.json",
        "id": document["id"],
        "title": document.get("title", document["id"]),
        "published": {"start": published, "end": published, "precision": "day", "inferred": False},
        "language": "en",
        "original_file": f"{document['id']}.txt",
        "text_file": f"{document['id']}.txt",
        "sha256": hashlib.sha256(document["text"].encode("utf-8")).hexdigest(),
    }


def _claim(fixture_claim: dict[str, Any], text: str) -> dict[str, Any]:
    quotes = fixture_claim["quote"]
    return {
        "id": fixture_claim["id"],
        "kind": fixture_claim["kind"],
        "subject": fixture_claim["subject"],
        "value": fixture_claim["value"],
        "attribution": fixture_claim.get("attribution", {"type": "publisher"}),
        "modality": fixture_claim.get("modality", "reported"),
        "evidence": [
            span(text, quote) for quote in ([quotes] if isinstance(quotes, str) else quotes)
        ],
    }


def build_fixture_records(fixture: dict[str, Any], root: Path) -> Path:
    """Write the records folder that a fixture describes at ``root`` and return it."""
    (root / "sources").mkdir(parents=True)
    (root / "claims").mkdir()
    for document in fixture["documents"]:
        document_id, text = document["id"], document["text"]
        (root / "sources" / f"{document_id}.txt").write_bytes(text.encode("utf-8"))
        write(root / "sources" / f"{document_id}.json", _metadata(document))
        claims = [_claim(c, text) for c in fixture["claims"] if c["document"] == document_id]
        write(
            root / "claims" / f"{document_id}.json",
            {
                "$schema": "../../schemas/claims.schema.json",
                "document": document_id,
                "claims": claims,
            },
        )
    write(
        root / "entities.json",
        {"$schema": "../schemas/entities.schema.json", "entities": _entities(fixture)},
    )
    write(
        root / "measures.json",
        {"$schema": "../schemas/measures.schema.json", "measures": _measures(fixture)},
    )
    return root
