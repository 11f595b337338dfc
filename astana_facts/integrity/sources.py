"""Source texts: checksum, normalisation (NFC, LF), and explained inferences."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from astana_facts.dataset import Dataset
from astana_facts.findings import Finding


def check_sources(dataset: Dataset) -> Iterator[Finding]:
    """SRC001 checksum mismatch, SRC002 text not NFC/LF, SRC006 inference without reasoning."""
    for document_id in sorted(dataset.documents):
        document = dataset.documents[document_id]
        files = dataset.sources[document_id]
        metadata = document.metadata
        site = files.metadata_site
        if files.text_sha256 != metadata.sha256:
            yield Finding(
                code="SRC001",
                severity="error",
                message=f"document {document_id}: {files.text_file} has sha256 "
                f"{files.text_sha256}, metadata says {metadata.sha256}",
                file=site.file,
                pointer="/sha256",
            )
        if "\r" in document.text:
            yield Finding(
                code="SRC002",
                severity="error",
                message=f"document {document_id}: text has CR line endings; use LF only",
                file=files.text_file,
            )
        if not unicodedata.is_normalized("NFC", document.text):
            yield Finding(
                code="SRC002",
                severity="error",
                message=f"document {document_id}: text is not in Unicode NFC",
                file=files.text_file,
            )
        published = metadata.published
        if published.inferred and not (published.reasoning or "").strip():
            yield Finding(
                code="SRC006",
                severity="warning",
                message=f"document {document_id}: publication date is inferred but gives no "
                "reasoning",
                file=site.file,
                pointer="/published/reasoning",
            )
