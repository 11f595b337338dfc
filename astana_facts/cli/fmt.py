"""``astana-facts fmt``: the canonical layout, and span offsets filled in from quotes."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

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

if TYPE_CHECKING:
    from astana_facts.tools.fmt import FormatResult


@click.command()
@records_option
@click.option(
    "--check", is_flag=True, help="Only report files that are not canonical; write nothing."
)
@click.option(
    "--reanchor",
    is_flag=True,
    help="First move every span that no longer matches its (corrected) source text to where "
    "its quote now stands, and update the text's sha256; list the spans it cannot place.",
)
@console_options
def fmt(records_dir: str | None, check: bool, reanchor: bool) -> None:
    """Write records files in the canonical layout and fill in span offsets from quotes.

    A span written with only its "exact" quote gets "start", "end", "prefix" and "suffix". When
    any file cannot be formatted (bad JSON, a quote not found or found twice), no file is changed
    and the exit code is 1; with --check, files to reformat exit 1 too. Files are written all or
    none: when one cannot be written (disk full, read-only folder), every file is left as it was
    and the message names the file and the reason (exit 2). Temporary files that an interrupted
    run left behind (.NAME.XXXXXXXX.tmp) are removed. The bundled dataset of an installed package
    is read-only: fmt refuses to write into it (exit 2).

    After a correction to a source text, --reanchor first places every span that no longer
    matches the text again, from its exact quote, prefix and suffix (the quote must still occur
    exactly; the occurrence that agrees best with the prefix and suffix, then the one nearest
    the old offset, wins), and updates the document's sha256 once all its spans hold. A span
    whose quote no longer occurs (an orphan) is listed with the nearest similar passage and left
    as it was; the others are written, and the exit code is 1 (so too when a text is not
    normalised: its document is left alone). With --check it only lists what
    would move. Without --reanchor, spans that no longer match their text are a problem like
    any other: fmt writes nothing and exits 1 (as fmt --check does) with a note to run it.

    \b
    Example:
        astana-facts fmt --check --records records
        astana-facts fmt --reanchor --records records
    """
    from astana_facts.jsonio.atomic import WriteFailed
    from astana_facts.render.text import location
    from astana_facts.tools.fmt import format_records

    shell = console()
    folder = records_folder(records_dir)
    if not check:
        refuse_installed(folder.root, "records")
    announce(folder)
    try:
        orphans = _reanchor(folder.root, check, shell.quiet) if reanchor else 0
        result = format_records(
            folder.root, check=check, stale_ok=reanchor, progress=shell.progress()
        )
    except WriteFailed as error:
        fail(str(error))
    stale = 0 if reanchor else _stale(result.stale, check, written=not result.problems)
    for problem in result.problems:
        shell.error(f"{location(problem)}: {problem.code} {problem.message}")
    if result.problems:
        shell.error(f"astana-facts fmt: {len(result.problems)} problem(s); no file was changed.")
        sys.exit(EXIT_FINDINGS)
    _say_done(result, check, shell.quiet)
    if orphans or stale or (check and result.changed):
        sys.exit(EXIT_FINDINGS)


def _say_done(result: FormatResult, check: bool, quiet: bool) -> None:
    """List the files reformatted (or that would be) and the leftovers removed; then the
    summary line unless ``quiet``."""
    from astana_facts.reading.locations import display_path

    verb = "would reformat" if check else "reformatted"
    for path in result.changed:
        click.echo(f"{verb} {display_path(path)}")
    for path in result.removed:
        click.echo(f"removed leftover temporary file {display_path(path)}")
    if not quiet:
        click.echo(
            f"{len(result.changed)} file(s) {verb}, {len(result.unchanged)} already canonical"
            + ("" if check else f", {result.filled_spans} span(s) filled in")
        )


def _stale(stale: dict[str, int], check: bool, *, written: bool) -> int:
    """Say how many spans no longer match their text (a corrected text), and how to fix it;
    their number.

    Stale spans are a problem like any other: unless only checking, fmt exits 1 here, having
    written nothing, until they are placed again (``written``: no other problem has already
    said so)."""
    if not stale:
        return 0
    count = sum(stale.values())
    console().error(
        f"astana-facts fmt: {count} span(s) of {len(stale)} document(s) no longer match their "
        "source text (`astana-facts validate` says which); run `astana-facts fmt --reanchor`"
    )
    if not check and written:
        console().error("astana-facts fmt: no file was changed.")
        sys.exit(EXIT_FINDINGS)
    return count


def _reanchor(root: Path, check: bool, quiet: bool) -> int:
    """Re-anchor the folder's spans (``fmt --reanchor``) and say what moved; the number of
    orphans. Exits 1 when a file cannot be read (nothing is written then)."""
    from astana_facts.reading.locations import display_path
    from astana_facts.render.text import location
    from astana_facts.tools.fmt import format_records
    from astana_facts.tools.reanchor import reanchor_records

    shell = console()
    if not check and format_records(root, check=True).problems:
        return 0  # the formatting below fails and says why: nothing is re-anchored either
    result = reanchor_records(root, check=check)
    for problem in [*result.problems, *result.skipped, *result.orphans]:
        shell.error(f"{location(problem)}: {problem.code} {problem.message}")
    if result.problems:
        shell.error(f"astana-facts fmt: {len(result.problems)} problem(s); no file was changed.")
        sys.exit(EXIT_FINDINGS)
    for path, count in result.moved.items():
        verb = "would re-anchor" if check else "re-anchored"
        click.echo(f"{verb} {count} span(s) in {display_path(path)}")
    for path in result.checksums:
        click.echo(f"{'would update' if check else 'updated'} sha256 in {display_path(path)}")
    if not quiet:
        click.echo(
            f"{sum(result.moved.values())} span(s) {'to re-anchor' if check else 're-anchored'}, "
            f"{len(result.orphans)} orphan(s) "
            "left as they were, "
            f"{len(result.checksums)} checksum(s) {'to update' if check else 'updated'}"
        )
    return len(result.orphans) + len(result.skipped) + (len(result.pending) if check else 0)
