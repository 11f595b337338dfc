"""Findings that stay linear: claims are grouped by the value they state, engines compare the
distinct values, and a finding lists each value once with every claim stating it.

n claims of one value against m claims of another give one finding with two value groups of
sizes n and m, never n * m pairs or one finding per claim.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from astana_facts.consistency.values import by_value
from astana_facts.findings.finding import SPANS_PER_VALUE, Finding
from astana_facts.reading.records import ClaimRecord
from tests.consistency.builders import claim, dates, exact, findings

ROUND = "astana-round-8"
PLENARY = dates("2017-12-21", stance="end")
DAY_AFTER = dates("2017-12-22", stance="day_within")


def _many(prefix: str, count: int, make: Callable[[str], ClaimRecord]) -> list[ClaimRecord]:
    return [make(f"{prefix}-{index:05d}") for index in range(count)]


def _dated(prefix: str, count: int, value: dict[str, Any]) -> list[ClaimRecord]:
    return _many(prefix, count, lambda i: claim(i, "event_date", ROUND, value))


def _sizes(finding: Finding) -> list[int]:
    return [len(group.claims) for group in finding.value_groups]


def _assert_linear(finding: Finding, first: list[ClaimRecord], second: list[ClaimRecord]) -> None:
    """One value group per side with all its claims, every claim once, few spans."""
    assert _sizes(finding) == [len(first), len(second)]
    assert [group.claims for group in finding.value_groups] == [
        tuple(r.claim["id"] for r in first),
        tuple(r.claim["id"] for r in second),
    ]
    assert finding.claims == tuple(r.claim["id"] for r in first + second)
    assert len(finding.values) == len(first) + len(second)
    assert len(finding.spans) == min(len(first), SPANS_PER_VALUE) + min(
        len(second), SPANS_PER_VALUE
    )


counts = st.integers(1, 40)


@given(counts, counts)
def test_n_and_m_claims_of_two_clashing_dates_give_one_finding_of_two_value_groups(
    n: int, m: int
) -> None:
    early, late = _dated("a", n, PLENARY), _dated("b", m, DAY_AFTER)
    (finding,) = findings(early + late, "DAT001")
    _assert_linear(finding, early, late)
    assert [group.value for group in finding.value_groups] == [
        "end 2017-12-21 (day)",
        "day_within 2017-12-22 (day)",
    ]


@given(counts, counts)
def test_n_and_m_counts_that_cannot_overlap_give_one_finding(n: int, m: int) -> None:
    def count(amount: int) -> Callable[[str], ClaimRecord]:
        value = {"measure": "reporters", "amount": exact(amount), "as_of": None}
        return lambda claim_id: claim(claim_id, "count", ROUND, value)

    few, many = _many("a", n, count(320)), _many("b", m, count(900))
    (finding,) = findings(few + many, "QTY001")
    _assert_linear(finding, few, many)


@given(counts, counts)
def test_n_durations_against_m_dates_of_one_value_give_one_finding(n: int, m: int) -> None:
    talks = _many(
        "a", n, lambda i: claim(i, "duration", ROUND, {"unit": "day", "amount": exact(2)})
    )
    spans = _dated("b", m, dates("2017-12-20", "2017-12-22"))
    (finding,) = findings(talks + spans, "DUR001")
    _assert_linear(finding, talks, spans)
    assert f"(b-00000{' and ' if m > 1 else ')'}" in finding.message


@given(counts, counts)
def test_n_and_m_claims_of_two_complete_lists_give_one_finding(n: int, m: int) -> None:
    def members(names: list[str]) -> Callable[[str], ClaimRecord]:
        value = {"role": "guarantor", "members": names, "complete": True}
        return lambda claim_id: claim(claim_id, "participants", ROUND, value)

    three = _many("a", n, members(["iran", "russia", "turkey"]))
    two = _many("b", m, members(["russia", "turkey"]))
    (finding,) = findings(three + two, "PAR001")
    _assert_linear(finding, three, two)


@given(counts, counts, counts)
def test_three_clashing_values_give_one_finding_per_centre_not_per_claim(
    n: int, m: int, k: int
) -> None:
    """A full span clashes with a day before and a day after it (which clash with each other
    too): the findings are stars of values, each value listed with all its claims."""
    span = _dated("a", n, dates("2017-12-21", "2017-12-22"))
    before = _dated("b", m, dates("2017-12-19", stance="day_within"))
    after = _dated("c", k, dates("2017-12-24", stance="day_within"))
    found = findings(span + before + after, "DAT001")
    assert len(found) <= 3
    assert sum(len(f.claims) for f in found) <= 2 * (n + m + k)
    assert all(len(set(f.claims)) == len(f.claims) for f in found)
    assert {claim_id for f in found for claim_id in f.claims} == {
        r.claim["id"] for r in span + before + after
    }


def test_thousands_of_claims_give_one_finding_of_two_value_groups() -> None:
    early, late = _dated("a", 2000, PLENARY), _dated("b", 3000, DAY_AFTER)
    agreeing = _dated("c", 1000, dates("2017-12-21", stance="start"))
    every = findings(early + agreeing + late)
    (finding,) = [f for f in every if f.code == "DAT001"]
    _assert_linear(finding, early, late)
    assert "(a-00000 and 1999 more claim(s))" in finding.message
    assert "(b-00000 and 2999 more claim(s))" in finding.message


def test_the_fingerprint_is_made_of_the_values_not_of_the_claims_stating_them() -> None:
    """More claims of the same values keep the fingerprint (same values in conflict)."""
    (alone,) = findings(_dated("a", 1, PLENARY) + _dated("b", 1, DAY_AFTER), "DAT001")
    (many,) = findings(_dated("a", 5, PLENARY) + _dated("b", 7, DAY_AFTER), "DAT001")
    assert alone.fingerprint == many.fingerprint


def test_ongoing_durations_of_one_value_are_grouped_by_their_documents_publication() -> None:
    """A duration of "two years" of a war begun in 2011 is measured at each article's
    publication: two documents of different dates are two findings, one document's claims
    one."""
    war = "syrian-civil-war"
    began = claim("began", "event_date", war, dates("2011-03-15", stance="start"))

    def years(claim_id: str, document: str) -> ClaimRecord:
        value = {"unit": "year", "amount": exact(2)}
        return claim(claim_id, "duration", war, value, document=document)

    same = findings([began, years("a", "doc-a"), years("b", "doc-a")], "DUR001")
    assert [_sizes(f) for f in same] == [[2, 1]]
    apart = findings([began, years("a", "doc-a"), years("b", "doc-b")], "DUR001")
    assert [_sizes(f) for f in apart] == [[1, 1], [1, 1]]
    assert len({f.fingerprint for f in apart}) == 2


def test_by_value_groups_in_the_order_of_first_claims_and_keeps_a_claim_once() -> None:
    a1, b1, a2 = (
        claim("a1", "event_date", ROUND, PLENARY),
        claim("b1", "event_date", ROUND, DAY_AFTER),
        claim("a2", "event_date", ROUND, PLENARY),
    )
    groups = by_value([a1, b1, a2, a1])
    assert [[r.claim["id"] for r in group] for group in groups] == [["a1", "a2"], ["b1"]]
