"""Source documents: metadata records and the verbatim texts they describe."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from pydantic import Field

from astana_facts.models.base import HttpUrl, Identifier, IsoDate, Record, Text, schema_ref
from astana_facts.models.values import DateInterval


class PublishedDate(DateInterval):
    """When the document was published: an interval at a precision, stated or inferred."""

    inferred: bool
    """True when the text does not state its date and the annotator inferred it."""
    reasoning: str | None = None
    """Why the date was inferred as it was (required in practice when ``inferred`` is true)."""


class SourceMetadata(Record):
    """``records/sources/<id>.json``: what a source document is, and the checksum of its text."""

    schema_: str = schema_ref("source")
    """Path or URI of this file's JSON Schema."""
    id: Identifier
    """Document id; the metadata file is ``<id>.json``."""
    title: Text
    """Title as the text gives it."""
    publisher: str | None = None
    """Who published it, where the text or its origin says."""
    author: str | None = None
    """Who wrote it, where the text says."""
    published: PublishedDate
    """Publication date, with precision and, where inferred, the reasoning."""
    language: Annotated[str, Field(pattern=r"^[a-z]{2,3}$")]
    """ISO 639 language code of the text."""
    original_file: Text
    """File name of the text in the corpus it was taken from."""
    url: HttpUrl | None = None
    """Where the text was published, when known: an absolute http(s) URL, written in full,
    characters outside RFC 3986 percent-encoded (SRC009)."""
    archived_url: HttpUrl | None = None
    """A copy of the page in a web archive, where one exists (SRC009 as ``url``)."""
    retrieved: IsoDate | None = None
    """When the page at ``url`` (or a stored copy of it) was read and found to hold the text;
    not in the future (SRC010)."""
    text_file: Annotated[str, Field(pattern=r"^[^/\\]+\.txt$")]
    """File name of the verbatim text, in the same folder (UTF-8, NFC, LF line endings)."""
    sha256: Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
    """SHA-256 of the text file's bytes: every span is pinned to exactly this text."""
    note: str | None = None
    """Anything a reader of the text should know (boilerplate, repeated headlines)."""


@dataclass(frozen=True, slots=True)
class Document:
    """A source document as the API serves it: its id, verbatim text and metadata."""

    metadata: SourceMetadata
    text: str

    @property
    def id(self) -> str:
        """Document id."""
        return self.metadata.id

    @property
    def title(self) -> str:
        """Title of the document."""
        return self.metadata.title

    @property
    def published(self) -> PublishedDate:
        """Publication date interval."""
        return self.metadata.published


__all__ = ["Document", "PublishedDate", "SourceMetadata", "Text"]
