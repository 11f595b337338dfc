"""``astana-facts report``: the consistency report, and the CI gate on unadjudicated errors."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import click

from astana_facts.cli.console import console, console_options
from astana_facts.cli.options import (
    announce,
    fail,
    folder_errors_exit,
    is_stdout,
    output_format_option,
    records_folder,
    records_option,
    write_output,
)
from astana_facts.cli.scope import scope_options, scoped
from astana_facts.findings.finding import Finding

if TYPE_CHECKING:
    from astana_facts.pipeline.result import Result
    from astana_facts.render.context import RenderContext


@click.command()
@records_option
@output_format_option("report")
@click.option(
    "-o",
    "--output",
    metavar="PATH",
    type=click.Path(allow_dash=True, path_type=Path),
    default=None,
    help="Write the report to the file PATH (atomically) instead of standard output; - is "
    "stdout. For --format html, the folder PATH (required): a new or empty folder, or a site "
    "written before, which is replaced whole.",
)
@click.option(
    "--exit-zero",
    is_flag=True,
    help="Exit 0 even when an error-level finding has no adjudication.",
)
@click.option("--strict", is_flag=True, hidden=True, help="The default now; kept as an alias.")
@scope_options
@console_options
def report(
    records_dir: str | None,
    output_format: str,
    output: Path | None,
    exit_zero: bool,
    strict: bool,
    changed_since: str | None,
    files: tuple[Path, ...],
) -> None:
    """Report where the sources disagree: each finding with its claims and quotes side by side.

    Runs the integrity checks and every consistency rule of validators/ on the records folder and
    shows a summary; what each rule ran on (groups of claims compared, and skipped by reason:
    "nothing to compare" is not a pass); then each finding with its rule, the claims involved,
    their documents, offsets, quotes in context and normalised values, and the editor's verdict
    where records/adjudications.json has one. --format html writes a static site to -o DIR
    instead (documents with every claim highlighted, findings, timelines; it works offline). The
    same data gives byte-identical output. Exits 1 when an error-level finding has no
    adjudication (the gate for CI; --exit-zero turns it off), 2 for usage or I/O problems. With
    --changed-since REF (or --file), only the findings that the change introduced are shown and
    counted: what a pull request's check needs.

    \b
    Example:
        astana-facts report
        astana-facts report --records records --format markdown -o report.md
        astana-facts report --format json --exit-zero
        astana-facts report --format sarif -o report.sarif
        astana-facts report --format html -o site --exit-zero
    """
    from astana_facts.pipeline.run import run
    from astana_facts.reading.locations import display_path
    from astana_facts.render.context import RenderContext
    from astana_facts.render.registry import render_chunks

    del strict  # the default since exit 1 became the rule; accepted so old scripts still run
    folder_format = _check_output(output_format, output)
    shell = console()
    folder = records_folder(records_dir)
    announce(folder, output_format)
    with folder_errors_exit(), shell.stage("check and consistency rules"):
        result = run(folder.root, consistency=True, progress=shell.progress(), anchors=False)
    shell.detail(f"{len(result.findings)} finding(s), {len(result.verdicts)} verdict(s)")

    result = replace(result, findings=_scoped(result, changed_since, files))
    context = RenderContext(
        versions=folder.versions,
        records=display_path(folder.root),
        paint=shell.painter() if is_stdout(output) else RenderContext().paint,
    )
    with shell.stage("render"):
        if folder_format and output is not None:
            _write_folder(output_format, output, result, context)
        elif output is not None and not is_stdout(output):
            write_output(output, render_chunks("report", output_format, result, context))
        else:
            shell.out(render_chunks("report", output_format, result, context), context)
    _gate(result, exit_zero)


def _scoped(result: Result, changed_since: str | None, files: tuple[Path, ...]) -> list[Finding]:
    """The findings a change introduced (``--changed-since``, ``--file``), else all."""
    from astana_facts.pipeline.run import run

    def recheck(old_root: Path, old_validators: Path | None) -> list[Finding]:
        return run(old_root, consistency=True, validators=old_validators).findings

    return scoped(result.findings, result.records, changed_since, files, recheck)


def _check_output(output_format: str, output: Path | None) -> bool:
    """Whether the format writes a folder; exit 2 before any work when ``-o`` does not fit it:
    a folder format needs a folder (not standard output), a stream format a file (not a
    folder); or when the format's extra is not installed."""
    from astana_facts.render.registry import FORMATS, missing_requirement

    folder_format = FORMATS[output_format].folder
    if folder_format:
        if is_stdout(output):
            fail(f"--format {output_format} writes a folder, not a stream: give -o DIR")
        why = missing_requirement(output_format)
        if why:
            fail(why)
        from astana_facts.cli.site_output import check_target

        assert output is not None
        check_target(output)
    elif output is not None and not is_stdout(output) and output.is_dir():
        fail(f"{output} is a folder; --format {output_format} writes a file: give -o FILE")
    return folder_format


def _write_folder(output_format: str, output: Path, result: Result, context: RenderContext) -> None:
    """Write the folder format's files to ``output``, all or nothing."""
    from astana_facts.cli.site_output import write_site
    from astana_facts.render.registry import render_files

    count = write_site(output, render_files("report", output_format, result, context))
    console().note(f"written {count} files to {output}")


def _gate(result: Result, exit_zero: bool) -> None:
    """Exit with the result's code (1 when an error-level finding has no adjudication), unless
    ``--exit-zero``."""
    if result.exit_code and not exit_zero:
        console().error(
            f"astana-facts: {len(result.unadjudicated_errors())} error-level finding(s) without "
            "an adjudication"
        )
        sys.exit(result.exit_code)
