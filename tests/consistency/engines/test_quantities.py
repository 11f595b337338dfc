"""QTY001 (``quantity_intervals``): counts of one measure of one subject whose times can coincide
must overlap; no switch (an ``as_of``, an alias, a tolerance) silences a clash unseen.

Examples that fire and near misses, then properties over generated worlds: counts true of a
world never fire; a count outside its tolerance always does.
"""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from astana_facts.consistency.quantities import interval_of
from astana_facts.findings.finding import Finding
from astana_facts.reading.records import ClaimRecord
from tests.consistency.builders import claim, dates, exact, findings

ROUND = "astana-round-4"
MEASURES = [
    {
        "id": "foreign_reporters",
        "description": "Journalists from abroad accredited to cover the event.",
        "aliases": ["foreign_journalists"],
    },
    {"id": "deaths", "description": "People killed in the conflict.", "aliases": []},
]


def count(
    claim_id: str,
    amount: dict[str, Any],
    *,
    measure: str = "foreign_reporters",
    as_of: tuple[str, str] | None = None,
    subject: str = ROUND,
) -> ClaimRecord:
    """A count claim; ``as_of`` as (first day, last day)."""
    value: dict[str, Any] = {"measure": measure, "amount": amount}
    if as_of is not None:
        value["as_of"] = {**dates(*as_of), "stance": None}
        del value["as_of"]["stance"]
    return claim(claim_id, "count", subject, value)


def round_dates(start: str = "2017-05-03", end: str = "2017-05-04") -> ClaimRecord:
    """The round's dates, as the dataset gives them."""
    return claim("round-dates", "event_date", ROUND, dates(start, end))


def qty(*claims: ClaimRecord) -> list[Finding]:
    return findings(list(claims), "QTY001", measures=MEASURES)


def about(value: int, tolerance: float | None = None) -> dict[str, Any]:
    amount: dict[str, Any] = {"bound": "approximately", "value": value}
    if tolerance is not None:
        amount["tolerance"] = tolerance
    return amount


def test_an_as_of_set_to_the_publication_date_does_not_silence_a_clash() -> None:
    found = qty(
        round_dates(),
        count("exact-320", exact(320)),
        count("about-200", about(200), as_of=("2017-05-06", "2017-05-06")),
    )
    assert [set(f.claims) for f in found] == [{"exact-320", "about-200"}]


def test_a_count_as_of_a_day_inside_the_event_is_compared_with_the_events_count() -> None:
    found = qty(
        round_dates(),
        count("exact-320", exact(320), as_of=("2017-05-03", "2017-05-03")),
        count("exact-200", exact(200)),
    )
    assert len(found) == 1


def test_near_miss_a_count_before_the_event_is_not_the_events_count() -> None:
    assert (
        qty(
            round_dates(),
            count("final-320", exact(320)),
            count("registered-so-far", exact(200), as_of=("2017-04-20", "2017-04-20")),
        )
        == []
    )


def test_an_alias_of_the_measure_is_compared_as_the_measure() -> None:
    found = qty(
        count("reporters", exact(320)),
        count("journalists", exact(200), measure="foreign_journalists"),
    )
    assert len(found) == 1
    assert "measure foreign_reporters" in found[0].message


def test_near_miss_other_measures_are_not_compared() -> None:
    assert qty(count("reporters", exact(320)), count("deaths", exact(200), measure="deaths")) == []


def test_the_finding_says_which_tolerance_it_used() -> None:
    (found,) = qty(count("exact-320", exact(320)), count("about-280", about(280)))
    assert "±10% from counts-clash's approximately_tolerance" in found.message
    (stated,) = qty(count("exact-320", exact(320)), count("about-250", about(250, 0.2)))
    assert "±20% stated by about-250" in stated.message
    (exact_only,) = qty(count("exact-320", exact(320)), count("exact-280", exact(280)))
    assert "no approximate amount" in exact_only.message


def test_near_miss_a_claim_stating_a_looser_tolerance_holds() -> None:
    assert qty(count("exact-320", exact(320)), count("some-280", about(280, 0.15))) == []


