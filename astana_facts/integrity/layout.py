"""The records folder itself: files that no record kind accounts for, links that leave it,
folders that cannot be read, and a folder with no claims file at all."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from astana_facts.findings.finding import Finding
from astana_facts.jsonio.atomic import is_temporary
from astana_facts.jsonio.reader import resolve_inside
from astana_facts.reading.listing import (
    RECORDS_FILES,
    RECORDS_FOLDERS,
    files_or_none,
    unreadable_folder,
)
from astana_facts.reading.locations import display_path

_KNOWN_TOP_LEVEL = {*RECORDS_FOLDERS, *RECORDS_FILES}


def check_layout(root: Path) -> Iterator[Finding]:
    """SCH006 for a link that leads outside ``root``, SCH009 for a file no record kind reads
    (or a temporary file an interrupted write left behind), SCH007 for a folder that cannot be
    listed (none of its files is checked), SCH014 when the folder holds no claims file (nothing
    is checked against the texts)."""
    walk = _walk(root)
    yield from walk.unreadable
    for relative, path, is_dir in walk.found:
        if os.path.islink(path) and resolve_inside(root, Path(path)) is None:
            yield Finding.of(
                code="SCH006",
                message=f"{relative} links outside the records folder",
                file=display_path(Path(path)),
            )
            continue
        parts = relative.split("/")
        if not is_dir and is_temporary(parts[-1]):
            yield Finding.of(
                code="SCH009",
                message=f"{relative} is a temporary file left behind by an interrupted write; "
                "delete it (`astana-facts fmt` removes it)",
                file=display_path(Path(path)),
            )
            continue
        if is_dir or parts[-1].startswith(".") or _expected(parts):
            continue
        yield Finding.of(
            code="SCH009",
            message=f"{relative} is not a records file and is ignored",
            file=display_path(Path(path)),
        )
    # (Listed, not taken from the walk: claims/ may be a link to a folder, which the walk does
    # not follow but the reader does.)
    if not walk.unreadable and not files_or_none(root / "claims", ".json"):
        yield Finding.of(
            code="SCH014",
            message="the records folder holds no claims file (claims/<document>.json), so no "
            "claim was checked against the texts",
            file=display_path(root),
        )


def _expected(parts: list[str]) -> bool:
    """Whether a file at these path parts is one the reader reads."""
    suffix = os.path.splitext(parts[-1])[1]
    return (
        (len(parts) == 1 and parts[0] in _KNOWN_TOP_LEVEL)
        or (len(parts) == 2 and parts[0] == "sources" and suffix in {".json", ".txt"})
        or (len(parts) == 2 and parts[0] == "claims" and suffix == ".json")
    )


@dataclass
class _Walk:
    found: list[tuple[str, str, bool]] = field(default_factory=list)
    """(path relative to the root with ``/``, path, is a folder), sorted by path."""
    unreadable: list[Finding] = field(default_factory=list)
    """SCH007 for each folder that could not be listed."""


def _walk(root: Path) -> _Walk:
    """Everything below ``root``, sorted by path; links to folders are listed, not followed,
    and a folder that cannot be listed is reported, not raised."""
    walk = _Walk()
    pending = [(os.fspath(root), "")]
    while pending:
        folder, relative = pending.pop()
        try:
            with os.scandir(folder) as entries:
                listed = list(entries)
        except OSError as error:
            walk.unreadable.append(unreadable_folder(Path(folder), error))
            continue
        for entry in listed:
            name = f"{relative}{entry.name}"
            is_dir = _is_dir(entry)
            walk.found.append((name, entry.path, is_dir))
            if is_dir and not entry.is_symlink():
                pending.append((entry.path, f"{name}/"))
    walk.found.sort(key=lambda item: item[0].split("/"))
    walk.unreadable.sort(key=lambda finding: finding.file or "")
    return walk


def _is_dir(entry: os.DirEntry[str]) -> bool:
    """Whether the entry is a folder (or a link to one); False when that cannot be told (a
    link loop), so the entry is checked as a file."""
    try:
        return entry.is_dir()
    except OSError:
        return False
