"""A relative date judged by the temporal reasoner against the facts of both events it links:
refuted by a negative cycle, supported when the facts entail the distance it states, else (and
whenever one of the two events has no fact) not enough evidence."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from astana_facts.consistency.judges.base import Bench
from astana_facts.consistency.judges.relative import events, judge
from tests.consistency.builders import dates, exact
from tests.verdicts.judging import fact

ROUND = "astana-round-8"
GENEVA = "geneva-round-8"
HELD = fact("fact-dates", "event_date", ROUND, dates("2017-12-21", "2017-12-22"))
GENEVA_START = fact("fact-geneva", "event_date", GENEVA, dates("2017-11-28", stance="start"))


def _relative(
    subject: str, part: str, direction: str, days: dict[str, Any], anchor: str, anchor_part: str
) -> dict[str, Any]:
    value = {
        "part": part,
        "direction": direction,
        "unit": "day",
        "amount": days,
        "anchor_part": anchor_part,
        "anchor": anchor,
    }
    return {"id": "c", "kind": "relative_date", "subject": subject, "value": value}


def test_the_next_day_is_supported_by_the_dates_of_the_round() -> None:
    claim = _relative(ROUND, "end", "after", exact(1), ROUND, "start")
    verdict = judge(claim, [HELD], Bench())
    assert verdict.label == "supported" and verdict.facts == ("fact-dates",)


def test_a_wrong_distance_is_refuted_naming_the_constraint() -> None:
    claim = _relative(ROUND, "end", "after", exact(2), ROUND, "start")
    verdict = judge(claim, [HELD], Bench())
    assert verdict.label == "refuted" and verdict.facts == ("fact-dates",)
    assert "2 day(s) after" in verdict.reason


def test_the_anchor_may_be_another_event() -> None:
    later = _relative(ROUND, "start", "after", {"bound": "at_least", "value": 1}, GENEVA, "start")
    before = _relative(ROUND, "start", "before", exact(7), GENEVA, "start")
    assert judge(later, [HELD, GENEVA_START], Bench()).label == "supported"
    assert judge(before, [HELD, GENEVA_START], Bench()).label == "refuted"


def test_an_event_without_facts_leaves_it_undecided() -> None:
    claim = _relative(ROUND, "start", "after", exact(23), GENEVA, "start")
    verdict = judge(claim, [HELD], Bench())
    assert verdict.label == "not_enough_evidence" and verdict.facts == ()
    assert GENEVA in verdict.reason


def test_a_relative_date_reads_the_facts_of_its_subject_and_its_anchor() -> None:
    assert events(_relative(ROUND, "end", "after", exact(1), GENEVA, "start")) == (ROUND, GENEVA)
    assert events(_relative(ROUND, "end", "after", exact(1), ROUND, "start")) == (ROUND,)


@given(st.dates(dt.date(1990, 1, 1), dt.date(2030, 1, 1)), st.integers(1, 30), st.integers(1, 5))
def test_the_true_distance_holds_and_any_other_is_refuted(
    start: dt.date, length: int, off: int
) -> None:
    end = start + dt.timedelta(days=length - 1)
    held = fact("fact-span", "event_date", ROUND, dates(start.isoformat(), end.isoformat()))
    true = _relative(ROUND, "end", "after", exact(length - 1), ROUND, "start")
    false = _relative(ROUND, "end", "after", exact(length - 1 + off), ROUND, "start")
    assert judge(true, [held], Bench()).label == "supported"
    assert judge(false, [held], Bench()).label == "refuted"
