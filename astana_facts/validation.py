"""The validation pipeline: read → validate against the models → integrity → located findings.

Files are taken in the order the data depends on: sources, entities, claims (one file at a time,
so memory holds one claims file, not all), adjudications. Each file's findings get their line
and column as soon as the file is done, from its bytes, which are then let go.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from pathlib import Path

import orjson

from astana_facts import integrity
from astana_facts.dataset import Records, Site
from astana_facts.findings import Finding
from astana_facts.gc_pause import no_cyclic_gc
from astana_facts.jsonio.errors import ReadError
from astana_facts.jsonio.positions import build_source_map, canonical_item_lines
from astana_facts.jsonio.reader import read_bytes
from astana_facts.jsonio.writer import dumps_canonical_layout
from astana_facts.loader import LoadedFile, RecordsReader, load_rules
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
        located.append(dataclasses.replace(finding, line=found[index], column=5))
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

    sources, failed_documents, source_files = reader.sources()
    records.sources = sources
    source_findings = {
        loaded.file: [
            finding
            for document_id, source in sources.items()
            if source.site.file == loaded.file
            for finding in integrity.check_source(document_id, source)
        ]
        for loaded in source_files
    }
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

    claim_ids = integrity.ClaimIds()
    covering: dict[str, list[tuple[int, int]]] = {}
    for claims_file in reader.claims_files():
        extra: list[Finding] = []
        document = claims_file.document
        if document is not None:
            if claims_file.stem != document:
                extra.append(
                    Finding(
                        code="SRC005",
                        severity="error",
                        message=f"field document: the file names document {document!r} but is "
                        f"called {claims_file.stem}.json",
                        file=claims_file.loaded.file,
                        pointer="/document",
                    )
                )
            if document not in sources and document not in failed_documents:
                extra.append(integrity.check_unknown_document(claims_file.loaded.file, document))
        text = sources[document].text if document in sources else None
        for record in claims_file.claims:
            extra.extend(
                integrity.check_claim(record, text=text, entity_ids=entity_ids, claim_ids=claim_ids)
            )
        for entry, site in claims_file.not_check_worthy:
            extra.extend(integrity.check_no_claim_spans(entry, site, document or "", text))
        if coverage and document is not None:
            spans = covering.setdefault(document, [])
            for holder in [record.claim for record in claims_file.claims] + [
                entry for entry, _ in claims_file.not_check_worthy
            ]:
                spans.extend((span["start"], span["end"]) for span in holder["evidence"])
        if keep:
            records.claims.extend(claims_file.claims)
            records.not_check_worthy.extend(
                (entry, site, document or "") for entry, site in claims_file.not_check_worthy
            )
        findings += _finish(claims_file.loaded, extra)

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
