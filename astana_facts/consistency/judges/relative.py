"""The temporal reasoner as the judge of a ``relative_date`` claim: "the next day", "a week
before the congress", against the dates and durations the facts give both events it links.

A relative date has no day of its own, so no fact states one (``NOT_FACT_KINDS``); it is judged
from the facts of its subject and of its anchor. The facts of both events and the claim's
constraint become one network, built as the ``temporal`` engine builds it for claims
(:meth:`~astana_facts.consistency.timeline.TimeNetwork.add_relative`), and the claim is refuted,
supported or undecided exactly as a date or a duration is
(:func:`~astana_facts.consistency.judges.temporal.decide`).
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations

from astana_facts.consistency.engines.relative import offset_days
from astana_facts.consistency.judges.base import Bench, Judgement, as_record
from astana_facts.consistency.judges.temporal import add_value, decide, entailed
from astana_facts.consistency.timeline import TimeNetwork
from astana_facts.reading.records import PlainRecord


def events(claim: PlainRecord) -> tuple[str, ...]:
    """The events whose facts a relative date is judged by: its subject and its anchor (once
    when they are one event)."""
    return tuple(dict.fromkeys((claim["subject"], claim["value"]["anchor"])))


def judge(claim: PlainRecord, facts: Sequence[PlainRecord], bench: Bench) -> Judgement:
    """Refuted (a negative cycle through the claim and the facts of both events), supported
    (the facts entail the distance it states) or not enough evidence (among others when no
    fact dates one of the two events)."""
    linked = events(claim)
    facts = sorted(facts, key=lambda fact: fact["id"])
    dated = {fact["subject"] for fact in facts}
    missing = [event for event in linked if event not in dated]
    if missing:
        return Judgement(
            "not_enough_evidence",
            (),
            f"no fact of {' or '.join(missing)}'s dates or durations",
        )
    network, known = _network(claim, facts, bench)
    return decide(network, known, claim, facts, lambda: _fewest(claim, facts, bench))


def _network(
    claim: PlainRecord, facts: Sequence[PlainRecord], bench: Bench
) -> tuple[TimeNetwork, int]:
    """The network of ``facts`` (source i: fact i) and then the claim's constraint, with the
    number of the facts' edges."""
    network = TimeNetwork()
    for event in events(claim):
        network.event(event)
    for fact in facts:
        add_value(network, fact["subject"], fact, bench)
    known = len(network.edges)
    days = offset_days(claim["value"], bench.relative)
    network.add_relative(claim["subject"], [as_record(claim)], days)
    return network, known


def _fewest(
    claim: PlainRecord, facts: Sequence[PlainRecord], bench: Bench
) -> Sequence[PlainRecord]:
    """The first fact, else the first two (in id order), that entail the claim alone, else
    all of ``facts``: a verdict cites what it rests on, not every fact of both events."""
    for size in (1, 2):
        for chosen in combinations(facts, size):
            network, known = _network(claim, chosen, bench)
            if entailed(network.edges[:known], network.edges[known:]):
                return chosen
    return facts
