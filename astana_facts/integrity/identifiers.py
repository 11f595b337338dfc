"""Identity: claim ids and entity ids are unique, and no surface form belongs to two entities."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from astana_facts.findings.finding import Finding
from astana_facts.reading.records import PlainRecord, Site


class ClaimIds:
    """Claim ids seen so far, across files: IDS001 for an id used a second time."""

    def __init__(self) -> None:
        self.sites: dict[str, tuple[str, int]] = {}
        """Where each id was first seen: (file, index of the claim in the file)."""
        self._reported: set[str] = set()

    def check_file(
        self, file: str, ids: Sequence[str], indexes: Sequence[int]
    ) -> Iterator[Finding]:
        """IDS001 for each claim of ``file`` (ids and their indexes in the file) whose id was
        seen before: at this claim, and (once) at the first one too, so that whichever file a
        contributor added shows the error."""
        sites = self.sites
        for claim_id, index in zip(ids, indexes, strict=True):
            earlier = sites.setdefault(claim_id, (file, index))
            if earlier != (file, index):
                yield from self._duplicate(claim_id, earlier, (file, index))

    def _duplicate(
        self, claim_id: str, earlier: tuple[str, int], later: tuple[str, int]
    ) -> Iterator[Finding]:
        first_file, first_pointer = earlier[0], f"/claims/{earlier[1]}"
        file, pointer = later[0], f"/claims/{later[1]}"
        if claim_id not in self._reported:
            self._reported.add(claim_id)
            yield Finding.of(
                code="IDS001",
                message=f"claim {claim_id}, field id: the id is used again at {file} {pointer}",
                file=first_file,
                pointer=f"{first_pointer}/id",
                claims=(claim_id,),
            )
        yield Finding.of(
            code="IDS001",
            message=f"claim {claim_id}, field id: the id is already used at {first_file} "
            f"{first_pointer}",
            file=file,
            pointer=f"{pointer}/id",
            claims=(claim_id,),
        )


def check_entity_ids(entities: list[tuple[PlainRecord, Site]]) -> Iterator[Finding]:
    """IDS002: an entity id used twice."""
    first: dict[str, Site] = {}
    for entity, site in entities:
        earlier = first.setdefault(entity["id"], site)
        if earlier is not site:
            yield Finding.of(
                code="IDS002",
                message=f"entity {entity['id']}, field id: the id is already used at "
                f"{earlier.pointer}",
                file=site.file,
                pointer=f"{site.pointer}/id",
            )


def check_aliases(entities: list[tuple[PlainRecord, Site]]) -> Iterator[Finding]:
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
                yield Finding.of(
                    code="IDS003",
                    message=f"entity {entity['id']}, field {field}: {form!r} is already a form "
                    f"of entity {other}",
                    file=site.file,
                    pointer=f"{site.pointer}/{field}",
                )
