"""The work on one file that needs no other file of its kind: what the worker processes do.

A task is a source document (checksum and normalisation of its text) or a claims file (read,
validated against the models, then its spans, references and intervals checked against the texts
and entity ids read before). Tasks are independent, so :func:`astana_facts.pipeline.parallel.
ordered_map` can spread them over processes; everything they return is plain, picklable data.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from astana_facts import integrity
from astana_facts.findings.finding import Finding
from astana_facts.reading.folder import RecordsReader
from astana_facts.reading.records import Deprecated, PlainRecord, Site, SourceRecord


@dataclass(slots=True)
class FileResult:
    """What checking one file gives the pipeline."""

    file: str
    findings: list[Finding]
    """Findings of the file's own checks, not yet located."""
    document: str | None = None
    """The document a claims file names."""
    ids: Sequence[str] = ()
    """The id of every valid claim, for the check across files..."""
    indexes: Sequence[int] = ()
    """...and the index of each in the file."""
    deprecated: dict[str, Deprecated] = field(default_factory=dict)
    """The deprecated claims, by id (each with its file, index and replacements)."""
    covering: Sequence[tuple[int, int]] = ()
    """(start, end) of every span, when coverage is checked."""
    claims: Sequence[PlainRecord] = ()
    """The validated claims, when kept..."""
    lines: list[int] | None = None
    """...and the line each opens on, when known for free (canonical layout)."""
    not_check_worthy: Sequence[tuple[PlainRecord, Site, str]] = ()
    """The ``not_check_worthy`` entries, when kept."""


@dataclass(frozen=True)
class FileChecks:
    """Everything needed to check one source document or claims file on its own."""

    reader: RecordsReader
    sources: dict[str, SourceRecord]
    known_documents: frozenset[str]
    entity_ids: frozenset[str] | None
    measures: dict[str, str] | None
    """Every registered measure name (ids and aliases) -> its id; None when measures.json
    failed to load."""
    keep: bool
    coverage: bool
    anchors: bool = True
    """Whether kept claims keep their spans' ``prefix`` and ``suffix`` (see ``run``)."""

    def __call__(self, task: str | Path) -> FileResult:
        """Check a source document (``task`` is its id) or a claims file (its path)."""
        if isinstance(task, str):
            source = self.sources[task]
            return FileResult(source.site.file, list(integrity.check_source(task, source)))
        return self.claims_file(task)

    def claims_file(self, path: Path) -> FileResult:
        """Read one claims file and check it against the texts and the entity ids."""
        claims_file = self.reader.claims_file(path)
        loaded, document = claims_file.loaded, claims_file.document
        findings = list(loaded.findings)
        if document is not None:
            findings += integrity.check_claims_file_document(
                loaded.file, claims_file.stem, document, self.known_documents
            )
        source = self.sources.get(document) if document is not None else None
        text = source.text if source is not None else None
        findings += integrity.check_claims(
            claims_file.claims,
            claim_record=claims_file.claim_record,
            text=text,
            entity_ids=self.entity_ids,
        )
        findings += integrity.check_measures(
            claims_file.claims, claims_file.claim_record, self.measures
        )
        for entry, site in claims_file.not_check_worthy:
            findings.extend(integrity.check_no_claim_spans(entry, site, document or "", text))
        result = FileResult(
            file=loaded.file,
            findings=findings,
            document=document,
            ids=[claim["id"] for claim in claims_file.claims],
            indexes=claims_file.indexes,
            deprecated=_deprecated(claims_file.claims, claims_file.indexes, loaded.file),
        )
        if self.coverage and document is not None:
            # A deprecated claim covers nothing: its replacements (or a not_check_worthy entry)
            # must account for its sentence.
            standing = (claim for claim in claims_file.claims if not claim.get("deprecated"))
            holders = [*standing, *(entry for entry, _ in claims_file.not_check_worthy)]
            result.covering = [
                (span["start"], span["end"]) for holder in holders for span in holder["evidence"]
            ]
        if self.keep:
            if not self.anchors:
                drop_anchors(claims_file.claims)
            result.claims = claims_file.claims
            result.lines = claims_file.claim_lines()
            result.not_check_worthy = [
                (entry, site, document or "") for entry, site in claims_file.not_check_worthy
            ]
        return result


def _deprecated(
    claims: Sequence[PlainRecord], indexes: Sequence[int], file: str
) -> dict[str, Deprecated]:
    """The deprecated claims of one file: id -> (file, index, the ids replacing it)."""
    return {
        claim["id"]: (file, index, tuple(claim["deprecated"]["replaced_by"]))
        for claim, index in zip(claims, indexes, strict=True)
        if claim.get("deprecated")
    }


def drop_anchors(claims: Sequence[PlainRecord]) -> None:
    """Take the ``prefix`` and ``suffix`` out of every span of ``claims`` (in place): checked
    already, they serve only to re-anchor a span, and they are a sixth of a kept claim."""
    for claim in claims:
        for span in claim["evidence"]:
            span.pop("prefix", None)
            span.pop("suffix", None)
