"""``astana-facts rules [CODE]``: the rule registry, or one rule's documentation (as ``ruff rule``
prints a rule)."""

from __future__ import annotations

from pathlib import Path

import click

from astana_facts.cli.options import fail, output_format_option


@click.command()
@click.argument("code", required=False)
@output_format_option("rules")
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
    from astana_facts.consistency.registry import near_codes, registry
    from astana_facts.render.registry import render

    try:
        entries = registry(validators_dir)
    except ValueError as error:
        fail(str(error))
    if code is None:
        click.echo(render("rules", output_format, list(entries.values())), nl=False)
        return
    entry = entries.get(code.upper())
    if entry is None:
        near = near_codes(code, list(entries))
        hint = f"; did you mean {', '.join(near)}?" if near else ""
        fail(f"unknown rule code {code!r}{hint} (`astana-facts rules` lists them)")
    click.echo(render("rule", output_format, entry), nl=False)
