"""How much a command says and in which colours: -q, -v, NO_COLOR and FORCE_COLOR."""

from __future__ import annotations

from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from astana_facts.cli.console import colour_wanted
from astana_facts.cli.main import cli
from tests.factories import DOC_ID, claims, claims_file, write

ANSI = "\x1b["


def _run(*args: str, env: dict[str, str] | None = None) -> click.testing.Result:
    return CliRunner().invoke(cli, list(args), env=env)


def _break_a_quote(records: Path) -> Path:
    claim_list = claims()
    claim_list[1]["evidence"][0]["exact"] = "May 3rd and 5th"
    write(records / "claims" / f"{DOC_ID}.json", claims_file(claim_list))
    return records


@pytest.fixture
def broken(records: Path) -> Path:
    return _break_a_quote(records)


@pytest.mark.parametrize(
    ("environ", "terminal", "wanted"),
    [
        ({}, True, True),
        ({}, False, False),
        ({"NO_COLOR": "1"}, True, False),
        ({"FORCE_COLOR": "1"}, False, True),
        ({"NO_COLOR": "1", "FORCE_COLOR": "1"}, False, False),
        ({"NO_COLOR": ""}, True, True),  # an empty NO_COLOR does not count
    ],
)
def test_colour_follows_the_no_color_convention(
    environ: dict[str, str], terminal: bool, wanted: bool
) -> None:
    assert colour_wanted(terminal, environ) is wanted


def test_force_color_colours_severities_and_no_color_wins(broken: Path) -> None:
    forced = _run("validate", "--records", str(broken), env={"FORCE_COLOR": "1", "NO_COLOR": ""})
    assert forced.exit_code == 1
    assert click.style("error", fg="red", bold=True) in forced.stdout
    both = _run("validate", "--records", str(broken), env={"FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert ANSI not in both.output and "SPN001 error:" in both.stdout
    report = _run("report", "--records", str(broken), env={"FORCE_COLOR": "1", "NO_COLOR": ""})
    assert click.style("error", fg="red", bold=True) in report.stdout


def test_without_a_terminal_there_is_no_colour(broken: Path) -> None:
    result = _run("validate", "--records", str(broken), env={"FORCE_COLOR": "", "NO_COLOR": ""})
    assert ANSI not in result.output


def test_machine_formats_are_never_coloured(broken: Path) -> None:
    for output_format in ("json", "github", "sarif"):
        result = _run(
            "validate", "--records", str(broken), "--format", output_format,
            env={"FORCE_COLOR": "1", "NO_COLOR": ""},
        )  # fmt: skip
        assert ANSI not in result.output, output_format


def test_quiet_prints_only_findings_and_nothing_on_success(records: Path) -> None:
    clean = _run("validate", "-q", "--records", str(records))
    assert clean.exit_code == 0 and clean.output == ""
    broken = _break_a_quote(records)
    result = _run("validate", "--quiet", "--records", str(broken))
    assert result.exit_code == 1
    (line,) = result.output.splitlines()
    assert "SPN001" in line


def test_verbose_adds_the_time_of_each_stage(records: Path) -> None:
    result = _run("validate", "-v", "--records", str(records))
    assert result.exit_code == 0
    assert any(
        line.startswith("check: ") and line.endswith(" s") for line in result.stderr.splitlines()
    )
    assert "1 document(s)" in result.stderr
