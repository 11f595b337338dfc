"""Relative dates as constraints of the temporal reasoner (DAT002): the distance they admit, the
difference constraints they become, and the networks of the events they link."""

from __future__ import annotations

from typing import Any

import pytest

from astana_facts.consistency.context import build_context
from astana_facts.consistency.engines.relative import offset_days, relative_networks
from astana_facts.consistency.stn import negative_cycle
from astana_facts.consistency.timeline import TimeNetwork
from astana_facts.reading.records import ClaimRecord
from tests.consistency.builders import RULES, claim, dates, entity, exact, findings, records

RULE = next(rule for rule in RULES if rule["code"] == "DAT002")


def relative(
    claim_id: str,
    subject: str,
    anchor: str,
    amount: dict[str, Any],
    *,
    part: str = "start",
    direction: str = "after",
    anchor_part: str = "end",
    unit: str = "day",
) -> ClaimRecord:
    value = {
        "part": part,
        "direction": direction,
        "unit": unit,
        "amount": amount,
        "anchor_part": anchor_part,
        "anchor": anchor,
    }
    return claim(claim_id, "relative_date", subject, value)


@pytest.mark.parametrize(
    ("amount", "unit", "days"),
    [
        (exact(1), "day", (1, 1)),
        (exact(0), "day", (0, 0)),
        (exact(1), "week", (7, 7)),
        ({"bound": "at_least", "value": 1}, "day", (1, None)),
        ({"bound": "at_most", "value": 3}, "day", (0, 3)),
        ({"bound": "range", "low": 2, "high": 3}, "week", (14, 21)),
        ({"bound": "approximately", "value": 10}, "day", (9, 11)),
        ({"bound": "approximately", "value": 10, "tolerance": 0.2}, "day", (8, 12)),
    ],
)
def test_a_distance_is_a_range_of_whole_days(
    amount: dict[str, Any], unit: str, days: tuple[int, int | None]
) -> None:
    assert offset_days({"amount": amount, "unit": unit}, RULE["parameters"]) == days


def _holds(network: TimeNetwork, **pinned: tuple[str, str, int]) -> bool:
    """Whether the network holds with each named day pinned: name -> (which, event, day)."""
    from astana_facts.consistency.stn import ORIGIN, Edge

    edges = list(network.edges)
    for which, event, number in pinned.values():
        node = network.node(which, event)
        edges += [Edge(ORIGIN, node, number), Edge(node, ORIGIN, -number)]
    return negative_cycle(edges) is None


def test_n_days_after_puts_the_day_exactly_that_far_from_the_anchor() -> None:
    network = TimeNetwork()
    network.add_relative("b", [relative("r", "b", "a", exact(3))], (3, 3))
    for day, holds in ((10, False), (13, True), (14, False)):
        pinned = {"a": ("last", "a", 10), "b": ("first", "b", day)}
        assert _holds(network, **pinned) is holds, day


def test_before_and_a_day_within_are_constraints_too() -> None:
    # b starts at least a week before a starts.
    record = relative(
        "r", "b", "a", {"bound": "at_least", "value": 1}, unit="week", direction="before",
        anchor_part="start",
    )  # fmt: skip
    network = TimeNetwork()
    network.add_relative("b", [record], (7, None))
    start_a = ("first", "a", 20)
    assert _holds(network, a=start_a, b=("first", "b", 13))
    assert not _holds(network, a=start_a, b=("first", "b", 14))
    # A day within b is a node of its own, between b's first and last day: "the same day".
    within = relative("w", "b", "a", exact(0), part="day_within", anchor_part="start")
    network = TimeNetwork()
    network.add_relative("b", [within], (0, 0))
    assert _holds(network, a=start_a, s=("first", "b", 18), e=("last", "b", 22))
    assert not _holds(network, a=start_a, s=("first", "b", 21), e=("last", "b", 22))
    assert not _holds(network, a=start_a, s=("first", "b", 10), e=("last", "b", 19))


def test_events_are_networked_by_the_relative_dates_that_link_them() -> None:
    claims = [
        claim("a1", "event_date", "a", dates("2017-01-10")),
        relative("ab", "b", "a", exact(1)),
        relative("cb", "c", "b", exact(1)),
        claim("d1", "event_date", "d", dates("2017-03-01")),
        relative("ee", "e", "e", exact(1), part="end", anchor_part="start"),
    ]
    context = build_context(records(claims))
    networks = list(relative_networks(RULE, context))
    assert [label for label, _ in networks] == ["a / b / c", "e"]
    stats = context.tally.stats()
    assert (stats.compared, stats.skipped) == (2, (("no relative date", 1),))
    # No network holds an event that no relative date links (d): none grows with the dataset.
    assert all(("first", "d") not in network.nodes for _, network in networks)


def test_a_relative_date_clash_cites_exactly_the_claims_that_need_each_other() -> None:
    # The congress is a week after the round ends; the round ends 22 December, the congress is
    # dated 30 January: no day fits. The round's start is not needed, and is not cited.
    claims = [
        claim("round-start", "event_date", "round", dates("2017-12-21", stance="start")),
        claim("round-end", "event_date", "round", dates("2017-12-22", stance="end")),
        claim("congress", "event_date", "congress", dates("2018-01-30", "2018-01-31")),
        relative("week-after", "congress", "round", exact(1), unit="week", anchor_part="end"),
    ]
    (finding,) = findings(claims, "DAT002")
    assert set(finding.claims) == {"round-end", "congress", "week-after"}
    assert finding.subject == "congress / round"
    assert finding.message.startswith(
        "congress / round: relative date start exact 1 week(s) after the end of round vs the dates"
    )
    assert "the first day of congress is 7 day(s) after the last day of round" in finding.message
    assert findings(claims, "DAT001") == [] and findings(claims[1:3], "DAT002") == []


