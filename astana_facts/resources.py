"""Where the bundled data folders are: inside the installed package, or in the checkout.

A wheel carries ``records/``, ``schemas/`` and ``validators/`` inside ``astana_facts``; a checkout
or an editable install keeps them at the repository's top level. Both are served the same way.
The folders are found beside this module's file, as the package is installed as files (an
``importlib.resources`` traversable would be turned into a path anyway, and its import alone
costs every command several milliseconds of start-up).
"""

from __future__ import annotations

import os
from pathlib import Path

DATA_FOLDERS = ("records", "schemas", "validators")


class DataFolderNotFound(FileNotFoundError):
    """The bundled data folder is missing from both the package and the checkout."""


def bundled(name: str) -> Path:
    """Path of the bundled data folder ``name`` (one of :data:`DATA_FOLDERS`)."""
    if name not in DATA_FOLDERS:
        raise ValueError(f"unknown data folder {name!r}; expected one of {DATA_FOLDERS}")
    package = Path(__file__).resolve().parent
    packaged = package / name
    if packaged.is_dir():
        return packaged
    checkout = package.parent / name
    if checkout.is_dir():
        return checkout
    raise DataFolderNotFound(f"the bundled {name}/ folder is missing from the installation")


def validators_for(records: Path) -> Path:
    """The rules that go with a records folder: its sibling ``validators/``, else the bundled
    ones."""
    sibling = records.parent / "validators"
    if sibling.is_dir():
        return sibling
    return bundled("validators")


RECORDS_MARKERS = ("sources", "claims", "entities.json")
"""What makes a folder a records folder: any of these in it."""


def has_records_layout(folder: Path) -> bool:
    """Whether ``folder`` is a records folder (it holds ``sources/``, ``claims/`` or
    ``entities.json``)."""
    try:
        names = set(os.listdir(folder))
    except OSError:  # (missing, not a folder, or not readable: not a records folder to use)
        return False
    return not names.isdisjoint(RECORDS_MARKERS)


def checkout_records(start: Path) -> Path | None:
    """The ``records/`` folder of the checkout ``start`` lies in: the first ``records/`` folder
    with the records layout in ``start`` or one of its parents; ``None`` outside a checkout."""
    start = start.absolute()
    for folder in (start, *start.parents):
        candidate = folder / "records"
        if has_records_layout(candidate):
            return candidate
    return None


def package_folder() -> Path:
    """The folder of the installed ``astana_facts`` package."""
    return Path(__file__).resolve().parent


def real_path(path: str | os.PathLike[str]) -> Path:
    """``path`` made absolute with its symbolic links followed, as far as they lead.

    Unlike :meth:`Path.resolve`, it never raises: a link loop, a dangling link or a name with a
    NUL byte give the path as far as it could be followed (reading reports such files with
    their code; this only compares and displays paths)."""
    try:
        return Path(os.path.realpath(path))
    except (OSError, ValueError):
        return Path(os.path.abspath(path))


def is_installed_data(path: Path) -> bool:
    """Whether ``path`` lies inside the installed package (the read-only bundled data of a
    wheel install). A checkout keeps its data beside the package, so its folders are not."""
    package = package_folder()
    resolved = real_path(path)
    return resolved == package or package in resolved.parents
