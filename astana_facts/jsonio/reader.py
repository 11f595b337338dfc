"""Strict, safe reading of one records file.

Rejected with a :class:`ReadError` that names file, line and column: files over the size limit,
paths that leave the records folder (also through symbolic links), invalid UTF-8 or a byte-order
mark, JSON syntax errors, NaN and Infinity, and duplicate object keys.

Fast path: orjson parses the bytes, and re-serialising the result must give the same bytes back.
That holds for every file in the canonical layout, and a file with a duplicate key can never pass
it (the parsed object has lost a key), so only files that fail it pay for a full positional parse.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from astana_facts.jsonio.errors import ReadError
from astana_facts.jsonio.positions import build_source_map
from astana_facts.jsonio.writer import dumps_canonical_layout

MAX_FILE_BYTES = 64 * 1024 * 1024
"""Largest records file accepted, in bytes."""


@dataclass(frozen=True, slots=True)
class JsonFile:
    """A parsed records file and the bytes it came from (kept for positions in error reports)."""

    path: Path
    raw: bytes
    data: Any
    canonical: bool = False
    """Whether ``raw`` is in the canonical layout (so lines can be found by scanning)."""


def resolve_inside(root: Path, path: Path) -> Path | None:
    """``path`` resolved, or None when it (or a link on the way) leads outside ``root``.

    Paths found below ``root`` with no ``..`` and no symbolic link on the way are inside by
    construction (one ``lstat`` per step below the root); only the others pay for a full
    resolution.
    """
    root_text, path_text = os.fspath(root), os.fspath(path)
    prefix = root_text.rstrip(os.sep) + os.sep
    if path_text.startswith(prefix):
        parts = path_text[len(prefix) :].split(os.sep)
        if ".." not in parts:
            current = prefix.rstrip(os.sep)
            for part in parts:
                current = os.path.join(current, part)
                if os.path.islink(current):
                    break
            else:
                return path
    resolved_root = root.resolve()
    resolved = path.resolve()
    if resolved == resolved_root or resolved_root in resolved.parents:
        return resolved
    return None


def read_bytes(path: Path, *, root: Path, max_bytes: int = MAX_FILE_BYTES) -> bytes | ReadError:
    """The bytes of ``path`` after the path and size checks."""
    if resolve_inside(root, path) is None:
        return ReadError("SCH006", path, f"path leaves the records folder {root}")
    try:
        size = os.stat(path).st_size
        if size > max_bytes:
            return ReadError(
                "SCH005", path, f"file is {size} bytes, over the limit of {max_bytes} bytes"
            )
        with open(path, "rb") as handle:
            # One byte more than the size: a file that grew since the stat is still caught.
            raw = handle.read(size + 1)
    except OSError as error:
        return ReadError("SCH007", path, f"cannot read file: {error.strerror or error}")
    if len(raw) > max_bytes:
        return ReadError("SCH005", path, f"file is over the limit of {max_bytes} bytes")
    return raw


def _line_column(raw: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column (in code points) of a byte offset."""
    line_start = raw.rfind(b"\n", 0, offset) + 1
    line = raw.count(b"\n", 0, offset) + 1
    column = len(raw[line_start:offset].decode("utf-8", errors="replace")) + 1
    return line, column


def check_text_encoding(path: Path, raw: bytes) -> ReadError | None:
    """An error for a byte-order mark or invalid UTF-8, with its position."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return ReadError("SCH002", path, "file starts with a UTF-8 byte-order mark", 1, 1)
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = _line_column(raw, error.start)
        return ReadError(
            "SCH002",
            path,
            f"invalid UTF-8: byte 0x{raw[error.start]:02x} at offset {error.start}",
            line,
            column,
        )
    return None


def _syntax_error(path: Path, raw: bytes, error: orjson.JSONDecodeError) -> ReadError:
    text = raw.decode("utf-8")
    offset = min(error.pos, len(text))
    # orjson reports positions in characters; count lines and columns in the decoded text.
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    rest = text[offset : offset + 9].lstrip("-")
    if rest.startswith(("NaN", "Infinity")):
        return ReadError("SCH003", path, "NaN and Infinity are not JSON numbers", line, column)
    reason = str(error).split(":", 1)[0]
    return ReadError("SCH001", path, f"invalid JSON: {reason}", line, column)


def parse_json(path: Path, raw: bytes) -> JsonFile | ReadError:
    """Parse ``raw`` strictly; see the module docstring for what is rejected."""
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as error:
        # orjson rejects invalid UTF-8 and a byte-order mark too; only then is the encoding
        # checked again, for the position of the bad byte.
        return check_text_encoding(path, raw) or _syntax_error(path, raw, error)
    canonical = dumps_canonical_layout(data) == raw
    if not canonical:
        duplicates = build_source_map(raw).duplicates
        if duplicates:
            first = duplicates[0]
            line, column = first.position
            return ReadError(
                "SCH004",
                path,
                f"duplicate key {first.key!r} (first at line {first.first[0]}, "
                f"column {first.first[1]})",
                line,
                column,
                first.pointer,
            )
    return JsonFile(path, raw, data, canonical)


def read_json(path: Path, *, root: Path, max_bytes: int = MAX_FILE_BYTES) -> JsonFile | ReadError:
    """Read and parse one records file under ``root``."""
    raw = read_bytes(path, root=root, max_bytes=max_bytes)
    if isinstance(raw, ReadError):
        return raw
    return parse_json(path, raw)
