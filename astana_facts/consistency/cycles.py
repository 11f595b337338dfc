"""The minimal conflicts of a network that need edges of one kind, found from its cycles.

The chronology rule (RND003) wants the contradictions that need the order of the rounds of a
series, among rounds that may each hold contradictions of their own (a false date of a round
clashes with its true dates too). Reiter's hitting-set tree (:meth:`~astana_facts.consistency.
stn.Network.conflicts`) must take every one of those internal conflicts apart before it reaches
the wanted ones, and the internal conflicts of a few rounds multiply; here the search starts
from the other end.

A minimal conflict is exactly the sources of one negative cycle of its own edges (the sources
of any negative cycle among them are inconsistent, so by minimality they are all of it), and a
simple negative cycle exists wherever a negative closed walk does. So the minimal conflicts
that need an edge of the kind are among the sources of the simple negative cycles through such
an edge: each cycle is enumerated once (from its lowest node, the others visited at most once),
a path is abandoned once its sources hold a conflict already found (every cycle it could close
would not be minimal), and a cycle is kept when dropping any one of its sources leaves a
consistent set. The networks are small (a few rounds, each a first and a last day); the work
is bounded by ``budget`` path steps, and the caller falls back to the hitting-set tree when it
runs out.
"""

from __future__ import annotations

from astana_facts.consistency.stn import Edge, Network

BUDGET = 20_000
"""Path steps :func:`conflicts_through` takes at most per network before it gives up."""


def conflicts_through(
    network: Network, kind: str, budget: int = BUDGET
) -> list[frozenset[int]] | None:
    """Every minimal conflict of ``network`` with a negative cycle through an edge of ``kind``,
    in the order found (deterministic), or None when the search needs more than ``budget`` path
    steps."""
    outgoing: dict[int, list[Edge]] = {}
    for edge in [*network.background, *network.stated()]:
        outgoing.setdefault(edge.origin, []).append(edge)
    for edges in outgoing.values():
        edges.sort(key=lambda edge: edge.weight)  # closing edges: the most negative first
    search = _Search(network, outgoing, kind, budget)
    for start in sorted(outgoing):
        if not search.from_node(start):
            return None
    return list(search.found)


class _Search:
    """One depth-first enumeration of the simple cycles of a network, lowest node first."""

    def __init__(
        self, network: Network, outgoing: dict[int, list[Edge]], kind: str, budget: int
    ) -> None:
        self.network = network
        self.outgoing = outgoing
        self.kind = kind
        self.steps = budget
        self.found: dict[frozenset[int], None] = {}
        self.rejected: set[frozenset[int]] = set()
        self.inconsistent: list[frozenset[int]] = []
        """Sets of sources found inconsistent while checking a cycle for minimality."""

    def from_node(self, start: int) -> bool:
        """Every cycle whose lowest node is ``start``; False when the budget ran out. A path is
        dropped where no walk back to ``start`` could make its weight negative
        (:meth:`_bounds_to`): the cycles it could close hold no contradiction."""
        bound = self._bounds_to(start)
        stack: list[tuple[int, int, frozenset[int], bool, frozenset[int]]] = [
            (start, 0, frozenset(), False, frozenset((start,)))
        ]
        while stack:
            node, weight, sources, through, visited = stack.pop()
            for edge in self.outgoing.get(node, ()):
                self.steps -= 1
                if self.steps < 0:
                    return False
                total = weight + edge.weight
                if edge.target == start:
                    if total < 0 and (through or edge.kind == self.kind):
                        self._keep(sources.union(edge.sources))
                    continue
                rest = bound.get(edge.target)
                if rest is None or total + rest >= 0 or edge.target in visited:
                    continue
                held = sources.union(edge.sources)
                if self._holds_found(held):
                    continue
                stack.append(
                    (
                        edge.target,
                        total,
                        held,
                        through or edge.kind == self.kind,
                        visited | {edge.target},
                    )
                )
        return True

    def _bounds_to(self, start: int) -> dict[int, int]:
        """For each node of the lowest ``start`` on, the least weight of a walk from it to
        ``start`` through such nodes, over walks of as many edges as there are nodes at least
        (Bellman-Ford backwards; with negative cycles it may go lower): no simple path back
        weighs less. A node missing cannot get back."""
        bound = {start: 0}
        edges = [e for edges in self.outgoing.values() for e in edges if e.origin >= start]
        for _ in range(len(self.outgoing) + 1):
            moved = False
            for edge in edges:
                after = bound.get(edge.target)
                if after is None:
                    continue
                through = edge.weight + after
                if through < bound.get(edge.origin, through + 1):
                    bound[edge.origin] = through
                    moved = True
            if not moved:
                break
        return bound

    def _holds_found(self, sources: frozenset[int]) -> bool:
        return any(conflict <= sources for conflict in self.found)

    def _keep(self, sources: frozenset[int]) -> None:
        """Keep the sources of a negative cycle when they are a minimal conflict: when no set
        known to be inconsistent lies strictly inside them (a conflict found, or what an earlier
        check left after dropping one source), and dropping any one source leaves a consistent
        set (each such check a negative-cycle search)."""
        if not sources or sources in self.found or sources in self.rejected:
            return
        if any(known < sources for known in (*self.found, *self.inconsistent)):
            self.rejected.add(sources)
            return
        for source in sorted(sources):
            rest = sources - {source}
            if self.network.cycle(rest) is not None:
                self.inconsistent.append(rest)
                self.rejected.add(sources)
                return
        self.found[sources] = None
