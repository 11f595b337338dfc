"""References: every document, entity and claim id that a record names exists."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator

from astana_facts.findings.finding import Finding
from astana_facts.reading.model_paths import (
    claim_collectors,
    claim_paths,
    model_reference_paths,
    values_at,
)
from astana_facts.reading.records import ClaimRecord, PlainRecord, Site


def references_hold(claim: PlainRecord, entity_ids: frozenset[str] | set[str]) -> bool:
    """Whether every entity a claim names exists: the quick test before
    :func:`check_claim_references`."""
    return entity_ids.issuperset(claim_collectors(claim["kind"])[0](claim))


def referenced_entities(claims: Iterable[PlainRecord]) -> set[str]:
    """Every entity id that any of ``claims`` names."""
    found: set[str] = set()
    for claim in claims:
        found.update(claim_collectors(claim["kind"])[0](claim))
    return found


def check_claim_references(record: ClaimRecord, entity_ids: Collection[str]) -> Iterator[Finding]:
    """REF002: an entity id named by a claim that is not in entities.json."""
    claim = record.claim
    for path in claim_paths(claim["kind"])[0]:
        for pointer, entity_id in values_at(claim, path):
            if entity_id not in entity_ids:
                yield Finding.of(
                    code="REF002",
                    message=f"claim {claim['id']}, field {pointer[1:]}: unknown entity "
                    f"{entity_id!r}",
                    file=record.site.file,
                    pointer=record.site.pointer + pointer,
                    claims=(claim["id"],),
                )


def check_entity_references(entities: list[tuple[PlainRecord, Site]]) -> Iterator[Finding]:
    """REF002: an entity naming another (its series) that does not exist."""
    entity_ids = {entity["id"] for entity, _ in entities}
    for entity, site in entities:
        for path in model_reference_paths("Entity"):
            for pointer, entity_id in values_at(entity, path):
                if entity_id not in entity_ids:
                    yield Finding.of(
                        code="REF002",
                        message=f"entity {entity['id']}, field {pointer[1:]}: unknown entity "
                        f"{entity_id!r}",
                        file=site.file,
                        pointer=site.pointer + pointer,
                    )


def check_claims_file_document(
    file: str, stem: str, document: str, known_documents: Collection[str]
) -> Iterator[Finding]:
    """SRC005: a claims file named for another document than the one it names; REF001: a
    claims file for a document that has no source record."""
    if stem != document:
        yield Finding.of(
            code="SRC005",
            message=f"field document: the file names document {document!r} but is called "
            f"{stem}.json",
            file=file,
            pointer="/document",
        )
    if document not in known_documents:
        yield Finding.of(
            code="REF001",
            message=f"field document: no source record for document {document!r}",
            file=file,
            pointer="/document",
        )


def check_adjudication_references(
    adjudications: list[tuple[PlainRecord, Site]], claim_ids: Collection[str]
) -> Iterator[Finding]:
    """REF003: an adjudication naming a claim that does not exist."""
    for adjudication, site in adjudications:
        for field in ("claims", "correct_claims"):
            for index, claim_id in enumerate(adjudication[field]):
                if claim_id not in claim_ids:
                    yield Finding.of(
                        code="REF003",
                        message=f"adjudication {adjudication['fingerprint']}, field "
                        f"{field}/{index}: unknown claim {claim_id!r}",
                        file=site.file,
                        pointer=f"{site.pointer}/{field}/{index}",
                    )
