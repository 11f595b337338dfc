"""The loaded dataset: documents, claims, entities, adjudications and rules, with provenance."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from astana_facts.models import Adjudication, Claim, Document, Entity, Rule


@dataclass(frozen=True, slots=True)
class Site:
    """Where a record stands: its file (as displayed) and its JSON Pointer inside the file."""

    file: str
    pointer: str


@dataclass
class SourceFiles:
    """What the loader saw of one source: the sha256 of the text file's bytes, and its sites."""

    text_sha256: str
    text_bytes: bytes
    metadata_site: Site
    text_file: str


@dataclass
class Dataset:
    """The records of one records folder, as typed models.

    ``documents`` maps document id to :class:`~astana_facts.models.Document`; ``claims`` is every
    claim in file order; ``entities`` maps entity id to :class:`~astana_facts.models.Entity`.
    """

    root: Path
    documents: dict[str, Document] = field(default_factory=dict)
    claims: list[Claim] = field(default_factory=list)
    entities: dict[str, Entity] = field(default_factory=dict)
    adjudications: list[Adjudication] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    # Provenance, for findings: parallel to the lists above, or keyed by id.
    claim_sites: list[Site] = field(default_factory=list, repr=False)
    entity_list: list[Entity] = field(default_factory=list, repr=False)
    entity_sites: list[Site] = field(default_factory=list, repr=False)
    adjudication_sites: list[Site] = field(default_factory=list, repr=False)
    sources: dict[str, SourceFiles] = field(default_factory=dict, repr=False)
    claims_files: dict[str, str] = field(default_factory=dict, repr=False)
    raw_files: dict[str, bytes] = field(default_factory=dict, repr=False)
    # Files that exist but could not be loaded: references into them are not reported again.
    entities_failed: bool = field(default=False, repr=False)
    failed_documents: set[str] = field(default_factory=set, repr=False)
    _claims_by_id: dict[str, Claim] | None = field(default=None, repr=False)

    def claim(self, claim_id: str) -> Claim:
        """The claim with id ``claim_id`` (KeyError when there is none)."""
        if self._claims_by_id is None:
            self._claims_by_id = {claim.id: claim for claim in self.claims}
        return self._claims_by_id[claim_id]

    def claims_of(self, document_id: str) -> list[Claim]:
        """The claims grounded in one document, in file order."""
        return [claim for claim in self.claims if claim.document == document_id]

    def text(self, document_id: str) -> str:
        """The verbatim text of a document."""
        return self.documents[document_id].text

    def summary(self) -> Mapping[str, Any]:
        """Counts of documents, claims and entities."""
        return {
            "documents": len(self.documents),
            "claims": len(self.claims),
            "entities": len(self.entities),
        }
