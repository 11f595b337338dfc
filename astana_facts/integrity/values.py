"""Values whose parts must be in order: date intervals and number ranges."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel

from astana_facts.dataset import Dataset
from astana_facts.findings import Finding
from astana_facts.models.values import DateInterval, Range


def _reversed_parts(model: BaseModel, path: str) -> Iterator[tuple[str, str]]:
    """(pointer, description) of every reversed interval inside ``model``."""
    if isinstance(model, DateInterval) and model.end < model.start:
        yield f"{path}/end", f"date interval ends ({model.end}) before it starts ({model.start})"
    if isinstance(model, Range) and model.high < model.low:
        yield f"{path}/high", f"range high ({model.high}) is below low ({model.low})"
    for name in type(model).model_fields:
        value = getattr(model, name)
        if isinstance(value, BaseModel):
            yield from _reversed_parts(value, f"{path}/{name}")


def check_intervals(dataset: Dataset) -> Iterator[Finding]:
    """VAL001: a claim value or a publication date whose interval is reversed."""
    for claim, site in zip(dataset.claims, dataset.claim_sites, strict=True):
        for json_pointer, description in _reversed_parts(claim.value, "/value"):
            yield Finding(
                code="VAL001",
                severity="error",
                message=f"claim {claim.id}, field {json_pointer.lstrip('/')}: {description}",
                file=site.file,
                pointer=site.pointer + json_pointer,
                claims=(claim.id,),
            )
    for document_id in sorted(dataset.documents):
        published = dataset.documents[document_id].metadata.published
        if published.end < published.start:
            yield Finding(
                code="VAL001",
                severity="error",
                message=f"document {document_id}, field published/end: publication date ends "
                "before it starts",
                file=dataset.sources[document_id].metadata_site.file,
                pointer="/published/end",
            )