def deaths(claim_id: str, amount: int, day: str) -> ClaimRecord:
    """A running total of deaths in a war, as of one day."""
    return count(claim_id, exact(amount), measure="deaths", subject="war", as_of=(day, day))


def test_running_totals_of_an_event_still_going_on_are_compared_only_at_one_time() -> None:
    war = claim("war-began", "event_date", "war", dates("2011-03-15", stance="start"))
    early, late = (
        deaths("deaths-2014", 200000, "2014-01-01"),
        deaths("deaths-2017", 400000, "2017-01-01"),
    )
    assert qty(war, early, late) == []
    same = deaths("deaths-2017-b", 300000, "2017-01-01")
    assert len(qty(war, early, late, same)) == 1


def test_a_count_of_an_undated_subject_without_as_of_can_coincide_with_any() -> None:
    found = qty(
        count("zones-4", exact(4), subject="memorandum"),
        count("zones-6", exact(6), subject="memorandum", as_of=("2017-05-04", "2017-05-04")),
    )
    assert len(found) == 1


# Properties -------------------------------------------------------------------------------

TRUE_COUNT = st.integers(min_value=10, max_value=100_000)
ROUND_DAYS = ("2017-05-03", "2017-05-04", "2017-05-06", "2017-06-30")
"""Days inside or after the round (the round is 3-4 May): every one is the round's time."""


@st.composite
def true_amount(draw: st.DrawFn, truth: int) -> dict[str, Any]:
    """A quantity that admits ``truth`` (read with the rule's 10% or a stated tolerance)."""
    bound = draw(st.sampled_from(["exact", "at_least", "at_most", "approximately", "range"]))
    if bound == "exact":
        return exact(truth)
    if bound == "at_least":
        return {"bound": bound, "value": draw(st.integers(0, truth))}
    if bound == "at_most":
        return {"bound": bound, "value": draw(st.integers(truth, truth * 2))}
    if bound == "range":
        low = draw(st.integers(0, truth))
        return {"bound": bound, "low": low, "high": draw(st.integers(truth, truth * 2))}
    tolerance = draw(st.sampled_from([None, 0.05, 0.15, 0.3]))
    share = 0.1 if tolerance is None else tolerance
    figure = draw(st.integers(int(truth / (1 + share)) + 1, int(truth / (1 - share))))
    amount = about(figure, tolerance)
    lowest, highest = interval_of(amount, 0.1)
    return amount if lowest <= truth <= highest else exact(truth)  # (a float rounding edge)


@given(
    truth=TRUE_COUNT,
    data=st.data(),
    size=st.integers(min_value=2, max_value=6),
)
def test_counts_true_of_a_world_at_times_that_can_coincide_never_fire(
    truth: int, data: st.DataObject, size: int
) -> None:
    claims = [round_dates()]
    for index in range(size):
        amount = data.draw(true_amount(truth))
        day = data.draw(st.sampled_from([None, *ROUND_DAYS]))
        measure = data.draw(st.sampled_from(["foreign_reporters", "foreign_journalists"]))
        as_of = None if day is None else (day, day)
        claims.append(count(f"count-{index}", amount, measure=measure, as_of=as_of))
    assert qty(*claims) == []


@given(
    truth=TRUE_COUNT,
    tolerance=st.sampled_from([None, 0.05, 0.1, 0.2]),
    above=st.booleans(),
    day=st.sampled_from([None, *ROUND_DAYS]),
)
def test_a_count_outside_its_tolerance_always_fires(
    truth: int, tolerance: float | None, above: bool, day: str | None
) -> None:
    share = 0.1 if tolerance is None else tolerance
    # The smallest (largest) round figure whose tolerance leaves the truth out.
    value = int(truth / (1 - share)) + 2 if above else int(truth / (1 + share)) - 2
    wrong = count(
        "wrong", about(max(value, 1), tolerance), as_of=None if day is None else (day, day)
    )
    found = qty(round_dates(), count("true", exact(truth)), wrong)
    assert len(found) == 1 and set(found[0].claims) == {"true", "wrong"}
    assert ("±" + f"{round(share * 100, 6):g}%") in found[0].message
