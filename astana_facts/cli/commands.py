"""The commands. Each one reads its inputs, calls the library, renders, and picks the exit code."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click

from astana_facts import package_version
from astana_facts.cli.options import format_option, records_argument
from astana_facts.cli.scope import scope_options, scoped
from astana_facts.findings.finding import Finding, has_errors
from astana_facts.resources import DataFolderNotFound, bundled

EXIT_FINDINGS = 1
EXIT_USAGE = 2


@contextmanager
def _folder_errors_exit() -> Iterator[None]:
    """A records folder that cannot be used (it vanished after the first look) exits 2 with a
    message, as every command's usage errors do."""
    from astana_facts.reading.folder import RecordsFolderError

    try:
        yield
    except RecordsFolderError as error:
        click.echo(f"astana-facts: {error}", err=True)
        sys.exit(EXIT_USAGE)


def _records_root(records_dir: str | None) -> Path:
    try:
        root = Path(records_dir) if records_dir else bundled("records")
    except DataFolderNotFound as error:
        raise click.ClickException(str(error)) from None
    if not root.is_dir():
        click.echo(f"astana-facts: records folder not found: {root}", err=True)
        sys.exit(EXIT_USAGE)
    return root


@click.command()
@records_argument
@format_option("text", "json", "github", "sarif")
@click.option(
    "--coverage",
    is_flag=True,
    help="Also report sentences that carry no claim span and are not listed as not "
    "check-worthy (COV001, warnings).",
)
@scope_options
def validate(
    records_dir: str | None,
    output_format: str,
    coverage: bool,
    changed_since: str | None,
    files: tuple[Path, ...],
) -> None:
    """Check that every record is well-formed and grounded in its source text.

    Runs the integrity checks (schema, spans, checksums, ids, references) on RECORDS_DIR, or on
    the bundled dataset. Exits 1 when any finding is an error.

    Formats: text for people; json (the stable contract); github (workflow annotations next to
    the offending line); sarif (SARIF 2.1.0 for code scanning). With --changed-since REF (or
    --file), only the findings that the change introduced are shown, and decide the exit code.

    \b
    Example:
        astana-facts validate records --format github
        astana-facts validate --coverage
        astana-facts validate records --format sarif > astana-facts.sarif
    """
    from astana_facts.pipeline.checks import check_records
    from astana_facts.reading.locations import display_path
    from astana_facts.render import RENDERERS

    root = _records_root(records_dir)
    with _folder_errors_exit():
        records, findings = check_records(root, coverage=coverage)

    def recheck(old_root: Path, old_validators: Path | None) -> list[Finding]:
        return check_records(old_root, coverage=coverage, validators=old_validators)[1]

    findings = scoped(findings, records, changed_since, files, recheck)
    output = RENDERERS[output_format](
        findings,
        tool_version=package_version(),
        data_version=package_version() if records_dir is None else None,
        records=display_path(root),
        rules=records.rules,
    )
    click.echo(output, nl=False)
    sys.exit(EXIT_FINDINGS if has_errors(findings) else 0)


@click.command()
@records_argument
@click.option(
    "--check", is_flag=True, help="Only report files that are not canonical; write nothing."
)
def fmt(records_dir: str | None, check: bool) -> None:
    """Write records files in the canonical layout and fill in span offsets from quotes.

    A span written with only its "exact" quote gets "start", "end", "prefix" and "suffix". When
    any file cannot be formatted (bad JSON, a quote not found or found twice), no file is changed.

    \b
    Example:
        astana-facts fmt --check records
    """
    from astana_facts.reading.locations import display_path
    from astana_facts.render.text import location
    from astana_facts.tools.fmt import format_records

    root = _records_root(records_dir)
    result = format_records(root, check=check)
    for problem in result.problems:
        click.echo(f"{location(problem)}: {problem.code} {problem.message}", err=True)
    if result.problems:
        click.echo(
            f"astana-facts fmt: {len(result.problems)} problem(s); no file was changed.", err=True
        )
        sys.exit(EXIT_FINDINGS)
    verb = "would reformat" if check else "reformatted"
    for path in result.changed:
        click.echo(f"{verb} {display_path(path)}")
    click.echo(
        f"{len(result.changed)} file(s) {verb}, {len(result.unchanged)} already canonical"
        + ("" if check else f", {result.filled_spans} span(s) filled in")
    )
    if check and result.changed:
        sys.exit(EXIT_FINDINGS)


