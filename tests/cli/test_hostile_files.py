"""Files that are not what their names say end every command promptly with their code.

Each command runs in a child process with a timeout, so a command that blocks (on a FIFO, say)
fails its test instead of blocking the suite; none may end in an internal error.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.factories import DOC_ID, build_records
from tests.jsonio.test_filetypes import MAKERS

CLAIMS = f"claims/{DOC_ID}.json"
TEXT = f"sources/{DOC_ID}.txt"


def _command(*args: str | Path) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(
            [sys.executable, "-m", "astana_facts", *map(str, args)],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
            env={**os.environ, "ASTANA_FACTS_JOBS": "1"},
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"astana-facts {' '.join(map(str, args))} did not end within 60 s")


def _replace(path: Path, make: Callable[[Path], None]) -> None:
    path.unlink()
    make(path)


@pytest.mark.parametrize("relative", [CLAIMS, TEXT, "claims/extra.json"])
@pytest.mark.parametrize("said", sorted(MAKERS))
def test_validate_names_every_non_regular_file_with_sch011(
    tmp_path: Path, said: str, relative: str
) -> None:
    root = build_records(tmp_path / "records")
    if (root / relative).exists():
        _replace(root / relative, MAKERS[said])
    else:
        MAKERS[said](root / relative)
    done = _command("validate", "--records", root, "--format", "json")
    assert done.returncode == 1, done.stderr
    findings = json.loads(done.stdout)["findings"]
    # (A loop is two links, each reported.)
    named = [f for f in findings if f["code"] == "SCH011" and f["file"].endswith(relative)]
    assert len(named) == 1, findings
    assert said in named[0]["message"]


def _fifo(root: Path) -> str:
    _replace(root / CLAIMS, MAKERS["a FIFO (named pipe)"])
    return "SCH011"


def _deep(root: Path) -> str:
    (root / "claims" / "deep.json").write_bytes(b'{"claims": ' + b"[" * 600 + b"]" * 600 + b"}")
    return "SCH013"


def _huge_integer(root: Path) -> str:
    raw = (root / CLAIMS).read_bytes()
    (root / CLAIMS).write_bytes(raw.replace(b'"ordinal": 4', b'"ordinal": 12345678901234567890123'))
    return "SCH010"


HOSTILE = {"fifo": _fifo, "deep": _deep, "huge-integer": _huge_integer}

COMMANDS: dict[str, tuple[str, ...]] = {
    "validate": ("validate", "--records", "{root}"),
    "report": ("report", "--records", "{root}", "--format", "json"),
    "stats": ("stats", "--records", "{root}"),
    "export": ("export", "--records", "{root}", "-o", "-"),
    "fmt-check": ("fmt", "--check", "--records", "{root}"),
    "fmt": ("fmt", "--records", "{root}"),
    "diff": ("diff", "{clean}", "{root}"),
}
SAYS_THE_CODE = {"validate", "report", "fmt-check", "fmt", "diff"}
"""The commands whose output carries the finding's code (stats and export say there are
errors and point to validate)."""


@pytest.mark.parametrize("command", sorted(COMMANDS))
@pytest.mark.parametrize("hostile", sorted(HOSTILE))
def test_every_command_ends_with_the_code_of_a_hostile_file(
    tmp_path: Path, hostile: str, command: str
) -> None:
    clean = build_records(tmp_path / "clean" / "records")
    root = tmp_path / "records"
    shutil.copytree(clean, root)
    code = HOSTILE[hostile](root)
    before = {path.name: path.read_bytes() for path in (root / "claims").glob("*.json")
              if path.is_file()}  # fmt: skip
    args = [part.format(root=root, clean=clean) for part in COMMANDS[command]]
    done = _command(*args)
    assert done.returncode in {1, 2}, (done.stdout, done.stderr)
    assert "internal error" not in done.stderr
    if command in SAYS_THE_CODE:
        assert code in done.stdout + done.stderr
    if command == "export":
        assert done.stdout == ""
    after = {path.name: path.read_bytes() for path in (root / "claims").glob("*.json")
             if path.is_file()}  # fmt: skip
    assert after == before, "a file was changed"


@pytest.mark.parametrize("said", sorted(MAKERS))
def test_a_scoped_check_names_a_hostile_claims_file_and_compares_paths_without_resolving(
    tmp_path: Path, said: str
) -> None:
    # `--file` compares every finding's file with the chosen ones: a link loop among them must
    # not end in an internal error (Path.resolve raises on loops).
    root = build_records(tmp_path / "records")
    _replace(root / CLAIMS, MAKERS[said])
    done = _command("validate", "--records", root, "--file", root / "entities.json")
    assert done.returncode in (0, 1), done.stderr
    assert "internal error" not in done.stderr and "Traceback" not in done.stderr
