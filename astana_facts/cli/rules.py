"""``astana-facts rules [CODE]``: the rule registry, or one rule's documentation (as ``ruff rule``
prints a rule)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from astana_facts.cli.options import EXIT_USAGE, format_option


@click.command()
@click.argument("code", required=False)
@format_option("text", "markdown", "json")
@click.option(
    "--validators",
    "validators_dir",
    metavar="DIR",
    type=click.Path(file_okay=False, dir_okay=True, exists=True, path_type=Path),
    help="Folder of declared consistency rules (default: the bundled validators/).",
)
def rules(code: str | None, output_format: str, validators_dir: Path | None) -> None:
    """Document the rule codes: every integrity check and every consistency rule declared in
    the validators folder.

    Without CODE, the table of codes (severity, name, one line each); --format markdown adds a
    section per code (what docs/rules.md shows), --format json gives every field.

    With CODE, that rule's documentation: what it checks, why it matters, what to do about a
    finding, its severity, and for a consistency rule the claims it compares, its engine and
    parameters, an example that fires and a near miss that does not. An unknown CODE exits 2
    and names the codes that come close.

    \b
    Examples:
        astana-facts rules
        astana-facts rules DAT001
        astana-facts rules SPN001 --format json
    """
    from astana_facts.findings.registry import near_codes, registry
    from astana_facts.findings.rules_doc import (
        rule_json,
        rule_markdown,
        rule_text,
        rules_json,
        rules_markdown,
        rules_text,
    )

    try:
        entries = registry(validators_dir)
    except ValueError as error:
        click.echo(f"astana-facts: {error}", err=True)
        sys.exit(EXIT_USAGE)
    if code is None:
        every = list(entries.values())
        render = {"text": rules_text, "markdown": rules_markdown, "json": rules_json}
        click.echo(render[output_format](every), nl=False)
        return
    entry = entries.get(code.upper())
    if entry is None:
        near = near_codes(code, list(entries))
        hint = f"; did you mean {', '.join(near)}?" if near else ""
        click.echo(
            f"astana-facts: unknown rule code {code!r}{hint} (`astana-facts rules` lists them)",
            err=True,
        )
        sys.exit(EXIT_USAGE)
    render_one = {"text": rule_text, "markdown": rule_markdown, "json": rule_json}
    click.echo(render_one[output_format](entry), nl=False)
