"""Measures: every count claim counts a measure registered in ``measures.json`` (REF004).

A measure's aliases name it too. An unknown name gets the closest registered name or alias as a
suggestion (rapidfuzz, imported only when there is something to suggest).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence

from astana_facts.findings.finding import Finding
from astana_facts.reading.records import ClaimRecord, PlainRecord

ClaimRecordAt = Callable[[int], ClaimRecord]
"""The claim of a file at a position, with its document and site."""

SUGGESTION_CUTOFF = 60
"""The similarity score (0-100, rapidfuzz's ``ratio``) from which a registered name is offered."""


def measure_names(measures: Iterable[PlainRecord]) -> dict[str, str]:
    """Every name a measure goes by (its id and its aliases) -> its id. Where two measures claim
    one name, the first registered keeps it, so the mapping never depends on dictionary order."""
    measures = list(measures)
    names: dict[str, str] = {}
    for measure in measures:
        names.setdefault(measure["id"], measure["id"])
    for measure in measures:
        for alias in measure["aliases"]:
            names.setdefault(alias, measure["id"])
    return names


def measures_hold(claim: PlainRecord, names: Mapping[str, str]) -> bool:
    """Whether a claim names no measure or a registered one: the quick test."""
    return claim["kind"] != "count" or claim["value"]["measure"] in names


def closest_measure(name: str, names: Mapping[str, str]) -> str | None:
    """The registered name (id or alias) closest to ``name``, when one is close enough; ties go
    to the name first in sorted order, so the suggestion is deterministic."""
    if not names:
        return None
    from rapidfuzz import fuzz, process

    found = process.extractOne(
        name, sorted(names), scorer=fuzz.ratio, score_cutoff=SUGGESTION_CUTOFF
    )
    return None if found is None else str(found[0])


def check_claim_measure(record: ClaimRecord, names: Mapping[str, str]) -> Iterator[Finding]:
    """REF004: a count claim whose measure is neither a registered measure nor an alias."""
    claim = record.claim
    if measures_hold(claim, names):
        return
    name = claim["value"]["measure"]
    suggestion = closest_measure(name, names)
    if suggestion is None:
        hint = "register it in measures.json" if names else "measures.json registers no measure"
    elif names[suggestion] == suggestion:
        hint = f"did you mean {suggestion!r}?"
    else:
        hint = f"did you mean {suggestion!r} (an alias of {names[suggestion]!r})?"
    yield Finding.of(
        code="REF004",
        message=f"claim {claim['id']}, field value/measure: unknown measure {name!r}; {hint}",
        file=record.site.file,
        pointer=f"{record.site.pointer}/value/measure",
        claims=(claim["id"],),
    )


def check_measures(
    claims: Sequence[PlainRecord], claim_record: ClaimRecordAt, names: Mapping[str, str] | None
) -> list[Finding]:
    """REF004 for every count claim of one file with an unknown measure; ``names`` is None when
    the measures file failed to load (that failure is the root cause, reported once)."""
    if names is None:
        return []
    findings: list[Finding] = []
    for position, claim in enumerate(claims):
        if not measures_hold(claim, names):
            findings.extend(check_claim_measure(claim_record(position), names))
    return findings