@click.command()
@click.argument("document")
@click.argument("quote")
@click.option(
    "--records",
    "records_dir",
    type=click.Path(file_okay=False),
    help="Records folder (default: bundled).",
)
@click.option("--prefix", default=None, help="Text just before the quote, to pick one occurrence.")
@click.option("--suffix", default=None, help="Text just after the quote, to pick one occurrence.")
def locate(
    document: str, quote: str, records_dir: str | None, prefix: str | None, suffix: str | None
) -> None:
    """Print the span (start, end, exact, prefix, suffix) of QUOTE in DOCUMENT, as JSON.

    Exits 1 when the quote does not occur, or occurs more than once (each place is listed, so a
    prefix or suffix can pick one).

    \b
    Example:
        astana-facts locate klein-platform-for-peace-2017-05 "May 3rd and 4th"
    """
    import orjson

    from astana_facts.text.quotes import find_quote
    from astana_facts.text.visible import show
    from astana_facts.tools.fmt import document_text

    root = _records_root(records_dir)
    text = document_text(root, document)
    if text is None:
        click.echo(f"astana-facts: no readable source text for document {document!r}", err=True)
        sys.exit(EXIT_USAGE)
    anchors = find_quote(text, quote, prefix=prefix, suffix=suffix)
    if not anchors:
        click.echo(f"not found: {show(quote)} does not occur in {document}", err=True)
        sys.exit(EXIT_FINDINGS)
    if len(anchors) > 1:
        click.echo(f"ambiguous: {show(quote)} occurs {len(anchors)} times in {document}:", err=True)
        for anchor in anchors:
            click.echo(
                f"  {anchor.start}-{anchor.end}: …{show(anchor.prefix[-20:])} [quote] "
                f"{show(anchor.suffix[:20])}…",
                err=True,
            )
        click.echo("Give --prefix or --suffix (or a longer quote) to pick one.", err=True)
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


@click.command()
@click.argument("schemas_dir", required=False, type=click.Path(file_okay=False))
@click.option(
    "--check", is_flag=True, help="Fail when the files differ from the models; write nothing."
)
def schemas(schemas_dir: str | None, check: bool) -> None:
    """Generate the JSON Schemas of all records files from the models.

    Writes SCHEMAS_DIR (default: the bundled schemas/ folder). With --check, exits 1 when a
    committed schema is missing or differs.

    \b
    Example:
        astana-facts schemas --check
    """
    from astana_facts.jsonio.writer import write_atomic
    from astana_facts.models.json_schema import generated_schemas

    folder = Path(schemas_dir) if schemas_dir else bundled("schemas")
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
    verb = "out of date" if check else "written"
    for name in stale:
        click.echo(f"{verb}: {folder / name}")
    click.echo(f"{len(stale)} schema(s) {verb}")
    if check and stale:
        sys.exit(EXIT_FINDINGS)


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


@click.command()
@records_argument
@format_option("text", "markdown", "json")
def stats(records_dir: str | None, output_format: str) -> None:
    """Show, per document, the sentences covered, the claims by kind and the entities used.

    A sentence is covered when a claim span or a not_check_worthy entry touches it (the same
    rule as `validate --coverage`). Exits 1 when the records have error-level findings (the
    figures are then of what could be read).

    \b
    Example:
        astana-facts stats --format markdown
    """
    from astana_facts.pipeline.checks import check_records
    from astana_facts.render.stats import (
        render_stats_json,
        render_stats_markdown,
        render_stats_text,
    )
    from astana_facts.tools.stats import document_stats

    root = _records_root(records_dir)
    with _folder_errors_exit():
        records, findings = check_records(root, keep=True)
    renderer = {
        "text": render_stats_text,
        "markdown": render_stats_markdown,
        "json": render_stats_json,
    }[output_format]
    click.echo(renderer(document_stats(records)), nl=False)
    if has_errors(findings):
        click.echo(
            f"astana-facts: the records have {sum(f.severity == 'error' for f in findings)} "
            "error(s); run `astana-facts validate` to see them",
            err=True,
        )
        sys.exit(EXIT_FINDINGS)


