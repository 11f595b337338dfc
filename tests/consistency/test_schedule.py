"""The batches of rules go to the workers the most work first, and none is lost."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from astana_facts.consistency import rule_batches
from astana_facts.consistency.context import Context, build_context
from astana_facts.consistency.engines import ENGINES, EXTRA_WORK
from astana_facts.consistency.engines.rounds import NETWORK_KINDS, WINDOW
from astana_facts.consistency.schedule import longest_first, rule_work
from tests.consistency.builders import RULES, claim, dates, exact, records

BY_CODE = {str(rule["code"]): rule for rule in RULES}


def _context(event_dates: int, counts: int) -> Context:
    made = [
        claim(f"d{n}", "event_date", f"event-{n % 3}", dates("2017-01-23"))
        for n in range(event_dates)
    ]
    made += [claim(f"c{n}", "count", "reporters", exact(n + 1)) for n in range(counts)]
    return build_context(records(made))


@given(st.integers(0, 12), st.integers(0, 12))
def test_every_batch_is_kept_and_the_estimates_never_rise(event_dates: int, counts: int) -> None:
    context = _context(event_dates, counts)
    batches = rule_batches(RULES)
    ordered = longest_first(batches, context)
    assert sorted(map(id, ordered)) == sorted(map(id, batches))
    work = [sum(rule_work(rule, context) for rule in batch) for batch in ordered]
    assert work == sorted(work, reverse=True)


def test_a_rule_works_on_the_claims_of_its_kinds() -> None:
    context = _context(event_dates=4, counts=7)
    assert rule_work(BY_CODE["QTY001"], context) == 7
    assert rule_work(BY_CODE["DAT001"], context) == 4


def test_the_chronology_rule_counts_the_event_claims_of_its_windows() -> None:
    context = _context(event_dates=5, counts=0)
    assert rule_work(BY_CODE["RND003"], context) == WINDOW * 5
    assert "event_date" in NETWORK_KINDS


def test_every_extra_work_estimate_belongs_to_an_engine() -> None:
    """A renamed or removed engine cannot leave its estimate behind, silently unused."""
    assert set(EXTRA_WORK) <= set(ENGINES)


def test_equal_work_keeps_the_code_order() -> None:
    context = _context(event_dates=0, counts=0)
    batches = rule_batches(RULES)
    assert longest_first(batches, context) == batches
