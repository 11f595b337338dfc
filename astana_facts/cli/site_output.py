"""Writing a folder format's output (``report --format html -o DIR``) all or nothing.

The files are written one at a time into a new folder beside the target (a name of the one
temporary shape of :mod:`astana_facts.jsonio.atomic`), which then takes the target's place the
way ``export`` places a folder (:func:`astana_facts.export.writers.place`): a failure leaves the
old folder as it was and nothing half-written. A folder is replaced only when it is empty or was
written by this command (it holds :data:`SITE_MARKER`): anything else a user has there is never
deleted behind their back.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

from astana_facts.cli.options import fail

SITE_MARKER = ".astana-facts-site"
"""The file that marks a folder as a site this command wrote (and may replace)."""
MARKER_TEXT = (
    b"This folder was written by `astana-facts report --format html -o DIR`;\n"
    b"the next such run replaces it whole. Publish the folder as it is (any static host).\n"
)


def check_target(target: Path) -> None:
    """Exit 2 unless ``target`` is absent, an empty folder or a site this command wrote."""
    if not os.path.lexists(target):
        return
    if target.is_symlink():
        fail(f"{target} is a symbolic link; give the folder itself (or a new one) as -o DIR")
    if not target.is_dir():
        fail(f"{target} exists and is not a folder; --format html writes a folder: give -o DIR")
    try:
        names = os.listdir(target)
    except OSError as error:
        fail(f"cannot read {target}: {error.strerror or error}")
    if names and SITE_MARKER not in names:
        fail(
            f"{target} holds files that astana-facts did not write ({SITE_MARKER} is missing); "
            "it is not replaced: give a new or empty folder, or remove it first"
        )


def _relative(name: str) -> Path:
    """A file name of the output as a relative path, refusing one that leaves the folder."""
    path = PurePosixPath(name)
    if path.is_absolute() or ".." in path.parts or not path.parts:
        raise ValueError(f"bad file name in the output: {name!r}")
    return Path(*path.parts)


def write_site(target: Path, files: Iterable[tuple[str, bytes]]) -> int:
    """Write ``files`` as the folder ``target`` (replacing the site there); return how many.
    Exit 2 naming the file and the reason when it cannot be written."""
    from astana_facts.export.writers import ExportError, place
    from astana_facts.jsonio.atomic import WriteFailed, temporary_path

    check_target(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        workspace = temporary_path(target)
        workspace.mkdir()
    except OSError as error:
        fail(str(WriteFailed(target, error.strerror or str(error))))
    try:
        built = workspace / target.name
        built.mkdir()
        count = 0
        for name, content in files:
            path = built / _relative(name)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
            count += 1
        (built / SITE_MARKER).write_bytes(MARKER_TEXT)
        place(built, target, force=True)
    except (OSError, ExportError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        fail(str(error) if isinstance(error, WriteFailed) else str(WriteFailed(target, reason)))
    finally:
        shutil.rmtree(workspace, ignore_errors=True)
    return count
