"""The conflicts found from cycles through edges of one kind, held to the brute-force oracle of
``test_stn``: every minimal conflict that needs such an edge is found, and nothing else but
minimal conflicts."""

from __future__ import annotations

from hypothesis import given

from astana_facts.consistency.cycles import conflicts_through
from astana_facts.consistency.stn import Edge, Network
from tests.consistency.test_stn import brute_conflicts, brute_consistent, edges_of

kinded_edges = edges_of("order", "date")


def _needs(network: Network, conflict: frozenset[int], kind: str) -> bool:
    """Whether the conflict's constraints hold once the edges of ``kind`` are left out."""
    return brute_consistent([e for e in network.edges_of(conflict) if e.kind != kind])


@given(kinded_edges)
def test_every_minimal_conflict_needing_the_kind_is_found_and_only_minimal_ones(
    edges: list[Edge],
) -> None:
    network = Network(edges)
    if not brute_consistent(network.background):
        return  # nothing can be blamed on a source
    found = conflicts_through(network, "order")
    assert found is not None
    minimal = brute_conflicts(network)
    assert len(found) == len(set(found))
    assert set(found) <= minimal
    assert {c for c in minimal if _needs(network, c, "order")} <= set(found)


def test_a_conflict_of_the_other_kind_alone_is_not_reported() -> None:
    # x1 <= 0 and x1 >= 1 (dates) clash without any order; x2 ends before x1 starts (order).
    edges = [
        Edge(0, 1, 0, (0,), kind="date"),
        Edge(1, 0, -1, (1,), kind="date"),
        Edge(1, 2, -1, (2,), kind="order"),
        Edge(2, 0, 5, (3,), kind="date"),
    ]
    assert conflicts_through(Network(edges), "order") == []


def test_a_conflict_through_an_order_edge_is_reported_with_exactly_its_sources() -> None:
    # x1 >= 5 (date), x2 <= 3 (date), x2 after x1 (order): the three together cannot hold.
    edges = [
        Edge(1, 0, -5, (0,), kind="date"),
        Edge(0, 2, 3, (1,), kind="date"),
        Edge(2, 1, -1, (2,), kind="order"),
        Edge(0, 1, 9, (3,), kind="date"),
    ]
    assert conflicts_through(Network(edges), "order") == [frozenset({0, 1, 2})]


def test_the_search_gives_up_beyond_its_budget() -> None:
    edges = [
        Edge(1, 0, -5, (0,), kind="date"),
        Edge(0, 2, 3, (1,), kind="date"),
        Edge(2, 1, -1, (2,), kind="order"),
    ]
    assert conflicts_through(Network(edges), "order", budget=1) is None
    assert conflicts_through(Network(edges), "order") == [frozenset({0, 1, 2})]
