"""``temporal``: one reasoner for everything that bears on when something happened.

Every date value (each precision and stance), every duration (measured to the publication of
its document when the event is ongoing and its unit is one of ``ongoing_units``) and every
ordinal of a series becomes difference constraints on day numbers in a simple temporal network
(:class:`~astana_facts.consistency.timeline.TimeNetwork`, :mod:`~astana_facts.consistency.stn`):
an event's first day is on or before its last; a date bounds one of them; a duration of n days
puts the last day n - 1 days after the first; round k of a series ends before any higher round
starts. A negative cycle is a contradiction, and its claims, shrunk until dropping any one value
leaves a consistent set, are a finding's evidence: exactly those, no more.

The rule's ``conflict`` parameter says which contradictions it reports:

- ``dates``: the dates of one event among themselves (DAT001);
- ``durations_against_dates``: durations of one event together with its dates (DUR001);
- ``durations``: durations of one event among themselves (DUR002);
- ``relative_dates``: relative dates ("the next day") against the dates, durations and other
  relative dates of the events they link (DAT002): a network holds the events that relative
  dates link (:func:`~astana_facts.consistency.engines.relative.relative_networks`);
- ``chronology``: rounds of one series against their order (RND003): a network holds the
  rounds of a few consecutive ordinals at a time
  (:func:`~astana_facts.consistency.engines.rounds.chronology_networks`), so the work grows with
  the number of rounds, not its square; with the relative dates between rounds of the series. A
  conflict with relative dates is RND003's only when it needs the order of the rounds. Its
  conflicts are found from the cycles through an order constraint
  (:mod:`~astana_facts.consistency.cycles`), not by taking apart every conflict of each round.

The networks are one per event, per component of events linked by relative dates, or per window
of a series, so the report stays linear in the
number of claims. Rounds take their ordinals from ``round_number`` claims and from the
``ordinal`` of a round entity (reference knowledge, like ``part_of``: a constraint that is
never cited, as it is not a source's claim).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from astana_facts.consistency.context import Context, rule_groups
from astana_facts.consistency.cycles import conflicts_through
from astana_facts.consistency.engines.durations import add_event
from astana_facts.consistency.engines.relative import relative_networks
from astana_facts.consistency.engines.rounds import chronology_networks, chronology_work
from astana_facts.consistency.findings import (
    describe_value,
    group_ids,
    grouped_finding,
    named,
)
from astana_facts.consistency.needs import ONE_CLAIM
from astana_facts.consistency.stn import Edge, Network, negative_cycle
from astana_facts.consistency.timeline import (
    Source,
    TimeNetwork,
)
from astana_facts.findings.finding import Finding
from astana_facts.reading.records import ClaimRecord, PlainRecord

_ROLE_ORDER = {"relative": -1, "duration": 0, "date": 1, "ordinal": 2}


def _roles(network: TimeNetwork, conflict: frozenset[int]) -> set[str]:
    return {network.sources[i].role for i in conflict}


def _needs_order(network: TimeNetwork, conflict: frozenset[int]) -> bool:
    """Whether a conflict holds only with the order of the rounds: one with relative dates is
    RND003's when it does, else DAT002's (each network of either holds both kinds)."""
    kept = [e for e in network.edges if e.kind != "order" and conflict.issuperset(e.sources)]
    return negative_cycle(kept) is None


def _wanted(kind: str, network: TimeNetwork, conflict: frozenset[int]) -> bool:
    """Whether a conflict is one the rule's ``conflict`` kind reports."""
    roles = _roles(network, conflict)
    if kind == "dates":
        return roles == {"date"}
    if kind == "durations":
        return roles == {"duration"} and len(conflict) > 1
    if kind == "durations_against_dates":
        return roles == {"date", "duration"}
    if kind == "relative_dates":
        return (
            "relative" in roles and "ordinal" not in roles and not _needs_order(network, conflict)
        )
    if "relative" in roles and "ordinal" not in roles:
        return _needs_order(network, conflict)
    subjects = {network.sources[i].subject for i in conflict}
    return "ordinal" in roles or len(subjects) > 1


