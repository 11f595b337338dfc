"""``--changed-since`` in a repository that keeps only records (the rules are the bundled ones,
outside the repository): the baseline is read from git, the rules as they are."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from astana_facts.cli.main import cli
from astana_facts.resources import bundled
from astana_facts.tools.changes import baseline
from tests.factories import DOC_ID, build_records, claims, claims_file, write

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


def _git(root: Path, *args: str) -> None:
    identity = ["-c", "user.email=t@example.org", "-c", "user.name=t"]
    subprocess.run(["git", "-C", str(root), *identity, *args], check=True, capture_output=True)


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    """A git repository holding only a records folder, committed."""
    build_records(tmp_path / "records")
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-qm", "records")
    return tmp_path


def test_the_baseline_keeps_rules_from_outside_the_repository(repository: Path) -> None:
    rules = bundled("validators")
    with baseline(repository / "records", rules, "HEAD") as (old_records, old_rules):
        assert (old_records / "entities.json").is_file()
        assert old_rules == rules


def test_changed_since_shows_only_the_new_finding(
    repository: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(repository)
    assert CliRunner().invoke(cli, ["validate", "--changed-since", "HEAD"]).exit_code == 0
    claim_list = claims()
    claim_list[1]["evidence"][0]["exact"] = "May 3rd and 5th"
    write(repository / "records" / "claims" / f"{DOC_ID}.json", claims_file(claim_list))
    for command in ("validate", "report"):
        result = CliRunner().invoke(cli, [command, "--changed-since", "HEAD"])
        assert result.exit_code == 1, result.output
        assert isinstance(result.exception, SystemExit)  # an exit code, not a crash
        assert "SPN001" in result.stdout and "internal error" not in result.output
