"""Strict, safe reading of one records file.

Rejected with a :class:`ReadError` that names file, line and column: anything that is not a
regular file (a FIFO, device or socket, a symbolic link loop or a dangling link: told by ``stat``
before anything is opened, :mod:`astana_facts.jsonio.filetypes`), files over the size limit,
paths that leave the records folder (also through symbolic links), invalid UTF-8 or a byte-order
mark, JSON syntax errors, NaN and Infinity, duplicate object keys, numbers that would not be
written back as they are written (an integer too large for a double, ``1e400``, ``1.50``, ``-0``),
and nesting deeper than can be written back (:data:`~astana_facts.jsonio.positions.MAX_DEPTH`).

Fast path: orjson parses the bytes, and re-serialising the result must give the same bytes back.
That holds for every file in the canonical layout, and a file with a duplicate key or a number
that changes can never pass it (the parsed object has lost a key, the number is written another
way), so only files that fail it pay for a full positional parse.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from astana_facts.jsonio.errors import ReadError
from astana_facts.jsonio.filetypes import not_a_regular_file, not_regular, open_without_blocking
from astana_facts.jsonio.positions import MAX_DEPTH, build_source_map, too_deep
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
    try:
        resolved_root = root.resolve()
        resolved = path.resolve()
    except (OSError, RuntimeError, ValueError):
        # A symbolic link loop leads nowhere, so not outside either: reading reports it (SCH011).
        return path
    if resolved == resolved_root or resolved_root in resolved.parents:
        return resolved
    return None


def read_bytes(path: Path, *, root: Path, max_bytes: int = MAX_FILE_BYTES) -> bytes | ReadError:
    """The bytes of ``path`` after the file-type, path and size checks."""
    problem = not_a_regular_file(path)
    if problem is not None:
        return problem
    if resolve_inside(root, path) is None:
        return ReadError("SCH006", path, f"path leaves the records folder {root}")
    try:
        with open(path, "rb", opener=open_without_blocking) as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode):  # replaced since the check
                return not_regular(path, info.st_mode)
            size = info.st_size
            if size > max_bytes:
                return ReadError(
                    "SCH005", path, f"file is {size} bytes, over the limit of {max_bytes} bytes"
                )
            # One byte more than the size: a file that grew since the stat is still caught.
            raw = handle.read(size + 1)
    except (OSError, ValueError) as error:  # (ValueError: a NUL in the path)
        reason = error.strerror if isinstance(error, OSError) else None
        return ReadError("SCH007", path, f"cannot read file: {reason or error}")
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
    reason = str(error).split(":", 1)[0]
    if rest.startswith(("NaN", "Infinity")):
        return ReadError("SCH003", path, "NaN and Infinity are not JSON numbers", line, column)
    if reason.startswith("depth limit exceeded"):
        return _too_deep(path, raw)
    if reason.startswith("number is infinity"):
        token = _NUMBER.match(text, offset)
        return ReadError(
            "SCH010",
            path,
            f"number {_shorten(token.group() if token else '?')} is beyond the range of a "
            "double (about 1.8e308): it cannot be read as written",
            line,
            column,
        )
    return ReadError("SCH001", path, f"invalid JSON: {reason}", line, column)


_NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?")


def _shorten(token: str, limit: int = 40) -> str:
    """A number's text for a message: a long one cut in the middle."""
    if len(token) <= limit:
        return token
    return f"{token[:18]}…{token[-18:]} ({len(token)} characters)"


def _too_deep(path: Path, raw: bytes) -> ReadError:
    """SCH013 at the first array or object nested deeper than :data:`MAX_DEPTH`."""
    offset = too_deep(raw)
    line, column = _line_column(raw, offset) if offset is not None else (None, None)
    return ReadError(
        "SCH013",
        path,
        f"arrays and objects nested more than {MAX_DEPTH} levels deep, more than a records file "
        "can be written back with",
        line,
        column,
    )


def _positional_problem(path: Path, raw: bytes) -> ReadError | None:
    """What only a positional parse finds in a file that is not canonical: a duplicate key
    (SCH004), else a number that would be written back otherwise than written (SCH010)."""
    source_map = build_source_map(raw, numbers=True)
    if source_map.duplicates:
        first = source_map.duplicates[0]
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
    number = source_map.first_inexact
    if number is None:
        return None
    others = source_map.inexact_count - 1
    more = f" ({others} more number(s) like it in the file)" if others else ""
    line, column = number.position
    return ReadError(
        "SCH010",
        path,
        f"number {_shorten(number.text)} {number.reason}{more}",
        line,
        column,
        number.pointer,
    )


def parse_json(path: Path, raw: bytes) -> JsonFile | ReadError:
    """Parse ``raw`` strictly; see the module docstring for what is rejected."""
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as error:
        # orjson rejects invalid UTF-8 and a byte-order mark too; only then is the encoding
        # checked again, for the position of the bad byte.
        return check_text_encoding(path, raw) or _syntax_error(path, raw, error)
    try:
        canonical = dumps_canonical_layout(data) == raw
    except orjson.JSONEncodeError:  # orjson reads 1,024 levels of nesting, writes 254
        return _too_deep(path, raw)
    if not canonical:
        problem = _positional_problem(path, raw)
        if problem is not None:
            return problem
    return JsonFile(path, raw, data, canonical)


def read_json(path: Path, *, root: Path, max_bytes: int = MAX_FILE_BYTES) -> JsonFile | ReadError:
    """Read and parse one records file under ``root``."""
    raw = read_bytes(path, root=root, max_bytes=max_bytes)
    if isinstance(raw, ReadError):
        return raw
    return parse_json(path, raw)
