"""Adjudications: an editor's verdict on a consistency finding, so a known contradiction is
reported with its verdict instead of failing CI."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from astana_facts.models.base import Identifier, IsoDate, Record, Text, schema_ref

Verdict = Literal["claim_correct", "genuine_disagreement", "false_positive"]
"""claim_correct: the external evidence shows which claim is right; genuine_disagreement: the
sources do disagree and no claim is wrong in the dataset; false_positive: the rule misfired."""


class ExternalEvidence(Record):
    """A public source that settles a finding."""

    url: Annotated[str, Field(pattern=r"^https?://")]
    """Where the evidence is."""
    quote: Text
    """The words of the source that matter."""


class Adjudication(Record):
    """An editor's verdict on one finding, matched by its fingerprint, and on exactly the values
    and claims it names."""

    fingerprint: Annotated[str, Field(pattern=r"^[0-9a-f]{16,64}$")]
    """Fingerprint of the finding: made of its rule code, subject and values in conflict, so it
    is stable across reformatting, reordering and unrelated changes."""
    code: Annotated[str, Field(pattern=r"^[A-Z]{3}[0-9]{3}$")]
    """Rule code of the finding."""
    subject: Text
    """What the finding is about (its ``subject`` in ``report --format json``)."""
    values: Annotated[list[Text], Field(min_length=1)]
    """The values the verdict judges: the finding's ``conflict`` in ``report --format json``
    (each value in conflict, a claim value as JSON with sorted keys). The verdict applies only
    while the finding has exactly these values and claims; otherwise the adjudication is stale
    (ADJ002, naming the finding that took its place)."""
    claims: list[Identifier]
    """Ids of the claims the verdict judges: every claim of the finding. A claim not listed gets
    no verdict, and an error-level finding with such a claim stays unadjudicated."""
    verdict: Verdict
    """The editor's verdict."""
    correct_claims: list[Identifier] = []
    """With ``claim_correct``: the claims that the evidence bears out."""
    evidence: list[ExternalEvidence] = []
    """Public sources for the verdict."""
    rationale: Text
    """Why the editor decided so."""
    decided: IsoDate | None = None
    """When the verdict was given."""


class AdjudicationsFile(Record):
    """``records/adjudications.json``: the editors' verdicts."""

    schema_: str = schema_ref("adjudications")
    """Path or URI of this file's JSON Schema."""
    adjudications: list[Adjudication]
    """The verdicts."""
