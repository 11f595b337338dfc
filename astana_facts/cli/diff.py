"""``astana-facts diff``: what changed between two versions of the dataset, and the bump."""

from __future__ import annotations

import sys

import click

from astana_facts.cli.console import console, console_options
from astana_facts.cli.options import EXIT_FINDINGS, fail, output_format_option


@click.command()
@click.argument("old")
@click.argument("new", default="bundled")
@output_format_option("diff")
@click.option(
    "--exit-code",
    is_flag=True,
    help="Exit 1 when the two sides differ, 0 when they do not (as git diff --exit-code).",
)
@console_options
def diff(old: str, new: str, output_format: str, exit_code: bool) -> None:
    """Show what changed from OLD to NEW and the version bump the change needs.

    Each side is a checkout or records folder, a built wheel (.whl), `bundled` (this
    installation's dataset, the default for NEW) or `git:REV` (the dataset at a git revision;
    REV must name a commit of the checkout around the working directory).
    Lists documents, claims, entities, rules and schemas added, removed or changed, with the
    fields that changed (old and new value), and the bump: major (a record removed or
    re-identified, a field removed, a breaking schema change, a stricter rule), minor (records,
    kinds or info rules added, a rule loosened) or patch (corrected values, spans, metadata).
    A records folder with no validators/ or schemas/ beside it is compared with the bundled
    rules and schemas, the ones it is checked with. Exits 0 whatever changed (with
    --exit-code: 1 when anything changed), 2 when a side cannot be read.

    \b
    Example:
        astana-facts diff git:v0.1.0 records
        astana-facts diff dist/astana_facts-0.1.0-py3-none-any.whl . --format markdown
        astana-facts diff git:HEAD records --exit-code
    """
    from astana_facts.render.context import RenderContext
    from astana_facts.render.registry import render
    from astana_facts.versions.diff import diff_sides
    from astana_facts.versions.sides import SideError, open_side

    shell = console()
    try:
        with open_side(old) as old_side, open_side(new) as new_side, shell.stage("diff"):
            result = diff_sides(old_side, new_side)
    except SideError as error:
        fail(str(error))
    context = RenderContext(paint=shell.painter())
    shell.out(render("diff", output_format, result, context), context)
    if exit_code and result.changes:
        sys.exit(EXIT_FINDINGS)
