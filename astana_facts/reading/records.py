"""What reading a records folder produces: validated records as plain data, with their sites."""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

PlainRecord = dict[str, Any]
"""A record validated against its model, as plain data (dates as ``datetime.date``)."""

Deprecated = tuple[str, int, tuple[str, ...]]
"""A deprecated claim as the checks across files need it: its file, its index in the file and
the ids of the claims that replace it."""


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
    """A source document as read: its validated metadata and its text."""

    metadata: PlainRecord
    text: str
    site: Site
    text_file: str


@dataclass(slots=True)
class ClaimRecord:
    """A validated claim, the document it belongs to, and where it stands.

    The place is kept as its parts (file, index, and the file's line table) and :attr:`site` is
    made on demand: a report keeps every claim in memory, and a site object, a pointer string
    and a line number for each would cost a tenth of a claim's memory."""

    claim: PlainRecord
    document: str
    file: str
    index: int
    """The claim's index in the file's ``claims``."""
    lines: Sequence[int] | None = None
    """The line each claim of the file opens on (shared by the file's claims), when reading
    knew them for free (canonical layout)."""

    @property
    def line(self) -> int | None:
        """The line the claim opens on, when known."""
        return self.lines[self.index] if self.lines is not None else None

    @property
    def site(self) -> Site:
        """Where the claim stands: its file, JSON Pointer and line."""
        return Site(self.file, f"/claims/{self.index}", self.line)


def claim_records(
    claims: list[PlainRecord],
    indexes: Sequence[int],
    lines: list[int] | None,
    file: str,
    document: str,
) -> list[ClaimRecord]:
    """The validated ``claims`` of one file with their document and places (each claim's index
    in the file, and the lines of the file's claims when they are known)."""
    table = array("I", lines) if lines is not None else None
    return [
        ClaimRecord(claim, document, file, index, table)
        for claim, index in zip(claims, indexes, strict=True)
    ]


def standing(claims: Sequence[ClaimRecord]) -> list[ClaimRecord]:
    """The claims that are not deprecated, in their order: what the consistency rules compare
    and the verdicts judge (a deprecated claim stays a record; its replacements stand for it)."""
    return [record for record in claims if not record.claim.get("deprecated")]


@dataclass
class Records:
    """Everything a check read from a records folder (claims only when asked to keep them)."""

    root: Path
    sources: dict[str, SourceRecord] = field(default_factory=dict)
    entities: list[tuple[PlainRecord, Site]] = field(default_factory=list)
    measures: list[tuple[PlainRecord, Site]] = field(default_factory=list)
    """The registered measures (``measures.json``) with their sites."""
    claims: list[ClaimRecord] = field(default_factory=list)
    not_check_worthy: list[tuple[PlainRecord, Site, str]] = field(default_factory=list)
    """Entries of ``not_check_worthy`` with their sites and documents (kept with the claims)."""
    adjudications: list[tuple[PlainRecord, Site]] = field(default_factory=list)
    facts: list[tuple[PlainRecord, Site]] = field(default_factory=list)
    """The valid facts of ``facts.json`` with their sites, in file order (always kept)."""
    editor_verdicts: list[tuple[PlainRecord, Site]] = field(default_factory=list)
    """The editors' verdicts of ``verdicts.json`` with their sites, in file order."""
    rules: list[PlainRecord] = field(default_factory=list)
    claim_count: int = 0
    """How many valid claims were read, kept or not."""
    deprecated: dict[str, Deprecated] = field(default_factory=dict)
    """Claim id -> where each deprecated claim stands and the ids replacing it (kept or not)."""
    removals: list[tuple[PlainRecord, Site]] = field(default_factory=list)
    """The entries of ``removals.json`` (ids removed or renamed) with their sites."""

    def count_claims(self, ids: Sequence[str], deprecated: dict[str, Deprecated]) -> None:
        """Count the valid claims of one checked file (``ids``) and note its deprecated ones."""
        self.claim_count += len(ids)
        self.deprecated.update(deprecated)
