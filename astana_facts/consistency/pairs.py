"""Finding the clashing pairs of a group without comparing every pair.

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