@click.command()
@records_argument
@format_option("text", "markdown", "json", "github", "sarif")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    default=None,
    help="Write the report to FILE (atomically) instead of standard output.",
)
@click.option(
    "--strict",
    is_flag=True,
    help="Exit 1 when an error-level finding has no adjudication (the gate for CI).",
)
@scope_options
def report(
    records_dir: str | None,
    output_format: str,
    output: Path | None,
    strict: bool,
    changed_since: str | None,
    files: tuple[Path, ...],
) -> None:
    """Report where the sources disagree: each finding with its claims and quotes side by side.

    Runs the integrity checks and every consistency rule of validators/ on RECORDS_DIR (or the
    bundled dataset) and shows a summary, then each finding with its rule, the claims involved,
    their documents, offsets, quotes in context and normalised values, and the editor's verdict
    where records/adjudications.json has one. The same data gives byte-identical output.
    Exits 0, or with --strict 1 when an error-level finding has no adjudication; 2 for usage or
    I/O problems. With --changed-since REF (or --file), only the findings that the change
    introduced are shown and counted: what a pull request's check needs.

    \b
    Example:
        astana-facts report
        astana-facts report records --format markdown -o report.md
        astana-facts report --strict --format json
        astana-facts report --format sarif -o report.sarif
    """
    from astana_facts.jsonio.writer import write_atomic
    from astana_facts.pipeline.report import build_report
    from astana_facts.reading.locations import display_path
    from astana_facts.render.report import REPORT_RENDERERS

    root = _records_root(records_dir)
    with _folder_errors_exit():
        result = build_report(root)

    def recheck(old_root: Path, old_validators: Path | None) -> list[Finding]:
        return build_report(old_root, validators=old_validators).findings

    result.findings = scoped(result.findings, result.records, changed_since, files, recheck)
    rendered = REPORT_RENDERERS[output_format](
        result,
        tool_version=package_version(),
        data_version=package_version() if records_dir is None else None,
        records=display_path(root),
    )
    if output is None:
        click.echo(rendered, nl=False)
    else:
        try:
            write_atomic(output, rendered.encode("utf-8"))
        except OSError as error:
            click.echo(f"astana-facts: cannot write {output}: {error.strerror or error}", err=True)
            sys.exit(EXIT_USAGE)
        click.echo(f"report written to {output}", err=True)
    unadjudicated = result.unadjudicated_errors()
    if strict and unadjudicated:
        click.echo(
            f"astana-facts: {len(unadjudicated)} error-level finding(s) without an adjudication",
            err=True,
        )
        sys.exit(EXIT_FINDINGS)


