"""What checking a records folder produces (validated records with their sites), and the
:class:`Dataset` of typed models that the Python API serves."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from astana_facts.models import Adjudication, Claim, Document, Entity, Rule

Record = dict[str, Any]
"""A record validated against its model, as plain data (dates as ``datetime.date``)."""


@dataclass(frozen=True, slots=True)
class Site:
    """Where a record stands: its file (as displayed) and its JSON Pointer inside the file."""

    file: str
    pointer: str
    line: int | None = None
    """The line the record opens on, when it was known for free (a claim kept from a file in the
    canonical layout); else None, and findings about it are located from the file."""


@dataclass(slots=True)
class SourceRecord:
    """A source document as loaded: validated metadata, the text, and the text's checksum."""

    metadata: Record
    text: str
    text_sha256: str
    site: Site
    text_file: str


@dataclass(slots=True)
class ClaimRecord:
    """A validated claim, the document it belongs to, and where it stands."""

    claim: Record
    document: str
    site: Site


def claim_records(
    claims: list[Record],
    indexes: Sequence[int],
    lines: list[int] | None,
    file: str,
    document: str,
) -> list[ClaimRecord]:
    """The validated ``claims`` of one file with their document and sites (each claim's index in
    the file, and the line it opens on when ``lines`` of every claim are known)."""
    return [
        ClaimRecord(
            claim,
            document,
            Site(file, f"/claims/{index}", lines[index] if lines is not None else None),
        )
        for claim, index in zip(claims, indexes, strict=True)
    ]


@dataclass
class Records:
    """Everything a check read from a records folder (claims only when asked to keep them)."""

    root: Path
    sources: dict[str, SourceRecord] = field(default_factory=dict)
    entities: list[tuple[Record, Site]] = field(default_factory=list)
    claims: list[ClaimRecord] = field(default_factory=list)
    not_check_worthy: list[tuple[Record, Site, str]] = field(default_factory=list)
    """Entries of ``not_check_worthy`` with their sites and documents (kept with the claims)."""
    adjudications: list[tuple[Record, Site]] = field(default_factory=list)
    rules: list[Record] = field(default_factory=list)


@dataclass
class Dataset:
    """The records of one folder as typed models: the Python API.

    ``documents`` maps document id to :class:`~astana_facts.models.Document` (``text`` and
    ``metadata``); ``claims`` lists every claim in file order (pydantic models with ``id``,
    ``kind``, ``value``, ``evidence``, ...; each span knows its ``document``); ``entities`` maps
    entity id to :class:`~astana_facts.models.Entity`.
    """

    root: Path
    documents: dict[str, Document] = field(default_factory=dict)
    claims: list[Claim] = field(default_factory=list)
    entities: dict[str, Entity] = field(default_factory=dict)
    adjudications: list[Adjudication] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)

    def claim(self, claim_id: str) -> Claim:
        """The claim with id ``claim_id`` (KeyError when there is none)."""
        for claim in self.claims:
            if claim.id == claim_id:
                return claim
        raise KeyError(claim_id)

    def claims_of(self, document_id: str) -> list[Claim]:
        """The claims grounded in one document, in file order."""
        return [claim for claim in self.claims if claim.document == document_id]

    def text(self, document_id: str) -> str:
        """The verbatim text of a document."""
        return self.documents[document_id].text
