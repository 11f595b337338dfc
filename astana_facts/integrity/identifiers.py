"""Identity: claim ids and entity ids are unique, and no surface form belongs to two entities."""

from __future__ import annotations

from collections.abc import Iterator

from astana_facts.dataset import Record, Site
from astana_facts.findings import Finding


class ClaimIds:
    """Claim ids seen so far, across files: IDS001 for an id used a second time."""

    def __init__(self) -> None:
        self.sites: dict[str, Site] = {}
        self._reported: set[str] = set()

    def check(self, claim_id: str, site: Site) -> Iterator[Finding]:
        """IDS001 when the id of the claim at ``site`` was seen before: at this claim, and (once)
        at the first one too, so that whichever file a contributor added shows the error."""
        earlier = self.sites.setdefault(claim_id, site)
        if earlier is not site:
            if claim_id not in self._reported:
                self._reported.add(claim_id)
                yield Finding(
                    code="IDS001",
                    severity="error",
                    message=f"claim {claim_id}, field id: the id is used again at "
                    f"{site.file} {site.pointer}",
                    file=earlier.file,
                    pointer=f"{earlier.pointer}/id",
                    claims=(claim_id,),
                )
            yield Finding(
                code="IDS001",
                severity="error",
                message=f"claim {claim_id}, field id: the id is already used at {earlier.file} "
                f"{earlier.pointer}",
                file=site.file,
                pointer=f"{site.pointer}/id",
                claims=(claim_id,),
            )


def check_entity_ids(entities: list[tuple[Record, Site]]) -> Iterator[Finding]:
    """IDS002: an entity id used twice."""
    first: dict[str, Site] = {}
    for entity, site in entities:
        earlier = first.setdefault(entity["id"], site)
        if earlier is not site:
            yield Finding(
                code="IDS002",
                severity="error",
                message=f"entity {entity['id']}, field id: the id is already used at "
                f"{earlier.pointer}",
                file=site.file,
                pointer=f"{site.pointer}/id",
            )


def check_aliases(entities: list[tuple[Record, Site]]) -> Iterator[Finding]:
    """IDS003: the same name, alias or misspelling registered for two entities.

    Forms are compared case-insensitively: "The Astana Process" and "the Astana process" are one.
    """
    owner: dict[str, str] = {}
    for entity, site in entities:
        forms = [("name", entity["name"])]
        forms += [(f"aliases/{i}", form) for i, form in enumerate(entity["aliases"])]
        forms += [(f"misspellings/{i}", form) for i, form in enumerate(entity["misspellings"])]
        for field, form in forms:
            other = owner.setdefault(form.casefold(), entity["id"])
            if other != entity["id"]:
                yield Finding(
                    code="IDS003",
                    severity="error",
                    message=f"entity {entity['id']}, field {field}: {form!r} is already a form "
                    f"of entity {other}",
                    file=site.file,
                    pointer=f"{site.pointer}/{field}",
                )