@click.command("add-source")
@click.argument("text_file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--id", "document_id", required=True, help="Document id (kebab-case), unused so far.")
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
@click.option(
    "--records",
    "records_dir",
    type=click.Path(file_okay=False, path_type=str),
    help="Records folder to add to (default: the bundled records of this checkout).",
)
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
    Refuses an id that is taken; nothing is overwritten, and on failure nothing is written.

    \b
    Example:
        astana-facts add-source article.txt --id tass-round-9-2018-05 \\
            --title "Astana talks end" --published 2018-05-15 --publisher TASS
    """
    from astana_facts.tools.add_source import AddSourceError, NewSource, add_source

    root = _records_root(records_dir)
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
        written = add_source(request, root)
    except AddSourceError as error:
        click.echo(f"astana-facts: {error}", err=True)
        sys.exit(EXIT_USAGE)
    for path in written:
        click.echo(f"written: {path}")
    click.echo(
        f"next: add claims to {written[-1]} (only the quotes), then run `astana-facts fmt` and "
        "`astana-facts validate --coverage`"
    )


@click.command()
@click.argument("old")
@click.argument("new", default="bundled")
@format_option("text", "markdown", "json")
def diff(old: str, new: str, output_format: str) -> None:
    """Show what changed from OLD to NEW and the version bump the change needs.

    Each side is a checkout or records folder, a built wheel (.whl), `bundled` (this
    installation's dataset, the default for NEW) or `git:REV` (the dataset at a git revision).
    Lists documents, claims, entities, rules and schemas added, removed or changed, with the
    fields that changed (old and new value), and the bump: major (a record removed or
    re-identified, a field removed, a breaking schema change, a stricter rule), minor (records,
    kinds or info rules added, a rule loosened) or patch (corrected values, spans, metadata).

    \b
    Example:
        astana-facts diff git:v0.1.0 records
        astana-facts diff dist/astana_facts-0.1.0-py3-none-any.whl . --format markdown
    """
    from astana_facts.render.diff import DIFF_RENDERERS
    from astana_facts.versions.diff import diff_sides
    from astana_facts.versions.sides import SideError, open_side

    try:
        with open_side(old) as old_side, open_side(new) as new_side:
            result = diff_sides(old_side, new_side)
    except SideError as error:
        click.echo(f"astana-facts: {error}", err=True)
        sys.exit(EXIT_USAGE)
    click.echo(DIFF_RENDERERS[output_format](result), nl=False)


@click.command("release-check")
@click.argument(
    "project", default=".", type=click.Path(file_okay=False, exists=True, path_type=Path)
)
def release_check_command(project: Path) -> None:
    """Check that the version in pyproject.toml fits the change since the last release.

    The last release is the newest git tag vX.Y.Z below the version, that HEAD descends from;
    the dataset at that tag is diffed with the working tree, and the version must go up at least
    as much as the change needs. CHANGELOG.md must have a `## [X.Y.Z]` section. With no earlier
    tag (the first release), only the CHANGELOG is checked. Exits 1 when a check fails.

    \b
    Example:
        astana-facts release-check
    """
    from astana_facts.versions.release import release_check
    from astana_facts.versions.sides import SideError

    try:
        result = release_check(project)
    except (SideError, OSError, KeyError, ValueError) as error:
        click.echo(f"astana-facts: {error}", err=True)
        sys.exit(EXIT_USAGE)
    baseline = f"last release {result.last}" if result.last else "first release (no earlier tag)"
    click.echo(
        f"version {result.version}; {baseline}; bump needed: {result.needed}; "
        f"bump given: {result.given}"
    )
    for problem in result.problems:
        click.echo(f"FAIL: {problem}")
    if result.problems:
        sys.exit(EXIT_FINDINGS)
    click.echo("release check passed")


_EXPORT_DEFAULTS = {
    "jsonl": "astana-facts.jsonl",
    "csv": "astana-facts-csv",
    "sqlite": "astana-facts.sqlite",
}


@click.command()
@records_argument
@format_option("jsonl", "csv", "sqlite")
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    default=None,
    help="Where to write: a file (jsonl, sqlite) or a folder (csv). Default: "
    "astana-facts.jsonl, astana-facts-csv/ or astana-facts.sqlite; jsonl to - for stdout.",
)
@click.option("--force", is_flag=True, help="Replace the output if it exists.")
def export(records_dir: str | None, output_format: str, output: Path | None, force: bool) -> None:
    """Export the claims, spans, entities and documents for other tools.

    jsonl: one claim per line, as in its file, with its document. csv: a folder with one CSV per
    table (documents, entities, entity_forms, claims, claim_entities, spans) and a Frictionless
    datapackage.json that describes them (types, keys, foreign keys). sqlite: the same tables
    with primary keys, foreign keys and indexes. The records must have no error-level finding.
    Nothing is overwritten without --force, and a failed export leaves no partial output.

    \b
    Example:
        astana-facts export --format sqlite -o astana.sqlite
        astana-facts export --format csv -o astana-csv
        astana-facts export --format jsonl -o - | head -1
    """
    from astana_facts.export.writers import ExportError, jsonl, write_export
    from astana_facts.pipeline.checks import check_records

    root = _records_root(records_dir)
    with _folder_errors_exit():
        records, findings = check_records(root, keep=True)
    if has_errors(findings):
        click.echo(
            "astana-facts: the records have error-level findings; run `astana-facts validate` "
            "and fix them first",
            err=True,
        )
        sys.exit(EXIT_FINDINGS)
    if str(output) == "-":
        if output_format != "jsonl":
            click.echo(f"astana-facts: {output_format} cannot go to standard output", err=True)
            sys.exit(EXIT_USAGE)
        sys.stdout.buffer.write(jsonl(records))
        return
    target = output or Path(_EXPORT_DEFAULTS[output_format])
    try:
        written = write_export(
            records, output_format, target, version=package_version(), force=force
        )
    except (ExportError, OSError) as error:
        click.echo(f"astana-facts: {error}", err=True)
        sys.exit(EXIT_USAGE)
    click.echo(f"exported {len(records.claims)} claims to {target}")
    for path in written:
        click.echo(f"  {path}")
