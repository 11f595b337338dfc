"""What the site shows of verdicts on claims and of reference facts, read off the ``Result``.

The verdict stage puts each claim's verdict on ``Result.claim_verdicts`` and the facts read from
``records/facts.json`` are ``Result.facts``; the functions here turn them into what the pages
show: the index (verdict summary, facts checked), the document pages (each claim's verdict), the
finding pages (the fact and its evidence beside the editors' adjudication) and the timelines
(facts as a reference band). A claim with no verdict shows :data:`NO_VERDICT`.

The editors' adjudications of findings (``Result.verdicts``) are read by the finding pages
directly.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from astana_facts.consistency.findings import describe_value
from astana_facts.pipeline.result import Result
from astana_facts.reading.records import PlainRecord
from astana_facts.verdicts import LABELS

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
    """The verdict on claim ``claim_id`` against the facts (``Result.claim_verdicts``), with
    the first fact it rests on and that fact's evidence; ``None`` (shown as :data:`NO_VERDICT`)
    when the claim has none."""
    verdict = result.claim_verdicts.get(claim_id)
    if verdict is None:
        return None
    fact_id = verdict.facts[0] if verdict.facts else ""
    fact = result.fact_index.get(fact_id) if fact_id else None
    return ClaimVerdict(
        label=verdict.label.replace("_", " "),
        fact=fact_id,
        summary=verdict.reason or (describe_value(fact[0]) if fact is not None else ""),
        evidence=_links(fact[0]) if fact is not None else (),
    )


def fact_count(result: Result) -> int | None:
    """How many reference facts were checked against; ``None`` when the ``Result`` carries
    none (the index then says none are recorded)."""
    return len(result.facts) or None


def event_facts(result: Result, event: str) -> list[FactBand]:
    """The reference facts dating ``event`` (``event_date`` facts about it), drawn as a band on
    its timeline, in fact id order."""
    bands = [
        FactBand(fact["id"], fact["value"]["start"], fact["value"]["end"], describe_value(fact),
                 _links(fact))
        for fact, _ in result.facts
        if fact["kind"] == "event_date" and fact["subject"] == event
    ]  # fmt: skip
    return sorted(bands, key=lambda band: band.fact)


def _links(fact: PlainRecord) -> tuple[EvidenceLink, ...]:
    return tuple(EvidenceLink(source["url"], source["quote"]) for source in fact["evidence"])


def verdict_summary(result: Result) -> dict[str, int]:
    """Claims per verdict label, in the order of :data:`~astana_facts.verdicts.LABELS`; empty
    while no claim has a verdict."""
    counts = Counter(verdict.label for verdict in result.claim_verdicts.values())
    return {label.replace("_", " "): counts[label] for label in LABELS if counts[label]}
