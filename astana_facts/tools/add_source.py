"""``add-source``: a new source document, its metadata with the checksum, and a claims scaffold.

The text is normalised (UTF-8 without a byte-order mark, LF line endings, NFC) so that offsets
count the same code points everywhere. The three files are written all or nothing, and nothing
that exists is ever overwritten.
"""

from __future__ import annotations

import calendar
import contextlib
import datetime as dt
import hashlib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic_core import ValidationError

from astana_facts.jsonio.atomic import WriteFailed, write_all
from astana_facts.jsonio.writer import dumps_canonical
from astana_facts.models.base import ID_MAX_LENGTH, ID_PATTERN
from astana_facts.reading.validators import file_validator

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


class AddSourceError(ValueError):
    """The source cannot be added as asked; the message says why and what to do."""


@dataclass(frozen=True)
class NewSource:
    """What ``add-source`` is asked to add."""

    text_path: Path
    id: str
    title: str
    published: str
    publisher: str | None = None
    author: str | None = None
    url: str | None = None
    language: str = "en"
    inferred: str | None = None
    """Why the publication date was inferred, when it was."""


def normalise_text(raw: bytes, origin: str) -> str:
    """The text of ``raw`` as UTF-8, without a byte-order mark, with LF line endings, in NFC."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise AddSourceError(
            f"{origin}: not UTF-8 (byte 0x{raw[error.start]:02x} at offset {error.start}); "
            "convert it to UTF-8 first"
        ) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def _day_range(part: str) -> tuple[dt.date, dt.date, str]:
    match = _DATE.match(part)
    if not match:
        raise AddSourceError(
            f"--published {part!r}: write YYYY-MM-DD, YYYY-MM or YYYY (or START..END)"
        )
    year, month, day = match.groups()
    try:
        if day:
            exact = dt.date(int(year), int(month), int(day))
            return exact, exact, "day"
        if month:
            last = calendar.monthrange(int(year), int(month))[1]
            return dt.date(int(year), int(month), 1), dt.date(int(year), int(month), last), "month"
    except ValueError as error:
        raise AddSourceError(f"--published {part!r}: {error}") from None
    return dt.date(int(year), 1, 1), dt.date(int(year), 12, 31), "year"


def published_date(value: str, inferred: str | None) -> dict[str, Any]:
    """The ``published`` record of a date (day, month or year) or a range ``START..END``."""
    if ".." in value:
        first, last = value.split("..", 1)
        start, _, precision = _day_range(first)
        _, end, _ = _day_range(last)
        if end < start:
            raise AddSourceError(f"--published {value!r}: the range ends before it starts")
    else:
        start, end, precision = _day_range(value)
    record: dict[str, Any] = {
        "start": start.isoformat(),
        "end": end.isoformat(),
        "precision": precision,
        "inferred": inferred is not None,
    }
    if inferred is not None:
        record["reasoning"] = inferred
    return record


def _validated(model: str, record: dict[str, Any], what: str) -> None:
    try:
        file_validator(model).validate_python(record)
    except ValidationError as error:
        detail = error.errors(include_url=False)[0]
        field = "/".join(
            str(part) for part in detail["loc"] if not str(part).startswith("function")
        )
        raise AddSourceError(f"{what}, field {field}: {detail['msg']}") from None


def check_id(document_id: str) -> None:
    """Raise AddSourceError naming ``--id`` when the id is not one the models accept (checked
    first: the id names the files, and an over-long one must not reach the file system)."""
    shown = document_id if len(document_id) <= 60 else f"{document_id[:40]}…"
    if len(document_id) > ID_MAX_LENGTH:
        raise AddSourceError(
            f"--id {shown!r} is {len(document_id)} characters long; an id has at most "
            f"{ID_MAX_LENGTH}"
        )
    if not re.match(ID_PATTERN, document_id):
        raise AddSourceError(
            f"--id {shown!r}: an id is lower-case letters a-z and digits in groups joined by "
            "single hyphens (like tass-round-9-2018-05)"
        )


def add_source(request: NewSource, root: Path) -> list[Path]:
    """Write the text, its metadata and an empty claims file into the records folder ``root``;
    return the paths written. Raises AddSourceError, writing nothing, when it cannot."""
    check_id(request.id)
    try:
        raw = request.text_path.read_bytes()
    except OSError as error:
        raise AddSourceError(f"{request.text_path}: {error.strerror or error}") from None
    text = normalise_text(raw, str(request.text_path))
    if not text.strip():
        raise AddSourceError(f"{request.text_path}: the text is empty")
    targets = {
        "text": root / "sources" / f"{request.id}.txt",
        "metadata": root / "sources" / f"{request.id}.json",
        "claims": root / "claims" / f"{request.id}.json",
    }
    taken = [path for path in targets.values() if path.exists()]
    if taken:
        raise AddSourceError(
            f"document id {request.id!r} is taken: {', '.join(str(p) for p in taken)} exists; "
            "pick another --id (nothing is overwritten)"
        )
    encoded = text.encode("utf-8")
    metadata: dict[str, Any] = {
        "$schema": "../../schemas/source.schema.json",
        "id": request.id,
        "title": request.title,
        "publisher": request.publisher,
        "author": request.author,
        "published": published_date(request.published, request.inferred),
        "language": request.language,
        "original_file": request.text_path.name,
        "url": request.url,
        "text_file": targets["text"].name,
        "sha256": hashlib.sha256(encoded).hexdigest(),
    }
    metadata = {key: value for key, value in metadata.items() if value is not None}
    claims = {
        "$schema": "../../schemas/claims.schema.json",
        "document": request.id,
        "claims": [],
        "not_check_worthy": [],
    }
    _validated("SourceMetadata", metadata, f"metadata of {request.id}")
    _validated("ClaimsFile", claims, f"claims file of {request.id}")
    contents = {
        targets["text"]: encoded,
        targets["metadata"]: dumps_canonical(metadata),
        targets["claims"]: dumps_canonical(claims),
    }
    return _write_all_new(contents)


def _write_all_new(contents: dict[Path, bytes]) -> list[Path]:
    """Create every file or none (nothing that exists is replaced); a folder created for them
    is removed again when the write fails."""
    created_folders: list[Path] = []
    try:
        for folder in dict.fromkeys(path.parent for path in contents):
            if not folder.is_dir():
                try:
                    folder.mkdir()
                except OSError as error:
                    raise WriteFailed(folder, error.strerror or str(error)) from None
                created_folders.append(folder)
        return write_all(contents.items(), new=True)
    except WriteFailed as error:
        for folder in reversed(created_folders):
            with contextlib.suppress(OSError):
                folder.rmdir()
        raise AddSourceError(str(error)) from None
