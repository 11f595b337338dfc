"""``astana-facts validate``: the integrity checks, rendered in any format of the registry."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import click

from astana_facts.cli.console import console, console_options
from astana_facts.cli.options import (
    announce,
    folder_errors_exit,
    output_format_option,
    records_folder,
    records_option,
)
from astana_facts.cli.scope import scope_options, scoped
from astana_facts.findings.finding import Finding


@click.command()
@records_option
@output_format_option("findings")
@click.option(
    "--coverage",
    is_flag=True,
    help="Also report sentences that carry no claim span and are not listed as not "
    "check-worthy (COV001, warnings).",
)
@scope_options
@console_options
def validate(
    records_dir: str | None,
    output_format: str,
    coverage: bool,
    changed_since: str | None,
    files: tuple[Path, ...],
) -> None:
    """Check that every record is well-formed and grounded in its source text.

    Runs the integrity checks (schema, spans, checksums, ids, references) on the records folder.
    Exits 1 when any finding is an error, 2 for a usage or I/O problem.

    Formats: text for people (the folder checked goes first, to standard error); json (the
    stable contract); github (workflow annotations next to the offending line); sarif (SARIF
    2.1.0 for code scanning); gitlab (GitLab Code Quality); junit (JUnit XML, a failure per
    error). With --changed-since REF (or --file), only the findings that the
    change introduced are shown, and decide the exit code. With -q, text output has the findings
    only.

    \b
    Example:
        astana-facts validate --records records --format github
        astana-facts validate --coverage
        astana-facts validate --format sarif > astana-facts.sarif
    """
    from astana_facts.pipeline.run import run
    from astana_facts.reading.locations import display_path
    from astana_facts.render.context import RenderContext
    from astana_facts.render.registry import render_chunks
    from astana_facts.render.sarif_locations import Sites

    shell = console()
    folder = records_folder(records_dir)
    announce(folder, output_format)
    with folder_errors_exit(), shell.stage("check"):
        result = run(folder.root, coverage=coverage, progress=shell.progress())
    records = result.records
    shell.detail(f"{len(records.sources)} document(s), {len(result.findings)} finding(s)")

    def recheck(old_root: Path, old_validators: Path | None) -> list[Finding]:
        return run(old_root, coverage=coverage, validators=old_validators).findings

    result = replace(
        result, findings=scoped(result.findings, records, changed_since, files, recheck)
    )
    context = RenderContext(
        versions=folder.versions,
        records=display_path(folder.root),
        rules=records.rules,
        paint=shell.painter(),
        summary=not shell.quiet,
        sites=Sites.of(result),
    )
    with shell.stage("render"):
        shell.out(render_chunks("findings", output_format, result.findings, context), context)
    sys.exit(result.exit_code)
