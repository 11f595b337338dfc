"""Files that are not regular files, through the real entry point in a child process (what a
user runs; a hang there is stopped by the process timeout, not by an alarm): a FIFO as a claims
file or a source text, links that loop or dangle, a folder where a file belongs. Each ends with
exit 1 or 2 and names no traceback."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.factories import DOC_ID, build_records
from tests.fuzz.cases import Case
from tests.fuzz.known import brief, explained
from tests.fuzz.mutations import Step
from tests.fuzz.runs import TIMEOUT, Failure


def _fifo(path: Path) -> None:
    path.unlink()
    os.mkfifo(path)


def _loop(path: Path) -> None:
    path.unlink()
    path.symlink_to(path.name)


def _dangling(path: Path) -> None:
    path.unlink()
    path.symlink_to("no-such-file.json")


def _folder(path: Path) -> None:
    path.unlink()
    path.mkdir()


CASES: dict[str, tuple[str, str, Callable[[Path], None]]] = {
    "fifo-claims": ("fifo", f"claims/{DOC_ID}.json", _fifo),
    "fifo-text": ("fifo", f"sources/{DOC_ID}.txt", _fifo),
    "loop-claims": ("symlink", f"claims/{DOC_ID}.json", _loop),
    "dangling-claims": ("symlink", f"claims/{DOC_ID}.json", _dangling),
    "dangling-entities": ("symlink", "entities.json", _dangling),
    "folder-for-text": ("folder-for-file", f"sources/{DOC_ID}.txt", _folder),
}
COMMANDS: tuple[tuple[list[str], set[int]], ...] = (
    (["validate"], {1, 2}),
    (["report", "--format", "json"], {1, 2}),
    (["fmt", "--check"], {0, 1, 2}),  # a layout check: it need not read the texts
)
"""Each command with the exit codes it may end with."""


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs and symbolic links")
@pytest.mark.parametrize("name", sorted(CASES))
def test_a_file_that_is_not_a_regular_file_ends_with_a_finding(name: str, tmp_path: Path) -> None:
    kind, relative, make = CASES[name]
    root = build_records(tmp_path / "records")
    make(root / relative)
    case = Case(0, 0, tmp_path, [Step(kind, f"records/{relative}: {name}", must_fail=True)])
    failures = _run_all(root)
    if not failures:
        return
    report = "\n".join([case.describe(), *(str(failure) for failure in failures)])
    reason = explained(case, failures)
    if reason is not None:
        pytest.xfail(f"{reason}\n{brief(case.describe(), failures)}")
    pytest.fail(report, pytrace=False)


def _run_all(root: Path) -> list[Failure]:
    """Every command of :data:`COMMANDS` over ``root``, each in a child process, all at once
    (so that a case that hangs costs one timeout, not one per command)."""
    started = [
        (
            " ".join([*args, "--records", "RECORDS"]),
            exits,
            subprocess.Popen(
                [sys.executable, "-m", "astana_facts", *args, "--records", str(root)],
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
                env={**os.environ, "NO_COLOR": "1"},
            ),
        )
        for args, exits in COMMANDS
    ]
    found = []
    deadline = time.monotonic() + TIMEOUT
    for shown, exits, process in started:
        try:
            output, _ = process.communicate(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()
            found.append(Failure(shown, f"hang: no end within {TIMEOUT:g} s"))
            continue
        if process.returncode not in exits:
            found.append(Failure(shown, f"exit code {process.returncode}", output))
        for word in ("Traceback", "internal error"):
            if word in output:
                found.append(Failure(shown, f"{word!r} in the output", output))
    return found
