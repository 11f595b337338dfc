"""The pipeline: read → integrity → consistency → adjudication → locate, in one direction.

:func:`run` is the one entry point: ``validate`` is the pipeline without the consistency stage,
``report`` with it; the CLI and the Python API both call it and get one :class:`Result`.

Files are taken in the order the data depends on: the folder's layout, sources, entities, claims
(one file at a time, spread over worker processes for a large folder, so memory holds one claims
file's raw data, not all), adjudications, facts, rules. Each file is read by
:mod:`astana_facts.reading` and checked by :mod:`astana_facts.integrity`; the claims then meet in
:mod:`astana_facts.consistency`, the editors' verdicts in :mod:`astana_facts.adjudication`, and
the findings get their lines in :mod:`astana_facts.pipeline.locate`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from astana_facts import integrity
from astana_facts.adjudication import adjudicate
from astana_facts.findings.finding import Finding
from astana_facts.findings.rule_stats import RuleStats
from astana_facts.pipeline.editorial import read_adjudications, read_facts_file
from astana_facts.pipeline.files import FileChecks, FileResult
from astana_facts.pipeline.gc import collector_paused
from astana_facts.pipeline.locate import locate
from astana_facts.pipeline.parallel import job_count, ordered_map
from astana_facts.pipeline.progress import Progress, no_progress
from astana_facts.pipeline.result import Result
from astana_facts.pipeline.shared import Sharing
from astana_facts.reading.folder import RecordsReader, load_rules
from astana_facts.reading.records import ClaimRecord, Records, Site, claim_records
from astana_facts.reading.validators import file_validator
from astana_facts.resources import bundled, validators_for


def resolve_root(path: str | Path | None) -> Path:
    """The records folder to use: ``path``, or the bundled records when None."""
    return Path(path) if path is not None else bundled("records")


def run(
    path: str | Path | None = None,
    *,
    consistency: bool = False,
    keep: bool = False,
    coverage: bool = False,
    validators: Path | None = None,
    progress: Progress = no_progress,
    anchors: bool = True,
) -> Result:
    """Check a records folder (default: the bundled dataset) and return everything found.

    ``consistency`` adds the consistency and adjudication stages (with the rules of
    ``validators``, default: the folder that goes with the records) and keeps the claims, which
    they compare; ``keep`` keeps the claims without comparing them (the Python API and exports
    need them); ``coverage`` adds a COV001 warning for every sentence that carries no claim span
    and is not listed as not check-worthy. ``progress`` hears of each file checked and each
    rule run (the command line draws a bar on a terminal; default: nothing). ``anchors=False``
    leaves the ``prefix`` and ``suffix`` out of the kept claims' spans once they are checked
    (the report does not show them; a sixth of its memory at a million claims). Raises
    :class:`~astana_facts.reading.folder.RecordsFolderError` when the folder cannot be used.
    """
    with collector_paused():
        reader = RecordsReader(resolve_root(path))
        reading = _Reading(reader, keep=keep or consistency, progress=progress, anchors=anchors)
        integrity_findings = reading.read(coverage=coverage, validators=validators)
        later: list[Finding] = []
        verdicts = {}
        rule_stats: dict[str, RuleStats] = {}
        judged = None
        if consistency:
            from astana_facts.verdicts.stage import judge_claims  # with consistency only

            later, rule_stats, in_id_order = _consistency(reading.records, progress)
            judged = judge_claims(reading.records, later, in_id_order)
            later += judged.findings
            adjudicated = adjudicate(later, reading.records.adjudications)
            verdicts = adjudicated.verdicts
            later += adjudicated.stale
        located = locate([*integrity_findings, *later], root=reading.root, known=reading.known)
        cut = len(integrity_findings)
        findings = [*sorted(located[:cut], key=Finding.sort_key), *located[cut:]]
    kept = (judged.verdicts, judged.resolutions) if judged else ({}, {})
    return Result(reading.records, findings, verdicts, consistency, rule_stats, *kept)


def _consistency(
    records: Records, progress: Progress = no_progress
) -> tuple[list[Finding], dict[str, RuleStats], list[ClaimRecord]]:
    """Every declared rule over the kept claims: the findings, sorted, what each rule compared,
    by code, and the claims the rules compared (the standing ones) in id order. The rules are
    independent, so a large folder spreads them over processes, this one and workers forked
    after the claims are read and indexed (each inherits them; only the findings and the stats
    come back), in batches of rules that share their groups, the most work first
    (:mod:`~astana_facts.consistency.schedule`)."""
    from functools import partial

    from astana_facts.consistency import (
        build_context,
        consistency_sort_key,
        rule_batches,
        run_rules,
    )
    from astana_facts.consistency.schedule import longest_first
    from astana_facts.findings.grouped import GroupIds, share_groups

    context = build_context(records)
    batches = longest_first(rule_batches(records.rules), context)
    jobs = job_count(records.claim_count * _CLAIM_BYTES)
    ran = ordered_map(partial(run_rules, context=context), batches, jobs, chunk=1)
    findings: list[Finding] = []
    runs, shared = {}, GroupIds()  # shared: each value group's ids once, whichever worker
    each = (rule_run for batch in ran for rule_run in batch)
    for rule_run in progress(each, total=len(records.rules), label="consistency rules"):
        findings += share_groups(rule_run.findings, shared)
        runs[rule_run.code] = rule_run.stats
    stats = {code: runs[code] for code in sorted(runs)}
    return sorted(findings, key=consistency_sort_key), stats, context.claims


_CLAIM_BYTES = 700
"""About the bytes of JSON of one claim: a folder's claims count stands for its size."""


