"""Properties of the consistency rules over generated datasets.

A generated dataset describes a few rounds of one series with true dates, counts, lists and an
instrument, and gives claims that are true of them in several ways (exact and coarse dates,
bounds, partial lists). Such a dataset gives no finding; one contradiction injected into it is
always found, with its code and the claims involved; and the order of claims changes nothing.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from astana_facts.consistency.findings import fingerprint
from astana_facts.findings.finding import Finding
from astana_facts.reading.records import ClaimRecord
from tests.consistency.builders import claim, entity, exact, findings

STATES = ["russia", "iran", "turkey", "kazakhstan", "jordan", "united-states"]
ENTITIES = [entity(state, state.replace("-", " ").title(), kind="state") for state in STATES]


@dataclass
class Round:
    """The truth about one generated round."""

    subject: str
    ordinal: int
    start: dt.date
    end: dt.date
    reporters: int
    guarantors: list[str]


@dataclass
class World:
    """Generated rounds and the consistent claims about them."""

    rounds: list[Round]
    claims: list[ClaimRecord] = field(default_factory=list)


def _interval(start: dt.date, end: dt.date, precision: str = "day") -> dict[str, Any]:
    return {"start": start, "end": end, "precision": precision}


def _month(day: dt.date) -> dict[str, Any]:
    first = day.replace(day=1)
    last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
    return _interval(first, last, "month")


@st.composite
def worlds(draw: st.DrawFn) -> World:
    """A consistent world: rounds in order, and true claims about each from two documents."""
    count = draw(st.integers(1, 4))
    rng = random.Random(draw(st.integers(0, 2**32 - 1)))
    rounds, day = [], dt.date(2017, 1, 23)
    for ordinal in range(1, count + 1):
        length = rng.randint(1, 4)
        rounds.append(
            Round(
                f"round-{ordinal}",
                ordinal,
                day,
                day + dt.timedelta(days=length - 1),
                rng.randint(50, 500),
                rng.sample(STATES, 3),
            )
        )
        day += dt.timedelta(days=rng.randint(35, 80))
    world = World(rounds)
    for round_ in rounds:
        world.claims += _true_claims(round_, rng)
    return world


def _true_claims(round_: Round, rng: random.Random) -> list[ClaimRecord]:
    subject, start, end = round_.subject, round_.start, round_.end
    length = (end - start).days + 1
    inside = start + dt.timedelta(days=rng.randint(0, length - 1))
    views: list[tuple[str, dict[str, Any]]] = [
        ("event_date", {**_interval(start, end), "stance": "full_span"}),
        ("event_date", {**_month(start), "stance": "day_within"}),
        ("event_date", {**_interval(inside, inside), "stance": "day_within"}),
        ("event_date", {**_interval(start, start), "stance": "start"}),
        ("event_date", {**_interval(end, end), "stance": "end"}),
        ("duration", {"unit": "day", "amount": exact(length)}),
        ("round_number", {"series": "series-s", "ordinal": round_.ordinal}),
        ("count", {"measure": "reporters", "amount": exact(round_.reporters), "as_of": None}),
        (
            "count",
            {
                "measure": "reporters",
                "amount": {"bound": "at_least", "value": round_.reporters - rng.randint(0, 40)},
                "as_of": None,
            },
        ),
        (
            "participants",
            {"role": "guarantor", "members": list(round_.guarantors), "complete": True},
        ),
        (
            "participants",
            {"role": "guarantor", "members": rng.sample(round_.guarantors, 2), "complete": False},
        ),
    ]
    signed = {
        "action": "signed",
        "parties": sorted(round_.guarantors),
        "date": _interval(inside, inside),
        "event": subject,
    }
    always = {0, 6}  # the full span and the ordinal: what the injected contradictions contradict
    chosen = [view for index, view in enumerate(views) if index in always or rng.random() < 0.7]
    claims = [
        claim(f"{subject}-{index}", kind, subject, value, document=rng.choice(["doc-a", "doc-b"]))
        for index, (kind, value) in enumerate(chosen)
    ]
    claims.append(claim(f"{subject}-signed", "instrument", f"memo-{subject}", signed))
    claims.append(
        claim(
            f"{subject}-signed-again",
            "instrument",
            f"memo-{subject}",
            {**signed, "action": "adopted"},
            document="doc-b",
        )
    )
    return claims


def _all(world: World) -> list[Finding]:
    return findings(world.claims, entities=ENTITIES)


@given(worlds())
def test_a_consistent_dataset_gives_no_finding(world: World) -> None:
    assert _all(world) == []


CONTRADICTIONS = [
    "DAT001", "DUR001", "RND002", "RND003", "QTY001", "PAR001", "PAR002", "INS001", "INS002",
    "INS003", "NAM001",
]  # fmt: skip


def _inject(world: World, code: str, rng: random.Random) -> list[ClaimRecord]:
    """Claims that contradict ``world`` in the way ``code`` detects; the first is the culprit."""
    round_ = rng.choice(world.rounds)
    subject, later = round_.subject, dt.timedelta(days=rng.randint(1, 5))
    if code == "DAT001":
        start, end = round_.end + later, round_.end + later + dt.timedelta(days=1)
        return [
            claim("bad", "event_date", subject, {**_interval(start, end), "stance": "full_span"})
        ]
    if code == "DUR001":
        wrong = (round_.end - round_.start).days + 1 + rng.randint(1, 5)
        return [claim("bad", "duration", subject, {"unit": "day", "amount": exact(wrong)})]
    if code == "RND002":
        value = {"series": "series-s", "ordinal": round_.ordinal + rng.randint(1, 9)}
        return [claim("bad", "round_number", subject, value)]
    if code == "RND003":
        early = world.rounds[0].start - dt.timedelta(days=rng.randint(30, 300))
        value = {"series": "series-s", "ordinal": len(world.rounds) + 1}
        dated = {**_interval(early, early), "stance": "full_span"}
        return [
            claim("bad", "round_number", "late-round", value),
            claim("bad-date", "event_date", "late-round", dated),
        ]
    truth = {"role": "guarantor", "members": list(round_.guarantors), "complete": True}
    if code == "QTY001":
        value = {"measure": "reporters", "amount": exact(round_.reporters + 1000), "as_of": None}
        true = {"measure": "reporters", "amount": exact(round_.reporters), "as_of": None}
        return [claim("bad", "count", subject, value), claim("true", "count", subject, true)]
    if code == "PAR001":
        value = {**truth, "members": round_.guarantors[:2]}
        return [
            claim("bad", "participants", subject, value),
            claim("true", "participants", subject, truth),
        ]
    if code == "PAR002":
        outsider = next(state for state in STATES if state not in round_.guarantors)
        value = {"role": "guarantor", "members": [outsider], "complete": False}
        return [
            claim("bad", "participants", subject, value),
            claim("true", "participants", subject, truth),
        ]
    signed = {"action": "signed", "parties": sorted(round_.guarantors), "date": None, "event": None}
    memo = f"memo-{subject}"
    if code == "INS001":
        day = round_.end + dt.timedelta(days=90)
        return [claim("bad", "instrument", memo, {**signed, "date": _interval(day, day)})]
    if code == "INS002":
        return [claim("bad", "instrument", memo, {**signed, "event": "another-round"})]
    if code == "INS003":
        return [
            claim("bad", "instrument", memo, {**signed, "parties": sorted(round_.guarantors)[:2]})
        ]
    misspelt = rng.choice(["Kazakhztan", "Kazahkstan", "United Staets", "Untied States"])
    quote = f"Talks with {misspelt} went well"
    return [claim("bad", "statement", subject, {"content": "c", "direct": True}, quote=quote)]


@given(worlds(), st.sampled_from(CONTRADICTIONS), st.integers(0, 2**32 - 1))
def test_an_injected_contradiction_is_found_with_its_code_and_claims(
    world: World, code: str, seed: int
) -> None:
    injected = _inject(world, code, random.Random(seed))
    every = findings(world.claims + injected, entities=ENTITIES)
    assert any(f.code == code and "bad" in f.claims for f in every), f"{code} not found"
    # Whatever else fires (a wrong ordinal may also clash with another round's), it involves
    # the injected claims: the consistent part of the dataset stays silent.
    assert all({"bad", "bad-date"} & set(f.claims) for f in every)


@given(worlds(), st.sampled_from(CONTRADICTIONS), st.randoms(use_true_random=False))
def test_the_order_of_claims_changes_no_finding_and_no_fingerprint(
    world: World, code: str, rnd: random.Random
) -> None:
    claims = world.claims + _inject(world, code, rnd)
    shuffled = list(claims)
    rnd.shuffle(shuffled)
    assert findings(claims, entities=ENTITIES) == findings(shuffled, entities=ENTITIES)


@given(worlds(), st.sampled_from(CONTRADICTIONS), st.randoms(use_true_random=False))
def test_no_two_findings_share_a_fingerprint(world: World, code: str, rnd: random.Random) -> None:
    """A fingerprint is an adjudication's key: two findings never share one."""
    found = findings(world.claims + _inject(world, code, rnd), entities=ENTITIES)
    prints = [f.fingerprint for f in found if f.fingerprint is not None]
    assert len(prints) == len(set(prints))


def test_a_fingerprint_is_the_code_the_subject_and_the_set_of_values() -> None:
    assert fingerprint("DAT001", "e", ["a", "b"]) == fingerprint("DAT001", "e", ["b", "a", "a"])
    assert fingerprint("DAT001", "e", ["a", "b"]) != fingerprint("DUR001", "e", ["a", "b"])
    assert fingerprint("DAT001", "e", ["a", "b"]) != fingerprint("DAT001", "f", ["a", "b"])
    assert fingerprint("DAT001", "e", ["a", "b"]) != fingerprint("DAT001", "e", ["a", "c"])
    assert fingerprint("DAT001", "e", ["a", "b"]) != fingerprint("DAT001", "e", ["a", "b", "c"])
