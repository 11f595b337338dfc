"""Loading a records folder into a :class:`Dataset`, collecting findings instead of raising.

Layout of a records folder::

    sources/<id>.json    metadata (SourceMetadata)    sources/<id>.txt   the verbatim text
    claims/<id>.json     claims of one document (ClaimsFile)
    entities.json        canonical entities (EntitiesFile)
    adjudications.json   editors' verdicts (AdjudicationsFile, optional)

Each file is read strictly (:mod:`astana_facts.jsonio.reader`) and validated against its model;
a claim that fails its model is left out and reported, the rest of its file still loads.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, TypeAdapter, ValidationError

from astana_facts.codes import code
from astana_facts.dataset import Dataset, Site, SourceFiles
from astana_facts.findings import Finding
from astana_facts.jsonio.errors import ReadError
from astana_facts.jsonio.reader import read_bytes, read_json, resolve_inside
from astana_facts.locations import display_path, pointer_from_loc
from astana_facts.models import (
    AdjudicationsFile,
    Claim,
    ClaimsFile,
    Document,
    EntitiesFile,
    RulesFile,
    SourceMetadata,
)

ModelT = TypeVar("ModelT", bound=BaseModel)

_KNOWN_TOP_LEVEL = {"sources", "claims", "entities.json", "adjudications.json"}


@cache
def _claim_adapter() -> TypeAdapter[Claim]:
    """Validator of a single claim, built only when a claims file needs salvaging."""
    return TypeAdapter(Claim)


class RecordsFolderError(Exception):
    """The records folder itself cannot be used (missing, or not a folder)."""


def read_error_finding(error: ReadError) -> Finding:
    """A finding for a file that could not be read."""
    return Finding(
        code=error.code,
        severity=code(error.code).severity,
        message=error.message,
        file=display_path(error.path),
        pointer=error.pointer,
        line=error.line,
        column=error.column,
    )


def validation_findings(
    error: ValidationError, data: Any, file: str, *, base: str = "", claim: str | None = None
) -> Iterator[Finding]:
    """One SCH008 finding per model error, with the JSON Pointer of the offending field."""
    for detail in error.errors(include_url=False):
        json_pointer = pointer_from_loc(data, detail["loc"], base)
        field = json_pointer or "/"
        subject = f"claim {claim}, " if claim else ""
        yield Finding(
            code="SCH008",
            severity="error",
            message=f"{subject}field {field}: {detail['msg']}",
            file=file,
            pointer=json_pointer,
            claims=(claim,) if claim else (),
        )


class _Loader:
    """One pass over a records folder; see :func:`load_records`."""

    def __init__(self, root: Path, validators: Path | None) -> None:
        self.root = root
        self.validators = validators
        self.dataset = Dataset(root=root)
        self.findings: list[Finding] = []

    def read(self, path: Path, model: type[ModelT], *, root: Path | None = None) -> ModelT | None:
        result = read_json(path, root=root or self.root)
        if isinstance(result, ReadError):
            self.findings.append(read_error_finding(result))
            return None
        file = display_path(path)
        self.dataset.raw_files[file] = result.raw
        try:
            return model.model_validate(result.data)
        except ValidationError as error:
            if model is ClaimsFile:
                return self._salvage_claims(result.data, file, error)  # type: ignore[return-value]
            self.findings.extend(validation_findings(error, result.data, file))
            return None

    def _salvage_claims(self, data: Any, file: str, error: ValidationError) -> ClaimsFile | None:
        """Validate a failing claims file claim by claim, keeping the claims that pass."""
        if not isinstance(data, dict) or not isinstance(data.get("claims"), list):
            self.findings.extend(validation_findings(error, data, file))
            return None
        envelope = {**data, "claims": []}
        try:
            claims_file = ClaimsFile.model_validate(envelope)
        except ValidationError as envelope_error:
            self.findings.extend(validation_findings(envelope_error, data, file))
            return None
        kept: list[Claim] = []
        for index, raw_claim in enumerate(data["claims"]):
            try:
                kept.append(_claim_adapter().validate_python(raw_claim))
            except ValidationError as claim_error:
                claim_id = raw_claim.get("id") if isinstance(raw_claim, dict) else None
                self.findings.extend(
                    validation_findings(
                        claim_error,
                        raw_claim,
                        file,
                        base=f"/claims/{index}",
                        claim=claim_id if isinstance(claim_id, str) else None,
                    )
                )
        return claims_file.model_copy(update={"claims": kept})

    def load_sources(self) -> None:
        folder = self.root / "sources"
        if not folder.is_dir():
            return
        metadata_paths = sorted(folder.glob("*.json"))
        named_texts: set[str] = set()
        for path in metadata_paths:
            metadata = self.read(path, SourceMetadata)
            if metadata is None:
                self.dataset.failed_documents.add(path.stem)
                continue
            named_texts.add(metadata.text_file)
            self._load_text(path, metadata)
        for text_path in sorted(folder.glob("*.txt")):
            unexplained = text_path.stem not in self.dataset.failed_documents
            if text_path.name not in named_texts and unexplained:
                self.findings.append(
                    Finding(
                        code="SRC004",
                        severity="error",
                        message=f"text file {text_path.name} has no metadata record naming it",
                        file=display_path(text_path),
                    )
                )

    def _load_text(self, metadata_path: Path, metadata: SourceMetadata) -> None:
        file = display_path(metadata_path)
        text_path = metadata_path.parent / metadata.text_file
        if not text_path.exists():
            self.findings.append(
                Finding(
                    code="SRC003",
                    severity="error",
                    message=f"text file {metadata.text_file} does not exist",
                    file=file,
                    pointer="/text_file",
                )
            )
            return
        raw = read_bytes(text_path, root=self.root)
        if isinstance(raw, ReadError):
            self.findings.append(read_error_finding(raw))
            return
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            self.findings.append(
                Finding(
                    code="SCH002",
                    severity="error",
                    message=f"text is not UTF-8: byte 0x{raw[error.start]:02x} at offset "
                    f"{error.start}",
                    file=display_path(text_path),
                )
            )
            return
        if metadata.id in self.dataset.documents:
            self.findings.append(
                Finding(
                    code="SRC005",
                    severity="error",
                    message=f"document id {metadata.id!r} is used by two metadata files",
                    file=file,
                    pointer="/id",
                )
            )
            return
        self.dataset.documents[metadata.id] = Document(metadata=metadata, text=text)
        self.dataset.sources[metadata.id] = SourceFiles(
            text_sha256=hashlib.sha256(raw).hexdigest(),
            text_bytes=raw,
            metadata_site=Site(file, ""),
            text_file=display_path(text_path),
        )
        if metadata_path.stem != metadata.id:
            self.findings.append(
                Finding(
                    code="SRC005",
                    severity="error",
                    message=f"metadata id {metadata.id!r} differs from its file name "
                    f"{metadata_path.name}",
                    file=file,
                    pointer="/id",
                )
            )

    def load_claims(self) -> None:
        folder = self.root / "claims"
        if not folder.is_dir():
            return
        for path in sorted(folder.glob("*.json")):
            claims_file = self.read(path, ClaimsFile)
            if claims_file is None:
                continue
            file = display_path(path)
            self.dataset.claims_files[claims_file.document] = file
            if path.stem != claims_file.document:
                self.findings.append(
                    Finding(
                        code="SRC005",
                        severity="error",
                        message=f"claims file names document {claims_file.document!r} but is "
                        f"called {path.name}",
                        file=file,
                        pointer="/document",
                    )
                )
            self._add_claims(claims_file, file, path)

    def _add_claims(self, claims_file: ClaimsFile, file: str, path: Path) -> None:
        document = claims_file.document
        raw_claims = self._raw_claim_indexes(file)
        for position, claim in enumerate(claims_file.claims):
            index = raw_claims.get(claim.id, position) if raw_claims else position
            claim._document = document
            for span in claim.evidence:
                span._document = document
            self.dataset.claims.append(claim)
            self.dataset.claim_sites.append(Site(file, f"/claims/{index}"))

    def _raw_claim_indexes(self, file: str) -> dict[str, int]:
        """Index of each claim id in the raw file, needed only when some claims were dropped."""
        if not any(finding.file == file and finding.code == "SCH008" for finding in self.findings):
            return {}
        import orjson

        data = orjson.loads(self.dataset.raw_files[file])
        indexes: dict[str, int] = {}
        for index, raw_claim in enumerate(data.get("claims", [])):
            if isinstance(raw_claim, dict) and isinstance(raw_claim.get("id"), str):
                indexes.setdefault(raw_claim["id"], index)
        return indexes

    def load_entities(self) -> None:
        path = self.root / "entities.json"
        if not path.exists():
            return
        entities_file = self.read(path, EntitiesFile)
        if entities_file is None:
            self.dataset.entities_failed = True
            return
        file = display_path(path)
        for index, entity in enumerate(entities_file.entities):
            self.dataset.entity_list.append(entity)
            self.dataset.entity_sites.append(Site(file, f"/entities/{index}"))
            self.dataset.entities.setdefault(entity.id, entity)

    def load_adjudications(self) -> None:
        path = self.root / "adjudications.json"
        if not path.exists():
            return
        adjudications_file = self.read(path, AdjudicationsFile)
        if adjudications_file is None:
            return
        file = display_path(path)
        for index, adjudication in enumerate(adjudications_file.adjudications):
            self.dataset.adjudications.append(adjudication)
            self.dataset.adjudication_sites.append(Site(file, f"/adjudications/{index}"))

    def load_rules(self) -> None:
        if self.validators is None or not self.validators.is_dir():
            return
        for path in sorted(self.validators.glob("*.json")):
            rules_file = self.read(path, RulesFile, root=self.validators)
            if rules_file is not None:
                self.dataset.rules.extend(rules_file.rules)

    def check_layout(self) -> None:
        """Report files no record kind accounts for, and links that leave the folder."""
        for path in sorted(self.root.rglob("*")):
            relative = path.relative_to(self.root)
            if resolve_inside(self.root, path) is None:
                self.findings.append(
                    Finding(
                        code="SCH006",
                        severity="error",
                        message=f"{relative.as_posix()} links outside the records folder",
                        file=display_path(path),
                    )
                )
                continue
            if path.is_dir() or relative.name.startswith("."):
                continue
            parts = relative.parts
            expected = (
                (len(parts) == 1 and parts[0] in _KNOWN_TOP_LEVEL)
                or (len(parts) == 2 and parts[0] == "sources" and path.suffix in {".json", ".txt"})
                or (len(parts) == 2 and parts[0] == "claims" and path.suffix == ".json")
            )
            if not expected:
                self.findings.append(
                    Finding(
                        code="SCH009",
                        severity="warning",
                        message=f"{relative.as_posix()} is not a records file and is ignored",
                        file=display_path(path),
                    )
                )


def load_records(root: Path, *, validators: Path | None = None) -> tuple[Dataset, list[Finding]]:
    """Load every records file under ``root``; return the dataset and the loading findings.

    Raises :class:`RecordsFolderError` only when ``root`` is not a readable folder.
    """
    if not root.is_dir():
        raise RecordsFolderError(f"records folder not found: {root}")
    loader = _Loader(root, validators)
    loader.check_layout()
    loader.load_sources()
    loader.load_entities()
    loader.load_claims()
    loader.load_adjudications()
    loader.load_rules()
    return loader.dataset, loader.findings
