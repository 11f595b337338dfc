"""What a claim model knows of its verdict: the shape of a verdict, as a protocol.

The verdicts are made by the verdict stage (:class:`astana_facts.verdicts.Verdict`), which comes
after the models in the flow; the models name only the attributes they hand on, so that
``claim.verdict`` is typed without the models importing a later stage.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol


class VerdictView(Protocol):
    """A verdict on one claim (:class:`astana_facts.verdicts.Verdict` is one)."""

    @property
    def claim(self) -> str:
        """The id of the claim judged."""

    @property
    def label(self) -> str:
        """supported, refuted, conflicting, not_enough_evidence, kept or not_kept."""

    @property
    def facts(self) -> tuple[str, ...]:
        """The ids of the facts used."""

    @property
    def reason(self) -> str:
        """Why, in one sentence."""

    @property
    def by(self) -> str:
        """Who judged: engine or editor."""


VerdictLookup = Callable[[str], "VerdictView | None"]
"""Claim id -> its verdict, or None: what a loaded dataset gives each of its claims."""
