"""Entry point of the ``astana-facts`` command: the group, and the guard that keeps tracebacks
away from users (exit 2 with a message instead)."""

from __future__ import annotations

import sys

import click

from astana_facts.cli.commands import (
    add_source_command,
    diff,
    export,
    fmt,
    locate,
    release_check_command,
    report,
    rules,
    schemas,
    stats,
    validate,
)
from astana_facts.pipeline.gc import collector_paused

EXIT_FINDINGS = 1
EXIT_USAGE = 2


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="astana-facts", prog_name="astana-facts")
def cli() -> None:
    """Fact-checking records about the Astana peace process on Syria.

    Report contradictions between sources, validate and format records, add sources, export,
    diff versions and check releases.

    Every command works on the bundled dataset unless given a records folder.

    \b
    Exit codes: 0 no error-level finding; 1 error-level findings (or files to reformat);
    2 usage or I/O problem.
    """


for command in (
    report,
    validate,
    fmt,
    locate,
    add_source_command,
    stats,
    diff,
    export,
    release_check_command,
    schemas,
    rules,
):
    cli.add_command(command)


def main() -> None:
    """Run the command line; unexpected failures exit 2 with a one-line message."""
    try:
        with collector_paused():
            cli.main(standalone_mode=True)
    except SystemExit:
        raise
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as error:  # the last guard: never show a traceback
        click.echo(f"astana-facts: internal error: {type(error).__name__}: {error}", err=True)
        click.echo("Please report this with the command you ran.", err=True)
        sys.exit(EXIT_USAGE)
