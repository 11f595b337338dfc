"""Quantities as intervals, and when a count holds: the pieces QTY001 compares with."""

from __future__ import annotations

import datetime as dt
import math

from astana_facts.consistency.quantities import (
    can_coincide,
    count_time,
    describe_quantity,
    event_days,
    interval_of,
    percent,
    tolerance_of,
)
from tests.consistency.builders import dates, day


def test_an_approximate_amount_is_read_with_the_rules_tolerance_unless_it_states_its_own() -> None:
    assert interval_of({"bound": "approximately", "value": 300}, 0.1) == (270.0, 330.0)
    own = {"bound": "approximately", "value": 280, "tolerance": 0.25}
    assert tolerance_of(own, 0.1) == 0.25
    assert interval_of(own, 0.1) == (210.0, 350.0)


def test_other_bounds_ignore_the_tolerance() -> None:
    assert interval_of({"bound": "at_least", "value": 5}, 0.5) == (5.0, math.inf)
    assert interval_of({"bound": "range", "low": 2, "high": 3}, 0.5) == (2.0, 3.0)


def test_a_stated_tolerance_is_shown_with_the_amount() -> None:
    assert describe_quantity({"bound": "approximately", "value": 280}) == "approximately 280"
    stated = {"bound": "approximately", "value": 280, "tolerance": 0.15}
    assert describe_quantity(stated) == "approximately 280 (±15%)"
    assert percent(0.125) == "12.5%"


def test_the_days_of_an_event_come_from_its_date_claims() -> None:
    assert event_days([]) is None
    full = dates("2017-05-03", "2017-05-04")
    assert event_days([full]) == (day("2017-05-03"), day("2017-05-04"))
    started = dates("2011-03-15", stance="start")
    assert event_days([started]) == (day("2011-03-15"), None)
    # Clashing claims widen the days: a count can coincide with either.
    other = dates("2017-05-05", "2017-05-06")
    assert event_days([full, other]) == (day("2017-05-03"), day("2017-05-06"))


def _as_of(start: str, end: str | None = None) -> dict[str, object]:
    return {"start": day(start), "end": day(end or start), "precision": "day"}


ROUND = (day("2017-05-03"), day("2017-05-04"))


def test_a_count_without_as_of_is_a_count_of_the_whole_event() -> None:
    assert count_time(None, ROUND) == ROUND
    assert count_time(None, None) is None
    assert count_time(None, (day("2011-03-15"), None)) == (day("2011-03-15"), dt.date.max)


def test_a_count_as_of_a_day_inside_or_after_a_finished_event_is_the_events_count() -> None:
    assert count_time(_as_of("2017-05-04"), ROUND) == ROUND
    assert count_time(_as_of("2017-05-06"), ROUND) == ROUND  # the publication date
    assert count_time(_as_of("2017-04-01", "2017-05-31"), ROUND) == ROUND  # "in May"


def test_a_count_before_an_event_or_of_an_event_still_going_on_keeps_its_days() -> None:
    assert count_time(_as_of("2017-04-20"), ROUND) == (day("2017-04-20"), day("2017-04-20"))
    war = (day("2011-03-15"), None)
    assert count_time(_as_of("2016-01-01"), war) == (day("2016-01-01"), day("2016-01-01"))
    assert count_time(_as_of("2016-01-01"), None) == (day("2016-01-01"), day("2016-01-01"))


def test_times_coincide_when_they_share_a_day_and_an_unknown_time_coincides_with_any() -> None:
    may, june = (day("2017-05-01"), day("2017-05-31")), (day("2017-06-01"), day("2017-06-30"))
    assert not can_coincide(may, june)
    assert can_coincide(may, (day("2017-05-31"), day("2017-06-02")))
    assert can_coincide(None, may) and can_coincide(may, None)
