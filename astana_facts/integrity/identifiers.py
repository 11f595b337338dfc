"""Identity: claim ids and entity ids are unique, and no surface form belongs to two entities."""

from __future__ import annotations

from collections.abc import Iterator

from astana_facts.dataset import Dataset, Site
from astana_facts.findings import Finding


def check_claim_ids(dataset: Dataset) -> Iterator[Finding]:
    """IDS001: a claim id used twice, anywhere in the dataset."""
    first: dict[str, Site] = {}
    for claim, site in zip(dataset.claims, dataset.claim_sites, strict=True):
        if claim.id in first:
            earlier = first[claim.id]
            yield Finding(
                code="IDS001",
                severity="error",
                message=f"claim {claim.id}, field id: id already used at {earlier.file} "
                f"{earlier.pointer}",
                file=site.file,
                pointer=f"{site.pointer}/id",
                claims=(claim.id,),
            )
        else:
            first[claim.id] = site


def check_entity_ids(dataset: Dataset) -> Iterator[Finding]:
    """IDS002: an entity id used twice."""
    first: dict[str, Site] = {}
    for entity, site in zip(dataset.entity_list, dataset.entity_sites, strict=True):
        if entity.id in first:
            yield Finding(
                code="IDS002",
                severity="error",
                message=f"entity {entity.id}, field id: id already used at "
                f"{first[entity.id].pointer}",
                file=site.file,
                pointer=f"{site.pointer}/id",
            )
        else:
            first[entity.id] = site


def check_aliases(dataset: Dataset) -> Iterator[Finding]:
    """IDS003: the same name, alias or misspelling registered for two entities.

    Forms are compared case-insensitively, so "The Astana Process" and "the Astana process" are
    one form.
    """
    owner: dict[str, str] = {}
    for entity, site in zip(dataset.entity_list, dataset.entity_sites, strict=True):
        forms = [("name", entity.name)]
        forms += [(f"aliases/{i}", alias) for i, alias in enumerate(entity.aliases)]
        forms += [(f"misspellings/{i}", form) for i, form in enumerate(entity.misspellings)]
        seen_here: set[str] = set()
        for field, form in forms:
            key = form.casefold()
            if key in seen_here:
                continue
            seen_here.add(key)
            other = owner.setdefault(key, entity.id)
            if other != entity.id:
                yield Finding(
                    code="IDS003",
                    severity="error",
                    message=f"entity {entity.id}, field {field}: {form!r} is already a form of "
                    f"entity {other}",
                    file=site.file,
                    pointer=f"{site.pointer}/{field}",
                )
