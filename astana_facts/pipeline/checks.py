"""The validation pipeline: read → validate against the models → integrity → located findings.

Files are taken in the order the data depends on: sources, entities, claims (one file at a time,
so memory holds one claims file, not all), adjudications. Each file's findings get their line
and column as soon as the file is done, from its bytes, which are then let go.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import orjson

from astana_facts import integrity
from astana_facts.findings.finding import Finding
from astana_facts.jsonio.errors import ReadError
from astana_facts.jsonio.positions import (
    CANONICAL_ITEM_COLUMN,
    build_source_map,
    canonical_item_lines,
)
from astana_facts.jsonio.reader import read_bytes
from astana_facts.jsonio.writer import dumps_canonical_layout
from astana_facts.pipeline.gc import no_cyclic_gc
from astana_facts.pipeline.parallel import job_count, ordered_map
from astana_facts.reading.folder import LoadedFile, RecordsReader, load_rules
from astana_facts.reading.records import PlainRecord, Records, Site, claim_records
from astana_facts.reading.validators import file_validator
from astana_facts.resources import bundled, validators_for


def resolve_root(path: str | Path | None) -> Path:
    """The records folder to use: ``path``, or the bundled records when None."""
    return Path(path) if path is not None else bundled("records")


def locate(findings: Iterable[Finding], file: str, raw: bytes | None) -> list[Finding]:
    """``findings`` with line and column filled in from their JSON Pointers into ``raw``: by a
    scan when they all point at items of a canonical file's arrays (cheap), else from a full
    source map."""
    located = list(findings)
    pending = [
        i
        for i, f in enumerate(located)
        if f.line is None and f.pointer is not None and f.file == file
    ]
    if not pending or raw is None:
        return located
    scanned = _canonical_lines([located[i] for i in pending], raw)
    if scanned is not None:
        for index, finding in zip(pending, scanned, strict=True):
            located[index] = finding
        return located
    source_map = build_source_map(raw)
    for index in pending:
        finding = located[index]
        position = source_map.locate_key(finding.pointer or "")
        if position is not None:
            located[index] = dataclasses.replace(finding, line=position[0], column=position[1])
    return located


_ITEM = re.compile(r"^/([a-z_]+)/([0-9]+)$")


def _canonical_lines(findings: list[Finding], raw: bytes) -> list[Finding] | None:
    """``findings`` located by scanning ``raw``, when it is in the canonical layout (two-space
    indent, one value per line; key order does not matter) and every pointer names an item of a
    top-level array (a claim, an adjudication); None otherwise."""
    items = [_ITEM.match(finding.pointer or "") for finding in findings]
    if not all(items):
        return None
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError:
        return None
    if not isinstance(data, dict) or dumps_canonical_layout(data) != raw:
        return None
    lines: dict[str, list[int] | None] = {}
    located = []
    for finding, item in zip(findings, items, strict=True):
        assert item is not None
        key, index = item[1], int(item[2])
        if key not in lines:
            values = data.get(key)
            lines[key] = (
                canonical_item_lines(raw, key, len(values)) if isinstance(values, list) else None
            )
        found = lines[key]
        if found is None or index >= len(found):
            return None
        located.append(
            dataclasses.replace(finding, line=found[index], column=CANONICAL_ITEM_COLUMN)
        )
    return located


def _finish(loaded: LoadedFile, extra: Iterable[Finding] = ()) -> list[Finding]:
    return locate([*loaded.findings, *extra], loaded.file, loaded.raw)


def check_records(
    path: str | Path | None = None,
    *,
    validators: Path | None = None,
    keep: bool = False,
    coverage: bool = False,
) -> tuple[Records, list[Finding]]:
    """Read and check a records folder; return what was read and the sorted findings.

    With ``keep``, every validated claim is kept in the result (the Python API needs them);
    without, only what the cross-file checks need is held in memory. With ``coverage``, every
    sentence of every document must carry a span (COV001).
    """
    with no_cyclic_gc():
        return _check_records(path, validators=validators, keep=keep, coverage=coverage)


def _check_records(
    path: str | Path | None, *, validators: Path | None, keep: bool, coverage: bool
) -> tuple[Records, list[Finding]]:
    root = resolve_root(path)
    reader = RecordsReader(root)
    records = Records(root=root)
    findings = reader.layout_findings()

    # Sources are read here: a worker would send each whole text back, which costs more than
    # reading it.
    sources, failed_documents, source_files = reader.sources()
    records.sources = sources
    source_findings: dict[str, list[Finding]] = {}
    for document_id, source in sources.items():
        source_findings.setdefault(source.site.file, []).extend(
            integrity.check_source(document_id, source)
        )
    for loaded in source_files:
        findings += _finish(loaded, source_findings.get(loaded.file, []))

    entity_ids: set[str] | None = set()
    entities_file = reader.entities()
    if entities_file is not None:
        if entities_file.record is None:
            entity_ids = None
        else:
            records.entities = [
                (entity, Site(entities_file.file, f"/entities/{index}"))
                for index, entity in enumerate(entities_file.record["entities"])
            ]
            entity_ids = {entity["id"] for entity, _ in records.entities}
        findings += _finish(
            entities_file,
            [
                *integrity.check_entity_ids(records.entities),
                *integrity.check_aliases(records.entities),
                *integrity.check_entity_references(records.entities),
            ],
        )

    paths = reader.claims_paths()
    # Kept claims would have to travel back from the workers: measured, that gains nothing
    # clear over checking them here, so only a check that keeps nothing uses workers.
    jobs = 1 if keep else job_count(sum(path.stat().st_size for path in paths))
    file_validator("ClaimsFile")  # built once here, inherited by worker processes
    claim_ids = integrity.ClaimIds()
    covering: dict[str, list[tuple[int, int]]] = {}
    check_file = _ClaimsFileCheck(
        reader,
        texts={document_id: source.text for document_id, source in sources.items()},
        known_documents=set(sources) | failed_documents,
        entity_ids=frozenset(entity_ids) if entity_ids is not None else None,
        keep=keep,
        coverage=coverage,
    )
    for result in ordered_map(check_file, paths, jobs):
        findings += result.findings
        findings += claim_ids.check_file(result.file, result.ids, result.indexes)
        if result.document is not None:
            covering.setdefault(result.document, []).extend(result.covering)
        if keep:
            records.claims += claim_records(
                result.claims, result.indexes, result.lines, result.file, result.document or ""
            )
        records.not_check_worthy.extend(result.not_check_worthy)

    if coverage:
        for document_id, source in sources.items():
            findings += integrity.check_coverage(
                document_id, source.text, source.text_file, covering.get(document_id, [])
            )

    adjudications_file = reader.adjudications()
    if adjudications_file is not None:
        if adjudications_file.record is not None:
            records.adjudications = [
                (adjudication, Site(adjudications_file.file, f"/adjudications/{index}"))
                for index, adjudication in enumerate(adjudications_file.record["adjudications"])
            ]
        findings += _finish(
            adjudications_file,
            integrity.check_adjudication_references(records.adjudications, claim_ids.sites),
        )

    rules, rule_files = load_rules(validators or validators_for(root))
    records.rules = rules
    for loaded in rule_files:
        findings += _finish(loaded)
    return records, sorted(locate_late(findings, root), key=Finding.sort_key)


@dataclass(slots=True)
class ClaimsFileResult:
    """What checking one claims file gives the pipeline (all of it picklable, for workers)."""

    file: str
    document: str | None
    findings: list[Finding]
    """Located findings of the file's own checks."""
    ids: list[str]
    """The id of every valid claim, for the check across files..."""
    indexes: Sequence[int]
    """...and the index of each in the file."""
    covering: list[tuple[int, int]]
    """(start, end) of every span, when coverage is checked."""
    claims: list[PlainRecord]
    """The validated claims, when kept (plain data: cheap to send back from a worker)..."""
    lines: list[int] | None
    """...and the line each opens on, when known."""
    not_check_worthy: list[tuple[PlainRecord, Site, str]]
    """The ``not_check_worthy`` entries, when kept."""