def test_relative_dates_against_each_other_and_against_durations() -> None:
    next_day = relative("next", "r", "r", exact(1), part="end", anchor_part="start")
    third = relative("third", "r", "r", exact(2), part="end", anchor_part="start")
    (clash,) = findings([next_day, third], "DAT002")
    assert set(clash.claims) == {"next", "third"} and "vs each other" in clash.message
    four_days = claim("four", "duration", "r", {"unit": "day", "amount": exact(4)})
    (clash,) = findings([next_day, four_days], "DAT002")
    assert set(clash.claims) == {"next", "four"} and "vs the durations" in clash.message
    before_itself = relative("self", "r", "r", exact(1), part="end", anchor_part="end")
    (clash,) = findings([before_itself], "DAT002")
    assert clash.claims == ("self",) and "vs itself" in clash.message


def test_only_reported_relative_dates_count() -> None:
    span = claim("span", "event_date", "r", dates("2017-12-21", "2017-12-22"))
    said = relative("said", "r", "r", exact(5), part="end", anchor_part="start")
    assert findings([said, span], "DAT002")
    planned = claim("plan", "relative_date", "r", said.claim["value"], modality="planned")
    assert findings([planned, span], "DAT002") == []


def _numbered(subject: str, ordinal: int) -> ClaimRecord:
    return claim(f"n{ordinal}", "round_number", subject, {"series": "s", "ordinal": ordinal})


def test_a_relative_date_against_the_order_of_rounds_is_a_chronology_finding() -> None:
    # Round 8 opened two days before round 7 closed: no date is needed to see it.
    claims = [
        _numbered("round-7", 7),
        _numbered("round-8", 8),
        relative("early", "round-8", "round-7", exact(2), direction="before"),
    ]
    (finding,) = findings(claims, "RND003")
    assert set(finding.claims) == {"n7", "n8", "early"}
    assert "round 7 (round-7) ends after round 8 (round-8) starts" in finding.message
    assert findings(claims, "DAT002") == []


def test_a_relative_date_clash_between_rounds_is_not_a_chronology_finding() -> None:
    # Round 8 is said to open 3 days after round 7 closed; their dates say 10: the order holds.
    claims = [
        _numbered("round-7", 7),
        _numbered("round-8", 8),
        claim("d7", "event_date", "round-7", dates("2017-10-30", "2017-10-31")),
        claim("d8", "event_date", "round-8", dates("2017-11-10", "2017-11-11")),
        relative("soon", "round-8", "round-7", exact(3)),
    ]
    (finding,) = findings(claims, "DAT002")
    assert set(finding.claims) == {"d7", "d8", "soon"}
    assert findings(claims, "RND003") == []


def test_a_relative_date_clash_that_holds_a_smaller_chronology_one_is_not_reported() -> None:
    # Rounds 1 and 2 are numbered by their entities; round 1's false dates put it after round 2
    # began (RND003, two claims), and after round 2 opened the day after round 1 opened (RND003,
    # with the relative date). The three claims also clash without the order, but they hold a
    # smaller contradiction: DAT002 reports nothing.
    cast = [
        entity("s", "Series", kind="series"),
        entity("r1", "r1", kind="event", series="s", ordinal=1),
        entity("r2", "r2", kind="event", series="s", ordinal=2),
    ]
    claims = [
        relative("next", "r2", "r1", exact(1), anchor_part="start"),
        claim("d2", "event_date", "r2", dates("2017-01-12")),
        claim("d1", "event_date", "r1", dates("2017-01-12", "2017-01-13")),
    ]
    chronology = findings(claims, "RND003", entities=cast)
    assert sorted(set(f.claims) for f in chronology) == [{"d1", "d2"}, {"d1", "next"}]
    assert findings(claims, "DAT002", entities=cast) == []


def test_a_far_round_linked_by_a_relative_date_is_ordered_in_its_window() -> None:
    # Twenty rounds a week apart; round 18 is said to open 2 days before round 2 closed.
    cast = [entity("s", "Series", kind="series")]
    claims = []
    for ordinal in range(1, 21):
        subject = f"round-{ordinal}"
        cast.append(entity(subject, subject, kind="event", series="s", ordinal=ordinal))
    claims.append(relative("early", "round-18", "round-2", exact(2), direction="before"))
    found = findings(claims, "RND003", entities=cast)
    assert [f.claims for f in found] == [("early",)]
    assert findings(claims, "DAT002", entities=cast) == []


def test_a_round_pushed_by_a_dated_event_it_is_linked_to_is_ordered() -> None:
    # Round 8 opened three days after a meeting held on 25 October; round 7 closed on 31
    # October. No date of round 8 is given: its reach is read off the meeting's.
    claims = [
        _numbered("round-7", 7),
        _numbered("round-8", 8),
        claim("d7", "event_date", "round-7", dates("2017-10-30", "2017-10-31")),
        claim("meeting", "event_date", "meeting", dates("2017-10-25")),
        relative("after-meeting", "round-8", "meeting", exact(3), anchor_part="start"),
    ]
    (finding,) = findings(claims, "RND003")
    assert set(finding.claims) == {"n7", "n8", "d7", "meeting", "after-meeting"}
    assert findings(claims, "DAT002") == []
    moved = [*claims[:3], claim("meeting", "event_date", "meeting", dates("2017-11-05"))]
    assert findings([*moved, claims[4]], "RND003") == []
