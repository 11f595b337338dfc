"""The judges of round ordinals, counts, lists of participants, instruments, places and offices:
each entails at the claim's own precision, refutes with the constraint that breaks, and leaves
what the facts do not settle as not enough evidence."""

from __future__ import annotations

from typing import Any

from astana_facts.consistency.judges.base import Bench
from astana_facts.consistency.judges.values import (
    judge_count,
    judge_instrument,
    judge_location,
    judge_office,
    judge_participants,
    judge_round,
)
from tests.consistency.builders import day, exact
from tests.verdicts.judging import fact

ROUND = "astana-round-4"


def _claim(kind: str, value: dict[str, Any], subject: str = ROUND) -> dict[str, Any]:
    return {"id": "c", "kind": kind, "subject": subject, "value": value, "modality": "reported"}


def test_an_ordinal_is_supported_by_the_same_and_refuted_by_another_of_its_series() -> None:
    held = fact("f", "round_number", ROUND, {"series": "astana-process", "ordinal": 4})
    same = _claim("round_number", {"series": "astana-process", "ordinal": 4})
    other = _claim("round_number", {"series": "astana-process", "ordinal": 5})
    geneva = _claim("round_number", {"series": "geneva-process", "ordinal": 5})
    assert judge_round(same, [held], Bench()).label == "supported"
    refuted = judge_round(other, [held], Bench())
    assert refuted.label == "refuted" and "not 5 and 4" in refuted.reason
    assert judge_round(geneva, [held], Bench()).label == "not_enough_evidence"


def _count(amount: dict[str, Any], measure: str = "reporters") -> dict[str, Any]:
    return _claim("count", {"measure": measure, "amount": amount, "as_of": None})


def test_a_count_is_entailed_when_the_facts_interval_lies_inside_the_claims() -> None:
    held = fact("f", "count", ROUND, {"measure": "reporters", "amount": exact(320), "as_of": None})
    bench = Bench(measures={"reporters": "reporters", "journalists": "reporters"})
    assert judge_count(_count({"bound": "at_least", "value": 300}), [held], bench).label == (
        "supported"
    )
    assert judge_count(_count(exact(320), "journalists"), [held], bench).label == "supported"
    refuted = judge_count(_count(exact(500)), [held], bench)
    assert refuted.label == "refuted" and "no number lies in both" in refuted.reason
    loose = fact(
        "g", "count", ROUND, {"measure": "reporters", "amount": {"bound": "at_least", "value": 300}}
    )
    assert judge_count(_count(exact(320)), [loose], bench).label == "not_enough_evidence"
    assert judge_count(_count(exact(320), "deaths"), [held], bench).label == "not_enough_evidence"


def _list(members: list[str], complete: bool) -> dict[str, Any]:
    return {"role": "guarantor", "members": members, "complete": complete}


def test_lists_of_participants_compare_as_entity_sets_do() -> None:
    three = fact("f", "participants", ROUND, _list(["iran", "russia", "turkey"], True))
    bench = Bench()
    assert (
        judge_participants(
            _claim("participants", _list(["turkey", "iran", "russia"], True)), [three], bench
        ).label
        == "supported"
    )
    assert (
        judge_participants(_claim("participants", _list(["iran"], False)), [three], bench).label
        == "supported"
    )
    outside = judge_participants(_claim("participants", _list(["jordan"], False)), [three], bench)
    assert outside.label == "refuted" and "jordan not in the complete list" in outside.reason
    fewer = judge_participants(
        _claim("participants", _list(["iran", "russia"], True)), [three], bench
    )
    assert fewer.label == "refuted"
    some = fact("g", "participants", ROUND, _list(["iran"], False))
    assert (
        judge_participants(_claim("participants", _list(["russia"], False)), [some], bench).label
        == "not_enough_evidence"
    )


def _interval(start: str, end: str | None = None, precision: str = "day") -> dict[str, Any]:
    return {"start": day(start), "end": day(end or start), "precision": precision}


def test_an_instrument_is_judged_part_by_part_with_the_concluding_actions_as_one() -> None:
    signed = fact(
        "f",
        "instrument",
        "memo",
        {
            "action": "signed",
            "parties": ["iran", "russia", "turkey"],
            "date": _interval("2017-05-04"),
            "event": ROUND,
        },
    )
    bench = Bench()

    def label(value: dict[str, Any]) -> str:
        return judge_instrument(_claim("instrument", value, "memo"), [signed], bench).label

    assert (
        label({"action": "adopted", "date": _interval("2017-05-01", "2017-05-31", "month")})
        == "supported"
    )
    assert label({"action": "signed", "parties": ["russia"], "event": ROUND}) == "supported"
    assert label({"action": "signed", "date": _interval("2017-05-05")}) == "refuted"
    assert label({"action": "signed", "event": "astana-round-5"}) == "refuted"
    assert label({"action": "signed", "parties": ["jordan"]}) == "refuted"
    assert label({"action": "discussed", "event": ROUND}) == "not_enough_evidence"
    why = judge_instrument(
        _claim("instrument", {"action": "signed", "date": _interval("2017-05-05")}, "memo"),
        [signed],
        bench,
    ).reason
    assert "shares no day with 2017-05-04" in why


def test_a_place_is_entailed_by_itself_or_a_place_within_it() -> None:
    entities = {
        "astana": {"id": "astana", "part_of": ["kazakhstan"]},
        "kazakhstan": {"id": "kazakhstan", "part_of": []},
    }
    bench = Bench(entities=entities)
    held = fact("f", "location", ROUND, {"place": "astana"})
    assert (
        judge_location(_claim("location", {"place": "kazakhstan"}), [held], bench).label
        == "supported"
    )
    assert judge_location(_claim("location", {"place": "sochi"}), [held], bench).label == "refuted"
    wide = fact("g", "location", ROUND, {"place": "kazakhstan"})
    assert (
        judge_location(_claim("location", {"place": "astana"}), [wide], bench).label
        == "not_enough_evidence"
    )


def test_an_office_is_supported_by_the_same_office_and_never_refuted() -> None:
    held = fact(
        "f", "office", "kushkumbayev", {"office": "Deputy Director", "organisation": "kisi"}
    )
    same = _claim("office", {"office": "deputy director", "organisation": "kisi"}, "kushkumbayev")
    other = _claim("office", {"office": "Director", "organisation": "kisi"}, "kushkumbayev")
    assert judge_office(same, [held], Bench()).label == "supported"
    assert judge_office(other, [held], Bench()).label == "not_enough_evidence"
