"""Compatibility: :func:`check_records` is :func:`astana_facts.pipeline.run.run` without the
consistency stage, returning (records, findings)."""

from __future__ import annotations

from pathlib import Path

from astana_facts.findings.finding import Finding
from astana_facts.pipeline.run import resolve_root, run
from astana_facts.reading.records import Records


def check_records(
    path: str | Path | None = None,
    *,
    validators: Path | None = None,
    keep: bool = False,
    coverage: bool = False,
) -> tuple[Records, list[Finding]]:
    """Read and check a records folder; what was read and the sorted findings."""
    result = run(path, keep=keep, coverage=coverage, validators=validators)
    return result.records, result.findings


__all__ = ["check_records", "resolve_root"]