def _summary(kind: str, groups: Sequence[Source], cycle: Sequence[Edge]) -> str:
    """Which kind of constraint broke, in a few words."""
    if kind == "chronology":
        broken = [e.label.replace("ends before", "ends after") for e in cycle if e.kind == "order"]
        return "; ".join(broken)
    if kind == "relative_dates":
        return _relative_summary(groups)
    durations = [describe_value(g.group[0].claim) for g in groups if g.role == "duration"]
    if kind == "durations":
        return "duration " + " vs ".join(durations)
    if kind == "durations_against_dates":
        return f"duration {' and '.join(durations)} vs the dates"
    if any(edge.kind == "span" for edge in cycle):
        return "end before start"
    which = "first" if "first day" in cycle[0].label else "last"
    return f"no {which} day fits both"


def _relative_summary(groups: Sequence[Source]) -> str:
    """Which relative dates broke, and against what: "relative date end exact 1 day(s) after
    the start of astana-round-8 vs the dates"."""
    stated = [describe_value(g.group[0].claim) for g in groups if g.role == "relative"]
    others = [
        words
        for role, words in (("date", "the dates"), ("duration", "the durations"))
        if any(g.role == role for g in groups)
    ]
    against = " and ".join(others) if others else "each other" if len(stated) > 1 else "itself"
    return f"relative date {' and '.join(stated)} vs {against}"


def _constraints(network: TimeNetwork, cycle: Sequence[Edge]) -> str:
    """The stated constraints of a cycle, each with the value and the claims stating it."""
    parts = []
    for edge in cycle:
        if not edge.sources:
            continue
        named_sources = ", ".join(
            f"{describe_value(network.sources[i].group[0].claim)} "
            f"({named(network.sources[i].group)})"
            for i in edge.sources
        )
        parts.append(f"{edge.label} [{named_sources}]" if named_sources else edge.label)
    return "; ".join(dict.fromkeys(parts))


def _subject(kind: str, label: str, network: TimeNetwork, groups: Sequence[Source]) -> list[str]:
    """What a finding is about, for its fingerprint: the event (with the publication each
    duration measured to it is measured at: each publication day is another length), or, for
    ``chronology``, the series and the rounds whose values conflict, lowest ordinal first."""
    if kind == "chronology":
        rounds = {source.subject for source in groups}
        return [label, *sorted(rounds, key=lambda s: (network.ordinals.get(s, 0), s))]
    if kind == "relative_dates":
        anchors = (s.group[0].claim["value"]["anchor"] for s in groups if s.role == "relative")
        events = {source.subject for source in groups} | set(anchors)
        return [*sorted(events), *sorted({source.facet for source in groups if source.facet})]
    return [label, *sorted({source.facet for source in groups if source.facet})]


def _finding(
    rule: PlainRecord,
    network: TimeNetwork,
    built: Network,
    conflict: frozenset[int],
    label: str,
) -> Finding:
    """The finding of one minimal conflict of ``network``, fingerprinted by its subject and the
    values in it (:func:`~astana_facts.consistency.findings.grouped_finding`)."""
    kind = rule["parameters"]["conflict"]
    order = sorted(
        conflict,
        key=lambda i: (
            _ROLE_ORDER[network.sources[i].role],
            network.sources[i].group[0].claim["id"],
        ),
    )
    groups = [network.sources[i] for i in order]
    cycle = built.cycle(conflict) or []
    subject = _subject(kind, label, network, groups)
    shown = " / ".join(subject) if kind == "relative_dates" else label
    message = f"{shown}: {_summary(kind, groups, cycle)}: {_constraints(network, cycle)}"
    return grouped_finding(rule, [g.group for g in groups], message, *subject)


def _skipped(kind: str, records: Sequence[ClaimRecord]) -> str | None:
    """Why the temporal reasoner passes over an event's group of claims: it holds no
    contradiction of the rule's kind whatever the values (None: the group is compared)."""
    durations = sum(1 for record in records if record.claim["kind"] == "duration")
    if kind == "dates":
        return ONE_CLAIM if len(records) < 2 else None
    if kind == "durations":
        return "fewer than two duration claims" if durations < 2 else None
    if not durations:
        return "no duration claim"
    return None if durations < len(records) else "no date claim"


