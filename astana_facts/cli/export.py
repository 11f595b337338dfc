"""``astana-facts export``: claims, spans, entities, documents, facts, verdicts, findings, rules
and adjudications for other tools, the verdicts as schema.org ClaimReview, and the dataset
folder with its cards (datasette, Croissant, Hugging Face)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from astana_facts.cli.console import console, console_options
from astana_facts.cli.options import (
    EXIT_FINDINGS,
    announce,
    fail,
    folder_errors_exit,
    format_option,
    records_folder,
    records_option,
)
from astana_facts.export.formats import EXPORT_DEFAULTS, STREAMABLE
from astana_facts.findings.finding import has_errors

if TYPE_CHECKING:
    from astana_facts.pipeline.result import Result


@click.command()
@records_option
@format_option(*EXPORT_DEFAULTS)
@click.option(
    "-o",
    "--output",
    metavar="PATH",
    type=click.Path(allow_dash=True, path_type=Path),
    default=None,
    help="Where to write: a file (jsonl, sqlite, claimreview) or a folder (csv, dataset); - is "
    "standard output (jsonl and claimreview only). Default: "
    + ", ".join(f"{name}: {target}" for name, target in EXPORT_DEFAULTS.items())
    + ".",
)
@click.option("--force", is_flag=True, help="Replace the output if it exists.")
@console_options
def export(records_dir: str | None, output_format: str, output: Path | None, force: bool) -> None:
    """Export the claims, spans, entities, documents, facts, verdicts, findings, rules and
    adjudications for other tools.

    jsonl: one claim per line, as in its file, with its document and its verdict. csv: a folder
    with one CSV per table (documents, entities, entity_forms, claims, claim_entities, spans,
    facts, fact_evidence, verdicts, verdict_facts, rules, findings, finding_claims,
    finding_spans, finding_facts, adjudications, adjudication_claims, adjudication_evidence)
    and a Frictionless datapackage.json that describes them (types, keys, foreign keys,
    allowed values, licences, sources). sqlite: the same tables with primary keys, foreign
    keys and indexes, full-text search (FTS5: documents_fts, spans_fts, ...) and views
    (event_date_claims, refuted_claims, open_findings). claimreview: a schema.org ClaimReview
    (JSON-LD) per claim judged against the facts. dataset: a folder ready to publish with all
    of them: astana-facts.sqlite with its datasette metadata.json, csv/, data/ (each table as
    JSON Lines, what datasets.load_dataset reads), jsonl/ (claims, documents, entities, facts
    and findings as in their files), croissant.json (Croissant 1.1) and README.md (a Hugging
    Face dataset card).

    The verdicts and findings are derived as `report` derives them, in one run. The records
    must have no error-level integrity finding (else exit 1). Nothing is overwritten without
    --force, and a failed export leaves no partial output (exit 2). The annotations are CC BY
    4.0; the source texts remain their publishers'.

    \b
    Example:
        astana-facts export --format sqlite -o astana.sqlite
        astana-facts export --format csv -o astana-csv
        astana-facts export --format jsonl -o - | head -1
        astana-facts export --format claimreview -o reviews.jsonld
        astana-facts export --format dataset -o astana-facts-dataset
        datasette astana-facts-dataset/astana-facts.sqlite \\
            --metadata astana-facts-dataset/metadata.json
    """
    from astana_facts import package_version
    from astana_facts.export.claimreview import claim_reviews
    from astana_facts.export.writers import ExportError, jsonl, write_export

    result = _checked(records_dir)
    records, verdicts = result.records, result.claim_verdicts
    if str(output) == "-":
        if output_format not in STREAMABLE:
            fail(f"{output_format} cannot go to standard output; give -o PATH")
        write = claim_reviews if output_format == "claimreview" else jsonl
        sys.stdout.buffer.write(write(records, verdicts))
        return
    target = output or Path(EXPORT_DEFAULTS[output_format])
    try:
        written = write_export(
            result, output_format, target, version=package_version(), force=force
        )
    except (ExportError, OSError) as error:
        fail(str(error))
    click.echo(
        f"exported {len(records.claims)} claims ({len(verdicts)} with a verdict) to {target}"
    )
    for path in written:
        click.echo(f"  {path}")


def _checked(records_dir: str | None) -> Result:
    """The records folder read and judged as ``report`` does (its verdicts), exiting 1 when it
    has an error-level integrity finding: a contradiction between sources is not a defect of
    the data, and does not stop an export."""
    from astana_facts.findings.codes import CODES_BY_ID
    from astana_facts.pipeline.run import run

    shell = console()
    folder = records_folder(records_dir)
    announce(folder)
    with folder_errors_exit(), shell.stage("check"):
        result = run(folder.root, consistency=True, progress=shell.progress())
    if has_errors([finding for finding in result.findings if finding.code in CODES_BY_ID]):
        shell.error(
            "astana-facts: the records have error-level findings; run `astana-facts validate` "
            "and fix them first"
        )
        sys.exit(EXIT_FINDINGS)
    if not result.records.claims:  # (an empty export is not a silent one)
        shell.error(f"astana-facts: warning: {folder.label} holds no claims; the export is empty")
    return result
