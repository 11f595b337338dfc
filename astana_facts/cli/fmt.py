"""``astana-facts fmt``: the canonical layout, and span offsets filled in from quotes."""

from __future__ import annotations

import sys

import click

from astana_facts.cli.console import console, console_options
from astana_facts.cli.options import (
    EXIT_FINDINGS,
    announce,
    fail,
    records_folder,
    records_option,
    refuse_installed,
)


@click.command()
@records_option
@click.option(
    "--check", is_flag=True, help="Only report files that are not canonical; write nothing."
)
@console_options
def fmt(records_dir: str | None, check: bool) -> None:
    """Write records files in the canonical layout and fill in span offsets from quotes.

    A span written with only its "exact" quote gets "start", "end", "prefix" and "suffix". When
    any file cannot be formatted (bad JSON, a quote not found or found twice), no file is changed
    and the exit code is 1; with --check, files to reformat exit 1 too. Files are written all or
    none: when one cannot be written (disk full, read-only folder), every file is left as it was
    and the message names the file and the reason (exit 2). Temporary files that an interrupted
    run left behind (.NAME.XXXXXXXX.tmp) are removed. The bundled dataset of an installed package
    is read-only: fmt refuses to write into it (exit 2).

    \b
    Example:
        astana-facts fmt --check --records records
    """
    from astana_facts.jsonio.atomic import WriteFailed
    from astana_facts.reading.locations import display_path
    from astana_facts.render.text import location
    from astana_facts.tools.fmt import format_records

    shell = console()
    folder = records_folder(records_dir)
    if not check:
        refuse_installed(folder.root, "records")
    announce(folder)
    try:
        result = format_records(folder.root, check=check)
    except WriteFailed as error:
        fail(str(error))
    for problem in result.problems:
        shell.error(f"{location(problem)}: {problem.code} {problem.message}")
    if result.problems:
        shell.error(f"astana-facts fmt: {len(result.problems)} problem(s); no file was changed.")
        sys.exit(EXIT_FINDINGS)
    verb = "would reformat" if check else "reformatted"
    for path in result.changed:
        click.echo(f"{verb} {display_path(path)}")
    for path in result.removed:
        click.echo(f"removed leftover temporary file {display_path(path)}")
    if not shell.quiet:
        click.echo(
            f"{len(result.changed)} file(s) {verb}, {len(result.unchanged)} already canonical"
            + ("" if check else f", {result.filled_spans} span(s) filled in")
        )
    if check and result.changed:
        sys.exit(EXIT_FINDINGS)
