"""The life of a claim id after its claim: deprecated in place, or removed and logged.

A claim that must be withdrawn, split or change kind stays in its file, marked ``deprecated``
with the ids that replace it (as Wikidata keeps a deprecated statement beside its successor), so
a stored id still finds its claim. An id that is gone for good (removed, or renamed: a major
change) is listed in ``records/removals.json``, so a stored id never silently disappears: the
Python API and ``astana-facts diff`` name its version, reason and replacement.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from astana_facts.models.base import Identifier, Record, Text, schema_ref

VERSION_PATTERN = r"^[0-9]+\.[0-9]+\.[0-9]+$"
"""A release of the dataset, X.Y.Z (the package version)."""

Version = Annotated[str, Field(pattern=VERSION_PATTERN)]
"""A version of the dataset, X.Y.Z."""


class Deprecation(Record):
    """Why a claim is deprecated, what replaces it and since which version.

    A deprecated claim stays a valid record that a stored id still finds, but it is left out
    of the consistency rules, the verdicts and the coverage of sentences: its replacements
    stand for it."""

    reason: Text
    """Why the claim is withdrawn, split or changed kind, in one sentence."""
    replaced_by: list[Identifier] = []
    """Ids of the claims that replace it (none when it is withdrawn); each must exist and not
    be deprecated itself (IDS005, IDS006)."""
    since: Version
    """The version of the dataset that first marks it deprecated (X.Y.Z)."""


class Removal(Record):
    """A claim id removed from the dataset, or renamed (both major changes)."""

    id: Identifier
    """The claim id that no longer exists (IDS007 while a claim still has it)."""
    version: Version
    """The version of the dataset that removed it (X.Y.Z)."""
    reason: Text
    """Why it was removed or renamed, in one sentence."""
    replacement: list[Identifier] = []
    """Ids of the claims that take its place (its new id when renamed; none when withdrawn);
    each must exist and not be deprecated (IDS005, IDS006)."""


class RemovalsFile(Record):
    """``records/removals.json``: the log of claim ids removed or renamed (optional)."""

    schema_: str = schema_ref("removals")
    """Path or URI of this file's JSON Schema."""
    removals: list[Removal]
    """One entry per id, oldest first."""


__all__ = ["Deprecation", "Removal", "RemovalsFile", "Version"]
