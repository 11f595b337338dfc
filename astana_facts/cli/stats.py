"""``astana-facts stats``: per document, the sentences covered, claims by kind, entities used."""

from __future__ import annotations

import sys

import click

from astana_facts.cli.console import console, console_options
from astana_facts.cli.options import (
    EXIT_FINDINGS,
    announce,
    folder_errors_exit,
    output_format_option,
    records_folder,
    records_option,
)
from astana_facts.findings.finding import has_errors


@click.command()
@records_option
@output_format_option("stats")
@console_options
def stats(records_dir: str | None, output_format: str) -> None:
    """Show, per document, the sentences covered, the claims by kind and the entities used.

    A sentence is covered when a claim span or a not_check_worthy entry touches it (the same
    rule as `validate --coverage`). Exits 1 when the records have error-level findings (the
    figures are then of what could be read).

    \b
    Example:
        astana-facts stats --format markdown
    """
    from astana_facts.pipeline.run import run
    from astana_facts.render.context import RenderContext
    from astana_facts.render.registry import render
    from astana_facts.tools.stats import document_stats

    shell = console()
    folder = records_folder(records_dir)
    announce(folder, output_format)
    with folder_errors_exit(), shell.stage("check"):
        result = run(folder.root, keep=True, progress=shell.progress())
    records, findings = result.records, result.findings
    context = RenderContext(records=folder.label, paint=shell.painter())
    figures = document_stats(records, shell.progress())
    shell.out(render("stats", output_format, figures, context), context)
    if has_errors(findings):
        shell.error(
            f"astana-facts: the records have {sum(f.severity == 'error' for f in findings)} "
            "error(s); run `astana-facts validate` to see them"
        )
        sys.exit(EXIT_FINDINGS)
