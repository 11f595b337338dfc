"""A simple temporal network: difference constraints on day numbers, their contradictions and
the minimal evidence of each (Dechter, Meiri & Pearl 1991).

A constraint ``x_v - x_u <= w`` is an edge ``u -> v`` of weight ``w``; the constraints hold
together exactly when the graph has no negative cycle. Each edge names the *sources* it comes
from (the value groups of claims that state it; none for background constraints that always
hold, such as "the first day is not after the last"). A negative cycle is a contradiction; the
sources on it are an inconsistent set, which :func:`minimise` shrinks until dropping any one
source leaves a consistent set, and :func:`conflicts` finds every such minimal set of a network
(Reiter's hitting-set tree over the sources), up to a fixed amount of work.

Hand-written rather than networkx's negative-cycle search: importing networkx costs about a
quarter of a second, the whole budget of the bundled report; the networks here are small (one
event, one series), and ``tests/consistency/test_stn.py`` holds this code to a brute-force
oracle.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

ORIGIN = 0
"""The node of day number zero: ``x <= c`` is an edge ``ORIGIN -> x`` of weight ``c``."""

SEARCHES = 256
"""Consistency checks :func:`conflicts` makes at most per network: a network holding many
independent contradictions reports the first it finds in this many, so one pathological event
cannot make the report grow faster than the claims."""


@dataclass(frozen=True, slots=True)
class Edge:
    """``x[target] - x[origin] <= weight``, stated by ``sources`` (empty: always holds)."""

    origin: int
    target: int
    weight: int
    sources: tuple[int, ...] = ()
    label: str = ""
    """The constraint in words, for a finding's message."""
    kind: str = ""
    """What sort of constraint it is (``date``, ``span``, ``duration``, ``order``, …)."""


def negative_cycle(edges: Sequence[Edge]) -> list[Edge] | None:
    """The edges of one negative cycle of the graph, in order, or None when it has none.

    Bellman-Ford from a virtual source joined to every node by weight 0, queue-based (SPFA).
    A cycle among the predecessor edges is always negative; once some node has been relaxed
    as many times as there are nodes, one exists and is read off them. The walk is
    deterministic for a given edge order."""
    outgoing: dict[int, list[Edge]] = {}
    nodes: dict[int, None] = {}
    for edge in edges:
        outgoing.setdefault(edge.origin, []).append(edge)
        nodes[edge.origin] = None
        nodes[edge.target] = None
    distance = dict.fromkeys(nodes, 0)
    through: dict[int, Edge] = {}
    relaxed = dict.fromkeys(nodes, 0)
    queue = deque(nodes)
    queued = set(nodes)
    limit = len(nodes)
    while queue:
        node = queue.popleft()
        queued.discard(node)
        for edge in outgoing.get(node, ()):
            if distance[node] + edge.weight < distance[edge.target]:
                distance[edge.target] = distance[node] + edge.weight
                through[edge.target] = edge
                relaxed[edge.target] += 1
                if relaxed[edge.target] % limit == 0:
                    cycle = predecessor_cycle(through)
                    if cycle is not None:
                        return cycle
                if edge.target not in queued:
                    queued.add(edge.target)
                    queue.append(edge.target)
    return None


def predecessor_cycle(through: dict[int, Edge]) -> list[Edge] | None:
    """A cycle of the predecessor edges (each node's last relaxing edge), or None: each node is
    walked back once, marked with the walk that reached it first."""
    mark: dict[int, int] = {}
    for walk, start in enumerate(through):
        node = start
        while node in through and node not in mark:
            mark[node] = walk
            node = through[node].origin
        if mark.get(node) != walk or node not in through:
            continue
        cycle = [through[node]]
        current = through[node].origin
        while current != node:
            cycle.append(through[current])
            current = through[current].origin
        cycle.reverse()
        return cycle
    return None


