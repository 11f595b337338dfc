"""astana-facts: a versioned fact-checking dataset about the Astana peace process on Syria.

>>> import astana_facts
>>> dataset = astana_facts.load()                 # the bundled records
>>> findings = astana_facts.validate("records")   # or any records folder
>>> report = astana_facts.report()                # where the sources disagree

Importing the package reads no data and imports nothing heavy; :func:`load` reads on first use
and caches the result.
"""

from __future__ import annotations

import os
import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from astana_facts.dataset import Dataset, RemovedClaimError
    from astana_facts.findings.finding import Finding
    from astana_facts.models import Claim, Entity, Fact
    from astana_facts.pipeline.result import Result
    from astana_facts.verdicts import Verdict

_PUBLIC_TYPES = {
    "Dataset": "astana_facts.dataset",
    "RemovedClaimError": "astana_facts.dataset",
    "Finding": "astana_facts.findings.finding",
    "Claim": "astana_facts.models",
    "Entity": "astana_facts.models",
    "Fact": "astana_facts.models",
    "Result": "astana_facts.pipeline.result",
    "Verdict": "astana_facts.verdicts",
}
"""The public types, importable from the top (``from astana_facts import Dataset``) and
imported only when first asked for, so that importing the package stays cheap."""

if TYPE_CHECKING:
    __version__: str


_DIST_INFO = re.compile(r"astana_facts-[^-]+\.dist-info")


@cache
def package_version() -> str:
    """The installed distribution's version: the version of the package and of its data.

    Read from the installed ``astana_facts-*.dist-info`` beside the package when there is
    exactly one (a regular install: a directory listing and a few lines), else through
    ``importlib.metadata`` (an editable install), whose import alone costs a command a tenth of
    its start-up."""
    found = _installed_version()
    if found is not None:
        return found
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("astana-facts")
    except PackageNotFoundError:  # a checkout that was never installed
        return "0+unknown"


def _installed_version() -> str | None:
    """The ``Version:`` of the one ``astana_facts-*.dist-info`` beside the package, or None
    (none, several, or one that cannot be read)."""
    site = Path(__file__).parent.parent
    try:
        found = [name for name in os.listdir(site) if _DIST_INFO.fullmatch(name)]
        if len(found) != 1:
            return None
        with (site / found[0] / "METADATA").open(encoding="utf-8") as lines:
            for line in lines:
                if line.startswith("Version:"):
                    return line.split(":", 1)[1].strip()
                if not line.strip():
                    break
    except (OSError, UnicodeDecodeError):
        return None
    return None


def __getattr__(name: str) -> Any:
    # __version__ is read from the package metadata on first use: importing
    # importlib.metadata costs more start-up time than everything else a command does.
    if name == "__version__":
        return package_version()
    if name in _PUBLIC_TYPES:
        from importlib import import_module

        return getattr(import_module(_PUBLIC_TYPES[name]), name)
    raise AttributeError(f"module 'astana_facts' has no attribute {name!r}")


def load(path: str | Path | None = None) -> Dataset:
    """Load a records folder (default: the bundled dataset); see :func:`astana_facts.api.load`."""
    from astana_facts.api import load as _load

    return _load(path)


def validate(path: str | Path | None = None, *, coverage: bool = False) -> list[Finding]:
    """Integrity findings of a records folder; see :func:`astana_facts.api.validate`."""
    from astana_facts.api import validate as _validate

    return _validate(path, coverage=coverage)


def report(path: str | Path | None = None) -> Result:
    """The consistency report of a records folder (default: the bundled dataset): integrity
    findings, then every finding of the declared consistency rules with its claims, values and
    fingerprint, and the editors' verdicts (``report.verdicts``, by fingerprint)."""
    from astana_facts.pipeline.run import run

    return run(path, consistency=True)


__all__ = [
    "Claim",
    "Dataset",
    "Entity",
    "Fact",
    "Finding",
    "RemovedClaimError",
    "Result",
    "Verdict",
    "__version__",
    "load",
    "package_version",
    "report",
    "validate",
]
