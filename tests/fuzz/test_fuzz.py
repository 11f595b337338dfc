"""Fuzzing in CI (issue 12): copies of the bundled records, mutated with a fixed seed, through
every command. Whatever a folder holds, every command ends promptly with exit 0, 1 or 2, never a
traceback, "internal error" or a hang; output is deterministic; garbage never passes; reading
changes nothing; ``fmt`` changes nothing or keeps every value.

The budget is the number of mutated folders: ``ASTANA_FACTS_FUZZ_BUDGET`` (default 30, about
fifteen seconds on two cores), the seed ``ASTANA_FACTS_FUZZ_SEED`` (default 12). A failure prints
the seed, the case and each mutation, so it can be redone with
``ASTANA_FACTS_FUZZ_SEED=<seed> ASTANA_FACTS_FUZZ_BUDGET=<n + 1> python -m pytest
tests/fuzz/test_fuzz.py -k case-<n>`` (the report prints this line). A thorough run
locally: ``ASTANA_FACTS_FUZZ_BUDGET=3000 python -m pytest tests/fuzz -q``.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from astana_facts.resources import bundled
from tests.fuzz.cases import make_case
from tests.fuzz.check import check
from tests.fuzz.known import brief, explained
from tests.fuzz.runs import report

SEED = int(os.environ.get("ASTANA_FACTS_FUZZ_SEED", "12"))
BUDGET = int(os.environ.get("ASTANA_FACTS_FUZZ_BUDGET", "30"))
GIT_EVERY = 5
"""Every fifth case is a git checkout, so that ``--changed-since`` is fuzzed too (git costs)."""
LOG = os.environ.get("ASTANA_FACTS_FUZZ_LOG")
"""A file to append every failing case to, as JSON lines (for a long local run)."""


def _git(folder: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-C", str(folder), "-c", "user.email=fuzz@example.org", "-c", "user.name=fuzz",
         *args],
        check=True,
        capture_output=True,
    )  # fmt: skip


@pytest.fixture(scope="session")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled records and validators, in a git checkout with one commit."""
    folder = tmp_path_factory.mktemp("fuzz") / "template"
    shutil.copytree(bundled("records"), folder / "records")
    shutil.copytree(bundled("validators"), folder / "validators")
    if shutil.which("git"):
        _git(folder, "init", "-q")
        _git(folder, "add", ".")
        _git(folder, "commit", "-qm", "template")
    return folder


@pytest.fixture(scope="session")
def original(tmp_path_factory: pytest.TempPathFactory, template: Path) -> Path:
    """An untouched copy of the records, the other side of every ``diff``."""
    folder = tmp_path_factory.mktemp("fuzz-original") / "records"
    shutil.copytree(template / "records", folder)
    return folder


@pytest.mark.parametrize("index", range(BUDGET), ids=lambda index: f"case-{index:04d}")
def test_every_command_survives_a_mutated_folder(
    index: int, template: Path, original: Path, tmp_path: Path
) -> None:
    git = index % GIT_EVERY == 0 and (template / ".git").is_dir()
    case = make_case(SEED, index, template, tmp_path / "case", git=git)
    failures = check(case, original)
    if not failures:
        return
    if LOG:
        with open(LOG, "a", encoding="utf-8") as log:
            entry = {"seed": SEED, "case": index, "steps": [str(s) for s in case.steps]}
            entry["failures"] = [{"command": f.command, "problem": f.problem,
                                  "output": f.output[-2000:]} for f in failures]  # fmt: skip
            log.write(json.dumps(entry) + "\n")
    described = (
        f"{case.describe()}\n  redo: ASTANA_FACTS_FUZZ_SEED={SEED} ASTANA_FACTS_FUZZ_BUDGET="
        f"{index + 1} python -m pytest tests/fuzz/test_fuzz.py -k case-{index:04d}"
    )
    reason = explained(case, failures)
    if reason is not None:
        pytest.xfail(f"{reason}\n{brief(described, failures)}")
    pytest.fail(report(described, failures), pytrace=False)
