"""Reading a records folder file by file: strict JSON, validated against the models.

Layout of a records folder::

    sources/<id>.json    metadata (SourceMetadata)    sources/<id>.txt   the verbatim text
    claims/<id>.json     claims of one document (ClaimsFile)
    entities.json        canonical entities (EntitiesFile)
    measures.json        what counts may count (MeasuresFile)
    adjudications.json   editors' verdicts (AdjudicationsFile, optional)
    removals.json        claim ids removed or renamed (RemovalsFile, optional)

The reader only reads: what cannot be read or does not match its model becomes a finding (SCH
codes); whether the files agree with each other is for :mod:`astana_facts.integrity`. Problems
become findings, never exceptions. A claim that fails its model is left out and
reported; the rest of its file still loads. Claims files are yielded one at a time, so a check of
a large folder holds one file's records in memory, not all of them.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from pydantic_core import ValidationError

from astana_facts.findings.finding import Finding
from astana_facts.jsonio.errors import ReadError
from astana_facts.jsonio.positions import canonical_item_lines
from astana_facts.jsonio.reader import read_bytes, read_json
from astana_facts.reading.listing import files_or_none, list_files, unreadable_folder
from astana_facts.reading.locations import display_path
from astana_facts.reading.records import ClaimRecord, PlainRecord, Site, SourceRecord
from astana_facts.reading.validators import file_validator, validation_findings


class RecordsFolderError(Exception):
    """The records folder itself cannot be used (missing, or not a folder)."""


def read_error_finding(error: ReadError) -> Finding:
    """A finding for a file that could not be read."""
    return Finding.of(
        code=error.code,
        message=error.message,
        file=display_path(error.path),
        pointer=error.pointer,
        line=error.line,
        column=error.column,
    )


@dataclass
class LoadedFile:
    """One records file after reading and validation."""

    file: str
    raw: bytes | None = None
    record: PlainRecord | None = None
    findings: list[Finding] = field(default_factory=list)
    canonical: bool = False
    """Whether the file is in the canonical layout."""
    claim_indexes: list[int] | None = None
    """Of a claims file some of whose claims failed: the index in the file of each kept claim
    (None when every claim was kept, so positions are indexes)."""


@dataclass
class ClaimsFileRecords:
    """The claims of one claims file, with the findings of reading it."""

    loaded: LoadedFile
    document: str | None
    stem: str
    claims: list[PlainRecord] = field(default_factory=list)
    """The valid claims, as validated."""
    indexes: list[int] | range = field(default_factory=list)
    """The index in the file of each valid claim."""
    not_check_worthy: list[tuple[PlainRecord, Site]] = field(default_factory=list)
    """Entries for sentences with no check-worthy claim, with their sites."""

    def claim_record(self, position: int) -> ClaimRecord:
        """The valid claim at ``position`` with its document and site."""
        return ClaimRecord(
            self.claims[position], self.document or "", self.loaded.file, self.indexes[position]
        )

    def claim_lines(self) -> list[int] | None:
        """The line each claim opens on, when the file is in the canonical layout and every
        claim is valid (found by a scan of the bytes, no parse); else None."""
        loaded = self.loaded
        if not loaded.canonical or loaded.raw is None or loaded.claim_indexes is not None:
            return None  # (a file with invalid claims: its findings are located from the file)
        return canonical_item_lines(loaded.raw, "claims", len(self.claims))


def load_file(path: Path, model: str, *, root: Path) -> LoadedFile:
    """Read ``path`` strictly and validate it against the model called ``model`` (one of
    :data:`astana_facts.reading.compiled.FILE_MODELS`)."""
    loaded = LoadedFile(display_path(path))
    parsed = read_json(path, root=root)
    if isinstance(parsed, ReadError):
        loaded.findings.append(read_error_finding(parsed))
        return loaded
    loaded.raw = parsed.raw
    loaded.canonical = parsed.canonical
    try:
        loaded.record = file_validator(model).validate_python(parsed.data)
    except ValidationError as error:
        if model == "ClaimsFile":
            _salvage_claims(loaded, parsed.data, error)
        else:
            loaded.findings.extend(validation_findings(error, parsed.data, loaded.file))
    return loaded


def _salvage_claims(loaded: LoadedFile, data: Any, error: ValidationError) -> None:
    """Validate a failing claims file claim by claim, keeping the claims that pass.

    The index in the file of each kept claim goes to ``loaded.claim_indexes``.
    """
    if not isinstance(data, dict) or not isinstance(data.get("claims"), list):
        loaded.findings.extend(validation_findings(error, data, loaded.file))
        return
    try:
        envelope = file_validator("ClaimsFile").validate_python({**data, "claims": []})
    except ValidationError as envelope_error:
        loaded.findings.extend(validation_findings(envelope_error, data, loaded.file))
        return
    claims_validator = file_validator("ClaimsFile")
    kept: list[PlainRecord] = []
    indexes: list[int] = []
    for index, raw_claim in enumerate(data["claims"]):
        one_claim = {**data, "claims": [raw_claim]}
        try:
            single = claims_validator.validate_python(one_claim)
        except ValidationError as claim_error:
            claim_id = raw_claim.get("id") if isinstance(raw_claim, dict) else None
            findings = validation_findings(
                claim_error,
                one_claim,
                loaded.file,
                claim=claim_id if isinstance(claim_id, str) else None,
            )
            loaded.findings.extend(_reindex(finding, index) for finding in findings)
            continue
        kept.extend(single["claims"])
        indexes.append(index)
    envelope["claims"] = kept
    loaded.record = envelope
    loaded.claim_indexes = indexes


def _reindex(finding: Finding, index: int) -> Finding:
    """A finding computed on a one-claim file, pointed at the claim's real index."""
    pointer = finding.pointer or ""
    if pointer.startswith("/claims/0"):
        pointer = f"/claims/{index}" + pointer[len("/claims/0") :]
        message = finding.message.replace("field claims/0", f"field claims/{index}", 1)
        return replace(finding, pointer=pointer, message=message)
    return finding


