"""The validation pipeline: load → models → integrity → findings with positions, sorted."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from astana_facts.dataset import Dataset
from astana_facts.findings import Finding
from astana_facts.integrity import run_integrity
from astana_facts.jsonio.positions import SourceMap, build_source_map
from astana_facts.loader import load_records
from astana_facts.resources import bundled, validators_for


def resolve_root(path: str | Path | None) -> Path:
    """The records folder to use: ``path``, or the bundled records when None."""
    return Path(path) if path is not None else bundled("records")


def add_positions(findings: list[Finding], raw_files: dict[str, bytes]) -> list[Finding]:
    """Fill in line and column from each finding's JSON Pointer (source maps built on demand)."""
    maps: dict[str, SourceMap] = {}
    located: list[Finding] = []
    for finding in findings:
        if finding.line is None and finding.pointer is not None and finding.file in raw_files:
            file = finding.file
            if file not in maps:
                maps[file] = build_source_map(raw_files[file])
            position = maps[file].locate_key(finding.pointer)
            if position is not None:
                finding = dataclasses.replace(finding, line=position[0], column=position[1])
        located.append(finding)
    return located


def check_dataset(
    path: str | Path | None = None, *, validators: Path | None = None
) -> tuple[Dataset, list[Finding]]:
    """Load a records folder and run every integrity check; findings are sorted and located."""
    root = resolve_root(path)
    dataset, findings = load_records(root, validators=validators or validators_for(root))
    findings = findings + run_integrity(dataset)
    findings = add_positions(findings, dataset.raw_files)
    return dataset, sorted(findings, key=Finding.sort_key)
