"""SCH007: a records file, source text or folder that cannot be read is a finding, not a traceback.

Permissions do not stop root, and CI runs as root, so a file set to mode 000 is not unreadable
there. Two tests make the case real for any user: one makes the read itself fail (the reader's
``open`` raises PermissionError for one path, as the kernel would), the other removes every
permission and runs the check in a process that permissions do stop: this one, or, under root, a
child process that gives up the capabilities that let root read any file.
"""

from __future__ import annotations

import ctypes
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import IO, Any

import pytest

from astana_facts import validate
from astana_facts.jsonio import reader
from tests.factories import DOC_ID, build_records

UNREADABLE = [f"claims/{DOC_ID}.json", f"sources/{DOC_ID}.txt"]


def _assert_reported(
    findings: list[tuple[str, str | None, str]], relative: str, what: str = "file"
) -> None:
    """Exactly one SCH007, naming the file (or folder) and why, whatever else the missing one
    causes."""
    unreadable = [(file, message) for code, file, message in findings if code == "SCH007"]
    assert len(unreadable) == 1, findings
    file, message = unreadable[0]
    assert file is not None and file.endswith(relative)
    assert f"cannot read {what}" in message and "ermission denied" in message


@pytest.mark.parametrize("relative", UNREADABLE)
def test_a_read_that_fails_is_reported_with_sch007(
    tmp_path: Path, relative: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = build_records(tmp_path / "records")
    target = root / relative

    def refusing_open(file: Any, *args: Any, **kwargs: Any) -> IO[Any]:
        if Path(file).resolve() == target.resolve():
            raise PermissionError(13, "Permission denied", str(file))
        handle: IO[Any] = open(file, *args, **kwargs)  # noqa: SIM115 (the caller closes it)
        return handle

    # The reader's module-level name `open` is looked up before the builtin one.
    monkeypatch.setattr(reader, "open", refusing_open, raising=False)
    findings = validate(root)
    _assert_reported([(f.code, f.file, f.message) for f in findings], relative)


_CHECK = (
    "import json, sys, astana_facts; "
    "print(json.dumps([(f.code, f.file, f.message) for f in astana_facts.validate(sys.argv[1])]))"
)
PR_CAPBSET_DROP = 24
CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH = 1, 2
"""The capabilities that let root read a file whatever its permissions (linux/capability.h)."""


def _without_permission_override() -> None:
    """Drop, before the child's exec, the capabilities that make root ignore file permissions:
    the child is still root, and a file of mode 000 is unreadable to it."""
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH):
        if libc.prctl(PR_CAPBSET_DROP, capability, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) refused")


def _check_in_a_child_that_permissions_stop(root: Path) -> list[tuple[str, str | None, str]]:
    try:
        done = subprocess.run(
            [sys.executable, "-c", _CHECK, str(root)],
            capture_output=True,
            text=True,
            check=False,
            preexec_fn=_without_permission_override,
            timeout=120,
        )
    except (OSError, subprocess.SubprocessError) as error:  # not allowed to drop them here
        pytest.skip(f"cannot run a check without root's permission override: {error}")
    assert done.returncode == 0, done.stderr
    return [(code, file, message) for code, file, message in json.loads(done.stdout)]


@pytest.mark.parametrize("relative", UNREADABLE)
def test_a_file_without_read_permission_is_reported_with_sch007(
    tmp_path: Path, relative: str
) -> None:
    root = build_records(tmp_path / "records")
    (root / relative).chmod(0)
    try:
        if os.geteuid() == 0:
            findings = _check_in_a_child_that_permissions_stop(root)
        else:
            findings = [(f.code, f.file, f.message) for f in validate(root)]
    finally:
        (root / relative).chmod(0o644)  # so that the temporary folder can be removed
    _assert_reported(findings, relative)


# A folder that cannot be listed: SCH007 naming the folder (never an internal error, never a
# folder that looks empty and passes), in validate and in fmt, which exits 1 instead of skipping.

UNREADABLE_FOLDERS = ["claims", "sources"]


@pytest.mark.parametrize("relative", UNREADABLE_FOLDERS)
def test_a_folder_that_cannot_be_listed_is_reported_with_sch007(
    tmp_path: Path, relative: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = build_records(tmp_path / "records")
    target = os.fspath(root / relative)
    real_scandir = os.scandir

    def refusing_scandir(path: Any = ".") -> Any:
        if os.fspath(path) == target:
            raise PermissionError(13, "Permission denied", target)
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", refusing_scandir)
    findings = validate(root)
    _assert_reported([(f.code, f.file, f.message) for f in findings], relative, "folder")

    from astana_facts.tools.fmt import format_records

    formatted = format_records(root, check=True)
    _assert_reported([(f.code, f.file, f.message) for f in formatted.problems], relative, "folder")


@pytest.mark.parametrize("relative", UNREADABLE_FOLDERS)
def test_a_folder_without_read_permission_fails_validate_and_fmt_check(
    tmp_path: Path, relative: str
) -> None:
    root = build_records(tmp_path / "records")
    (root / relative).chmod(0)
    as_root = os.geteuid() == 0
    try:
        if as_root:
            findings = _check_in_a_child_that_permissions_stop(root)
        else:
            findings = [(f.code, f.file, f.message) for f in validate(root)]
        fmt = subprocess.run(
            [sys.executable, "-m", "astana_facts", "fmt", "--check", "--records", str(root)],
            capture_output=True,
            text=True,
            check=False,
            preexec_fn=_without_permission_override if as_root else None,
            timeout=120,
        )
    finally:
        (root / relative).chmod(0o755)
    _assert_reported(findings, relative, "folder")
    assert fmt.returncode == 1, (fmt.stdout, fmt.stderr)
    assert "SCH007" in fmt.stderr and "cannot read folder" in fmt.stderr