@dataclass(frozen=True)
class _ClaimsFileCheck:
    """Everything about one claims file that can be checked without the other claims files."""

    reader: RecordsReader
    texts: dict[str, str]
    known_documents: set[str]
    entity_ids: frozenset[str] | None
    keep: bool
    coverage: bool

    def __call__(self, path: Path) -> ClaimsFileResult:
        claims_file = self.reader.claims_file(path)
        loaded, document = claims_file.loaded, claims_file.document
        extra: list[Finding] = []
        if document is not None:
            if claims_file.stem != document:
                extra.append(
                    Finding(
                        code="SRC005",
                        severity="error",
                        message=f"field document: the file names document {document!r} but is "
                        f"called {claims_file.stem}.json",
                        file=loaded.file,
                        pointer="/document",
                    )
                )
            if document not in self.known_documents:
                extra.append(integrity.check_unknown_document(loaded.file, document))
        text = self.texts.get(document) if document is not None else None
        extra += integrity.check_claims(
            claims_file.claims,
            claim_record=claims_file.claim_record,
            text=text,
            entity_ids=self.entity_ids,
        )
        for entry, site in claims_file.not_check_worthy:
            extra.extend(integrity.check_no_claim_spans(entry, site, document or "", text))
        covering: list[tuple[int, int]] = []
        if self.coverage and document is not None:
            for holder in claims_file.claims + [entry for entry, _ in claims_file.not_check_worthy]:
                covering.extend((span["start"], span["end"]) for span in holder["evidence"])
        return ClaimsFileResult(
            file=loaded.file,
            document=document,
            findings=_finish(loaded, extra),
            ids=[claim["id"] for claim in claims_file.claims],
            indexes=claims_file.indexes,
            covering=covering,
            claims=claims_file.claims if self.keep else [],
            lines=claims_file.claim_lines() if self.keep else None,
            not_check_worthy=[
                (entry, site, document or "") for entry, site in claims_file.not_check_worthy
            ]
            if self.keep
            else [],
        )


def locate_late(findings: list[Finding], root: Path) -> list[Finding]:
    """Line and column of findings about a file that was done with when they arose (the first
    of two claims with one id, a consistency finding), read again from the file."""
    late: dict[str, list[int]] = {}
    for index, finding in enumerate(findings):
        if finding.line is None and finding.pointer and finding.file:
            late.setdefault(finding.file, []).append(index)
    if not late:
        return findings
    located = list(findings)
    for file, indexes in sorted(late.items()):
        raw = read_bytes(Path(file), root=root)
        if isinstance(raw, ReadError):
            continue
        done = locate([located[i] for i in indexes], file, raw)
        for index, finding in zip(indexes, done, strict=True):
            located[index] = finding
    return located
