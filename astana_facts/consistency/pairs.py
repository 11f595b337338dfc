"""Finding the clashing pairs of a group without comparing every pair.

Engines call these on the distinct values of a group (claims stating one value are compared
once, :mod:`~astana_facts.consistency.values`), so the pairs are pairs of values, not of claims.

Two intervals clash when one lies wholly after the other: the earliest it can be is later than
the latest the other can be. Sorting the group by the upper value and bisecting with each lower
value finds every such pair in O(n log n + pairs), where comparing all pairs would cost n².
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")


def pairs_above(
    items: Sequence[T], lower: Callable[[T], Any], upper: Callable[[T], Any]
) -> set[tuple[int, int]]:
    """Unordered index pairs (i < j) where ``lower`` of one item exceeds ``upper`` of the other."""
    order = sorted(range(len(items)), key=lambda index: upper(items[index]))
    uppers = [upper(items[index]) for index in order]
    found: set[tuple[int, int]] = set()
    for index, item in enumerate(items):
        for other in order[: bisect.bisect_left(uppers, lower(item))]:
            if other != index:
                found.add((min(index, other), max(index, other)))
    return found


def stars(pairs: set[tuple[int, int]] | list[tuple[int, int]]) -> list[tuple[int, list[int]]]:
    """Clashing pairs gathered into stars: the value that clashes with the most others (the
    earliest on a tie), with all of them; then the next, among the pairs left.

    One wrong value against many that agree becomes one finding, not one per agreeing value.
    """
    partners: dict[int, set[int]] = {}
    for first, second in pairs:
        partners.setdefault(first, set()).add(second)
        partners.setdefault(second, set()).add(first)
    found: list[tuple[int, list[int]]] = []
    while partners:
        center = min(partners, key=lambda index: (-len(partners[index]), index))
        others = sorted(partners.pop(center))
        found.append((center, others))
        for other in others:
            partners[other].discard(center)
            if not partners[other]:
                del partners[other]
    return found
