"""The temporal reasoner (DAT001, DAT002, DUR001, DUR002, RND003) over generated worlds.

A world is a series of rounds with true first and last days, in order with gaps between them.
Claims that state true things about it, at random precision and stance (full spans, days
within, starts and ends, durations as exact numbers and bounds, ordinals from claims or from
the round entities, relative dates from any day of a round to any day of another or the same
round, in days or weeks, as exact distances and bounds), give no finding. One false claim (a
date, a duration, an ordinal, a relative date) added to claims that pin its event gives a
finding that names it, and every finding is minimal: dropping the claims of any one of its
values leaves a set that gives no finding at all.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from astana_facts.consistency import build_context, check_rule
from astana_facts.findings.finding import Finding
from astana_facts.reading.records import ClaimRecord
from tests.consistency.builders import RULES, claim, entity, exact, findings, records

TEMPORAL = {"DAT001", "DAT002", "DUR001", "DUR002", "RND003"}
SERIES = "astana-process"
BASE = dt.date(2017, 1, 10)


@dataclass
class Round:
    subject: str
    ordinal: int
    start: dt.date
    end: dt.date

    @property
    def length(self) -> int:
        return (self.end - self.start).days + 1


@dataclass
class World:
    rounds: list[Round]
    entities: list[dict[str, Any]]
    claims: list[ClaimRecord] = field(default_factory=list)

    def add(self, kind: str, round_: Round, value: dict[str, Any]) -> ClaimRecord:
        record = claim(f"c{len(self.claims):03d}", kind, round_.subject, value)
        self.claims.append(record)
        return record


def _days(start: dt.date, end: dt.date, stance: str, precision: str = "day") -> dict[str, Any]:
    return {"start": start, "end": end, "precision": precision, "stance": stance}


def _month(day: dt.date) -> tuple[dt.date, dt.date]:
    first = day.replace(day=1)
    return first, (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)


def _duration(amount: dict[str, Any]) -> dict[str, Any]:
    return {"unit": "day", "amount": amount}


Draw = Callable[[st.SearchStrategy[Any]], Any]
"""``draw`` of a composite strategy, or ``data.draw``."""


def _day(draw: Draw, round_: Round, part: str) -> dt.date:
    """The day ``part`` (start, end, day_within: one drawn) of ``round_``."""
    if part == "start":
        return round_.start
    if part == "end":
        return round_.end
    return round_.start + dt.timedelta(days=draw(st.integers(0, round_.length - 1)))


def _distance(draw: st.DrawFn, days: int) -> tuple[str, dict[str, Any]]:
    """A true distance of ``days`` (>= 0) days: a unit and an amount, exact or a bound."""
    if days % 7 == 0 and draw(st.booleans()):
        return "week", exact(days // 7)
    bound = draw(st.sampled_from(["exact", "at_least", "at_most", "range"]))
    if bound == "exact":
        return "day", exact(days)
    low = max(0, days - draw(st.integers(0, 3)))
    high = days + draw(st.integers(0, 3))
    if bound == "at_least":
        return "day", {"bound": "at_least", "value": low}
    if bound == "at_most":
        return "day", {"bound": "at_most", "value": high}
    return "day", {"bound": "range", "low": low, "high": high}


def relative_value(
    part: str, day: dt.date, anchor: Round, anchor_part: str, anchor_day: dt.date
) -> dict[str, Any]:
    """A relative date value from ``anchor_day`` to ``day``, without its distance."""
    return {
        "part": part,
        "direction": "after" if day >= anchor_day else "before",
        "anchor_part": anchor_part,
        "anchor": anchor.subject,
    }


def true_relative(draw: st.DrawFn, world: World, round_: Round) -> None:
    """A true relative date of ``round_`` from a day of a round of the world (maybe itself)."""
    anchor = draw(st.sampled_from(world.rounds))
    part, anchor_part = (draw(st.sampled_from(["start", "end", "day_within"])) for _ in "ab")
    day, anchor_day = _day(draw, round_, part), _day(draw, anchor, anchor_part)
    unit, amount = _distance(draw, abs((day - anchor_day).days))
    value = relative_value(part, day, anchor, anchor_part, anchor_day)
    world.add("relative_date", round_, {**value, "unit": unit, "amount": amount})


def true_claim(draw: st.DrawFn, world: World, round_: Round) -> None:
    """One claim that is true of ``round_``, of a random kind, stance and precision."""
    inside = round_.start + dt.timedelta(days=draw(st.integers(0, round_.length - 1)))
    choice = draw(st.integers(0, 9))
    if choice == 9:
        true_relative(draw, world, round_)
    elif choice == 0:
        world.add("event_date", round_, _days(round_.start, round_.end, "full_span"))
    elif choice == 1 and _month(round_.start) == _month(round_.end):
        world.add("event_date", round_, _days(*_month(round_.start), "full_span", "month"))
    elif choice == 2:
        world.add("event_date", round_, _days(inside, inside, "day_within"))
    elif choice == 3:
        world.add("event_date", round_, _days(*_month(inside), "day_within", "month"))
    elif choice == 4:
        world.add("event_date", round_, _days(round_.start, round_.start, "start"))
    elif choice == 5:
        world.add("event_date", round_, _days(round_.end, round_.end, "end"))
    elif choice == 6:
        world.add("duration", round_, _duration(exact(round_.length)))
    elif choice == 7:
        low = draw(st.integers(1, round_.length))
        bound = draw(st.sampled_from(["at_least", "range"]))
        amount = (
            {"bound": "at_least", "value": low}
            if bound == "at_least"
            else {"bound": "range", "low": low, "high": round_.length + draw(st.integers(0, 2))}
        )
        world.add("duration", round_, _duration(amount))
    else:
        world.add("round_number", round_, {"series": SERIES, "ordinal": round_.ordinal})


@st.composite
def worlds(draw: st.DrawFn) -> World:
    """Rounds of one series in order, and true claims about them."""
    rounds: list[Round] = []
    day = BASE
    for index in range(draw(st.integers(2, 4))):
        start = day + dt.timedelta(days=draw(st.integers(1, 20)))
        end = start + dt.timedelta(days=draw(st.integers(0, 3)))
        rounds.append(Round(f"astana-round-{index + 1}", index + 1, start, end))
        day = end
    series = entity(SERIES, "Astana process", kind="series")
    entities = [series]
    for round_ in rounds:
        ordinal = {"ordinal": round_.ordinal} if draw(st.booleans()) else {}
        entities.append(
            entity(round_.subject, round_.subject, kind="event", series=SERIES, **ordinal)
        )
    world = World(rounds, entities)
    for round_ in rounds:
        for _ in range(draw(st.integers(0, 4))):
            true_claim(draw, world, round_)
    return world


def temporal_findings(
    world: World, claims: list[ClaimRecord], codes: frozenset[str] = frozenset(TEMPORAL)
) -> list[Finding]:
    found = findings(claims, entities=world.entities)
    return [f for f in found if f.code in codes]


def assert_minimal(world: World, finding: Finding) -> None:
    """Dropping the claims of any one value of ``finding`` leaves a set in which the reasoner
    finds no contradiction (RND002, one event with two ordinals, is another engine's)."""
    cited = [c for c in world.claims if c.claim["id"] in finding.claims]
    assert temporal_findings(world, cited), finding.message
    for group in finding.value_groups:
        rest = [c for c in cited if c.claim["id"] not in group.claims]
        assert temporal_findings(world, rest) == [], (finding.message, group.value)


@given(worlds())
def test_true_claims_give_no_finding(world: World) -> None:
    every = frozenset(TEMPORAL | {"RND001", "RND002"})
    assert temporal_findings(world, world.claims, every) == []


def _falsify(data: st.DataObject, world: World) -> tuple[ClaimRecord, set[str]]:
    """Pin one round and add one false claim about it; the codes that may report it."""
    draw = data.draw
    round_ = draw(st.sampled_from(world.rounds))
    what = draw(st.sampled_from(["date", "duration", "short", "ordinal", "relative"]))
    shift = dt.timedelta(days=draw(st.integers(1, 3)))
    if what == "relative":  # RND003 when the order of the rounds alone shows it
        return _false_relative(draw, world, round_, shift), {"DAT002", "RND003"}
    if what == "short" and round_.length > 1:
        world.add("event_date", round_, _days(round_.start, round_.start, "start"))
        world.add("event_date", round_, _days(round_.end, round_.end, "day_within"))
        amount = {"bound": "at_most", "value": round_.length - 1}
        return world.add("duration", round_, _duration(amount)), {"DUR001"}
    world.add("event_date", round_, _days(round_.start, round_.end, "full_span"))
    if what == "duration":
        too_long = exact(round_.length + draw(st.integers(1, 3)))
        return world.add("duration", round_, _duration(too_long)), {"DUR001"}
    if what == "ordinal":
        last = world.rounds[-1]
        if last is not round_:
            world.add("event_date", last, _days(last.start, last.end, "full_span"))
            world.add("round_number", last, {"series": SERIES, "ordinal": last.ordinal})
            value = {"series": SERIES, "ordinal": last.ordinal + 1}
            return world.add("round_number", round_, value), {"RND003"}
    stance = draw(st.sampled_from(["start", "end", "day_within", "full_span"]))
    wrong = round_.end + shift if stance != "start" else round_.start - shift
    if stance == "full_span":
        return world.add("event_date", round_, _days(wrong, wrong + shift, stance)), TEMPORAL
    return world.add("event_date", round_, _days(wrong, wrong, stance)), TEMPORAL


def _false_relative(draw: Draw, world: World, round_: Round, shift: dt.timedelta) -> ClaimRecord:
    """Pin ``round_`` and an anchor round, and add a relative date between a first or last day
    of each that is ``shift`` off."""
    anchor = draw(st.sampled_from(world.rounds))
    for pinned in {round_.subject: round_, anchor.subject: anchor}.values():
        world.add("event_date", pinned, _days(pinned.start, pinned.end, "full_span"))
    part, anchor_part = (draw(st.sampled_from(["start", "end"])) for _ in "ab")
    day, anchor_day = _day(draw, round_, part), _day(draw, anchor, anchor_part)
    wrong = day + shift * draw(st.sampled_from([1, -1]))
    value = relative_value(part, wrong, anchor, anchor_part, anchor_day)
    amount = exact(abs((wrong - anchor_day).days))
    return world.add("relative_date", round_, {**value, "unit": "day", "amount": amount})


@given(worlds(), st.data())
def test_one_false_claim_is_found_with_minimal_evidence(world: World, data: st.DataObject) -> None:
    false, codes = _falsify(data, world)
    found = temporal_findings(world, world.claims)
    naming = [f for f in found if false.claim["id"] in f.claims and f.code in codes]
    assert naming, [f.message for f in found]
    for finding in found:
        if finding.code in TEMPORAL:
            assert_minimal(world, finding)


def test_a_round_whose_own_dates_clash_is_still_ordered() -> None:
    # Round 2's dates clash (DAT001), and one of them puts it before round 1: RND003 as well.
    r1, r2 = "astana-round-1", "astana-round-2"
    cast = [
        entity(SERIES, "Astana process", kind="series"),
        entity(r1, r1, kind="event", series=SERIES, ordinal=1),
        entity(r2, r2, kind="event", series=SERIES, ordinal=2),
    ]
    claims = [
        claim("a", "event_date", r1, _days(dt.date(2017, 5, 3), dt.date(2017, 5, 4), "full_span")),
        claim("b", "event_date", r2, _days(dt.date(2017, 7, 4), dt.date(2017, 7, 5), "full_span")),
        claim("c", "event_date", r2, _days(dt.date(2017, 4, 1), dt.date(2017, 4, 1), "start")),
    ]
    codes = {(f.code, f.claims) for f in findings(claims, entities=cast)}
    assert ("DAT001", ("b", "c")) in codes
    assert any(code == "RND003" and set(ids) == {"a", "c"} for code, ids in codes)


def test_two_rounds_of_a_series_never_share_a_day() -> None:
    cast = [entity(SERIES, "Astana process", kind="series")]
    one_day = _days(dt.date(2017, 5, 3), dt.date(2017, 5, 3), "day_within")
    claims = [
        claim("a", "round_number", "astana-round-4", {"series": SERIES, "ordinal": 4}),
        claim("b", "round_number", "astana-round-5", {"series": SERIES, "ordinal": 5}),
        claim("c", "event_date", "astana-round-4", one_day),
        claim("d", "event_date", "astana-round-5", one_day),
    ]
    (finding,) = findings(claims, "RND003", entities=cast)
    assert set(finding.claims) == {"a", "b", "c", "d"}
    assert "round 4 (astana-round-4) ends after round 5 (astana-round-5) starts" in finding.message


def test_durations_against_durations_say_which_broke() -> None:
    one = claim("a", "duration", "astana-round-1", _duration(exact(1)))
    second = claim("b", "duration", "astana-round-1", _duration({"bound": "at_least", "value": 2}))
    (finding,) = findings([one, second], "DUR002")
    assert finding.claims == ("a", "b")
    assert "duration exact 1 day(s) vs at least 2 day(s)" in finding.message


def test_a_long_series_is_ordered_window_by_window() -> None:
    # Twenty rounds a week apart, numbered by claims; round 17 is said to be round 3, which puts
    # it before round 4 (a window of three ordinals sees it; the series is never one network).
    cast = [entity(SERIES, "Astana process", kind="series")]
    claims = []
    for ordinal in range(1, 21):
        subject = f"astana-round-{ordinal}"
        cast.append(entity(subject, subject, kind="event", series=SERIES))
        first = BASE + dt.timedelta(days=7 * ordinal)
        claims.append(claim(f"d{ordinal:02d}", "event_date", subject, _days(first, first, "start")))
        said = 3 if ordinal == 17 else ordinal
        number = {"series": SERIES, "ordinal": said}
        claims.append(claim(f"n{ordinal:02d}", "round_number", subject, number))
    found = findings(claims, "RND003", entities=cast)
    assert found and all({"n17", "d17"} <= set(f.claims) for f in found)
    assert {"d17", "n17", "d04", "n04"} in [set(f.claims) for f in found]


def test_a_chronology_finding_is_about_its_series_and_rounds_lowest_ordinal_first() -> None:
    """What its fingerprint is made of: the series and the rounds in conflict, as RND003 was
    identified before the reasoner, and the values of the minimal contradiction."""
    cast = [entity(SERIES, "Astana process", kind="series")]
    claims = [
        claim("a", "round_number", "astana-round-z", {"series": SERIES, "ordinal": 4}),
        claim("b", "round_number", "astana-round-a", {"series": SERIES, "ordinal": 5}),
        claim(
            "c",
            "event_date",
            "astana-round-z",
            _days(dt.date(2017, 7, 3), dt.date(2017, 7, 3), "start"),
        ),
        claim(
            "d",
            "event_date",
            "astana-round-a",
            _days(dt.date(2017, 5, 3), dt.date(2017, 5, 3), "end"),
        ),
    ]
    (finding,) = findings(claims, "RND003", entities=cast)
    assert finding.subject == f"{SERIES} / astana-round-z / astana-round-a"
    assert len(finding.conflict) == 4


def test_durations_measured_at_two_publications_are_two_findings() -> None:
    """An ongoing war's "six years" in two articles of different days: each is its own length,
    so each contradiction is its own finding (the publication is part of the subject)."""
    war = "syrian-civil-war"
    began = claim(
        "w", "event_date", war, _days(dt.date(2011, 3, 15), dt.date(2011, 3, 15), "start")
    )
    years = {"unit": "year", "amount": exact(2)}
    first = claim("a", "duration", war, years, document="doc-a")
    second = claim("b", "duration", war, years, document="doc-b")
    found = findings([began, first, second], "DUR001")
    assert len(found) == 2 and len({f.fingerprint for f in found}) == 2
    assert {f.subject for f in found} == {
        f"{war} / as of 2017-06-01..2017-06-01",
        f"{war} / as of 2018-01-15..2018-01-15",
    }


@given(worlds(), st.data())
def test_rules_sharing_a_context_find_what_each_finds_alone(
    world: World, data: st.DataObject
) -> None:
    """DUR001 and DUR002 share an event's network through the context (``context.solved``):
    whichever runs first, each finds exactly what it finds on a context of its own."""
    _falsify(data, world)
    chosen = [rule for rule in RULES if rule["code"] in TEMPORAL]
    order = data.draw(st.permutations(chosen))
    shared = build_context(records(world.claims, entities=world.entities))
    together = {rule["code"]: check_rule(rule, shared) for rule in order}
    for rule in chosen:
        alone = check_rule(rule, build_context(records(world.claims, entities=world.entities)))
        assert together[rule["code"]] == alone


def test_a_rule_with_other_parameters_never_reuses_a_network() -> None:
    """A rule like DUR001 with another tolerance builds its own network on a shared context."""
    (dur001,) = [rule for rule in RULES if rule["code"] == "DUR001"]
    strict = {**dur001, "parameters": {**dur001["parameters"], "months_tolerance": 0}}
    start = claim("a", "event_date", "astana-round-1", _days(BASE, BASE, "start"))
    end = claim("b", "event_date", "astana-round-1", _days(BASE, BASE, "end"))
    months = claim("c", "duration", "astana-round-1", {"unit": "month", "amount": exact(1)})
    shared = build_context(records([start, end, months]))
    assert check_rule(dur001, shared) == []
    assert len(check_rule(strict, shared)) == 1


def test_a_chronology_rule_never_reuses_another_rules_event_values() -> None:
    """RND003 works out each round's value groups once per rule run, in the shared context: a
    rule like it that reads durations more loosely, run after it, finds what it finds alone.
    Round 4 starts on 3 May and lasts ten days; round 5 starts on 8 May: a conflict with the
    order, unless ten days may be sixty days fewer."""
    (rnd003,) = [rule for rule in RULES if rule["code"] == "RND003"]
    loose = {**rnd003, "parameters": {**rnd003["parameters"], "days_tolerance": 60}}
    cast = [entity(SERIES, "Astana process", kind="series")]
    may_3, may_8 = dt.date(2017, 5, 3), dt.date(2017, 5, 8)
    claims = [
        claim("a", "round_number", "astana-round-4", {"series": SERIES, "ordinal": 4}),
        claim("b", "round_number", "astana-round-5", {"series": SERIES, "ordinal": 5}),
        claim("c", "event_date", "astana-round-4", _days(may_3, may_3, "start")),
        claim("d", "duration", "astana-round-4", _duration(exact(10))),
        claim("e", "event_date", "astana-round-5", _days(may_8, may_8, "start")),
    ]
    shared = build_context(records(claims, entities=cast))
    assert len(check_rule(rnd003, shared)) == 1
    assert check_rule(loose, shared) == []
    assert check_rule(loose, build_context(records(claims, entities=cast))) == []
