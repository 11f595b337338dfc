"""The group and its table of commands: one entry per command, loaded only when it runs, every
command listed with its summary in ``--help``."""

from __future__ import annotations

import subprocess
import sys

import click
import pytest
from click.testing import CliRunner

from astana_facts.cli.main import COMMANDS, cli, load_command


def test_importing_the_group_imports_no_command_module() -> None:
    modules = sorted({path.partition(":")[0] for path in COMMANDS.values()})
    code = (
        "import sys\n"
        "import astana_facts.cli.main\n"
        f"loaded = [m for m in {modules!r} if m in sys.modules]\n"
        "print(loaded)\n"
        "assert not loaded\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_entry_of_the_table_is_a_click_command_of_that_name(name: str) -> None:
    command = load_command(name)
    assert isinstance(command, click.Command) and command.name == name


def test_the_group_lists_exactly_the_table() -> None:
    assert cli.list_commands(click.Context(cli)) == sorted(COMMANDS)


def test_help_lists_every_command_with_its_summary() -> None:
    result = CliRunner().invoke(cli, ["--help"])
    assert result.exit_code == 0
    listed = {
        line.split()[0]: line.split(None, 1)[1]
        for line in result.output.split("Commands:\n", 1)[1].splitlines()
    }
    assert sorted(listed) == sorted(COMMANDS)
    for name, shown in listed.items():
        summary = load_command(name).get_short_help_str(limit=300)
        assert summary.startswith(shown.removesuffix("...")), name


def test_a_command_runs_with_only_its_own_module_loaded() -> None:
    code = (
        "import sys\n"
        "from astana_facts.cli.main import main\n"
        "sys.argv = ['astana-facts', 'rules', 'DAT001']\n"
        "try:\n"
        "    main()\n"
        "except SystemExit:\n"
        "    pass\n"
        "print('fmt' if 'astana_facts.cli.fmt' in sys.modules else 'ok', file=sys.stderr)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert "DAT001" in result.stdout and result.stderr.strip().endswith("ok"), result.stderr


def test_an_unknown_command_is_a_usage_error_naming_it() -> None:
    result = CliRunner().invoke(cli, ["repor"])
    assert result.exit_code == 2 and "No such command 'repor'" in result.output
    if hasattr(click.exceptions, "NoSuchCommand"):  # click 8.4 and later suggest close names
        assert "'report'" in result.output.split("Did you mean", 1)[1]


def test_shell_completion_as_readme_documents_it() -> None:
    """README's completion lines work: click prints a completion script for each shell."""
    import os
    import shutil
    import subprocess
    import sys
    from pathlib import Path

    beside = Path(sys.executable).parent / "astana-facts"
    command = str(beside) if beside.exists() else shutil.which("astana-facts")
    assert command, "the astana-facts console script is installed with the package"
    for shell in ("bash", "zsh", "fish"):
        env = {**os.environ, "_ASTANA_FACTS_COMPLETE": f"{shell}_source"}
        done = subprocess.run([command], env=env, capture_output=True, text=True)
        assert done.returncode == 0 and "astana" in done.stdout.lower(), shell
