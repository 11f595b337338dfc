"""Round numbering: ``round_ordinals``, ``round_dates`` and ``ordinal_series``, and the networks
in which the temporal reasoner (:mod:`astana_facts.consistency.engines.temporal`) orders the
rounds of a series: the whole series when it is short, else the rounds of :data:`WINDOW`
consecutive ordinals at a time, each with every ordinal it is given, so the work grows with the
number of rounds, not its square. A window also holds the events relative dates link its rounds
to, with those relative dates; a linked round's reach is read off its whole component
(:func:`~astana_facts.consistency.engines.reach.linked_reaches`).

A round is an ordinal within a series ("the eighth round" of the Astana process); the claims
that give ordinals are ``round_number`` claims, whose subject is the event. The dates of an event
are its reported ``event_date`` claims, combined (see :mod:`astana_facts.consistency.timeline`).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import reduce
from itertools import combinations
from typing import Any

from astana_facts.consistency.context import Context, key_part, rule_groups
from astana_facts.consistency.engines.durations import EventValues, add_values, event_values
from astana_facts.consistency.engines.reach import Reach, linked_reaches, reach
from astana_facts.consistency.engines.relative import (
    Links,
    add_relative_dates,
    links,
    relative_claims,
)
from astana_facts.consistency.findings import consistency_finding
from astana_facts.consistency.timeline import (
    EventBounds,
    TimeNetwork,
    bounds_of,
)
from astana_facts.consistency.values import by_value, value_key
from astana_facts.findings.finding import Finding
from astana_facts.reading.records import ClaimRecord, PlainRecord


def event_dates(subject: str, context: Context) -> tuple[EventBounds, list[ClaimRecord]] | None:
    """The combined bounds of an event's reported dates and the claims giving them; None when
    it has no date claim or its claims clash among themselves (``date_spans`` reports that)."""
    claims = context.subject_claims(subject, "event_date", ["reported"])
    if not claims:
        return None
    bounds = reduce(EventBounds.meet, (bounds_of(r.claim["value"]) for r in claims), EventBounds())
    return (bounds, claims) if bounds.feasible else None


def _first_by_value(records: list[ClaimRecord], path: str) -> dict[Any, ClaimRecord]:
    chosen: dict[Any, ClaimRecord] = {}
    for record in records:
        chosen.setdefault(record.claim["value"][path], record)
    return chosen


def run_ordinals(rule: PlainRecord, context: Context) -> Iterator[Finding]:
    """One event given two ordinals in one series."""
    for key, records in rule_groups(rule, context).items():
        by_ordinal = _first_by_value(records, "ordinal")
        for low, high in combinations(sorted(by_ordinal), 2):
            first, second = by_ordinal[low], by_ordinal[high]
            yield consistency_finding(
                rule,
                (first, second),
                f"{key[0]} is round {low} of {first.claim['value']['series']} in "
                f"{first.claim['id']} but round {high} in {second.claim['id']}",
                *map(str, key),
            )


def run_dates(rule: PlainRecord, context: Context) -> Iterator[Finding]:
    """Two events given the same ordinal of a series whose dates cannot be one event's."""
    for key, records in rule_groups(rule, context).items():
        by_subject = {record.claim["subject"]: record for record in reversed(records)}
        dated = {
            subject: found
            for subject in sorted(by_subject)
            if (found := event_dates(subject, context)) is not None
        }
        for first, second in combinations(sorted(dated), 2):
            if dated[first][0].meet(dated[second][0]).feasible:
                continue
            involved = [by_subject[first], *dated[first][1], by_subject[second], *dated[second][1]]
            yield consistency_finding(
                rule,
                involved,
                f"round {key_part(key, 1)} of {key[0]} is {first} in "
                f"{by_subject[first].claim['id']} and "
                f"{second} in {by_subject[second].claim['id']}, whose dates cannot be one event's",
                *map(str, key),
                first,
                second,
            )


def run_series(rule: PlainRecord, context: Context) -> Iterator[Finding]:
    """One document using one ordinal for rounds of two series: a note, so a reader keeps them
    apart (never a conflict)."""
    for key, records in rule_groups(rule, context).items():
        by_series = _first_by_value(records, "series")
        if len(by_series) < 2:
            continue
        chosen = [by_series[series] for series in sorted(by_series)]
        names = " and ".join(
            f"{record.claim['subject']} ({record.claim['value']['series']})" for record in chosen
        )
        yield consistency_finding(
            rule,
            chosen,
            f"document {key[0]} calls two rounds of different series round "
            f"{key_part(key, 1)}: {names}",
            *map(str, key),
        )


WHOLE = 12
"""A series of at most this many ordinals is one network (its conflicts are exactly minimal)."""

WINDOW = 3
"""Consecutive ordinals whose rounds the temporal reasoner orders together in a longer series."""


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


NETWORK_KINDS = ("event_date", "duration", "relative_date")
"""The kinds of claim the chronology networks read beyond the rule's own ``round_number``
claims: the events' dates and durations, and the relative dates linking them."""


def chronology_work(context: Context) -> int:
    """An estimate of the chronology networks' extra work (for the schedule of the rules): the
    claims of :data:`NETWORK_KINDS`, each as many times as a window holds rounds (a round's
    values go into that many windows, each searched for cycles)."""
    return WINDOW * sum(len(context.by_kind.get(kind, ())) for kind in NETWORK_KINDS)


def _event_claims(subject: str, rule: PlainRecord, context: Context) -> list[ClaimRecord]:
    """The date and duration claims of an event, of the rule's modalities."""
    modalities = rule["applies_to"]["modalities"]
    return [
        *context.subject_claims(subject, "event_date", modalities),
        *context.subject_claims(subject, "duration", modalities),
    ]


