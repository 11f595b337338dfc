"""README's command reference is generated from the commands, and stays current: a command
without help text, or missing from the README, fails here (as sqlite-utils' docs tests do)."""

from __future__ import annotations

import click
import pytest

from astana_facts.cli.main import COMMANDS, cli, commands, load_command
from astana_facts.cli.reference import commands_table, current_block, rewrite, synopsis
from tests.conftest import REPO

README = REPO / "README.md"


def test_the_readme_command_reference_is_current() -> None:
    block = current_block(README.read_text(encoding="utf-8"))
    assert block is not None, "README.md lacks the generated command reference"
    assert block == commands_table(cli), "run: python -m astana_facts.cli.reference"


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_has_a_summary_and_a_row_in_the_readme(name: str) -> None:
    command = load_command(name)
    summary = command.get_short_help_str(limit=300)
    assert summary and not summary.endswith("...")
    readme = README.read_text(encoding="utf-8")
    assert f"| `{synopsis(name, command).replace('|', chr(92) + '|')}` | {summary} |" in readme


def test_a_new_command_makes_the_reference_stale() -> None:
    group = click.Group(commands=commands())
    readme = rewrite(README.read_text(encoding="utf-8"), group)

    @click.command()
    def extra() -> None:
        """Does something new."""

    group.add_command(extra, "extra")
    assert current_block(readme) != commands_table(group)
    assert "`astana-facts extra` | Does something new. |" in commands_table(group)


def test_the_synopsis_lists_choices_and_required_options() -> None:
    line = synopsis("add-source", load_command("add-source"))
    assert line.startswith("astana-facts add-source TEXT_FILE --id DOCUMENT_ID ")
    assert "[--records DIR]" in line and "--quiet" not in line
    assert "[--format text|json|github|sarif|gitlab|junit]" in synopsis(
        "validate", load_command("validate")
    )