def _total_size(paths: list[Path]) -> int:
    """The bytes of the files at ``paths``; a path that cannot be looked at (a link loop, a
    dangling link, a file gone since the listing) counts nothing: reading it reports why."""
    total = 0
    for path in paths:
        try:
            total += os.stat(path).st_size
        except OSError:
            continue
    return total


@dataclass
class _Reading:
    """The read and integrity stages over one folder, with what they gather."""

    reader: RecordsReader
    keep: bool
    progress: Progress = no_progress
    anchors: bool = True
    records: Records = field(init=False)
    kept_by_file: dict[str, list[ClaimRecord]] = field(default_factory=dict)
    sharing: Sharing = field(default_factory=Sharing)
    """Equal parts of kept claims, one object each (memory of a large report)."""
    """The kept claims of each file whose lines reading found for free."""

    def __post_init__(self) -> None:
        self.records = Records(root=self.reader.root)

    @property
    def root(self) -> Path:
        return self.reader.root

    def read(self, *, coverage: bool, validators: Path | None) -> list[Finding]:
        """Every file read and checked; the integrity findings, not yet located."""
        findings = list(integrity.check_layout(self.root))
        failed = self._sources(findings)
        entity_ids = self._entities(findings)
        measures = self._measures(findings)
        claim_sites = self._claims(findings, failed, entity_ids, measures, coverage)
        read_adjudications(self.reader, self.records, findings, claim_sites)
        read_facts_file(self.records, findings, entity_ids, measures)
        findings += integrity.load_editor_verdicts(
            self.reader.verdicts(), claim_sites, self.records
        )
        findings += integrity.check_lifecycle(self.reader.removals(), claim_sites, self.records)
        self.records.rules, rule_files = load_rules(validators or validators_for(self.root))
        for loaded in rule_files:
            findings += loaded.findings
        return findings

    def _sources(self, findings: list[Finding]) -> set[str]:
        """Read the source documents; the stems of metadata files that failed their model."""
        files = self.reader.sources()
        for found in files:
            findings += found.loaded.findings
            if found.source is not None:
                self.records.sources.setdefault(found.loaded.record["id"], found.source)  # type: ignore[index]
        findings += integrity.check_source_files(files, self.reader.text_paths())
        findings += integrity.check_source_provenance(files)
        return {found.stem for found in files if found.loaded.record is None}

    def _entities(self, findings: list[Finding]) -> frozenset[str] | None:
        """Read the entities; their ids (None when the file failed: references go unchecked)."""
        loaded = self.reader.entities()
        if loaded is None:
            return frozenset()
        findings += loaded.findings
        if loaded.record is None:
            return None
        entities = self.records.entities = [
            (entity, Site(loaded.file, f"/entities/{index}"))
            for index, entity in enumerate(loaded.record["entities"])
        ]
        findings += integrity.check_entity_ids(entities)
        findings += integrity.check_aliases(entities)
        findings += integrity.check_entity_references(entities)
        return frozenset(entity["id"] for entity, _ in entities)

    def _measures(self, findings: list[Finding]) -> dict[str, str] | None:
        """Read the measures; every name of one -> its id (None when the file failed: measures
        go unchecked; empty when there is none, so every measure is unknown)."""
        loaded = self.reader.measures()
        if loaded is None:
            return {}
        findings += loaded.findings
        if loaded.record is None:
            return None
        self.records.measures = [
            (measure, Site(loaded.file, f"/measures/{index}"))
            for index, measure in enumerate(loaded.record["measures"])
        ]
        return integrity.measure_names(measure for measure, _ in self.records.measures)

    def _claims(
        self,
        findings: list[Finding],
        failed: set[str],
        entity_ids: frozenset[str] | None,
        measures: dict[str, str] | None,
        coverage: bool,
    ) -> dict[str, tuple[str, int]]:
        """Check the sources' texts and every claims file, in worker processes when the folder
        is large; the site of every claim id."""
        sources = self.records.sources
        paths = self.reader.claims_paths()
        checks = FileChecks(
            self.reader,
            sources=sources,
            known_documents=frozenset(sources) | failed,
            entity_ids=entity_ids,
            measures=measures,
            keep=self.keep,
            coverage=coverage,
            anchors=self.anchors,
        )
        # This process checks files too, between taking in the workers' results (their kept
        # claims travel back pickled): at 100k claims 1.3-1.6 s against 1.5-2.1 s with two
        # workers and this process only taking in.
        jobs = job_count(_total_size(paths))
        file_validator("ClaimsFile")  # built once here, inherited by the worker processes
        claim_ids = integrity.ClaimIds()
        covering: dict[str, list[tuple[int, int]]] = {}
        tasks: list[str | Path] = [*sorted(sources), *paths]
        checked = ordered_map(checks, tasks, jobs)
        for result in self.progress(checked, total=len(tasks), label="checking files"):
            findings += result.findings
            findings += claim_ids.check_file(result.file, result.ids, result.indexes)
            if result.document is not None:
                covering.setdefault(result.document, []).extend(result.covering)
            self._keep(result)
        findings[:] = integrity.fold_moved_spans(findings, sources)
        if coverage:
            for document_id, source in self.progress(
                sources.items(), total=len(sources), label="sentences"
            ):
                findings += integrity.check_coverage(
                    document_id, source.text, source.text_file, covering.get(document_id, [])
                )
        return claim_ids.sites

    def _keep(self, result: FileResult) -> None:
        """Count the claims of a checked file and keep them (with their lines) when asked."""
        self.records.count_claims(result.ids, result.deprecated)
        if not self.keep or not result.claims:
            return
        self.sharing.share(list(result.claims))
        kept = claim_records(
            list(result.claims), result.indexes, result.lines, result.file, result.document or ""
        )
        self.records.claims += kept
        self.records.not_check_worthy.extend(result.not_check_worthy)
        if result.lines is not None:
            self.kept_by_file[result.file] = kept

    def known(self, file: str) -> dict[str, int]:
        """Claim pointer -> line of the claims of ``file`` whose lines reading found."""
        return {
            f"/claims/{record.index}": record.line
            for record in self.kept_by_file.get(file, ())
            if record.line is not None
        }


__all__ = ["resolve_root", "run"]
