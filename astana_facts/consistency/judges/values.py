"""The judges of the engines that compare values one against another (not the temporal
network): round ordinals (the ``round_*`` engines), counts (``quantity_intervals``), lists of
participants (``entity_sets``), instruments (``instrument_facts``), places and offices.

Each reads a claim against the facts of its subject and kind one fact at a time
(:func:`~astana_facts.consistency.judges.base.settle`): a fact the claim contradicts refutes
it, facts that entail it support it, and otherwise there is not enough evidence. Entailment is
at the claim's own precision: a count "at least 2" is entailed by "exactly 2", a partial list
by a complete list that holds it, an instrument "adopted in December 2017" by "adopted on 19
December 2017".
"""

from __future__ import annotations

from collections.abc import Sequence

from astana_facts.consistency.judges.base import Bench, Judgement, settle
from astana_facts.consistency.quantities import can_coincide, interval_of
from astana_facts.consistency.timeline import describe_interval
from astana_facts.reading.records import PlainRecord


def judge_round(claim: PlainRecord, facts: Sequence[PlainRecord], bench: Bench) -> Judgement:
    """The ordinal an event has in a series: equal (supported) or another (refuted), as
    ``round_ordinals`` compares two claims; facts of another series say nothing."""
    series = claim["value"]["series"]
    same = [fact for fact in facts if fact["value"]["series"] == series]
    ordinal = claim["value"]["ordinal"]
    return settle(
        claim,
        same,
        lambda fact: bool(fact["value"]["ordinal"] == ordinal),
        lambda fact: (
            f"an event has one ordinal in {series}, not {ordinal} and {fact['value']['ordinal']}"
            if fact["value"]["ordinal"] != ordinal
            else None
        ),
        f"round number in {series}",
    )


def _when(value: PlainRecord) -> tuple[object, object] | None:
    as_of = value.get("as_of")
    return None if as_of is None else (as_of["start"], as_of["end"])


def judge_count(claim: PlainRecord, facts: Sequence[PlainRecord], bench: Bench) -> Judgement:
    """A count against facts of its measure (an alias as its measure) whose times can coincide,
    as intervals (``quantity_intervals``): the fact's interval inside the claim's entails it;
    no number in common refutes it."""
    names = bench.measures
    measure = names.get(claim["value"]["measure"], claim["value"]["measure"])
    when = _when(claim["value"])
    same = [
        fact
        for fact in facts
        if names.get(fact["value"]["measure"], fact["value"]["measure"]) == measure
        and can_coincide(when, _when(fact["value"]))  # type: ignore[arg-type]
    ]
    low, high = interval_of(claim["value"]["amount"], bench.approximately)

    def bounds(fact: PlainRecord) -> tuple[float, float]:
        return interval_of(fact["value"]["amount"], bench.approximately)

    return settle(
        claim,
        same,
        lambda fact: low <= bounds(fact)[0] and bounds(fact)[1] <= high,
        lambda fact: (
            f"no number lies in both [{low:g}, {high:g}] and "
            f"[{bounds(fact)[0]:g}, {bounds(fact)[1]:g}]"
            if bounds(fact)[1] < low or high < bounds(fact)[0]
            else None
        ),
        f"count of {measure}",
    )


def judge_participants(claim: PlainRecord, facts: Sequence[PlainRecord], bench: Bench) -> Judgement:
    """A list of one role against the facts' lists of that role (``entity_sets``): a complete
    list is entailed by an equal complete list and refuted by a complete list that differs or
    a member a fact names that it lacks; a partial list is entailed when a fact names each of
    its members (or what it is part of) and refuted by a complete list that lacks one."""
    value = claim["value"]
    members = set(value["members"])
    same = [fact for fact in facts if fact["value"]["role"] == value["role"]]

    def fits(member: str, others: set[str]) -> bool:
        return bool(bench.within(member) & others)

    def entails(fact: PlainRecord) -> bool:
        theirs = set(fact["value"]["members"])
        if value["complete"]:
            return bool(fact["value"]["complete"]) and theirs == members
        return all(fits(member, theirs) for member in members)

    def contradicts(fact: PlainRecord) -> str | None:
        theirs = set(fact["value"]["members"])
        if fact["value"]["complete"]:
            outside = sorted(m for m in members if not fits(m, theirs))
            if outside:
                return f"{', '.join(outside)} not in the complete list of the fact"
        if value["complete"]:
            missing = sorted(m for m in theirs if not fits(m, members))
            if missing:
                return f"the complete list lacks {', '.join(missing)}, which the fact names"
        return None

    return settle(claim, same, entails, contradicts, f"{value['role']}s")


