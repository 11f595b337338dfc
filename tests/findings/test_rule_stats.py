"""The tally a rule's engine counts its groups in, and the stats it becomes: deterministic
whatever the order of counting, and picklable, so they come back from a worker process."""

from __future__ import annotations

import pickle
import random

from hypothesis import given
from hypothesis import strategies as st

from astana_facts.findings.rule_stats import UNCOUNTED, RuleStats, Tally

_COUNTS = st.lists(
    st.one_of(st.none(), st.sampled_from(["one claim only", "no date claim", "no plan"])),
    max_size=30,
)
"""A run of counts: None for a group compared, else the reason a group is skipped."""


def _tally(counts: list[str | None]) -> Tally:
    tally = Tally()
    for reason in counts:
        if reason is None:
            tally.compared()
        else:
            tally.skipped(reason)
    return tally


@given(_COUNTS, st.randoms(use_true_random=False))
def test_the_stats_do_not_depend_on_the_order_of_counting(
    counts: list[str | None], rnd: random.Random
) -> None:
    shuffled = list(counts)
    rnd.shuffle(shuffled)
    stats = _tally(counts).stats()
    assert _tally(shuffled).stats() == stats
    assert stats.compared == counts.count(None)
    assert stats.skipped_total == len(counts) - counts.count(None)
    assert [groups for _, groups in stats.skipped] == sorted(
        (groups for _, groups in stats.skipped), reverse=True
    )


def test_reasons_come_most_groups_first_then_by_reason() -> None:
    tally = Tally()
    tally.skipped("no plan", 2)
    tally.skipped("b reason")
    tally.skipped("a reason")
    tally.compared(3)
    assert tally.reported
    assert tally.stats() == RuleStats(3, (("no plan", 2), ("a reason", 1), ("b reason", 1)))


def test_a_tally_with_nothing_counted_has_nothing_compared() -> None:
    tally = Tally()
    assert not tally.reported
    stats = tally.stats()
    assert stats == RuleStats() and stats.nothing_compared and stats.counted
    assert UNCOUNTED.nothing_compared and not UNCOUNTED.counted


def test_stats_survive_pickling() -> None:
    stats = RuleStats(2, (("one claim only", 5),))
    assert pickle.loads(pickle.dumps(stats)) == stats
    assert pickle.loads(pickle.dumps(UNCOUNTED)) == UNCOUNTED
