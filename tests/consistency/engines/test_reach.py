"""A round's reach: how far its claims (and, for a round linked by relative dates, those of its
component) can push it; what lets the chronology rule pass over windows that cannot conflict."""

from __future__ import annotations

from collections.abc import Callable

from astana_facts.consistency.context import Context, build_context
from astana_facts.consistency.engines.durations import EventValues, event_values
from astana_facts.consistency.engines.reach import Reach, linked_reaches, reach
from astana_facts.consistency.engines.relative import links
from astana_facts.consistency.timeline import day
from astana_facts.reading.records import ClaimRecord
from tests.consistency.builders import RULES, claim, dates, exact, records

RULE = next(rule for rule in RULES if rule["code"] == "RND003")


def _values(context: Context) -> Callable[[str], EventValues]:
    """An event's value groups, as the chronology rule gives them to the reaches."""
    modalities = RULE["applies_to"]["modalities"]

    def of(event: str) -> EventValues:
        claims = [
            *context.subject_claims(event, "event_date", modalities),
            *context.subject_claims(event, "duration", modalities),
        ]
        return event_values(claims, RULE, context)

    return of


def _relative(claim_id: str, subject: str, anchor: str, days: int) -> ClaimRecord:
    value = {
        "part": "start",
        "direction": "after",
        "unit": "day",
        "amount": exact(days),
        "anchor_part": "end",
        "anchor": anchor,
    }
    return claim(claim_id, "relative_date", subject, value)


def test_a_rounds_own_claims_bound_its_days_and_length() -> None:
    claims = [
        claim("s", "event_date", "r", dates("2017-10-30", stance="start")),
        claim("l", "duration", "r", {"unit": "day", "amount": exact(3)}),
    ]
    found = reach(_values(build_context(records(claims)))("r"), RULE)
    last, first = (day(dates(text)["start"]) for text in ("2017-11-01", "2017-10-30"))
    assert found == Reach(last, first, 3, False)


def test_a_linked_round_is_pushed_by_the_events_it_is_linked_to() -> None:
    claims = [
        claim("m", "event_date", "meeting", dates("2017-10-25")),
        _relative("r", "round", "meeting", 3),
    ]
    context = build_context(records(claims))
    linked = links(claims)
    found = linked_reaches(["meeting", "round"], linked, RULE, _values(context))
    first = day(dates("2017-10-28")["start"])
    assert found["round"] == Reach(first, first, 1, False)


def test_claims_that_contradict_each_other_leave_no_reach() -> None:
    claims = [
        claim("m", "event_date", "meeting", dates("2017-10-25")),
        _relative("after", "round", "meeting", 3),
        _relative("before", "meeting", "round", 3),
    ]
    context = build_context(records(claims))
    found = linked_reaches(["meeting", "round"], links(claims), RULE, _values(context))
    assert found == {"meeting": None, "round": None}
