"""Deprecated claims and the removal log checked against the claims: a replacement names a
claim that exists (IDS005) and stands (IDS006), and an id logged as removed is no claim's
(IDS007). Every finding names the file, the JSON Pointer of the field at fault (the pipeline
turns it into a line) and the claim."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

from astana_facts.findings.finding import Finding
from astana_facts.reading.folder import LoadedFile
from astana_facts.reading.records import Deprecated, PlainRecord, Records, Site


def check_lifecycle(
    loaded: LoadedFile | None, claim_sites: Mapping[str, tuple[str, int]], records: Records
) -> list[Finding]:
    """Keep the entries of a read ``removals.json`` in ``records.removals`` (none when there is
    no file, or it failed its schema); the findings of reading it, and IDS005-IDS007 for it and
    for the deprecated claims (``records.deprecated``)."""
    findings: list[Finding] = []
    if loaded is not None:
        findings += loaded.findings
        if loaded.record is not None:
            records.removals = [
                (removal, Site(loaded.file, f"/removals/{index}"))
                for index, removal in enumerate(loaded.record["removals"])
            ]
    findings += check_deprecations(records.deprecated, claim_sites)
    findings += check_removals(records.removals, claim_sites, records.deprecated)
    return findings


def check_deprecations(
    deprecated: Mapping[str, Deprecated], claim_sites: Mapping[str, object]
) -> Iterator[Finding]:
    """IDS005 and IDS006 for the ``replaced_by`` of every deprecated claim, in id order."""
    for claim_id in sorted(deprecated):
        file, index, replaced_by = deprecated[claim_id]
        where = f"/claims/{index}/deprecated/replaced_by"
        yield from _replacements(
            claim_id, Site(file, where), "deprecated/replaced_by", replaced_by, claim_sites,
            deprecated,
        )  # fmt: skip


def check_removals(
    removals: Sequence[tuple[PlainRecord, Site]],
    claim_sites: Mapping[str, tuple[str, int]],
    deprecated: Mapping[str, Deprecated],
) -> Iterator[Finding]:
    """IDS007 for a logged id that is still a claim's; IDS005 and IDS006 for each entry's
    ``replacement``; in file order."""
    for removal, site in removals:
        claim_id = removal["id"]
        still = claim_sites.get(claim_id)
        if still is not None:
            yield Finding.of(
                code="IDS007",
                message=f"removal of claim {claim_id}, field id: the id is logged as removed "
                f"in {removal['version']}, but the claim at {still[0]} /claims/{still[1]} "
                "still has it",
                file=site.file,
                pointer=f"{site.pointer}/id",
                claims=(claim_id,),
            )
        where = Site(site.file, f"{site.pointer}/replacement")
        yield from _replacements(
            claim_id, where, "replacement", removal["replacement"], claim_sites, deprecated,
            what="removal of claim",
        )  # fmt: skip


def _replacements(
    claim_id: str,
    site: Site,
    field: str,
    replacements: Sequence[str],
    claim_sites: Mapping[str, object],
    deprecated: Mapping[str, Deprecated],
    what: str = "claim",
) -> Iterator[Finding]:
    """IDS005 for each of ``replacements`` (the list at ``site``) that is no claim's id,
    IDS006 for each that is a deprecated claim's."""
    for position, replacement in enumerate(replacements):
        if replacement not in claim_sites:
            code, why = "IDS005", f"no claim has the id {replacement!r}"
        elif replacement in deprecated:
            code, why = "IDS006", f"the claim {replacement} is itself deprecated"
        else:
            continue
        yield Finding.of(
            code=code,
            message=f"{what} {claim_id}, field {field}/{position}: {why}",
            file=site.file,
            pointer=f"{site.pointer}/{position}",
            claims=(claim_id,),
        )
