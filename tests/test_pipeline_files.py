"""The CI files a contributor's repository uses: the GitHub workflow is valid and runs the
checks; the pre-commit hooks are well-formed and their entry points pass on the dataset; the
change scoping they rely on shows only what a change introduced."""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from astana_facts.cli.main import cli
from astana_facts.resources import bundled
from tests.conftest import REPO

WORKFLOW = REPO / ".github" / "workflows" / "validate.yml"
HOOKS = REPO / ".pre-commit-hooks.yaml"


def test_the_workflow_is_valid_against_the_github_workflow_schema() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows",
         str(WORKFLOW)],
        capture_output=True,
        text=True,
        check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_workflow_runs_the_checks_and_uploads_sarif() -> None:
    jobs = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]
    steps = jobs["records"]["steps"]
    commands = " ".join(step.get("run", "") for step in steps)
    for check in ("fmt --check --records records", "validate --records records",
                  "report --records records", "--changed-since"):  # fmt: skip
        assert check in commands
    scanning = jobs["code-scanning"]["steps"]  # its own job: see tests/test_workflows.py
    assert any("--format sarif" in step.get("run", "") for step in scanning)
    assert any("upload-sarif" in step.get("uses", "") for step in scanning)


@pytest.fixture
def dataset_copy(tmp_path: Path) -> Path:
    shutil.copytree(bundled("records"), tmp_path / "records")
    shutil.copytree(bundled("validators"), tmp_path / "validators")
    return tmp_path


def test_every_hook_is_well_formed_and_its_entry_passes(
    dataset_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(dataset_copy)
    hooks = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    assert {hook["id"] for hook in hooks} >= {"astana-facts-fmt", "astana-facts-validate"}
    for hook in hooks:
        assert {"id", "name", "entry", "language"} <= set(hook) and hook["language"] == "python"
        command = shlex.split(hook["entry"])
        assert command[0] == "astana-facts"
        result = CliRunner().invoke(cli, command[1:], catch_exceptions=False)
        assert result.exit_code == 0, (hook["id"], result.output)


def _git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True)


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_changed_since_shows_only_what_the_change_introduced(
    dataset_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _git(dataset_copy, "init", "-q")
    _git(dataset_copy, "-c", "user.email=t@example.org", "-c", "user.name=t", "add", ".")
    _git(dataset_copy, "-c", "user.email=t@example.org", "-c", "user.name=t", "commit", "-qm", "x")
    claims = dataset_copy / "records" / "claims" / "klein-platform-for-peace-2017-05.json"
    claims.write_text(
        claims.read_text(encoding="utf-8").replace("May 3rd and 4th", "May 3rd and 5th", 1),
        encoding="utf-8",
    )
    monkeypatch.chdir(dataset_copy)
    runner = CliRunner()
    scoped = runner.invoke(
        cli, ["report", "--records", "records", "--changed-since", "HEAD", "--strict"]
    )
    assert scoped.exit_code == 1
    # The old, adjudicated DAT001 finding is not shown (its rule's line of what it ran on is).
    assert "SPN001" in scoped.stdout and "\nDAT001 error" not in scoped.stdout
    assert "  DAT001 event-dates-clash: " in scoped.stdout
    assert "were there before HEAD; not shown" in scoped.output
    unscoped = runner.invoke(cli, ["report", "--records", "records"])
    assert "\nDAT001 error" in unscoped.stdout
    by_file = runner.invoke(
        cli,
        [
            "validate",
            "--records",
            "records",
            "--file",
            "records/claims/kisi-eighth-round-results-2017-12.json",
        ],
    )
    assert by_file.exit_code == 0 and "concern other files" in by_file.output
    bad_ref = runner.invoke(
        cli, ["validate", "--records", "records", "--changed-since", "no-such-ref"]
    )
    assert bad_ref.exit_code == 2 and "no-such-ref" in bad_ref.output
