"""``astana-facts schemas``: the JSON Schemas generated from the models, written or checked."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from astana_facts.cli.console import console, console_options
from astana_facts.cli.options import EXIT_FINDINGS, refuse_installed


def default_schemas_folder() -> Path:
    """``schemas/`` beside the checkout's ``records/`` (found from the working directory), else
    the bundled schemas."""
    from astana_facts.resources import bundled, checkout_records

    records = checkout_records(Path.cwd())
    if records is not None and (records.parent / "schemas").is_dir():
        return records.parent / "schemas"
    return bundled("schemas")


@click.command()
@click.argument("schemas_dir", required=False, type=click.Path(file_okay=False))
@click.option(
    "--check", is_flag=True, help="Fail when the files differ from the models; write nothing."
)
@console_options
def schemas(schemas_dir: str | None, check: bool) -> None:
    """Generate the JSON Schemas of all records files from the models.

    Writes SCHEMAS_DIR (default: the checkout's schemas/ beside its records/, else the bundled
    schemas, which an installed package keeps read-only: writing there exits 2). Without
    SCHEMAS_DIR, in a checkout, it also writes the validators compiled from the models
    (astana_facts/reading/compiled.json, which spares every command building them). With
    --check, exits 1 when a committed schema or the compiled validators are missing or differ.

    \b
    Example:
        astana-facts schemas --check
    """
    from astana_facts.jsonio.writer import write_atomic
    from astana_facts.models.json_schema import generated_schemas

    shell = console()
    folder = Path(schemas_dir) if schemas_dir else default_schemas_folder()
    if not check:
        refuse_installed(folder, "schemas")
    stale = []
    for name, content in generated_schemas().items():
        path = folder / name
        current = path.read_bytes() if path.exists() else None
        if current == content:
            continue
        stale.append(name)
        if not check:
            folder.mkdir(parents=True, exist_ok=True)
            write_atomic(path, content)
    if schemas_dir is None:
        stale += _compiled_validators(check)
    verb = "out of date" if check else "written"
    for name in stale:
        click.echo(f"{verb}: {folder / name}")
    if not shell.quiet:
        click.echo(f"{len(stale)} schema(s) {verb}")
    if check and stale:
        sys.exit(EXIT_FINDINGS)


def _compiled_validators(check: bool) -> list[str]:
    """Write (or check) the compiled validators of a checkout; the stale file's name, if any.

    Checked only under the pydantic-core version that wrote the file: another version writes
    other core schemas (and the file is then not used, so it cannot mislead)."""
    from astana_facts.jsonio.writer import write_atomic
    from astana_facts.reading import compiled
    from astana_facts.resources import bundled, is_installed_data

    if is_installed_data(bundled("schemas")):
        return []  # an installed package: its compiled file is the one its wheel was built with
    path = compiled.COMPILED
    current = path.read_bytes() if path.exists() else None
    if check and current is not None and compiled.compiled() is None:
        return []  # written by another pydantic-core: not used here, not comparable
    content = compiled.render()
    if current == content:
        return []
    if not check:
        write_atomic(path, content)
    return [str(path)]
