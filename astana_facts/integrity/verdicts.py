"""The editors' verdicts (``verdicts.json``) checked against the other files: each names a claim
that exists (VRD001), cites facts that exist (VRD002) and judges a claim no other verdict judges
(VRD004). Every finding names the file, the verdict's JSON Pointer (the pipeline turns it into
a line), the claim and the field."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping

from astana_facts.findings.finding import Finding
from astana_facts.reading.folder import LoadedFile
from astana_facts.reading.records import PlainRecord, Records, Site

EditorVerdicts = list[tuple[PlainRecord, Site]]
"""The editors' verdicts as read, each with its site."""


def load_editor_verdicts(
    loaded: LoadedFile | None, claim_sites: Mapping[str, object], records: Records
) -> list[Finding]:
    """Keep the verdicts of a read ``verdicts.json`` in ``records.editor_verdicts`` (none when
    there is no file, or it failed its schema); the findings of reading it and of
    :func:`check_editor_verdicts` against the claims and ``records.facts``."""
    if loaded is None:
        return []
    findings = list(loaded.findings)
    if loaded.record is not None:
        records.editor_verdicts = [
            (verdict, Site(loaded.file, f"/verdicts/{index}"))
            for index, verdict in enumerate(loaded.record["verdicts"])
        ]
    fact_ids = {fact["id"] for fact, _ in records.facts}
    findings += check_editor_verdicts(records.editor_verdicts, claim_sites, fact_ids)
    return findings


def check_editor_verdicts(
    verdicts: EditorVerdicts,
    claim_sites: Mapping[str, object],
    fact_ids: Collection[str],
) -> Iterator[Finding]:
    """VRD001, VRD002 and VRD004 for the verdicts of ``verdicts.json``, in file order."""
    first: dict[str, Site] = {}
    for verdict, site in verdicts:
        claim = verdict["claim"]
        if claim not in claim_sites:
            yield verdict_finding("VRD001", site, claim, "claim", f"no claim has the id {claim!r}")
        earlier = first.setdefault(claim, site)
        if earlier is not site:
            yield verdict_finding(
                "VRD004", site, claim, "claim", f"the claim is already judged at {earlier.pointer}"
            )
        for position, fact in enumerate(verdict["facts"]):
            if fact not in fact_ids:
                yield verdict_finding(
                    "VRD002", site, claim, f"facts/{position}", f"no fact has the id {fact!r}"
                )


def verdict_finding(code: str, site: Site, claim: str, field: str, why: str) -> Finding:
    """A finding ``code`` about field ``field`` of the editors' verdict on ``claim`` at
    ``site``, saying ``why`` (the VRD codes, here and in the verdict stage)."""
    return Finding.of(
        code=code,
        message=f"verdict on claim {claim}, field {field}: {why}",
        file=site.file,
        pointer=f"{site.pointer}/{field}",
    )
