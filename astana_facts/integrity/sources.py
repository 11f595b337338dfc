"""Source documents: metadata and text files that name each other, checksums, normalisation (NFC,
LF), and explained inferences."""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Iterator
from pathlib import Path

from astana_facts.findings.finding import Finding
from astana_facts.reading.folder import SourceFile
from astana_facts.reading.locations import display_path
from astana_facts.reading.records import SourceRecord


def check_source_files(files: list[SourceFile], text_paths: list[Path]) -> Iterator[Finding]:
    """SRC003 a named text that does not exist, SRC004 a text that no metadata names, SRC005 a
    metadata id that differs from its file name or is used twice."""
    named: set[str] = set()
    failed: set[str] = set()
    seen: set[str] = set()
    for found in files:
        loaded = found.loaded
        if loaded.record is None:
            failed.add(found.stem)
            continue
        named.add(loaded.record["text_file"])
        if not found.text_exists:
            yield Finding.of(
                code="SRC003",
                message=f"field text_file: {loaded.record['text_file']} does not exist",
                file=loaded.file,
                pointer="/text_file",
            )
        if found.source is None:
            continue
        document_id = loaded.record["id"]
        if found.stem != document_id:
            message = f"field id: metadata id {document_id!r} differs from its file name "
            message += f"{found.stem}.json"
        elif document_id in seen:
            message = f"field id: document id {document_id!r} is used twice"
        else:
            message = ""
        seen.add(document_id)
        if message:
            yield Finding.of("SRC005", message, file=loaded.file, pointer="/id")
    for text_path in text_paths:
        if text_path.name not in named and text_path.stem not in failed:
            yield Finding.of(
                code="SRC004",
                message=f"text file {text_path.name} has no metadata record naming it",
                file=display_path(text_path),
            )


def check_source(document_id: str, source: SourceRecord) -> Iterator[Finding]:
    """SRC001 checksum mismatch, SRC002 text not NFC/LF, SRC006 inference without reasoning."""
    metadata = source.metadata
    sha256 = hashlib.sha256(source.text.encode("utf-8")).hexdigest()
    if sha256 != metadata["sha256"]:
        yield Finding.of(
            code="SRC001",
            message=f"document {document_id}, field sha256: {source.text_file} has sha256 "
            f"{sha256}, metadata says {metadata['sha256']}",
            file=source.site.file,
            pointer="/sha256",
        )
    if "\r" in source.text:
        yield Finding.of(
            code="SRC002",
            message=f"document {document_id}: text has CR line endings; use LF only",
            file=source.text_file,
        )
    if not unicodedata.is_normalized("NFC", source.text):
        yield Finding.of(
            code="SRC002",
            message=f"document {document_id}: text is not in Unicode NFC",
            file=source.text_file,
        )
    published = metadata["published"]
    if published["inferred"] and not (published.get("reasoning") or "").strip():
        yield Finding.of(
            code="SRC006",
            message=f"document {document_id}, field published/reasoning: the publication date "
            "is inferred but no reasoning is given",
            file=source.site.file,
            pointer="/published/reasoning",
        )
    if published["end"] < published["start"]:
        yield Finding.of(
            code="VAL001",
            message=f"document {document_id}, field published/end: the publication date ends "
            "before it starts",
            file=source.site.file,
            pointer="/published/end",
        )