class Network:
    """A network's edges by source, to ask which sets of sources hold together."""

    def __init__(self, edges: Iterable[Edge]) -> None:
        self.background: list[Edge] = []
        self.by_source: dict[int, list[Edge]] = {}
        """Each stated edge under the first of its sources."""
        for edge in edges:
            if edge.sources:
                self.by_source.setdefault(min(edge.sources), []).append(edge)
            else:
                self.background.append(edge)
        self.sources = sorted({s for e in self.stated() for s in e.sources})
        self.complete = True
        """Whether the last :meth:`conflicts` walked its tree to the end (found every one)."""
        self._greedy: dict[tuple[str, int | None], set[int]] = {}
        """:meth:`cover`'s greedy consistent set of a part, by part and starting source."""

    def stated(self) -> list[Edge]:
        """Every edge that some source states."""
        return [edge for source in sorted(self.by_source) for edge in self.by_source[source]]

    def edges_of(self, active: frozenset[int] | set[int]) -> list[Edge]:
        """The background and the edges all of whose sources are ``active``."""
        chosen = list(self.background)
        for source in sorted(active):
            for edge in self.by_source.get(source, ()):
                if len(edge.sources) == 1 or all(s in active for s in edge.sources):
                    chosen.append(edge)
        return chosen

    def cycle(self, active: frozenset[int] | set[int]) -> list[Edge] | None:
        """A negative cycle of the ``active`` sources with the background, or None."""
        return negative_cycle(self.edges_of(active))

    def minimise(self, cycle: Sequence[Edge]) -> frozenset[int]:
        """The sources of a negative cycle, shrunk by dropping each in turn (in order) while the
        rest still contradict each other: every source left is needed (a deletion filter)."""
        kept = sorted({source for edge in cycle for source in edge.sources})
        for source in list(kept):
            trial = set(kept) - {source}
            if self.cycle(trial) is not None:
                kept.remove(source)
        return frozenset(kept)

    def conflicts(self, limit: int = SEARCHES) -> list[frozenset[int]]:
        """Every minimal inconsistent set of sources, in the order found (breadth first).

        Reiter's hitting-set tree: a node is a set of sources taken out; where the rest still
        contradict each other a minimal conflict is found (or reused: one found before that
        lies wholly in the rest), and a child takes out each of its sources. Every minimal
        conflict is found when the tree is walked to its end, which ``limit`` consistency
        checks (and eight times as many nodes) bound."""
        everything = frozenset(self.sources)
        found: list[frozenset[int]] = []
        consistent: list[frozenset[int]] = []
        queue: deque[frozenset[int]] = deque([frozenset()])
        seen: set[frozenset[int]] = set()
        checks = visits = 0
        self.complete = False
        while queue and visits < limit * 8:
            visits += 1
            removed = queue.popleft()
            if removed in seen or any(removed >= done for done in consistent):
                continue
            seen.add(removed)
            conflict = next((c for c in found if not c & removed), None)
            if conflict is None:
                if checks >= limit:
                    break
                checks += 1
                cycle = self.cycle(everything - removed)
                if cycle is None:
                    consistent.append(removed)
                    continue
                conflict = self.minimise(cycle)
                if not conflict:
                    break  # the background alone is inconsistent: nothing to blame
                found.append(conflict)
            queue.extend(removed | {source} for source in sorted(conflict))
        else:
            self.complete = not queue
        return found

    def cover(
        self,
        found: Sequence[frozenset[int]],
        wanted: Callable[[frozenset[int]], bool],
        part: Callable[[int], str | None],
        limit: int = SEARCHES,
    ) -> list[frozenset[int]]:
        """More minimal conflicts, after a :meth:`conflicts` search cut short, so that a source in
        no ``wanted`` conflict yet gets one where these two cheap searches find it.

        ``part`` names each source's part (an event), or None for a source that joins parts (an
        ordinal); a wanted conflict is one that is not wholly in one part. First, a source is
        exchanged for one source of a wanted conflict already known: the rest holds together,
        so if it contradicts the new source, every conflict of the two holds that source.
        Else every part is cut to a greedy largest consistent set of its sources (the source's
        own part's starting from the source), with every joining source: any conflict left
        spans parts, and the search for one (:meth:`minimise`, dropping the source last) keeps
        the source where it can. Two passes, so a conflict found late seeds the exchanges of
        the sources before it; at most ``limit`` times four checks (and those of shrinking), so
        the work stays linear and the result deterministic."""
        known = [conflict for conflict in found if wanted(conflict)]
        extra: list[frozenset[int]] = []
        parts: dict[str | None, list[int]] = {}
        for source in self.sources:
            parts.setdefault(part(source), []).append(source)
        budget = [limit * 4]
        self._greedy.clear()
        for _ in range(2):
            for source in self.sources:
                covered = {s for conflict in known for s in conflict}
                if source in covered or budget[0] <= 0:
                    continue
                new = self._exchanged(source, known, wanted, budget)
                if new is None:
                    new = self._spanning(source, parts, part(source), budget)
                if new and new not in known and new not in found and wanted(new):
                    extra.append(new)
                    known.append(new)
        return extra

    def _exchanged(
        self,
        source: int,
        known: list[frozenset[int]],
        wanted: Callable[[frozenset[int]], bool],
        budget: list[int],
    ) -> frozenset[int] | None:
        """A new wanted minimal conflict of ``source`` with all but one source of a known one,
        or None."""
        for conflict in known:
            for other in sorted(conflict):
                if budget[0] <= 0:
                    return None
                budget[0] -= 1
                cycle = self.cycle((conflict - {other}) | {source})
                if cycle is None:
                    continue
                new = self.minimise(cycle)
                budget[0] -= len(new)
                if new not in known and wanted(new):
                    return new
        return None

    def _spanning(
        self, source: int, parts: dict[str | None, list[int]], own: str | None, budget: list[int]
    ) -> frozenset[int] | None:
        """A minimal conflict among a greedy consistent set of each part (``source``'s own
        starting from it) and the joining sources, holding ``source`` where it can, or None."""
        active: set[int] = set(parts.get(None, ()))
        for name, members in parts.items():
            if name is not None:
                seed = source if name == own else None
                if (name, seed) not in self._greedy:
                    self._greedy[name, seed] = self._consistent_part(members, seed, budget)
                active |= self._greedy[name, seed]
        budget[0] -= 1
        cycle = self.cycle(active)
        if cycle is None:
            return None
        kept = sorted({s for edge in cycle for s in edge.sources}, key=lambda s: (s == source, s))
        for candidate in list(kept):
            budget[0] -= 1
            if self.cycle(set(kept) - {candidate}) is not None:
                kept.remove(candidate)
        return frozenset(kept)

    def _consistent_part(self, members: list[int], seed: int | None, budget: list[int]) -> set[int]:
        """A greedy largest consistent set of ``members`` (in order), starting from ``seed``."""
        chosen = set() if seed is None else {seed}
        for member in members:
            if member != seed and budget[0] > 0:
                budget[0] -= 1
                if self.cycle(chosen | {member}) is None:
                    chosen.add(member)
        return chosen