@dataclass
class SourceFile:
    """A source document's metadata file as read, with its text when both could be read."""

    loaded: LoadedFile
    stem: str
    """The metadata file's name without ``.json``."""
    text_path: Path | None = None
    """The text file the metadata names (None when the metadata is invalid)."""
    text_exists: bool = False
    source: SourceRecord | None = None
    """The metadata and the text, when both were read."""


class RecordsReader:
    """Reads the files of one records folder; see the module docstring."""

    def __init__(self, root: Path) -> None:
        if not root.is_dir():
            raise RecordsFolderError(f"records folder not found: {root}")
        self.root = root

    def source_paths(self) -> list[Path]:
        """The metadata files of the source documents, in name order."""
        return files_or_none(self.root / "sources", ".json")

    def source(self, path: Path) -> SourceFile:
        """One source document: its metadata file and, when that is valid, its text."""
        loaded = load_file(path, "SourceMetadata", root=self.root)
        if loaded.record is None:
            return SourceFile(loaded, path.stem)
        text_path = path.parent / loaded.record["text_file"]
        found = SourceFile(loaded, path.stem, text_path=text_path)
        if not os.path.lexists(text_path):  # (a dangling link or a loop is read, and reported)
            return found
        found.text_exists = True
        text, problem = self._read_text(text_path)
        if problem is not None:
            loaded.findings.append(problem)
            return found
        assert text is not None
        found.source = SourceRecord(
            metadata=loaded.record,
            text=text,
            site=Site(loaded.file, ""),
            text_file=display_path(text_path),
        )
        return found

    def sources(self) -> list[SourceFile]:
        """Every source document's metadata file, in name order, each with its text when the
        metadata is valid and names a text that can be read."""
        return [self.source(path) for path in self.source_paths()]

    def text_paths(self) -> list[Path]:
        """The text files of the folder, in name order."""
        return files_or_none(self.root / "sources", ".txt")

    def _read_text(self, text_path: Path) -> tuple[str | None, Finding | None]:
        """The text of a source document, or the finding that says why it cannot be read."""
        raw = read_bytes(text_path, root=self.root)
        if isinstance(raw, ReadError):
            return None, read_error_finding(raw)
        try:
            return raw.decode("utf-8"), None
        except UnicodeDecodeError as error:
            return None, Finding.of(
                code="SCH002",
                message=f"text is not UTF-8: byte 0x{raw[error.start]:02x} at offset {error.start}",
                file=display_path(text_path),
            )

    def entities(self) -> LoadedFile | None:
        """The entities file, or None when there is none."""
        path = self.root / "entities.json"
        return load_file(path, "EntitiesFile", root=self.root) if os.path.lexists(path) else None

    def measures(self) -> LoadedFile | None:
        """The measures file, or None when there is none."""
        path = self.root / "measures.json"
        return load_file(path, "MeasuresFile", root=self.root) if os.path.lexists(path) else None

    def adjudications(self) -> LoadedFile | None:
        """The adjudications file, or None when there is none."""
        path = self.root / "adjudications.json"
        if not os.path.lexists(path):
            return None
        return load_file(path, "AdjudicationsFile", root=self.root)

    def verdicts(self) -> LoadedFile | None:
        """The editors' verdicts file, or None when there is none."""
        path = self.root / "verdicts.json"
        return load_file(path, "VerdictsFile", root=self.root) if os.path.lexists(path) else None

    def removals(self) -> LoadedFile | None:
        """The removal log (ids removed or renamed), or None when there is none."""
        path = self.root / "removals.json"
        return load_file(path, "RemovalsFile", root=self.root) if os.path.lexists(path) else None

    def claims_paths(self) -> list[Path]:
        """The claims files of the folder, in name order."""
        return files_or_none(self.root / "claims", ".json")

    def claims_file(self, path: Path) -> ClaimsFileRecords:
        """One claims file with its validated claims."""
        loaded = load_file(path, "ClaimsFile", root=self.root)
        record = loaded.record
        document = record["document"] if record is not None else None
        result = ClaimsFileRecords(loaded, document, path.stem)
        if record is None:
            return result
        result.claims = record["claims"]
        result.indexes = loaded.claim_indexes or range(len(result.claims))
        for index, entry in enumerate(record["not_check_worthy"]):
            result.not_check_worthy.append((entry, Site(loaded.file, f"/not_check_worthy/{index}")))
        return result


def load_rules(folder: Path | None) -> tuple[list[PlainRecord], list[LoadedFile]]:
    """The declared consistency rules of a validators folder."""
    rules: list[PlainRecord] = []
    loaded_files: list[LoadedFile] = []
    if folder is None:
        return rules, loaded_files
    paths = list_files(folder, ".json")
    if isinstance(paths, OSError):
        unreadable = LoadedFile(display_path(folder), findings=[unreadable_folder(folder, paths)])
        return rules, [unreadable]
    for path in paths:
        loaded = load_file(path, "RulesFile", root=folder)
        loaded_files.append(loaded)
        if loaded.record is not None:
            rules.extend(loaded.record["rules"])
    return rules, loaded_files


__all__ = ["LoadedFile", "RecordsFolderError", "RecordsReader", "SourceFile", "load_file"]