def _event_values(subject: str, rule: PlainRecord, context: Context) -> EventValues:
    """The value groups of an event's date and duration claims, worked out once per rule run
    and process (``context.remembered``): a round goes into every window of rounds it belongs to,
    and its reach is read off the same groups."""
    return context.remembered(
        ("event values", subject, id(rule)),
        rule,
        lambda: event_values(_event_claims(subject, rule, context), rule, context),
    )


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
    linked: Links,
) -> TimeNetwork:
    """The network of the rounds of ``ordinals``: their dates, durations and order, with every
    ordinal each of them is given (also one outside the window), and the events relative dates
    link them to, with those relative dates."""
    network = TimeNetwork()
    subjects = sorted({subject for ordinal in ordinals for subject in rounds[ordinal]})
    events = sorted({e for s in subjects for e in linked.component.get(s, [s])})
    for event in events:
        add_values(network, event, _event_values(event, rule, context))
    add_relative_dates(network, events, linked, rule["parameters"])
    given: list[tuple[int, str, tuple[int, ...]]] = []
    for subject in (event for event in events if event in by_subject):  # linked rounds too
        for ordinal, group in by_subject[subject]:
            source = () if group is None else (network.source(group, "ordinal", subject),)
            given.append((ordinal, subject, source))
    given.sort(key=lambda item: item[:2])
    for low, before, low_source in given:
        for high, after, high_source in given:
            if low < high and before != after:
                network.add_order(before, after, (low, high), low_source + high_source)
    return network


def _may_conflict(
    subjects: Sequence[str],
    reaches: dict[str, Reach | None],
    by_subject: dict[str, list[tuple[int, list[ClaimRecord] | None]]],
) -> bool:
    """Whether a window of rounds can hold a chronology conflict: some round forced to end too
    late for a later one forced to start early, with room for every round between; an event
    given two ordinals, an ongoing one, or one without a reach (:func:`linked_reaches`), is
    always looked at."""
    known = {s: found for s in subjects if (found := reaches[s]) is not None}
    if len(known) < len(subjects) or any(len(by_subject[s]) > 1 for s in subjects):
        return True
    if any(found.ongoing for found in known.values()):
        return True
    room = 1 + sum(found.length for found in known.values())
    for before in subjects:
        for after in subjects:
            if by_subject[before][0][0] >= by_subject[after][0][0]:
                continue
            floor, ceiling = known[before].end_floor, known[after].start_ceiling
            if floor is not None and ceiling is not None and ceiling - floor < room:
                return True
    return False


def chronology_networks(rule: PlainRecord, context: Context) -> Iterator[tuple[str, TimeNetwork]]:
    """Each series' networks (its label and the network): the whole series when it has at most
    :data:`WHOLE` ordinals, else one per window of :data:`WINDOW` consecutive ordinals; only
    those whose rounds may conflict (:func:`_may_conflict`). Each series is counted in
    ``context.tally``: compared, or skipped when no order of its rounds can be contradicted
    (:func:`_unordered`)."""
    by_series = {str(key[0]): records for key, records in rule_groups(rule, context).items()}
    linked_to = links(r for found in relative_claims(rule, context).values() for r in found)
    linked = linked_to.component
    cache: dict[tuple[str, ...], dict[str, Reach | None]] = {}
    for entity in context.entities.values():
        if entity.get("series") and entity.get("ordinal"):
            by_series.setdefault(entity["series"], [])
    for series in sorted(by_series):
        rounds = series_rounds(series, by_series[series], context)
        by_subject = _by_subject(rounds)
        reason = _unordered(by_subject, rule, context, linked)
        if reason is not None:
            context.tally.skipped(reason)
            continue
        context.tally.compared()
        ordinals = sorted(rounds)
        reaches: dict[str, Reach | None] = {
            s: reach(_event_values(s, rule, context), rule) for s in by_subject
        }
        for subject in (s for s in by_subject if s in linked):
            events = tuple(linked[subject])
            if events not in cache:
                cache[events] = linked_reaches(
                    events, linked_to, rule, lambda event: _event_values(event, rule, context)
                )
            # Rounds linked to each other: their distance, not their days, may break the order.
            together = sum(1 for event in events if event in by_subject) > 1
            reaches[subject] = None if together else cache[events][subject]
        size = len(ordinals) if len(ordinals) <= WHOLE else WINDOW
        for start in range(max(1, len(ordinals) - size + 1)):
            window = ordinals[start : start + size]
            subjects = sorted({subject for ordinal in window for subject in rounds[ordinal]})
            if _may_conflict(subjects, reaches, by_subject):
                network = _window_network(rounds, window, rule, context, by_subject, linked_to)
                yield series, network


def _unordered(
    by_subject: dict[str, list[tuple[int, list[ClaimRecord] | None]]],
    rule: PlainRecord,
    context: Context,
    linked: dict[str, list[str]],
) -> str | None:
    """Why a series' rounds hold no chronology conflict whatever their values (None: they are
    compared): one round only, or fewer than two ordinals with a dated round and no event given
    two ordinals (order alone contradicts nothing without two dates to hold it to; a round a
    relative date links counts as dated)."""
    if sum(map(len, by_subject.values())) < 2:
        return "one round only"
    if any(len(given) > 1 for given in by_subject.values()):
        return None
    modalities = rule["applies_to"]["modalities"]
    dated = {
        ordinal
        for subject, given in by_subject.items()
        if subject in linked or context.subject_claims(subject, "event_date", modalities)
        for ordinal, _ in given
    }
    return None if len(dated) >= 2 else "fewer than two dated rounds"
