"""Locating findings: the one place where a finding's JSON Pointer becomes a line and column.

Every stage reports *where* a finding is as a file and a JSON Pointer; only this stage turns
pointers into lines, once, at the end of the pipeline, by one strategy per file:

1. a pointer that names a record whose line the reading stage already knows (a claim of a file in
   the canonical layout, :attr:`~astana_facts.reading.records.Site.line`) takes that line;
2. otherwise the file is read again, once: when it is in the canonical layout and every pointer
   names an item of a top-level array, a scan of its bytes finds the lines; when it is in the
   canonical layout otherwise, a walk over its value (:mod:`astana_facts.jsonio.
   canonical_positions`); else a full source map of its text.

Only files with findings are read again, so a clean folder costs nothing here. Findings that the
parser already placed (a syntax error, a duplicate key) keep their line.
"""

from __future__ import annotations

import dataclasses
import os
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import orjson

from astana_facts.findings.finding import Finding
from astana_facts.jsonio.canonical_positions import canonical_source_map
from astana_facts.jsonio.errors import ReadError
from astana_facts.jsonio.positions import (
    CANONICAL_ITEM_COLUMN,
    build_source_map,
    canonical_item_lines,
)
from astana_facts.jsonio.reader import read_bytes
from astana_facts.jsonio.writer import dumps_canonical_layout

KnownLines = Callable[[str], Mapping[str, int]]
"""File -> (JSON Pointer of a record -> the line the record opens on), where reading knew it."""

_ITEM = re.compile(r"^/([a-z_]+)/([0-9]+)$")


def locate(findings: list[Finding], *, root: Path, known: KnownLines) -> list[Finding]:
    """``findings`` with line and column filled in wherever their pointer can be found."""
    pending: dict[str, list[int]] = {}
    for index, finding in enumerate(findings):
        if finding.line is None and finding.pointer is not None and finding.file:
            pending.setdefault(finding.file, []).append(index)
    if not pending:
        return findings
    located = list(findings)
    for file, indexes in sorted(pending.items()):
        lines = known(file)
        unknown = []
        for index in indexes:
            line = lines.get(located[index].pointer or "")
            if line is None:
                unknown.append(index)
            else:
                located[index] = _at(located[index], line, CANONICAL_ITEM_COLUMN)
        if unknown:
            for index, finding in zip(
                unknown, _from_file(file, root, located, unknown), strict=True
            ):
                located[index] = finding
    return located


def _at(finding: Finding, line: int, column: int) -> Finding:
    return dataclasses.replace(finding, line=line, column=column)


def _from_file(file: str, root: Path, findings: list[Finding], indexes: list[int]) -> list[Finding]:
    """The findings at ``indexes``, located by reading ``file`` again (unchanged when it cannot
    be read: the reading stage has reported that)."""
    chosen = [findings[index] for index in indexes]
    path = Path(file)
    # A rules file lies beside the records folder, not in it: its own folder bounds the read.
    inside = os.path.abspath(path).startswith(os.path.abspath(root).rstrip(os.sep) + os.sep)
    raw = read_bytes(path, root=root if inside else path.parent)
    if isinstance(raw, ReadError):
        return chosen
    data = _canonical_data(raw)
    if data is not None:
        scanned = _scan(chosen, raw, data)
        if scanned is not None:
            return scanned
    # A canonical file's positions follow from its value (a walk, not a parse of the text).
    source_map = build_source_map(raw) if data is None else canonical_source_map(data)
    located = []
    for finding in chosen:
        position = source_map.locate_key(finding.pointer or "")
        located.append(finding if position is None else _at(finding, *position))
    return located


def _canonical_data(raw: bytes) -> Any:
    """The parsed value of ``raw`` when ``raw`` is in the canonical layout (two-space indent,
    one value per line), else None."""
    try:
        data = orjson.loads(raw)
        return data if dumps_canonical_layout(data) == raw else None
    except (orjson.JSONDecodeError, orjson.JSONEncodeError):
        return None


def _scan(findings: list[Finding], raw: bytes, data: Any) -> list[Finding] | None:
    """``findings`` located by scanning ``raw`` (in the canonical layout, parsed as ``data``)
    when every pointer names an item of a top-level array (a claim, an adjudication); None
    otherwise."""
    items = [_ITEM.match(finding.pointer or "") for finding in findings]
    if not all(items) or not isinstance(data, dict):
        return None
    lines: dict[str, list[int] | None] = {}
    located = []
    for finding, item in zip(findings, items, strict=True):
        assert item is not None
        key, index = item[1], int(item[2])
        if key not in lines:
            values = data.get(key)
            lines[key] = (
                canonical_item_lines(raw, key, len(values)) if isinstance(values, list) else None
            )
        found = lines[key]
        if found is None or index >= len(found):
            return None
        located.append(_at(finding, found[index], CANONICAL_ITEM_COLUMN))
    return located
