"""The pipeline's reading of the editorial files: the adjudications and the facts, each read
and checked against the claims and entities read before them (:mod:`astana_facts.pipeline.run`
calls these after the claims)."""

from __future__ import annotations

from astana_facts import integrity
from astana_facts.findings.finding import Finding
from astana_facts.reading.facts import read_facts
from astana_facts.reading.folder import RecordsReader
from astana_facts.reading.records import Records, Site


def read_adjudications(
    reader: RecordsReader,
    records: Records,
    findings: list[Finding],
    claim_sites: dict[str, tuple[str, int]],
) -> None:
    """Read ``adjudications.json`` (optional) into ``records``; its findings and those of its
    references to claims go to ``findings``."""
    loaded = reader.adjudications()
    if loaded is None:
        return
    findings += loaded.findings
    if loaded.record is not None:
        records.adjudications = [
            (adjudication, Site(loaded.file, f"/adjudications/{index}"))
            for index, adjudication in enumerate(loaded.record["adjudications"])
        ]
    findings += integrity.check_adjudication_references(records.adjudications, claim_sites)


def read_facts_file(
    records: Records,
    findings: list[Finding],
    entity_ids: frozenset[str] | None,
    measures: dict[str, str] | None,
) -> None:
    """Read ``facts.json`` (optional) into ``records`` and check its facts like claims."""
    read = read_facts(records.root)
    if read is None:
        return
    findings += read.findings
    records.facts = read.facts
    findings += integrity.check_facts(read.facts, entity_ids=entity_ids, measures=measures)
