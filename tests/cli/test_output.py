"""Where output goes and how the commands end: ``-o -`` is standard output, written files get
the usual permissions, and every command keeps to the exit codes the top-level help states."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import click
import orjson
import pytest
from click.testing import CliRunner

from astana_facts.cli.main import COMMANDS, cli


def _run(*args: str) -> click.testing.Result:
    return CliRunner().invoke(cli, list(args))


def test_dash_output_is_standard_output_and_no_file_named_dash(
    records: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = _run("report", "--records", str(records), "--format", "json", "-o", "-")
    assert result.exit_code == 0, result.output
    assert orjson.loads(result.stdout)["tool"] == "astana-facts"
    assert not (tmp_path / "-").exists()


def test_a_written_report_gets_the_usual_permissions(records: Path, tmp_path: Path) -> None:
    previous = os.umask(0o027)
    try:
        target = tmp_path / "report.md"
        result = _run(
            "report", "--records", str(records), "--format", "markdown", "-o", str(target)
        )
    finally:
        os.umask(previous)
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert "Consistency report" in target.read_text(encoding="utf-8")


def test_the_top_level_help_states_the_exit_codes() -> None:
    text = _run("--help").output
    assert "Exit codes:" in text
    for code, meaning in (("0", "success"), ("1", "findings"), ("2", "usage")):
        assert any(
            line.strip().startswith(f"{code}  ") and meaning in line for line in text.splitlines()
        )


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_a_usage_error_exits_2(name: str) -> None:
    result = _run(name, "--no-such-option")
    assert result.exit_code == 2 and "No such option" in result.output


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["validate"], 0),
        (["report"], 0),
        (["stats"], 0),
        (["fmt", "--check"], 0),
        (["schemas", "--check"], 0),
        (["locate", "klein-platform-for-peace-2017-05", "May 3rd and 4th"], 0),
        (["locate", "klein-platform-for-peace-2017-05", "no such words here"], 1),
        (["locate", "no-such-document", "x"], 2),
        (["diff", "bundled", "bundled"], 0),
        (["diff", "/no/such/folder"], 2),
        (["validate", "--format", "markdown"], 2),
    ],
)
def test_commands_follow_the_stated_exit_codes(args: list[str], code: int) -> None:
    result = _run(*args)
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output
