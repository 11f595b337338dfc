"""Where the bundled data folders are: inside the installed package, or in the checkout.

A wheel carries ``records/``, ``schemas/`` and ``validators/`` inside ``astana_facts``; a checkout
or an editable install keeps them at the repository's top level. Both are served the same way.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

DATA_FOLDERS = ("records", "schemas", "validators")


class DataFolderNotFound(FileNotFoundError):
    """The bundled data folder is missing from both the package and the checkout."""


def bundled(name: str) -> Path:
    """Path of the bundled data folder ``name`` (one of :data:`DATA_FOLDERS`)."""
    if name not in DATA_FOLDERS:
        raise ValueError(f"unknown data folder {name!r}; expected one of {DATA_FOLDERS}")
    packaged = Path(str(files("astana_facts") / name))
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parent.parent / name
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
