"""Compatibility: :func:`build_report` is :func:`astana_facts.pipeline.run.run` with the
consistency stage; a report is a :class:`~astana_facts.pipeline.result.Result`."""

from __future__ import annotations

from pathlib import Path

from astana_facts.pipeline.result import Result
from astana_facts.pipeline.run import run

Report = Result


def build_report(path: str | Path | None = None, *, validators: Path | None = None) -> Result:
    """Check a records folder (default: the bundled dataset) and compare its claims."""
    return run(path, consistency=True, validators=validators)


__all__ = ["Report", "build_report"]
