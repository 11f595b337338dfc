"""What a consistency rule ran on: the groups of claims it compared and the groups it skipped,
by reason, so that a rule with nothing to compare does not read as a clean pass.

A *group* is what a rule compares within: the claims that share its ``group_by`` key (one
event's dates, one document's quotes, one round of a series). An engine reports each group it is
given as compared, or skipped with a short reason ("one claim only", "no date claim"), to the
:class:`Tally` of the rule's run (``context.tally``); the tally becomes a :class:`RuleStats`,
which travels back from a worker process with the rule's findings and is shown in the report.

Kept here, beside :class:`~astana_facts.findings.finding.Finding`, because the result carries
it: the pipeline and the renderers read it without importing the consistency engines.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RuleStats:
    """The groups one rule compared and skipped (picklable, compared by value)."""

    compared: int = 0
    """Groups the rule compared: two or more claims weighed against each other (or, for the
    name rules, a document's quotes against the registered names)."""
    skipped: tuple[tuple[str, int], ...] = ()
    """(reason, groups) for the groups it did not compare: most groups first, then by reason."""
    counted: bool = True
    """False when the rule's engine reported nothing: its groups were not counted (a defect of
    the engine, which the report shows rather than a clean pass)."""

    @property
    def skipped_total(self) -> int:
        """Groups skipped, whatever the reason."""
        return sum(groups for _, groups in self.skipped)

    @property
    def nothing_compared(self) -> bool:
        """Whether the rule compared no group at all (its silence proves nothing)."""
        return self.compared == 0


UNCOUNTED = RuleStats(counted=False)
"""The stats of a rule whose engine reported nothing."""


class Tally:
    """The counter an engine reports its groups to while one rule runs.

    ``compared()`` once per group compared, ``skipped(reason)`` once per group passed over; or
    with ``groups=n`` for several at once. Reasons are short lower-case phrases that complete
    "skipped because of …" in a list: "one claim only", "no date claim"."""

    __slots__ = ("_compared", "_skipped")

    def __init__(self) -> None:
        self._compared = 0
        self._skipped: dict[str, int] = {}

    def compared(self, groups: int = 1) -> None:
        """Count ``groups`` groups as compared."""
        self._compared += groups

    def skipped(self, reason: str, groups: int = 1) -> None:
        """Count ``groups`` groups as skipped for ``reason``."""
        self._skipped[reason] = self._skipped.get(reason, 0) + groups

    @property
    def reported(self) -> bool:
        """Whether anything was counted."""
        return bool(self._compared or self._skipped)

    def stats(self) -> RuleStats:
        """What was counted, the reasons in a deterministic order."""
        reasons = sorted(self._skipped.items(), key=lambda item: (-item[1], item[0]))
        return RuleStats(self._compared, tuple(reasons))


__all__ = ["UNCOUNTED", "RuleStats", "Tally"]
