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
- ``chronology``: rounds of one series against their order (RND003): the network of a series
  holds the rounds of up to :data:`WINDOW` consecutive ordinals at a time, so the work grows
  with the number of rounds, not its square.

The networks are one per event or per window of a series, so the report stays linear in the
number of claims. Rounds take their ordinals from ``round_number`` claims and from the
``ordinal`` of a round entity (reference knowledge, like ``part_of``: a constraint that is
never cited, as it is not a source's claim).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from astana_facts.consistency.context import Context, rule_groups, words
from astana_facts.consistency.engines.durations import whole_days
from astana_facts.consistency.findings import describe_value, grouped_finding, named
from astana_facts.consistency.stn import Edge, Network
from astana_facts.consistency.timeline import LATEST, Source, TimeNetwork, bounds_of
from astana_facts.consistency.values import by_value, value_key
from astana_facts.findings.finding import Finding
from astana_facts.reading.records import ClaimRecord, PlainRecord

WINDOW = 3
"""Consecutive ordinals of a series whose rounds are reasoned about together."""

_ROLE_ORDER = {"duration": 0, "date": 1, "ordinal": 2}


def add_event(
    network: TimeNetwork,
    subject: str,
    records: Sequence[ClaimRecord],
    rule: PlainRecord,
    context: Context,
) -> None:
    """The date and duration claims of one event, as value groups, into ``network``."""
    dates = by_value(r for r in records if r.claim["kind"] == "event_date")
    network.event(subject)
    for group in dates:
        network.add_date(subject, group)
    durations = [r for r in records if r.claim["kind"] == "duration"]
    if not durations:
        return
    parameters = rule["parameters"]
    ongoing = set(words(parameters["ongoing_units"]))
    open_ended = all(bounds_of(g[0].claim["value"]).e_hi == LATEST for g in dates)

    def until(record: ClaimRecord) -> str | None:
        if open_ended and record.claim["value"]["unit"] in ongoing:
            return record.document if record.document in context.published else None
        return None

    for group in by_value(durations, key=lambda r: (value_key(r), until(r))):
        document = until(group[0])
        node = None
        if document is not None:
            node = network.published(document, context.published[document])
        days = whole_days(group[0].claim["value"], parameters)
        network.add_duration(subject, group, days, node)


def _roles(network: TimeNetwork, conflict: frozenset[int]) -> set[str]:
    return {network.sources[i].role for i in conflict}


def _wanted(kind: str, network: TimeNetwork, conflict: frozenset[int]) -> bool:
    """Whether a conflict is one the rule's ``conflict`` kind reports."""
    roles = _roles(network, conflict)
    if kind == "dates":
        return roles == {"date"}
    if kind == "durations":
        return roles == {"duration"} and len(conflict) > 1
    if kind == "durations_against_dates":
        return roles == {"date", "duration"}
    subjects = {network.sources[i].subject for i in conflict}
    return "ordinal" in roles or len(subjects) > 1


def _summary(kind: str, groups: Sequence[Source], cycle: Sequence[Edge]) -> str:
    """Which kind of constraint broke, in a few words."""
    if kind == "chronology":
        broken = [e.label.replace("ends before", "ends after") for e in cycle if e.kind == "order"]
        return "; ".join(broken)
    durations = [describe_value(g.group[0].claim) for g in groups if g.role == "duration"]
    if kind == "durations":
        return "duration " + " vs ".join(durations)
    if kind == "durations_against_dates":
        return f"duration {' and '.join(durations)} vs the dates"
    if any(edge.kind == "span" for edge in cycle):
        return "end before start"
    which = "first" if "first day" in cycle[0].label else "last"
    return f"no {which} day fits both"


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


def _finding(
    rule: PlainRecord,
    network: TimeNetwork,
    built: Network,
    conflict: frozenset[int],
    label: str,
) -> Finding:
    """The finding of one minimal conflict of ``network``."""
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
    message = f"{label}: {_summary(kind, groups, cycle)}: {_constraints(network, cycle)}"
    first = groups[0].group[0].claim["id"]
    by_claims = kind == "chronology"
    facets = () if by_claims else (label, first)
    return grouped_finding(rule, [g.group for g in groups], message, *facets, by_claims=by_claims)


def run(rule: PlainRecord, context: Context) -> Iterator[Finding]:
    """The contradictions of the rule's ``conflict`` kind, one finding per minimal set of
    values, per event (or, for ``chronology``, per series), in a deterministic order."""
    if rule["parameters"]["conflict"] == "chronology":
        yield from _run_chronology(rule, context)
        return
    for key, records in rule_groups(rule, context).items():
        network = TimeNetwork()
        add_event(network, str(key[0]), records, rule, context)
        built = network.network()
        for conflict in built.conflicts():
            if _wanted(rule["parameters"]["conflict"], network, conflict):
                yield _finding(rule, network, built, conflict, str(key[0]))


def series_rounds(
    series: str, records: Sequence[ClaimRecord], context: Context
) -> dict[int, dict[str, list[ClaimRecord] | None]]:
    """Ordinal -> event -> the ``round_number`` claims giving it that ordinal (None: the round
    entity's own ``ordinal``, which needs no claim)."""
    rounds: dict[int, dict[str, list[ClaimRecord] | None]] = {}
    for entity in context.entities.values():
        if entity.get("series") == series and entity.get("ordinal"):
            rounds.setdefault(entity["ordinal"], {})[entity["id"]] = None
    for group in by_value(records, key=lambda r: (r.claim["subject"], value_key(r))):
        value = group[0].claim["value"]
        at = rounds.setdefault(value["ordinal"], {})
        subject = group[0].claim["subject"]
        if subject not in at:
            at[subject] = group
    return rounds


Rounds = dict[int, dict[str, list[ClaimRecord] | None]]
"""Ordinal -> event -> the claims giving it that ordinal (None: the entity's own ordinal)."""


def _by_subject(rounds: Rounds) -> dict[str, list[tuple[int, list[ClaimRecord] | None]]]:
    """Event -> every ordinal it is given, with the claims giving it, in ordinal order."""
    index: dict[str, list[tuple[int, list[ClaimRecord] | None]]] = {}
    for ordinal, at in sorted(rounds.items()):
        for subject, group in sorted(at.items()):
            index.setdefault(subject, []).append((ordinal, group))
    return index


def _window_network(
    rounds: Rounds,
    ordinals: Sequence[int],
    rule: PlainRecord,
    context: Context,
    by_subject: dict[str, list[tuple[int, list[ClaimRecord] | None]]],
) -> TimeNetwork:
    """The network of the rounds of ``ordinals``: their dates, durations and order, with every
    ordinal each of them is given (also one outside the window)."""
    network = TimeNetwork()
    modalities = rule["applies_to"]["modalities"]
    subjects = sorted({subject for ordinal in ordinals for subject in rounds[ordinal]})
    for subject in subjects:
        records = [
            *context.subject_claims(subject, "event_date", modalities),
            *context.subject_claims(subject, "duration", modalities),
        ]
        add_event(network, subject, records, rule, context)
    given: list[tuple[int, str, tuple[int, ...]]] = []
    for subject in subjects:
        for ordinal, group in by_subject[subject]:
            source = () if group is None else (network.source(group, "ordinal", subject),)
            given.append((ordinal, subject, source))
    given.sort(key=lambda item: item[:2])
    for low, before, low_source in given:
        for high, after, high_source in given:
            if low < high and before != after:
                network.add_order(before, after, (low, high), low_source + high_source)
    return network


def _run_chronology(rule: PlainRecord, context: Context) -> Iterator[Finding]:
    """RND003 and its kin: each series' rounds, :data:`WINDOW` consecutive ordinals at a time;
    a conflict found in two windows is reported once."""
    by_series = {str(key[0]): records for key, records in rule_groups(rule, context).items()}
    for entity in context.entities.values():
        if entity.get("series") and entity.get("ordinal"):
            by_series.setdefault(entity["series"], [])
    for series in sorted(by_series):
        rounds = series_rounds(series, by_series[series], context)
        by_subject = _by_subject(rounds)
        ordinals = sorted(rounds)
        starts = range(max(1, len(ordinals) - WINDOW + 1))
        reported: set[frozenset[str]] = set()
        for start in starts:
            window = ordinals[start : start + WINDOW]
            network = _window_network(rounds, window, rule, context, by_subject)
            built = network.network()
            for conflict in built.conflicts():
                if not _wanted("chronology", network, conflict):
                    continue
                ids = frozenset(r.claim["id"] for i in conflict for r in network.sources[i].group)
                if ids not in reported:
                    reported.add(ids)
                    yield _finding(rule, network, built, conflict, series)
