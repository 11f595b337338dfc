"""``astana-facts release-check``: the version goes up as much as the change since the last
release needs, and the CHANGELOG has its section."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from astana_facts.cli.console import console, console_options
from astana_facts.cli.options import EXIT_FINDINGS, fail


@click.command("release-check")
@click.argument(
    "project", default=".", type=click.Path(file_okay=False, exists=True, path_type=Path)
)
@console_options
def release_check_command(project: Path) -> None:
    """Check that the version in pyproject.toml fits the change since the last release.

    The last release is the newest git tag vX.Y.Z below the version, that HEAD descends from;
    the dataset at that tag is diffed with the working tree, and the version must go up at least
    as much as the change needs. CHANGELOG.md must have a `## [X.Y.Z]` section. With no earlier
    tag (the first release), only the CHANGELOG is checked. Exits 1 when a check fails, 2 when
    the project cannot be read.

    \b
    Example:
        astana-facts release-check
    """
    from astana_facts.versions.release import release_check
    from astana_facts.versions.sides import SideError

    shell = console()
    try:
        result = release_check(project)
    except (SideError, OSError, KeyError, ValueError) as error:
        fail(str(error))
    baseline = f"last release {result.last}" if result.last else "first release (no earlier tag)"
    if not shell.quiet:
        click.echo(
            f"version {result.version}; {baseline}; bump needed: {result.needed}; "
            f"bump given: {result.given}"
        )
    for problem in result.problems:
        click.echo(f"FAIL: {problem}")
    if result.problems:
        sys.exit(EXIT_FINDINGS)
    if not shell.quiet:
        click.echo("release check passed")
