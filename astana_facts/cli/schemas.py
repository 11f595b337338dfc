"""``astana-facts schemas``: the JSON Schemas generated from the models, written or checked."""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

import click

from astana_facts.cli.console import console, console_options
from astana_facts.cli.options import EXIT_FINDINGS, fail, refuse_installed


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
    The files are written all or none: when one cannot be written, none is changed and the
    message names it and says why (exit 2).

    \b
    Example:
        astana-facts schemas --check
    """
    from astana_facts.models.json_schema import generated_schemas

    shell = console()
    folder = Path(schemas_dir) if schemas_dir else default_schemas_folder()
    if not check:
        refuse_installed(folder, "schemas")
    pending: list[tuple[Path, bytes]] = []
    for name, content in generated_schemas().items():
        path = folder / name
        if _current(path) != content:
            pending.append((path, content))
    if schemas_dir is None:
        pending += _compiled_validators(check)
    if not check and pending:
        _write(folder, pending)
    verb = "out of date" if check else "written"
    for path, _ in pending:
        click.echo(f"{verb}: {path}")
    if not shell.quiet:
        click.echo(f"{len(pending)} schema(s) {verb}")
    if check and pending:
        sys.exit(EXIT_FINDINGS)


def _write(folder: Path, files: list[tuple[Path, bytes]]) -> None:
    """Write every file or none (exit 2, naming the file and the reason, when one cannot be);
    ``folder`` is created when missing, and removed again when the write fails."""
    from astana_facts.jsonio.atomic import WriteFailed, write_all

    existed = folder.is_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        fail(f"cannot create {folder}: {error.strerror or error}; no file was changed")
    try:
        write_all(files)
    except WriteFailed as error:
        if not existed:
            with contextlib.suppress(OSError):
                folder.rmdir()
        fail(str(error))


def _current(path: Path) -> bytes | None:
    """The bytes of ``path``, or ``None`` when it is missing or cannot be read (then it is
    stale, and writing it says why if it cannot be written)."""
    try:
        return path.read_bytes()
    except OSError:
        return None


def _compiled_validators(check: bool) -> list[tuple[Path, bytes]]:
    """The compiled validators of a checkout, with their content, when the file is stale.

    Checked only under the pydantic-core version that wrote the file: another version writes
    other core schemas (and the file is then not used, so it cannot mislead)."""
    from astana_facts.reading import compiled
    from astana_facts.resources import bundled, is_installed_data

    if is_installed_data(bundled("schemas")):
        return []  # an installed package: its compiled file is the one its wheel was built with
    path = compiled.COMPILED
    current = _current(path)
    if check and current is not None and compiled.compiled() is None:
        return []  # written by another pydantic-core: not used here, not comparable
    content = compiled.render()
    if current == content:
        return []
    return [(path, content)]
