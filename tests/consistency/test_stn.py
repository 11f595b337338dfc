"""The simple temporal network held to a brute-force oracle on small graphs.

Difference constraints ``x_v - x_u <= w`` with integer weights hold together exactly when some
integer assignment satisfies them; on n nodes with weights of at most ``W`` in size, if one
exists, one exists with every value in [-(n - 1) * W, 0] (shortest distances from a virtual
source), so trying those is a complete oracle for a few nodes.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

from hypothesis import given
from hypothesis import strategies as st

from astana_facts.consistency.stn import Edge, Network, negative_cycle

NODES = 4
WEIGHT = 2


def brute_consistent(edges: list[Edge]) -> bool:
    """Whether some assignment in the oracle's range satisfies every edge."""
    span = range(-(NODES - 1) * WEIGHT, 1)
    for values in itertools.product(span, repeat=NODES):
        if all(values[e.target] - values[e.origin] <= e.weight for e in edges):
            return True
    return False


def edges_of(*kinds: str) -> st.SearchStrategy[list[Edge]]:
    """Up to eight edges on the oracle's nodes, each of up to two of five sources (none: a
    background edge) and of one of ``kinds``."""
    return st.lists(
        st.builds(
            Edge,
            st.integers(0, NODES - 1),
            st.integers(0, NODES - 1),
            st.integers(-WEIGHT, WEIGHT),
            st.lists(st.integers(0, 4), min_size=0, max_size=2, unique=True).map(tuple),
            st.just(""),
            st.sampled_from(kinds),
        ),
        max_size=8,
    )


edges_strategy = edges_of("")


@given(edges_strategy)
def test_a_negative_cycle_is_found_exactly_when_the_constraints_cannot_hold(
    edges: list[Edge],
) -> None:
    cycle = negative_cycle(edges)
    assert (cycle is None) == brute_consistent(edges)
    if cycle is not None:
        assert sum(edge.weight for edge in cycle) < 0
        assert all(a.target == b.origin for a, b in zip(cycle, cycle[1:] + cycle[:1], strict=True))
        assert all(edge in edges for edge in cycle)


def _consistent(network: Network, active: frozenset[int]) -> bool:
    return brute_consistent(network.edges_of(active))


def brute_conflicts(network: Network) -> set[frozenset[int]]:
    """Every minimal inconsistent set of sources, by trying every subset."""
    found: set[frozenset[int]] = set()
    for size in range(len(network.sources) + 1):
        for subset in map(frozenset, itertools.combinations(network.sources, size)):
            if any(known <= subset for known in found):
                continue
            if not _consistent(network, subset):
                found.add(subset)
    return found


@given(edges_strategy)
def test_the_conflicts_are_exactly_the_minimal_inconsistent_sets(edges: list[Edge]) -> None:
    network = Network(edges)
    if not brute_consistent(network.background):
        return  # nothing can be blamed on a source
    found = network.conflicts()
    assert len(found) == len(set(found))
    assert set(found) == brute_conflicts(network)
    for conflict in found:
        assert not _consistent(network, conflict)
        assert all(_consistent(network, conflict - {source}) for source in conflict)


def test_three_constraints_that_hold_in_pairs_make_one_conflict_of_three() -> None:
    # x1 - x0 <= 1, x2 - x1 <= 1, x0 - x2 <= -3: each pair holds, the three cannot.
    edges = [Edge(0, 1, 1, (0,)), Edge(1, 2, 1, (1,)), Edge(2, 0, -3, (2,))]
    assert Network(edges).conflicts() == [frozenset({0, 1, 2})]


def test_the_search_stops_after_its_limit_of_checks() -> None:
    # Many independent two-source conflicts: each found is reused, but checks are bounded.
    edges = []
    for index in range(12):
        edges += [Edge(0, 1, -index - 1, (2 * index,)), Edge(1, 0, index, (2 * index + 1,))]
    network = Network(edges)
    assert 0 < len(network.conflicts(limit=4)) <= 4


def _many_conflicts(accounts: int) -> tuple[Network, int, int]:
    """Two events, ``a`` (node 1) and ``b`` (node 2), each dated by many sources that each
    contradict the others of its event; one source orders ``a`` before ``b`` and one (the
    plant) dates ``b`` before every date of ``a``: each date of ``a`` makes a conflict of
    three with those two, among more conflicts of two than the search can visit."""
    edges = []
    for day in range(accounts):
        edges += [Edge(0, 1, day, (day,)), Edge(1, 0, -day, (day,))]
        b_day = 100 + day
        edges += [Edge(0, 2, b_day, (accounts + day,)), Edge(2, 0, -b_day, (accounts + day,))]
    plant, order = 2 * accounts, 2 * accounts + 1
    edges += [Edge(0, 2, -5, (plant,)), Edge(2, 0, 5, (plant,)), Edge(2, 1, -1, (order,))]
    return Network(edges), plant, order


def _part(accounts: int, plant: int) -> Callable[[int], str | None]:
    def part(source: int) -> str | None:
        if source < accounts:
            return "a"
        return "b" if source < 2 * accounts or source == plant else None

    return part


def _is_minimal_conflict(network: Network, conflict: frozenset[int]) -> bool:
    return network.cycle(conflict) is not None and all(
        network.cycle(conflict - {source}) is None for source in conflict
    )


def test_a_search_cut_short_still_reports_every_source_of_a_conflict_spanning_events() -> None:
    accounts = 12
    network, plant, order = _many_conflicts(accounts)
    part = _part(accounts, plant)

    def wanted(conflict: frozenset[int]) -> bool:
        return len({part(source) for source in conflict}) > 1

    found = network.conflicts(limit=8)
    assert not network.complete
    extra = network.cover(found, wanted, part)
    spanning = [c for c in [*found, *extra] if wanted(c)]
    # Every date of ``a`` is in a conflict with the plant and the order, and each is reported.
    covered = {source for conflict in spanning for source in conflict}
    assert covered >= set(range(accounts)) | {plant, order}
    assert all(_is_minimal_conflict(network, conflict) for conflict in extra)
    assert len(set(extra)) == len(extra) and not set(extra) & set(found)
    assert network.cover(found, wanted, part) == extra


def test_a_search_walked_to_its_end_is_complete() -> None:
    network, _, _ = _many_conflicts(2)
    network.conflicts()
    assert network.complete
