"""JSON Lines of the records beside the claims: documents (metadata as in its file, with the
text), entities and facts as in their files, and the findings of the report as in ``report
--format json`` with their ``id`` (the SARIF partial fingerprint). One object per line, in id
order (findings in report order); the same data give the same bytes."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import orjson

from astana_facts.export.result_rows import finding_file
from astana_facts.findings.fingerprints import unique_fingerprints
from astana_facts.jsonio.writer import canonical_order
from astana_facts.render.json import finding_to_dict

if TYPE_CHECKING:
    from astana_facts.pipeline.result import Result


def _lines(objects: list[dict[str, Any]]) -> bytes:
    return b"".join(orjson.dumps(item) + b"\n" for item in objects)


def documents_jsonl(result: Result) -> bytes:
    """One document per line: its metadata (without ``$schema``) and its ``text``."""
    sources = result.records.sources
    return _lines(
        [
            {key: value for key, value in sources[doc].metadata.items() if key != "$schema"}
            | {"text": sources[doc].text}
            for doc in sorted(sources)
        ]
    )


def entities_jsonl(result: Result) -> bytes:
    """One entity per line, as in ``entities.json``."""
    entities = sorted((entity for entity, _ in result.records.entities), key=lambda e: e["id"])
    return _lines([canonical_order(entity) for entity in entities])


def facts_jsonl(result: Result) -> bytes:
    """One fact per line, as in ``facts.json``."""
    facts = sorted((fact for fact, _ in result.records.facts), key=lambda fact: fact["id"])
    return _lines([canonical_order(fact) for fact in facts])


def findings_jsonl(result: Result) -> bytes:
    """One finding per line, in report order, as ``report --format json`` writes it, with its
    ``id`` and its ``file`` relative to the folder holding the records folder."""
    names = {str(rule["code"]): str(rule["name"]) for rule in result.records.rules}
    return _lines(
        [
            {"id": finding_id}
            | finding_to_dict(finding, names, result.verdicts, result.resolutions)
            | {"file": finding_file(result, finding.file)}
            for finding, finding_id in zip(
                result.findings, unique_fingerprints(result.findings), strict=True
            )
        ]
    )
