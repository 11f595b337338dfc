"""Entry point of the ``astana-facts`` command: the group, and the guard that keeps tracebacks
away from users (exit 2 with a message instead)."""

from __future__ import annotations

import sys

import click

from astana_facts.cli.add_source import add_source_command
from astana_facts.cli.diff import diff
from astana_facts.cli.export import export
from astana_facts.cli.fmt import fmt
from astana_facts.cli.locate import locate
from astana_facts.cli.options import EXIT_USAGE
from astana_facts.cli.release_check import release_check_command
from astana_facts.cli.report import report
from astana_facts.cli.rules import rules
from astana_facts.cli.schemas import schemas
from astana_facts.cli.stats import stats
from astana_facts.cli.validate import validate
from astana_facts.pipeline.gc import collector_paused


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="astana-facts", prog_name="astana-facts")
def cli() -> None:
    """Fact-checking records about the Astana peace process on Syria.

    Report contradictions between sources, validate and format records, add sources, export,
    diff versions and check releases.

    The records folder is --records DIR; without it, a records/ folder in the working directory
    or a parent (a checkout), else the bundled dataset, which is read-only. Text output says
    first (on standard error) which folder was checked. -q says less, -v adds timings; colour
    on a terminal, off with NO_COLOR, forced with FORCE_COLOR.

    \b
    Exit codes:
      0  success: no error-level finding (report: none without an adjudication)
      1  findings: error-level findings; report: an error without an adjudication
         (--exit-zero: 0); fmt --check: files to reformat; schemas --check: stale
         schemas; locate: quote absent or ambiguous; release-check: a check failed
      2  a usage, input or I/O problem (bad option, missing folder, unreadable file,
         read-only bundled data), or an unexpected failure
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
