"""Reading ``facts.json``: the editors' facts, validated against their models, with their sites.

The file is optional, like ``adjudications.json``. A fact that fails its model is left out and
reported (SCH008, or FCT001 for a fact of a claim kind that cannot be a fact); the other facts
of the file are kept. Like the rest of reading, this needs pydantic-core only: the kinds come
from the compiled file (:mod:`astana_facts.reading.compiled`) when it is current.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any

from pydantic_core import SchemaValidator, ValidationError

from astana_facts.findings.finding import Finding
from astana_facts.jsonio.errors import ReadError
from astana_facts.jsonio.reader import read_json
from astana_facts.reading.compiled import compiled
from astana_facts.reading.folder import read_error_finding
from astana_facts.reading.locations import display_path
from astana_facts.reading.model_paths import Path as KeyPath
from astana_facts.reading.model_paths import claim_paths
from astana_facts.reading.records import PlainRecord, Site
from astana_facts.reading.validators import file_validator, validation_findings

FACTS_FILE = "facts.json"
"""The facts file's name in a records folder."""

_ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
"""A well-formed record id (the models' ``Identifier`` pattern)."""

_FACT_FIELDS = frozenset({"subject", "value"})
"""The fields a fact shares with a claim of its kind, where its references and intervals are."""


@cache
def kinds() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(every claim kind, the kinds a fact may have), from the compiled file when it is
    current, else from the models."""
    shipped = compiled()
    if shipped is not None:
        return tuple(shipped["claim_paths"]), tuple(shipped["fact_kinds"])
    from astana_facts.models.facts import FACT_KINDS
    from astana_facts.models.kinds import CLAIM_KINDS

    return CLAIM_KINDS, FACT_KINDS


@cache
def fact_paths(kind: str) -> tuple[tuple[KeyPath, ...], tuple[KeyPath, ...]]:
    """(entity-reference paths, interval paths) of a fact of ``kind``: those of a claim of the
    kind under ``subject`` and ``value``, the fields the two share (the models derive one from
    the other, and a test holds the paths to the fact models)."""
    references, intervals = claim_paths(kind)
    return (
        tuple(path for path in references if path[0] in _FACT_FIELDS),
        tuple(path for path in intervals if path[0] in _FACT_FIELDS),
    )


@dataclass
class FactsRead:
    """What reading ``facts.json`` gave: the valid facts with their sites, and the findings."""

    file: str
    findings: list[Finding] = field(default_factory=list)
    facts: list[tuple[PlainRecord, Site]] = field(default_factory=list)


def read_facts(root: Path) -> FactsRead | None:
    """The facts of the records folder ``root``, or None when it has no ``facts.json``."""
    path = root / FACTS_FILE
    if not os.path.lexists(path):
        return None
    read = FactsRead(display_path(path))
    parsed = read_json(path, root=root)
    if isinstance(parsed, ReadError):
        read.findings.append(read_error_finding(parsed))
        return read
    validator = file_validator("FactsFile")
    try:
        kept = list(enumerate(validator.validate_python(parsed.data)["facts"]))
    except ValidationError as error:
        kept = list(_salvage(read, parsed.data, error, validator))
    read.facts = [(fact, Site(read.file, f"/facts/{index}")) for index, fact in kept]
    return read


def _salvage(
    read: FactsRead, data: Any, error: ValidationError, validator: SchemaValidator
) -> Iterator[tuple[int, PlainRecord]]:
    """The valid facts of a failing file, one by one, with their indexes; a finding for each
    other fact (FCT001 for a kind that cannot be a fact, else SCH008)."""
    if not isinstance(data, dict) or not isinstance(data.get("facts"), list):
        read.findings.extend(validation_findings(error, data, read.file))
        return
    try:
        validator.validate_python({**data, "facts": []})
    except ValidationError as envelope_error:
        read.findings.extend(validation_findings(envelope_error, data, read.file))
        return
    claim_kinds, fact_kinds = kinds()
    for index, raw in enumerate(data["facts"]):
        fact_id = raw.get("id") if isinstance(raw, dict) else None
        # (An id that is not one, which may hold any text, is left out: its own SCH008 says.)
        named = isinstance(fact_id, str) and _ID.fullmatch(fact_id) is not None
        subject = f"fact {fact_id}, " if named else ""
        kind = raw.get("kind") if isinstance(raw, dict) else None
        if kind in claim_kinds and kind not in fact_kinds:
            read.findings.append(
                Finding.of(
                    code="FCT001",
                    message=f"{subject}field facts/{index}/kind: kind {kind!r} cannot be a fact: "
                    f"no engine compares its values (fact kinds: {', '.join(fact_kinds)})",
                    file=read.file,
                    pointer=f"/facts/{index}/kind",
                )
            )
            continue
        one = {**data, "facts": [raw]}
        try:
            (fact,) = validator.validate_python(one)["facts"]
        except ValidationError as fact_error:
            for finding in validation_findings(fact_error, one, read.file):
                read.findings.append(_reindexed(finding, index, subject))
            continue
        yield index, fact


def _reindexed(finding: Finding, index: int, subject: str) -> Finding:
    """A finding computed on a one-fact file, pointed at the fact's real index."""
    pointer = finding.pointer or ""
    message = finding.message
    if pointer.startswith("/facts/0"):
        pointer = f"/facts/{index}" + pointer[len("/facts/0") :]
        message = message.replace("field facts/0", f"field facts/{index}", 1)
    return replace(finding, pointer=pointer, message=subject + message)


__all__ = ["FACTS_FILE", "FactsRead", "fact_paths", "kinds", "read_facts"]
