"""Verdicts: every checkable claim judged against the facts (``records/facts.json``).

The stage runs after consistency and before adjudication: the same engines that compare claims
with claims compare a claim with the facts of its subject and kind, and a claim no engine
compares gets the editors' verdict or stays ``not_enough_evidence``. Its output is one
:class:`Verdict` per claim, kept on the pipeline's :class:`~astana_facts.pipeline.result.Result`
(``Result.claim_verdicts``), which renderers and exports only read.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Label = Literal["supported", "refuted", "conflicting", "not_enough_evidence", "kept", "not_kept"]
"""What a verdict says of a claim:

- ``supported``: the facts entail the claim at the claim's own precision;
- ``refuted``: the claim is incompatible with a fact (the verdict cites it and says which
  constraint breaks);
- ``conflicting``: the facts that cover the claim disagree among themselves;
- ``not_enough_evidence``: no fact covers the claim's subject and kind (or they neither entail
  nor contradict it);
- ``kept`` / ``not_kept``: a plan (modality ``planned``) judged by its outcome, against the facts
  of the event it plans, never as true or false.
"""

LABELS: tuple[Label, ...] = (
    "supported",
    "refuted",
    "conflicting",
    "not_enough_evidence",
    "kept",
    "not_kept",
)
"""Every label, in the order summaries list them."""


@dataclass(frozen=True, slots=True)
class Verdict:
    """The verdict on one claim: its label, the facts it rests on and why."""

    claim: str
    """The id of the claim judged."""
    label: Label
    """What the verdict says (:data:`Label`)."""
    facts: tuple[str, ...] = ()
    """The ids of the facts used, in id order (empty for ``not_enough_evidence`` and for an
    editor's verdict that cites no fact)."""
    reason: str = ""
    """Why, in one sentence: which constraint a refuted claim breaks, which fact entails a
    supported one, which facts conflict."""
    by: Literal["engine", "editor"] = "engine"
    """Who judged: an engine comparing the claim with facts, or an editor (a claim no engine
    compares: statements, relations)."""


@dataclass(frozen=True, slots=True)
class Resolution:
    """A contradiction finding settled by facts: every value in conflict is supported or
    refuted by the facts, so the finding no longer keeps the gate closed."""

    fingerprint: str
    """The finding's fingerprint."""
    holds: tuple[str, ...]
    """The conflicting values (as in ``Finding.conflict``) that the facts support: the side
    that holds."""
    refuted: tuple[str, ...]
    """The conflicting values the facts refute."""
    facts: tuple[str, ...]
    """The ids of the facts that settle it, in id order."""
    reason: str = ""
    """Why, in one sentence."""


__all__ = ["LABELS", "Label", "Resolution", "Verdict"]
