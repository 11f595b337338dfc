"""The public Python API: :func:`load` and :func:`validate`."""

from __future__ import annotations

import threading
from pathlib import Path

from astana_facts.dataset import Dataset
from astana_facts.findings import Finding, has_errors
from astana_facts.validation import check_dataset, resolve_root

_cache: dict[Path, Dataset] = {}
# Reading and schema errors cause the others, so they are listed first.
_ROOT_CAUSE_FIRST = {"SCH": 0, "SRC": 1, "IDS": 2, "REF": 3, "SPN": 4, "VAL": 5}
_lock = threading.Lock()


class InvalidRecordsError(ValueError):
    """Raised by :func:`load` when the records have error-level findings."""

    def __init__(self, root: Path, findings: list[Finding]) -> None:
        self.root = root
        self.findings = findings
        errors = sorted(
            (finding for finding in findings if finding.severity == "error"),
            key=lambda finding: (_ROOT_CAUSE_FIRST.get(finding.code[:3], 9), finding.sort_key()),
        )
        lines = [f"{f.file}:{f.line or 0}: {f.code} {f.message}" for f in errors[:10]]
        more = f"\n… and {len(errors) - 10} more" if len(errors) > 10 else ""
        super().__init__(
            f"{len(errors)} error(s) in records folder {root}:\n" + "\n".join(lines) + more
        )


def load(path: str | Path | None = None) -> Dataset:
    """Load and check a records folder (default: the bundled dataset), cached per folder.

    Returns a :class:`~astana_facts.dataset.Dataset` with ``documents``, ``claims`` and
    ``entities``. Raises :class:`InvalidRecordsError` when the records have errors; use
    :func:`validate` to get the findings instead.
    """
    root = resolve_root(path).resolve()
    with _lock:
        if root not in _cache:
            dataset, findings = check_dataset(root)
            if has_errors(findings):
                raise InvalidRecordsError(root, findings)
            _cache[root] = dataset
        return _cache[root]


def validate(path: str | Path | None = None) -> list[Finding]:
    """All integrity findings of a records folder (default: the bundled dataset), sorted."""
    return check_dataset(path)[1]
