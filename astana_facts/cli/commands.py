"""The ``rules`` command (each other command has its own module in this package)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from astana_facts.cli.options import EXIT_USAGE, format_option


@click.command()
@format_option("text", "markdown")
@click.argument(
    "validators_dir",
    required=False,
    type=click.Path(file_okay=False, dir_okay=True, exists=True, path_type=Path),
)
def rules(output_format: str, validators_dir: Path | None) -> None:
    """List every rule code: the integrity checks and the consistency rules of VALIDATORS_DIR
    (default: the bundled validators/), each with its severity and a one-line explanation.

    With --format markdown, also each consistency rule's documentation: why it matters, which
    claims it compares, how it groups them, an example that fires and a near miss that does not
    (what docs/rules.md shows).

    \b
    Example:
        astana-facts rules --format markdown
    """
    from astana_facts.findings.rules_doc import consistency_rules, rules_markdown, rules_text

    try:
        declared = consistency_rules(validators_dir)
    except ValueError as error:
        click.echo(f"astana-facts: {error}", err=True)
        sys.exit(EXIT_USAGE)
    click.echo(
        rules_markdown(declared) if output_format == "markdown" else rules_text(declared), nl=False
    )
