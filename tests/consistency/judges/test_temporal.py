"""The temporal reasoner as a judge: refuted by a negative cycle with the facts (citing them and
the constraint that breaks), supported when the facts' network entails the claim at its own
precision, else not enough evidence."""

from __future__ import annotations

from typing import Any

from astana_facts.consistency.judges.base import Bench
from astana_facts.consistency.judges.temporal import contradictions, judge
from tests.consistency.builders import dates, exact
from tests.verdicts.judging import fact

ROUND = "astana-round-8"
HELD = fact("fact-dates", "event_date", ROUND, dates("2017-12-21", "2017-12-22"))


def _claim(kind: str, value: dict[str, Any]) -> dict[str, Any]:
    return {"id": "c", "kind": kind, "subject": ROUND, "value": value, "modality": "reported"}


def _label(value: dict[str, Any], facts: list[dict[str, Any]], kind: str = "event_date") -> str:
    return judge(_claim(kind, value), facts, Bench()).label


def test_a_coarser_claim_is_supported_at_its_own_precision() -> None:
    assert _label(dates("2017-12-01", "2017-12-31", "month"), [HELD]) == "supported"
    assert _label(dates("2017-12-22", stance="day_within"), [HELD]) == "supported"
    assert _label(dates("2017-12-21", stance="start"), [HELD]) == "supported"
    assert _label({"unit": "day", "amount": exact(2)}, [HELD], "duration") == "supported"


def test_a_day_the_facts_do_not_pin_is_not_supported() -> None:
    month = fact("fact-month", "event_date", ROUND, dates("2017-12-01", "2017-12-31", "month"))
    verdict = judge(_claim("event_date", dates("2017-12-21", stance="start")), [month], Bench())
    assert verdict.label == "not_enough_evidence" and verdict.facts == ("fact-month",)


def test_a_false_claim_is_refuted_citing_the_fact_and_the_constraint() -> None:
    verdict = judge(_claim("event_date", dates("2017-12-20", stance="start")), [HELD], Bench())
    assert verdict.label == "refuted" and verdict.facts == ("fact-dates",)
    assert "first day on or after 2017-12-21" in verdict.reason
    assert "first day on or before 2017-12-20" in verdict.reason


def test_a_duration_is_refuted_by_dates_and_dates_by_a_duration() -> None:
    assert _label({"unit": "day", "amount": exact(3)}, [HELD], "duration") == "refuted"
    lasted = fact("fact-length", "duration", ROUND, {"unit": "day", "amount": exact(2)})
    start = fact("fact-start", "event_date", ROUND, dates("2017-12-21", stance="start"))
    verdict = judge(
        _claim("event_date", dates("2017-12-23", stance="end")), [lasted, start], Bench()
    )
    assert verdict.label == "refuted" and verdict.facts == ("fact-length", "fact-start")
    assert _label(dates("2017-12-22", stance="end"), [lasted, start]) == "supported"


def test_no_fact_is_not_enough_evidence() -> None:
    verdict = judge(_claim("event_date", dates("2017-12-21")), [], Bench())
    assert verdict.label == "not_enough_evidence" and verdict.facts == ()


def test_facts_that_contradict_each_other_are_a_minimal_set() -> None:
    other = fact("fact-other", "event_date", ROUND, dates("2017-12-20", stance="end"))
    place = fact("fact-month", "event_date", ROUND, dates("2017-12-01", "2017-12-31", "month"))
    assert contradictions(ROUND, [HELD, other, place], Bench()) == [["fact-dates", "fact-other"]]
    assert contradictions(ROUND, [HELD, place], Bench()) == []


def test_a_supported_claim_cites_the_fact_that_entails_it_alone_where_one_does() -> None:
    lasted = fact("fact-length", "duration", ROUND, {"unit": "day", "amount": exact(2)})
    start = fact("fact-start", "event_date", ROUND, dates("2017-12-21", stance="start"))
    month = dates("2017-12-01", "2017-12-31", "month")
    assert judge(_claim("event_date", month), [HELD, lasted], Bench()).facts == ("fact-dates",)
    together = judge(
        _claim("event_date", dates("2017-12-22", stance="end")), [lasted, start], Bench()
    )
    assert together.label == "supported" and together.facts == ("fact-length", "fact-start")