def judge_instrument(claim: PlainRecord, facts: Sequence[PlainRecord], bench: Bench) -> Judgement:
    """What was done with an instrument against the facts of the same action (the actions that
    conclude an instrument, signed, adopted, approved, as one, as ``instrument_facts`` reads
    them): each part the claim states (date, round, parties) must be entailed (a date inside the
    claim's interval, the same round, the claim's parties among the fact's); a date with no day
    in common, another round or parties the fact's list lacks refute it."""
    value = claim["value"]

    def action(word: str) -> str:
        return "concluded" if word in bench.concluded else word

    same = [fact for fact in facts if action(fact["value"]["action"]) == action(value["action"])]

    def parts(fact: PlainRecord) -> list[tuple[bool | None, str]]:
        """Per part the claim states: True entailed, False contradicted (with why), None not
        known."""
        theirs = fact["value"]
        found: list[tuple[bool | None, str]] = []
        if value.get("date"):
            found.append(_date_part(value["date"], theirs.get("date")))
        if value.get("event"):
            event = theirs.get("event")
            found.append(
                (
                    None if not event else event == value["event"],
                    f"at {event}, not {value['event']}",
                )
            )
        if value.get("parties"):
            known = set(theirs.get("parties") or ())
            outside = ", ".join(sorted(set(value["parties"]) - known))
            found.append((None if not known else not outside, f"{outside} not among the parties"))
        return found

    def contradicts(fact: PlainRecord) -> str | None:
        broken = [why for part, why in parts(fact) if part is False]
        return "; ".join(broken) if broken else None

    return settle(
        claim,
        same,
        lambda fact: all(part is True for part, _ in parts(fact)),
        contradicts,
        f"{value['action']} instrument",
    )


def _date_part(wanted: PlainRecord, day: PlainRecord | None) -> tuple[bool | None, str]:
    """An instrument's date against a fact's: inside the claim's interval (entailed), no day
    in common (contradicted), or neither."""
    if day is None:
        return None, ""
    if day["end"] < wanted["start"] or wanted["end"] < day["start"]:
        return False, (
            f"the date {describe_interval(wanted)} shares no day with {describe_interval(day)}"
        )
    inside = wanted["start"] <= day["start"] and day["end"] <= wanted["end"]
    return (True if inside else None), ""


def judge_location(claim: PlainRecord, facts: Sequence[PlainRecord], bench: Bench) -> Judgement:
    """Where an event took place (as ``plan_outcomes`` compares places): the fact's place, or
    a place it is part of, entails it; a place neither within the other refutes it."""
    place = claim["value"]["place"]

    def entails(fact: PlainRecord) -> bool:
        return place in bench.within(fact["value"]["place"])

    def contradicts(fact: PlainRecord) -> str | None:
        theirs = fact["value"]["place"]
        if place in bench.within(theirs) or theirs in bench.within(place):
            return None
        return f"{place} is not {theirs}, nor a place within it"

    return settle(claim, facts, entails, contradicts, "place")


def judge_office(claim: PlainRecord, facts: Sequence[PlainRecord], bench: Bench) -> Judgement:
    """An office a person held: the same office (wording compared without case) of the same
    organisation entails it; nothing refutes it, as a person may hold several offices."""
    value = claim["value"]

    def entails(fact: PlainRecord) -> bool:
        theirs = fact["value"]
        return bool(
            theirs["organisation"] == value["organisation"]
            and theirs["office"].casefold() == value["office"].casefold()
        )

    return settle(claim, facts, entails, lambda fact: None, "offices")
