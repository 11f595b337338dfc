"""``astana-facts locate``: the span of a quote, so that nobody counts characters by hand."""

from __future__ import annotations

import sys

import click

from astana_facts.cli.console import console, console_options
from astana_facts.cli.options import EXIT_FINDINGS, fail, records_folder, records_option


@click.command()
@click.argument("document")
@click.argument("quote")
@records_option
@click.option("--prefix", default=None, help="Text just before the quote, to pick one occurrence.")
@click.option("--suffix", default=None, help="Text just after the quote, to pick one occurrence.")
@console_options
def locate(
    document: str, quote: str, records_dir: str | None, prefix: str | None, suffix: str | None
) -> None:
    """Print the span (start, end, exact, prefix, suffix) of QUOTE in DOCUMENT, as JSON.

    When the quote does not occur, the nearest passage is suggested ("did you mean …?"): one
    that differs only in whitespace, quote marks, dashes or look-alike letters, else the most
    similar one. Exits 1 when the quote does not occur, or occurs more than once (each place is
    listed, so a prefix or suffix can pick one); 2 when the document has no readable text.

    \b
    Example:
        astana-facts locate klein-platform-for-peace-2017-05 "May 3rd and 4th"
    """
    import orjson

    from astana_facts.text.anchoring import did_you_mean
    from astana_facts.text.quotes import find_quote
    from astana_facts.text.visible import show
    from astana_facts.tools.fmt import document_text

    shell = console()
    folder = records_folder(records_dir)
    text = document_text(folder.root, document)
    if text is None:
        fail(f"no readable source text for document {document!r} in {folder.label}")
    anchors = find_quote(text, quote, prefix=prefix, suffix=suffix)
    if not anchors:
        hint = did_you_mean(text, quote)
        shell.error(f"not found: {show(quote)} does not occur in {document}{hint}")
        sys.exit(EXIT_FINDINGS)
    if len(anchors) > 1:
        shell.error(f"ambiguous: {show(quote)} occurs {len(anchors)} times in {document}:")
        for anchor in anchors:
            shell.error(
                f"  {anchor.start}-{anchor.end}: …{show(anchor.prefix[-20:])} [quote] "
                f"{show(anchor.suffix[:20])}…"
            )
        shell.error("Give --prefix or --suffix (or a longer quote) to pick one.")
        sys.exit(EXIT_FINDINGS)
    anchor = anchors[0]
    span = {
        "start": anchor.start,
        "end": anchor.end,
        "exact": anchor.exact,
        "prefix": anchor.prefix,
        "suffix": anchor.suffix,
    }
    click.echo(orjson.dumps(span, option=orjson.OPT_INDENT_2).decode("utf-8"))