def _conflicts(kind: str, network: TimeNetwork, built: Network) -> list[frozenset[int]]:
    """The network's minimal conflicts; when their search was cut short, more, so that each
    group in some conflict the rule reports is in at least one (:meth:`Network.cover`)."""
    found = built.conflicts()
    if built.complete or kind not in ("chronology", "relative_dates"):
        return found

    def part(source: int) -> str | None:
        group = network.sources[source]
        return None if group.role in ("ordinal", "relative") else group.subject

    return found + built.cover(found, lambda conflict: _wanted(kind, network, conflict), part)


def run(rule: PlainRecord, context: Context) -> Iterator[Finding]:
    """The contradictions of the rule's ``conflict`` kind, one finding per minimal set of
    values, per event (or, for ``chronology``, per series), in a deterministic order. Each
    group is counted in ``context.tally``, compared or skipped (:func:`_skipped`)."""
    kind = rule["parameters"]["conflict"]
    if kind == "chronology":
        yield from _run_chronology(rule, context)
        return
    if kind == "relative_dates":
        for label, network in relative_networks(rule, context):
            built = network.network()
            for conflict in _conflicts(kind, network, built):
                if _wanted(kind, network, conflict):
                    yield _finding(rule, network, built, conflict, label)
        return
    for key, records in rule_groups(rule, context).items():
        reason = _skipped(kind, records)
        if reason is not None:
            context.tally.skipped(reason)
            continue
        context.tally.compared()
        network, built, conflicts = _solved(str(key[0]), records, rule, context)
        for conflict in conflicts:
            if _wanted(kind, network, conflict):
                yield _finding(rule, network, built, conflict, str(key[0]))


def extra_work(rule: PlainRecord, context: Context) -> int:
    """The work of a rule beyond the claims of its kinds (for the schedule): for ``chronology``,
    the event claims of its windows of rounds (:func:`~astana_facts.consistency.engines.rounds.
    chronology_work`); none for the others, whose networks hold only the claims they group."""
    return chronology_work(context) if rule["parameters"]["conflict"] == "chronology" else 0


Solved = tuple[TimeNetwork, Network, list[frozenset[int]]]
"""An event's network, the network built from it, and its minimal conflicts."""


def _solved(label: str, records: list[ClaimRecord], rule: PlainRecord, context: Context) -> Solved:
    """The network of one event's claims and its minimal conflicts, worked out once for the
    rules that share the event's claims (one group) and every parameter but ``conflict``
    (DUR001 and DUR002): the network depends on nothing else."""
    parameters = tuple(sorted((k, v) for k, v in rule["parameters"].items() if k != "conflict"))

    def solve() -> Solved:
        network = TimeNetwork()
        add_event(network, label, records, rule, context)
        built = network.network()
        return network, built, built.conflicts()

    return context.remembered(("temporal", id(records), label, parameters), records, solve)


def _run_chronology(rule: PlainRecord, context: Context) -> Iterator[Finding]:
    """RND003 and its kin: the conflicts of each series' networks that order two rounds, from
    the cycles through an order constraint (the hitting-set tree when that search runs out of
    steps). A conflict found in two windows is reported once, and one that holds another (a
    window sees only part of the series) not at all."""
    found: dict[str, dict[frozenset[str], Finding]] = {}
    for series, network in chronology_networks(rule, context):
        built = network.network()
        kept = found.setdefault(series, {})
        through = conflicts_through(built, "order")
        for conflict in _conflicts("chronology", network, built) if through is None else through:
            if not _wanted("chronology", network, conflict):
                continue
            ids = frozenset().union(*(group_ids(network.sources[i].group) for i in conflict))
            if ids not in kept:
                kept[ids] = _finding(rule, network, built, conflict, series)
    for series in sorted(found):
        kept = found[series]
        for ids, finding in kept.items():
            if not any(other < ids for other in kept):
                yield finding
