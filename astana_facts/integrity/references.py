"""References: every document, entity and claim id that a record names exists."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import Any

from pydantic import BaseModel

from astana_facts.dataset import Dataset
from astana_facts.findings import Finding
from astana_facts.models.base import EntityRefMarker


@cache
def _entity_fields(model_type: type[BaseModel]) -> tuple[str, ...]:
    """Names of the fields of ``model_type`` that hold entity ids (alone or in a list)."""
    names = []
    for name, info in model_type.model_fields.items():
        markers = list(info.metadata)
        annotation = info.annotation
        for argument in getattr(annotation, "__args__", ()):
            markers.extend(getattr(argument, "__metadata__", ()))
        if any(isinstance(marker, EntityRefMarker) for marker in markers):
            names.append(name)
    return tuple(names)


def entity_references(model: BaseModel, path: str = "") -> Iterator[tuple[str, str]]:
    """(JSON Pointer, entity id) of every entity reference inside ``model``."""
    entity_fields = _entity_fields(type(model))
    for name in type(model).model_fields:
        value: Any = getattr(model, name)
        if name in entity_fields:
            if isinstance(value, str):
                yield f"{path}/{name}", value
            elif isinstance(value, list):
                for index, item in enumerate(value):
                    yield f"{path}/{name}/{index}", item
        elif isinstance(value, BaseModel):
            yield from entity_references(value, f"{path}/{name}")
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from entity_references(item, f"{path}/{name}/{index}")


def check_references(dataset: Dataset) -> Iterator[Finding]:
    """REF001 unknown document, REF002 unknown entity, REF003 unknown claim.

    References into a file that exists but failed to load are not reported: the failure of that
    file is the root cause, and is reported once.
    """
    for document_id, file in sorted(dataset.claims_files.items()):
        if document_id not in dataset.documents and document_id not in dataset.failed_documents:
            yield Finding(
                code="REF001",
                severity="error",
                message=f"field document: no source record for document {document_id!r}",
                file=file,
                pointer="/document",
            )
    yield from _entity_references(dataset)
    yield from _claim_references(dataset)


def _entity_references(dataset: Dataset) -> Iterator[Finding]:
    if dataset.entities_failed:
        return
    for claim, site in zip(dataset.claims, dataset.claim_sites, strict=True):
        for json_pointer, entity_id in entity_references(claim):
            if entity_id not in dataset.entities:
                yield Finding(
                    code="REF002",
                    severity="error",
                    message=f"claim {claim.id}, field {json_pointer.lstrip('/')}: unknown entity "
                    f"{entity_id!r}",
                    file=site.file,
                    pointer=site.pointer + json_pointer,
                    claims=(claim.id,),
                )
    for entity, site in zip(dataset.entity_list, dataset.entity_sites, strict=True):
        for json_pointer, entity_id in entity_references(entity):
            if entity_id not in dataset.entities:
                yield Finding(
                    code="REF002",
                    severity="error",
                    message=f"entity {entity.id}, field {json_pointer.lstrip('/')}: unknown "
                    f"entity {entity_id!r}",
                    file=site.file,
                    pointer=site.pointer + json_pointer,
                )


def _claim_references(dataset: Dataset) -> Iterator[Finding]:
    claim_ids = {claim.id for claim in dataset.claims}
    for adjudication, site in zip(dataset.adjudications, dataset.adjudication_sites, strict=True):
        for field in ("claims", "correct_claims"):
            for index, claim_id in enumerate(getattr(adjudication, field)):
                if claim_id not in claim_ids:
                    yield Finding(
                        code="REF003",
                        severity="error",
                        message=f"adjudication {adjudication.fingerprint}, field "
                        f"{field}/{index}: unknown claim {claim_id!r}",
                        file=site.file,
                        pointer=f"{site.pointer}/{field}/{index}",
                    )
