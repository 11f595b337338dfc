"""The canonical layout of records files, and atomic writes (one file, or all of several).

Canonical layout: keys in the fixed order of :data:`KEY_ORDER` (unknown keys after, in their
original order), two-space indent, UTF-8 without ``\\u`` escapes, one final newline.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import orjson

KEY_ORDER: tuple[str, ...] = (
    "$schema",
    "id",
    "document",
    "kind",
    "type",
    "bound",
    "name",
    "code",
    "fingerprint",
    "title",
    "severity",
    "publisher",
    "author",
    "published",
    "language",
    "original_file",
    "url",
    "text_file",
    "sha256",
    "subject",
    "series",
    "ordinal",
    "measure",
    "role",
    "members",
    "complete",
    "action",
    "parties",
    "event",
    "relation",
    "objects",
    "office",
    "organisation",
    "place",
    "content",
    "direct",
    "description",
    "unit",
    "amount",
    "value",
    "low",
    "high",
    "start",
    "end",
    "precision",
    "stance",
    "date",
    "as_of",
    "inferred",
    "reasoning",
    "entity",
    "via",
    "attribution",
    "modality",
    "exact",
    "prefix",
    "suffix",
    "evidence",
    "aliases",
    "misspellings",
    "part_of",
    "wikidata",
    "reason",
    "claims",
    "not_check_worthy",
    "verdict",
    "correct_claims",
    "quote",
    "rationale",
    "decided",
    "why",
    "fix",
    "example",
    "fires",
    "near_miss",
    "applies_to",
    "kinds",
    "modalities",
    "group_by",
    "comparison",
    "parameters",
    "mode",
    "facet",
    "actions",
    "threshold",
    "min_length",
    "outcome",
    "days_tolerance",
    "weeks_tolerance",
    "months_tolerance",
    "years_tolerance",
    "approximately_tolerance",
    "ongoing_units",
    "entities",
    "adjudications",
    "rules",
    "note",
)
"""Canonical order of keys in every records and validators file."""

_RANK = {key: rank for rank, key in enumerate(KEY_ORDER)}
_OPTIONS = orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE


def canonical_order(value: Any) -> Any:
    """``value`` with the keys of every object in canonical order (recursively)."""
    if isinstance(value, dict):
        ordered = sorted(value.items(), key=lambda item: _RANK.get(item[0], len(KEY_ORDER)))
        return {key: canonical_order(item) for key, item in ordered}
    if isinstance(value, list):
        return [canonical_order(item) for item in value]
    return value


def dumps_canonical_layout(value: Any) -> bytes:
    """Serialise ``value`` in the canonical layout, keeping its key order."""
    return orjson.dumps(value, option=_OPTIONS)


def dumps_canonical(value: Any) -> bytes:
    """Serialise ``value`` in the canonical layout with canonical key order."""
    return dumps_canonical_layout(canonical_order(value))


def _current_umask() -> int:
    """The process's umask (read by setting it and putting it back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_atomic(path: Path, content: bytes | Iterable[bytes]) -> None:
    """Replace ``path`` with ``content`` (or its pieces, written as they come) so that readers
    see the old or the new file, never half.

    The file keeps the permissions of the one it replaces; a new file gets the usual ones
    (0666 less the umask), not the 0600 of a temporary file."""
    directory = path.parent
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(handle, "wb") as stream:
            for piece in [content] if isinstance(content, bytes) else content:
                stream.write(piece)
            stream.flush()
            os.fsync(stream.fileno())
        try:
            mode = os.stat(path).st_mode & 0o777
        except FileNotFoundError:
            mode = 0o666 & ~_current_umask()
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


def write_all(files: Iterable[tuple[Path, bytes]]) -> None:
    """Write every ``(path, content)`` or none of them.

    Each content goes to a temporary file beside its target first; only when all are written
    are they renamed over their targets. When anything fails, the temporaries are removed and
    the error raised, with every target as it was. (A rename within one folder does not fail
    for want of space; hardening against a failure among the renames is
    :func:`write_all`'s to grow.)
    """
    staged: list[tuple[str, Path]] = []
    try:
        for path, content in files:
            handle, temporary = tempfile.mkstemp(
                prefix=f".{path.name}.", suffix=".tmp", dir=path.parent
            )
            staged.append((temporary, path))
            with os.fdopen(handle, "wb") as stream:
                stream.write(content)
                stream.flush()
                os.fsync(stream.fileno())
            try:
                mode = os.stat(path).st_mode & 0o777
            except FileNotFoundError:
                mode = 0o666 & ~_current_umask()
            os.chmod(temporary, mode)
        for temporary, path in staged:
            os.replace(temporary, path)
    except BaseException:
        for temporary, _ in staged:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)
        raise
