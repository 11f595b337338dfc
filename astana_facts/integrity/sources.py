"""Source texts: checksum, normalisation (NFC, LF), and explained inferences."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from astana_facts.findings.finding import Finding
from astana_facts.reading.records import SourceRecord


def check_source(document_id: str, source: SourceRecord) -> Iterator[Finding]:
    """SRC001 checksum mismatch, SRC002 text not NFC/LF, SRC006 inference without reasoning."""
    metadata = source.metadata
    if source.text_sha256 != metadata["sha256"]:
        yield Finding(
            code="SRC001",
            severity="error",
            message=f"document {document_id}, field sha256: {source.text_file} has sha256 "
            f"{source.text_sha256}, metadata says {metadata['sha256']}",
            file=source.site.file,
            pointer="/sha256",
        )
    if "\r" in source.text:
        yield Finding(
            code="SRC002",
            severity="error",
            message=f"document {document_id}: text has CR line endings; use LF only",
            file=source.text_file,
        )
    if not unicodedata.is_normalized("NFC", source.text):
        yield Finding(
            code="SRC002",
            severity="error",
            message=f"document {document_id}: text is not in Unicode NFC",
            file=source.text_file,
        )
    published = metadata["published"]
    if published["inferred"] and not (published.get("reasoning") or "").strip():
        yield Finding(
            code="SRC006",
            severity="warning",
            message=f"document {document_id}, field published/reasoning: the publication date "
            "is inferred but no reasoning is given",
            file=source.site.file,
            pointer="/published/reasoning",
        )
    if published["end"] < published["start"]:
        yield Finding(
            code="VAL001",
            severity="error",
            message=f"document {document_id}, field published/end: the publication date ends "
            "before it starts",
            file=source.site.file,
            pointer="/published/end",
        )
