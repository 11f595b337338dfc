"""``--changed-since REF`` and ``--file PATH``: the findings a change introduced.

Both commands check the whole dataset (references and consistency rules need all of it) and then
show only what the change introduced; a line on standard error counts the findings left out.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click

from astana_facts.resources import real_path

if TYPE_CHECKING:
    from astana_facts.findings.finding import Finding
    from astana_facts.reading.records import Records

Recheck = Callable[[Path, Path | None], "list[Finding]"]
"""Checks a records folder (with a validators folder) the way the command does."""


def scope_options(command: Callable[..., None]) -> Callable[..., None]:
    """Add ``--changed-since`` and ``--file`` to a command."""
    command = click.option(
        "--file",
        "files",
        metavar="FILE",
        multiple=True,
        type=click.Path(dir_okay=False, path_type=Path),
        help="Show only findings about this records file (repeatable): in it, or about its claims.",
    )(command)
    return click.option(
        "--changed-since",
        metavar="REF",
        help="Show only findings that the changes since git revision REF introduced (the "
        "records as at REF are checked the same way, and their findings left out). REF must "
        "name a commit (branch, tag, commit id); anything else exits 2.",
    )(command)


def scoped(
    findings: list[Finding],
    records: Records,
    changed_since: str | None,
    files: Sequence[Path],
    recheck: Recheck,
) -> list[Finding]:
    """The findings to show: all, or those the change introduced (see the module doc)."""
    if changed_since is None and not files:
        return findings
    from astana_facts.resources import validators_for
    from astana_facts.tools.changes import ChangeError, baseline, split_findings, touching

    root = records.root
    if changed_since is not None:
        try:
            with baseline(root, validators_for(root), changed_since) as (old_root, old_rules):
                before = recheck(old_root, old_rules)
                split = split_findings(findings, root, before, old_root)
        except ChangeError as error:
            click.echo(f"astana-facts: {error}", err=True)
            sys.exit(2)
        label = f"were there before {changed_since}"
    else:
        claim_files = {r.claim["id"]: real_path(r.site.file) for r in records.claims}
        split = touching(findings, {real_path(path) for path in files}, claim_files)
        label = "concern other files"
    if split.old:
        click.echo(f"astana-facts: {len(split.old)} finding(s) {label}; not shown", err=True)
    return split.new
