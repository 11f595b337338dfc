"""Judges: a claim compared with the facts of its subject and kind by the engine that compares
claims of that kind, as one registry (:data:`JUDGES`, kind -> judge, the fact kinds it reads and
the events whose facts it reads).

The verdict stage (:mod:`astana_facts.verdicts`) calls the judge of a claim's kind with the
facts it reads; a test holds the registry to the fact kinds
(:data:`~astana_facts.models.facts.FACT_KINDS`), so a new fact kind without a judge fails
loudly. A relative date is no fact kind (it has no day of its own) but is judged from the
dates of the two events it links. The kinds no engine compares (statements, plans, relations)
have no judge: an editor judges them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from astana_facts.consistency.judges import relative, temporal, values
from astana_facts.consistency.judges.base import Bench, Judge, Judgement
from astana_facts.reading.records import PlainRecord


def own_subject(claim: PlainRecord) -> tuple[str, ...]:
    """The claim's subject: the one event (or entity) whose facts most judges read."""
    return (claim["subject"],)


@dataclass(frozen=True, slots=True)
class Entry:
    """One row of the registry: the judge and the fact kinds it reads for a claim."""

    judge: Judge
    reads: tuple[str, ...]
    engine: str
    """The engine (``comparison``) whose comparison the judge makes, for the docs."""
    subjects: Callable[[PlainRecord], tuple[str, ...]] = own_subject
    """The subjects whose facts the judge reads for a claim (default: the claim's own)."""


JUDGES: dict[str, Entry] = {
    "event_date": Entry(temporal.judge, temporal.READS, "temporal"),
    "duration": Entry(temporal.judge, temporal.READS, "temporal"),
    "round_number": Entry(values.judge_round, ("round_number",), "round_ordinals"),
    "count": Entry(values.judge_count, ("count",), "quantity_intervals"),
    "participants": Entry(values.judge_participants, ("participants",), "entity_sets"),
    "instrument": Entry(values.judge_instrument, ("instrument",), "instrument_facts"),
    "location": Entry(values.judge_location, ("location",), "plan_outcomes"),
    "office": Entry(values.judge_office, ("office",), "office"),
    "relative_date": Entry(relative.judge, temporal.READS, "temporal", relative.events),
}
"""Claim kind -> its judge: one row per fact kind, and one for relative dates (judged from the
dates of the events they link)."""

__all__ = ["JUDGES", "Bench", "Entry", "Judgement"]
