"""The one error type of reading a records file: it knows the file, line and column."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class ReadError:
    """A file that cannot be read as strict JSON, with where and why.

    ``code`` is an integrity code of the rule table (SCH001 ... SCH006).
    """

    code: str
    path: Path
    message: str
    line: int | None = None
    column: int | None = None
    pointer: str | None = None
