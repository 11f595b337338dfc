"""The files of one folder of a records folder, listed without following anything.

Unlike ``Path.glob``, which returns nothing for a folder it cannot read (so a ``claims/`` folder
without read permission looked empty and passed), a listing that fails says so; and every entry
whose name fits is listed whatever it is (a FIFO, a dangling link, a folder), so that reading
reports it (SCH011) instead of skipping it.
"""

from __future__ import annotations

import os
from pathlib import Path

from astana_facts.findings.finding import Finding
from astana_facts.reading.locations import display_path

RECORDS_FOLDERS = ("sources", "claims")
"""The folders of a records folder, one file (or, for sources, a pair) per document."""

RECORDS_FILES = (
    "entities.json",
    "measures.json",
    "adjudications.json",
    "facts.json",
    "verdicts.json",
    "removals.json",
)
"""The single files of a records folder, each optional but ``entities.json``: every name here is
known to the layout check (SCH009 reports others) and formatted by ``fmt``."""


def list_files(folder: Path, suffix: str) -> list[Path] | OSError:
    """The entries of ``folder`` whose names end with ``suffix``, sorted by name; ``[]`` when
    the folder does not exist; the error when it cannot be listed."""
    try:
        with os.scandir(folder) as entries:
            found = [Path(entry.path) for entry in entries if entry.name.endswith(suffix)]
    except (FileNotFoundError, NotADirectoryError):
        return []
    except OSError as error:
        return error
    return sorted(found, key=os.fspath)


def files_or_none(folder: Path, suffix: str) -> list[Path]:
    """:func:`list_files`, with a folder that cannot be listed giving no files (whoever reads
    the folder's layout reports it: :func:`unreadable_folder`)."""
    listed = list_files(folder, suffix)
    return [] if isinstance(listed, OSError) else listed


def unreadable_folder(folder: Path, error: OSError) -> Finding:
    """SCH007 for a folder that cannot be listed, so none of its files is checked."""
    return Finding.of(
        code="SCH007",
        message=f"cannot read folder: {error.strerror or error}; none of its files is checked",
        file=display_path(folder),
    )


__all__ = ["files_or_none", "list_files", "unreadable_folder"]
