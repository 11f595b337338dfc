"""Verdicts over generated worlds of true facts (the temporal reasoner's worlds,
``tests/consistency/test_temporal.py``, and the rounds with counts, lists and instruments of
``tests/consistency/test_properties.py``).

Claims drawn true, at random precision and stance, are supported or not enough evidence, never
refuted; one claim made false is refuted, citing the fact it breaks; two facts that contradict
each other are FCT003, and the claims they cover conflicting.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from tests.consistency import test_properties as counted
from tests.consistency import test_temporal as temporal
from tests.verdicts.judging import fact, judged

PINNING = ("full_span", "start_and_end", "month")
"""How the facts give a round's days: its full span, its first and last day as two facts, or
only the month(s) it falls in (which pins no day)."""


def _facts(rounds: list[temporal.Round], how: str) -> list[dict[str, Any]]:
    facts: list[dict[str, Any]] = []
    for round_ in rounds:
        subject = round_.subject
        if how == "full_span":
            value = temporal._days(round_.start, round_.end, "full_span")
            facts.append(fact(f"fact-{subject}", "event_date", subject, value))
        elif how == "start_and_end":
            first = temporal._days(round_.start, round_.start, "start")
            last = temporal._days(round_.end, round_.end, "end")
            facts.append(fact(f"fact-{subject}-first", "event_date", subject, first))
            facts.append(fact(f"fact-{subject}-last", "event_date", subject, last))
        else:
            opens = temporal._month(round_.start)[0]
            closes = temporal._month(round_.end)[1]
            value = temporal._days(opens, closes, "full_span", "month")
            facts.append(fact(f"fact-{subject}-months", "event_date", subject, value))
    return facts


@given(temporal.worlds(), st.sampled_from(PINNING))
def test_true_claims_are_never_refuted(world: temporal.World, how: str) -> None:
    result = judged(world.claims, _facts(world.rounds, how), entities=world.entities)
    labels = {verdict.claim: verdict.label for verdict in result.verdicts.values()}
    assert set(labels.values()) <= {"supported", "not_enough_evidence"}
    assert result.findings == []
    if how != "month":  # the facts pin every day: every date and duration is entailed
        for record in world.claims:
            if record.claim["kind"] in ("event_date", "duration"):
                assert labels[record.claim["id"]] == "supported", record.claim


@given(temporal.worlds(), st.sampled_from(PINNING[:2]), st.data())
def test_one_false_claim_is_refuted_citing_the_fact_it_breaks(
    world: temporal.World, how: str, data: st.DataObject
) -> None:
    round_ = data.draw(st.sampled_from(world.rounds))
    shift = dt.timedelta(days=data.draw(st.integers(1, 3)))
    what = data.draw(st.sampled_from(["start", "end", "day_within", "duration"]))
    if what == "duration":
        amount = {"bound": "exact", "value": round_.length + shift.days}
        false = world.add("duration", round_, {"unit": "day", "amount": amount})
    else:
        wrong = round_.start - shift if what == "start" else round_.end + shift
        false = world.add("event_date", round_, temporal._days(wrong, wrong, what))
    facts = _facts(world.rounds, how)
    result = judged(world.claims, facts, entities=world.entities)
    verdict = result.verdicts[false.claim["id"]]
    assert verdict.label == "refuted"
    own = {f["id"] for f in facts if f["subject"] == round_.subject}
    assert verdict.facts and set(verdict.facts) <= own
    assert all(name in verdict.reason for name in verdict.facts)
    others = [v for v in result.verdicts.values() if v.claim != false.claim["id"]]
    assert all(v.label != "refuted" for v in others)


@given(temporal.worlds(), st.data())
def test_two_contradicting_facts_are_an_error_and_their_claims_conflicting(
    world: temporal.World, data: st.DataObject
) -> None:
    round_ = data.draw(st.sampled_from(world.rounds))
    facts = _facts(world.rounds, "full_span")
    later = round_.end + dt.timedelta(days=data.draw(st.integers(1, 5)))
    wrong = fact("fact-wrong", "event_date", round_.subject, temporal._days(later, later, "end"))
    result = judged(world.claims, [*facts, wrong], entities=world.entities)
    (found,) = result.findings
    assert found.code == "FCT003" and found.severity == "error"
    assert f"fact-{round_.subject}" in found.message and "fact-wrong" in found.message
    for record in world.claims:
        kind = record.claim["kind"]
        if record.claim["subject"] == round_.subject and kind in ("event_date", "duration"):
            assert result.verdicts[record.claim["id"]].label == "conflicting"


def _truth(world: counted.World) -> list[dict[str, Any]]:
    """What is true of each round of the generated world, as facts of every kind it has."""
    facts: list[dict[str, Any]] = []
    for round_ in world.rounds:
        subject = round_.subject
        value = {**counted._interval(round_.start, round_.end), "stance": "full_span"}
        facts.append(fact(f"fact-{subject}-dates", "event_date", subject, value))
        amount = {"bound": "exact", "value": round_.reporters}
        reporters = {"measure": "reporters", "amount": amount, "as_of": None}
        facts.append(fact(f"fact-{subject}-reporters", "count", subject, reporters))
        guarantors = {"role": "guarantor", "members": round_.guarantors, "complete": True}
        facts.append(fact(f"fact-{subject}-guarantors", "participants", subject, guarantors))
        ordinal = {"series": "series-s", "ordinal": round_.ordinal}
        facts.append(fact(f"fact-{subject}-ordinal", "round_number", subject, ordinal))
        signed = {"action": "signed", "parties": sorted(round_.guarantors), "event": subject}
        facts.append(fact(f"fact-memo-{subject}", "instrument", f"memo-{subject}", signed))
    return facts


@given(counted.worlds())
def test_true_claims_of_every_kind_are_never_refuted(world: counted.World) -> None:
    result = judged(world.claims, _truth(world), entities=counted.ENTITIES)
    assert result.findings == []
    labels = {verdict.label for verdict in result.verdicts.values()}
    assert labels <= {"supported", "not_enough_evidence"}
    assert "supported" in labels
