"""What a judge gets and gives: a claim and the facts of its subject and kind in, a
:class:`Judgement` (label, the facts used, the reason) out.

Facts are typed like claims (``models/facts.py``), so the engines' helpers that read a claim
(its ``value``, :func:`~astana_facts.consistency.findings.describe_value`, the value groups of
the temporal network) read a fact as well: :func:`as_record` wraps one as a claim record.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from astana_facts.consistency.findings import describe_value
from astana_facts.reading.records import ClaimRecord, PlainRecord

Outcome = Literal["supported", "refuted", "conflicting", "not_enough_evidence"]
"""What a judge can say of a claim (a plan's ``kept`` / ``not_kept`` is read off it by the
verdict stage: supported is kept, refuted is not kept)."""

TEMPORAL_DEFAULTS: dict[str, Any] = {
    "approximately_tolerance": 0.1,
    "days_tolerance": 0,
    "weeks_tolerance": 0,
    "months_tolerance": 0,
    "years_tolerance": 0,
    "ongoing_units": "",
}
"""The temporal parameters when no ``temporal`` rule is declared (the parameters model's
defaults)."""


@dataclass(frozen=True, slots=True)
class Judgement:
    """What a judge says of one claim: the label, the ids of the facts it rests on (in id
    order) and why, in one sentence."""

    label: Outcome
    facts: tuple[str, ...] = ()
    reason: str = ""


@dataclass
class Bench:
    """What judges share besides the facts: entities (for ``part_of``), measure names (an alias
    read as its measure) and the parameters of the declared rules, by comparison."""

    entities: dict[str, PlainRecord] = field(default_factory=dict)
    measures: dict[str, str] = field(default_factory=dict)
    temporal: dict[str, Any] = field(default_factory=lambda: dict(TEMPORAL_DEFAULTS))
    """The tolerances durations are read with (the rule comparing durations with dates)."""
    relative: dict[str, Any] = field(default_factory=lambda: dict(TEMPORAL_DEFAULTS))
    """The tolerances relative dates are read with (the rule comparing relative dates)."""
    approximately: float = 0.1
    """The tolerance of an approximate count (the ``quantity_intervals`` rule's)."""
    concluded: frozenset[str] = frozenset({"signed", "adopted", "approved"})
    """Instrument actions that conclude an instrument (the ``instrument_facts`` rules')."""

    def within(self, entity: str) -> set[str]:
        """Every entity ``entity`` is part of, through ``part_of``, itself included."""
        found, todo = {entity}, [entity]
        while todo:
            for parent in self.entities.get(todo.pop(), {}).get("part_of", ()):
                if parent not in found:
                    found.add(parent)
                    todo.append(parent)
        return found


Judge = Callable[[PlainRecord, Sequence[PlainRecord], Bench], Judgement]
"""A judge: a claim, the facts of its subject and of the kinds the judge reads, and the bench."""


def as_record(fact: PlainRecord) -> ClaimRecord:
    """A fact as the engines read a claim (no document: a fact is no document's statement)."""
    return ClaimRecord(fact, "", "", 0)


def ids(facts: Iterable[PlainRecord]) -> tuple[str, ...]:
    """The ids of ``facts``, each once, in id order."""
    return tuple(sorted({fact["id"] for fact in facts}))


def cited(facts: Iterable[PlainRecord]) -> str:
    """Facts for a reason: ``fact-a (value in words), fact-b (…)``."""
    return ", ".join(f"{fact['id']} ({describe_value(fact)})" for fact in facts)


def not_covered(claim: PlainRecord, what: str) -> Judgement:
    """``not_enough_evidence``: no fact covers the claim's subject and kind."""
    return Judgement("not_enough_evidence", (), f"no fact of {claim['subject']}'s {what}")


def undecided(facts: Sequence[PlainRecord]) -> Judgement:
    """``not_enough_evidence``: the facts neither entail nor contradict the claim."""
    return Judgement(
        "not_enough_evidence",
        ids(facts),
        f"the facts neither entail nor contradict it: {cited(facts)}",
    )


def settle(
    claim: PlainRecord,
    facts: Sequence[PlainRecord],
    entails: Callable[[PlainRecord], bool],
    contradicts: Callable[[PlainRecord], str | None],
    what: str,
) -> Judgement:
    """The judgement of a claim against facts compared one at a time: refuted by the first
    fact that contradicts it (in id order; ``contradicts`` says which constraint breaks, or
    None), else supported by those that entail it, else undecided. The facts among themselves
    are checked before (FCT003)."""
    if not facts:
        return not_covered(claim, what)
    ordered = sorted(facts, key=lambda fact: fact["id"])
    for fact in ordered:
        broken = contradicts(fact)
        if broken is not None:
            return Judgement(
                "refuted",
                (fact["id"],),
                f"{describe_value(claim)} cannot be true with {cited([fact])}: {broken}",
            )
    holding = [fact for fact in ordered if entails(fact)]
    if holding:
        return Judgement("supported", ids(holding), f"entailed by {cited(holding)}")
    return undecided(ordered)
