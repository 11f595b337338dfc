"""The editors' verdicts: a claim that no engine compares (a statement, a relation, a plan of
kind ``plan``) judged by an editor, with a rationale and the facts or public sources it rests on.

Every other claim is judged by the engines against ``facts.json``; an editor who knows more
about such a claim adds a fact, not a verdict (VRD005).
"""

from __future__ import annotations

from typing import Literal

from astana_facts.models.adjudications import ExternalEvidence
from astana_facts.models.base import Identifier, IsoDate, Record, Text, schema_ref

EditorLabel = Literal[
    "supported", "refuted", "conflicting", "not_enough_evidence", "kept", "not_kept"
]
"""The labels of a verdict (``astana_facts.verdicts.LABELS``): ``kept`` and ``not_kept`` for a
plan, the others for any other claim."""


class EditorVerdict(Record):
    """An editor's verdict on one claim."""

    claim: Identifier
    """Id of the claim judged."""
    label: EditorLabel
    """supported, refuted, conflicting or not_enough_evidence; kept or not_kept for a plan
    (modality ``planned`` or kind ``plan``)."""
    facts: list[Identifier] = []
    """Ids of the facts of ``facts.json`` the verdict rests on (a plan's event, for instance)."""
    evidence: list[ExternalEvidence] = []
    """Public sources the verdict rests on where no fact can state it (what was said)."""
    rationale: Text
    """Why: what the facts or sources establish and how the claim compares."""
    decided: IsoDate | None = None
    """When the verdict was given."""


class VerdictsFile(Record):
    """``records/verdicts.json``: the editors' verdicts on claims no engine compares."""

    schema_: str = schema_ref("verdicts")
    """Path or URI of this file's JSON Schema."""
    verdicts: list[EditorVerdict]
    """The verdicts, one per claim at most."""
