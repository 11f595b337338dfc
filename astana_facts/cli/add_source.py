"""``astana-facts add-source``: a new source document, its metadata and an empty claims file."""

from __future__ import annotations

from pathlib import Path

import click

from astana_facts.cli.console import console, console_options
from astana_facts.cli.options import fail, records_folder, records_option, refuse_installed


@click.command("add-source")
@click.argument("text_file", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--id",
    "document_id",
    required=True,
    help="Document id (kebab-case: a-z, 0-9 and single hyphens, at most 120 characters), "
    "unused so far.",
)
@click.option("--title", required=True, help="Title, as the text gives it.")
@click.option(
    "--published",
    required=True,
    help="Publication date: YYYY-MM-DD, YYYY-MM or YYYY, or a range START..END.",
)
@click.option("--inferred", metavar="REASON", help="The date is inferred, for this reason.")
@click.option("--publisher", help="Who published it.")
@click.option("--author", help="Who wrote it.")
@click.option("--url", help="Where it was published (http or https).")
@click.option("--language", default="en", show_default=True, help="ISO 639 language code.")
@records_option
@console_options
def add_source_command(
    text_file: Path,
    document_id: str,
    title: str,
    published: str,
    inferred: str | None,
    publisher: str | None,
    author: str | None,
    url: str | None,
    language: str,
    records_dir: str | None,
) -> None:
    """Add a source document: its text, its metadata with the checksum, and an empty claims file.

    The text is normalised (UTF-8, LF line endings, NFC) and written to
    sources/ID.txt; sources/ID.json gets the metadata and the text's SHA-256; claims/ID.json is
    a scaffold to fill with claims (write each span's "exact" quote and run `astana-facts fmt`).
    Refuses an id that is taken, and the bundled dataset of an installed package (read-only);
    nothing is overwritten, and on failure nothing is written (exit 2).

    \b
    Example:
        astana-facts add-source article.txt --id tass-round-9-2018-05 \\
            --title "Astana talks end" --published 2018-05-15 --publisher TASS
    """
    from astana_facts.tools.add_source import AddSourceError, NewSource, add_source

    folder = records_folder(records_dir, require_layout=False)
    refuse_installed(folder.root, "records")
    request = NewSource(
        text_path=text_file,
        id=document_id,
        title=title,
        published=published,
        publisher=publisher,
        author=author,
        url=url,
        language=language,
        inferred=inferred,
    )
    try:
        written = add_source(request, folder.root)
    except AddSourceError as error:
        fail(str(error))
    for path in written:
        click.echo(f"written: {path}")
    console().note(
        f"next: add claims to {written[-1]} (only the quotes), then run `astana-facts fmt` and "
        "`astana-facts validate --coverage`"
    )
