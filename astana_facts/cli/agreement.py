"""``astana-facts agreement``: how two annotations of the same documents agree."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from astana_facts.cli.console import console, console_options
from astana_facts.cli.options import EXIT_FINDINGS, fail, output_format_option
from astana_facts.reading.records import PlainRecord

Annotation = dict[str, list[PlainRecord]]
"""Document id -> its claims, as one annotation gives them."""


@click.command()
@click.argument("first", type=click.Path(exists=True, path_type=Path))
@click.argument("second", type=click.Path(exists=True, path_type=Path))
@output_format_option("agreement")
@console_options
def agreement(first: Path, second: Path, output_format: str) -> None:
    """Compare two annotations of the same documents: span F1, value agreement, Cohen's kappa.

    FIRST and SECOND are each a claims file, a folder of claims files, or a records folder
    (its claims/ are read). Claims files are matched by the document they name; within a
    document, claims are paired one to one by their evidence (a pair quotes a common code
    point; same kind first, then the larger overlap). The figures: span precision, recall and
    F1 over the claims, F1 of the quoted code points, the share of pairs of one kind, the
    share of those with the same subject and value per kind, and Cohen's kappa of the
    attribution type and of the modality over the pairs; per document, then over all of them
    together. Spans must have their offsets (run `astana-facts fmt` first). A file that cannot
    be read exits 1 with its findings; documents only one side annotates are named and left
    out (exit 0).

    \b
    Example:
        astana-facts agreement records annotations/second-pass --format markdown
    """
    from astana_facts.render.context import RenderContext
    from astana_facts.render.registry import render
    from astana_facts.tools.agreement import agreement as measure
    from astana_facts.tools.agreement import corpus_agreement

    shell = console()
    ones, others = _annotation(first), _annotation(second)
    common = sorted(set(ones) & set(others))
    for document in sorted(set(ones) ^ set(others)):
        shell.error(f"astana-facts agreement: only one side annotates {document}; left out")
    if not common:
        fail("no document is annotated on both sides")
    pairs = {document: (ones[document], others[document]) for document in common}
    figures = [measure(document, *pairs[document]) for document in common]
    figures.append(corpus_agreement(pairs))
    context = RenderContext(paint=shell.painter(), summary=not shell.quiet)
    shell.out(render("agreement", output_format, figures, context), context)


def _annotation(path: Path) -> Annotation:
    """The standing claims of every claims file at ``path`` (a file, a folder of them, or a
    records folder), by document: a deprecated claim is no longer part of the annotation; exits 1
    with the findings of a file that cannot be read."""
    from astana_facts.pipeline.locate import locate
    from astana_facts.reading.folder import load_file
    from astana_facts.render.text import location

    if path.is_dir():
        folder = path / "claims" if (path / "claims").is_dir() else path
        files = sorted(folder.glob("*.json"))
    else:
        folder, files = path.parent, [path]
    found: Annotation = {}
    for file in files:
        loaded = load_file(file, "ClaimsFile", root=folder)
        if loaded.findings or loaded.record is None:
            for problem in locate(loaded.findings, root=folder, known=lambda _: {}):
                console().error(f"{location(problem)}: {problem.code} {problem.message}")
            sys.exit(EXIT_FINDINGS)
        record = loaded.record
        standing = [claim for claim in record["claims"] if not claim.get("deprecated")]
        found.setdefault(record["document"], []).extend(standing)
    return found
