"""The temporal reasoner as a judge: an ``event_date`` or ``duration`` claim against the dates
and durations the facts give its event.

The facts' values and the claim's become one simple temporal network
(:class:`~astana_facts.consistency.timeline.TimeNetwork`, exactly as the ``temporal`` engine
builds it for claims). A negative cycle through the claim refutes it: the facts on the cycle
(shrunk by :meth:`~astana_facts.consistency.stn.Network.minimise`) are cited and the reason
names the constraints that break. Else the claim is supported when the facts alone entail each
of its constraints: ``x_v - x_u <= w`` is entailed when the shortest path from ``u`` to ``v`` in
the facts' network is at most ``w`` (so a month claim "December 2017" is entailed by 21-22
December, and a day that the facts' interval does not pin down is not).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from astana_facts.consistency.engines.durations import whole_days
from astana_facts.consistency.findings import describe_value
from astana_facts.consistency.judges.base import (
    Bench,
    Judgement,
    as_record,
    cited,
    ids,
    not_covered,
    undecided,
)
from astana_facts.consistency.stn import Edge, Network
from astana_facts.consistency.timeline import TimeNetwork
from astana_facts.reading.records import PlainRecord

READS = ("event_date", "duration")
"""The kinds of facts the temporal judge reads: everything that bears on an event's days."""


def add_value(network: TimeNetwork, subject: str, record: PlainRecord, bench: Bench) -> None:
    """The constraints of one date or duration value (of a claim or a fact) on ``subject``."""
    if record["kind"] == "event_date":
        network.add_date(subject, [as_record(record)])
    else:
        days = whole_days(record["value"], bench.temporal)
        network.add_duration(subject, [as_record(record)], days)


def fact_network(subject: str, facts: Sequence[PlainRecord], bench: Bench) -> TimeNetwork:
    """The network of the facts' dates and durations of ``subject`` (source i: fact i)."""
    network = TimeNetwork()
    network.event(subject)
    for fact in facts:
        add_value(network, subject, fact, bench)
    return network


def distances(edges: Sequence[Edge], origin: int) -> dict[int, float]:
    """Shortest path lengths from ``origin`` over ``edges`` (Bellman-Ford; the network holds no
    negative cycle); a node not reached is ``math.inf`` away."""
    distance: dict[int, float] = {origin: 0}
    for _ in range(len(edges) + 1):
        changed = False
        for edge in edges:
            here = distance.get(edge.origin, math.inf)
            if here + edge.weight < distance.get(edge.target, math.inf):
                distance[edge.target] = here + edge.weight
                changed = True
        if not changed:
            break
    return distance


def entailed(facts: Sequence[Edge], wanted: Sequence[Edge]) -> bool:
    """Whether the constraints ``facts`` entail every constraint of ``wanted``."""
    by_origin: dict[int, dict[int, float]] = {}
    for edge in wanted:
        if edge.origin not in by_origin:
            by_origin[edge.origin] = distances(facts, edge.origin)
        if by_origin[edge.origin].get(edge.target, math.inf) > edge.weight:
            return False
    return True


def _broken(network: TimeNetwork, cycle: Sequence[Edge]) -> str:
    """The stated constraints of a negative cycle, each with the value stating it."""
    parts = []
    for edge in cycle:
        for source in edge.sources:
            value = network.sources[source].group[0].claim
            parts.append(f"{edge.label} [{describe_value(value)} ({value['id']})]")
    return "; ".join(dict.fromkeys(parts))


def judge(claim: PlainRecord, facts: Sequence[PlainRecord], bench: Bench) -> Judgement:
    """Refuted (a negative cycle with the facts, citing those on it), supported (the facts'
    network entails the claim's constraints) or not enough evidence."""
    subject = claim["subject"]
    facts = sorted(facts, key=lambda fact: fact["id"])
    if not facts:
        return not_covered(claim, "dates or durations")
    network = fact_network(subject, facts, bench)
    known = len(network.edges)
    add_value(network, subject, claim, bench)
    return decide(network, known, claim, facts, lambda: _fewest(subject, claim, facts, bench))


def decide(
    network: TimeNetwork,
    known: int,
    claim: PlainRecord,
    facts: Sequence[PlainRecord],
    fewest: Callable[[], Sequence[PlainRecord]],
) -> Judgement:
    """The judgement of a network whose sources are ``facts`` (in order) and then the claim's
    one, whose first ``known`` edges are the facts': refuted by a negative cycle (citing the
    facts on it), supported when the facts' edges entail the claim's (citing ``fewest()``),
    else undecided."""
    own = len(network.sources) - 1
    built = Network(network.edges)
    cycle = built.cycle(set(built.sources))
    if cycle is not None:
        conflict = built.minimise(cycle)
        against = [facts[source] for source in sorted(conflict) if source != own]
        shown = built.cycle(conflict) or cycle
        return Judgement(
            "refuted",
            ids(against),
            f"{describe_value(claim)} cannot be true with {cited(against)}: "
            f"{_broken(network, shown)}",
        )
    if entailed(network.edges[:known], network.edges[known:]):
        used = fewest()
        return Judgement("supported", ids(used), f"entailed by {cited(used)}")
    return undecided(facts)


def _fewest(
    subject: str, claim: PlainRecord, facts: Sequence[PlainRecord], bench: Bench
) -> Sequence[PlainRecord]:
    """The first fact (in id order) that entails the claim alone, else all of ``facts``: a
    verdict cites what it rests on, not every fact of the event."""
    if len(facts) > 1:
        for fact in facts:
            network = fact_network(subject, [fact], bench)
            known = len(network.edges)
            add_value(network, subject, claim, bench)
            if entailed(network.edges[:known], network.edges[known:]):
                return [fact]
    return facts


def contradictions(subject: str, facts: Sequence[PlainRecord], bench: Bench) -> list[list[str]]:
    """The minimal sets of facts of ``subject`` whose dates and durations contradict each
    other (the ids of each set, in id order): the reasoner over the facts alone."""
    facts = sorted(facts, key=lambda fact: fact["id"])
    network = fact_network(subject, facts, bench)
    built = Network(network.edges)
    return [sorted(facts[source]["id"] for source in found) for found in built.conflicts()]
