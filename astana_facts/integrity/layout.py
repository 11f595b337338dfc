"""The records folder itself: files that no record kind accounts for, and links that leave it."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from astana_facts.findings.finding import Finding
from astana_facts.jsonio.atomic import is_temporary
from astana_facts.jsonio.reader import resolve_inside
from astana_facts.reading.locations import display_path

_KNOWN_TOP_LEVEL = {"sources", "claims", "entities.json", "adjudications.json"}


def check_layout(root: Path) -> Iterator[Finding]:
    """SCH006 for a link that leads outside ``root``, SCH009 for a file no record kind reads
    (or a temporary file an interrupted write left behind)."""
    for relative, path, is_dir in _walk(root):
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


def _expected(parts: list[str]) -> bool:
    """Whether a file at these path parts is one the reader reads."""
    suffix = os.path.splitext(parts[-1])[1]
    return (
        (len(parts) == 1 and parts[0] in _KNOWN_TOP_LEVEL)
        or (len(parts) == 2 and parts[0] == "sources" and suffix in {".json", ".txt"})
        or (len(parts) == 2 and parts[0] == "claims" and suffix == ".json")
    )


def _walk(root: Path) -> list[tuple[str, str, bool]]:
    """(path relative to ``root`` with ``/``, path, is a folder) of everything below ``root``,
    sorted by path; links to folders are listed, not followed."""
    found: list[tuple[str, str, bool]] = []
    pending = [(os.fspath(root), "")]
    while pending:
        folder, relative = pending.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                name = f"{relative}{entry.name}"
                is_dir = entry.is_dir()
                found.append((name, entry.path, is_dir))
                if is_dir and not entry.is_symlink():
                    pending.append((entry.path, f"{name}/"))
    found.sort(key=lambda item: item[0].split("/"))
    return found
