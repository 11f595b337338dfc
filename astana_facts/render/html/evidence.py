"""What the site shows of verdicts on claims and of reference facts: the one place the verdict
stage fills in.

Today the pipeline carries neither (``records/facts.json`` and the verdicts of claims against
facts come later), so every function here answers "nothing yet" and the pages say so. When the
:class:`~astana_facts.pipeline.result.Result` carries them, these functions read them, and the
index (verdict summary, facts checked), the document pages (each claim's verdict), the finding
pages (the fact and its evidence beside the editors' adjudication) and the timelines (facts as a
reference band) show them with no change to the pages themselves.

The editors' adjudications of findings (``Result.verdicts``) are real today; the finding pages
read them directly.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from astana_facts.pipeline.result import Result

NO_VERDICT = "no verdict yet"
"""What a claim without a verdict shows."""


@dataclass(frozen=True, slots=True)
class EvidenceLink:
    """A public source that supports a verdict or a fact: its address and the words quoted."""

    url: str
    quote: str = ""


@dataclass(frozen=True, slots=True)
class ClaimVerdict:
    """A claim checked against the reference facts."""

    label: str
    """The verdict in a word or two (``supported``, ``refuted``, ``not enough evidence``)."""
    fact: str = ""
    """The id of the fact it was checked against."""
    summary: str = ""
    """The fact in words."""
    evidence: tuple[EvidenceLink, ...] = ()


@dataclass(frozen=True, slots=True)
class FactBand:
    """A reference fact about an event's dates: drawn on its timeline as a band."""

    fact: str
    start: dt.date
    end: dt.date
    label: str
    evidence: tuple[EvidenceLink, ...] = ()


def claim_verdict(result: Result, claim_id: str) -> ClaimVerdict | None:
    """The verdict on claim ``claim_id`` against the facts; ``None`` (shown as
    :data:`NO_VERDICT`) until the verdict stage puts verdicts of claims on the ``Result``.

    THE HOOK: the verdict stage fills this in (and the pages show it: each claim's entry on its
    document page, the claims of a finding, the index's summary)."""
    del result, claim_id
    return None


def fact_count(result: Result) -> int | None:
    """How many reference facts were checked against; ``None`` while the ``Result`` carries
    no facts (the index then says none are recorded yet)."""
    del result
    return None


def event_facts(result: Result, event: str) -> list[FactBand]:
    """The reference facts dating ``event``, drawn as a band on its timeline; none yet."""
    del result, event
    return []


def verdict_summary(result: Result) -> dict[str, int]:
    """Claims per verdict label, in label order; empty while no claim has a verdict."""
    counts = Counter(
        found.label
        for record in result.records.claims
        if (found := claim_verdict(result, record.claim["id"])) is not None
    )
    return {label: counts[label] for label in sorted(counts)}
