"""Clashing pairs without comparing every pair, against comparing every pair.

:func:`~astana_facts.consistency.pairs.pairs_above` sorts and bisects; the plain definition looks
at every pair. :func:`~astana_facts.consistency.pairs.stars` gathers pairs into findings; every
pair must end up in exactly one of them. Values are drawn from a small range so that ties (an
upper equal to a lower, equal intervals, a point) are common, with infinities as open ends.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter
from random import Random

from hypothesis import example, given
from hypothesis import strategies as st

from astana_facts.consistency.pairs import pairs_above, stars

Bounds = tuple[float, float]
values = st.integers(-3, 3).map(float) | st.sampled_from([-math.inf, math.inf])
intervals = st.tuples(values, values).map(lambda pair: (min(pair), max(pair)))
# Any two values, as the function's contract allows: the lower may exceed the upper.
any_bounds = st.tuples(values, values)


def brute_force(items: list[Bounds]) -> set[tuple[int, int]]:
    """Every pair (i < j) where the lower of one exceeds the upper of the other."""
    return {
        (i, j)
        for i, j in itertools.combinations(range(len(items)), 2)
        if items[i][0] > items[j][1] or items[j][0] > items[i][1]
    }


def _pairs(items: list[Bounds]) -> set[tuple[int, int]]:
    return pairs_above(items, lambda item: item[0], lambda item: item[1])


@given(st.lists(intervals, max_size=12))
@example([(1.0, 1.0), (1.0, 1.0)])  # equal points touch: no clash
@example([(0.0, 1.0), (1.0, 2.0)])  # an upper equal to a lower: no clash
@example([(0.0, 1.0), (2.0, 2.0), (-math.inf, math.inf)])
def test_pairs_above_finds_every_clash_that_comparing_all_pairs_finds(
    items: list[Bounds],
) -> None:
    assert _pairs(items) == brute_force(items)


@given(st.lists(any_bounds, max_size=10))
@example([(2.0, 1.0)])  # an item is never paired with itself
def test_pairs_above_holds_for_any_values_not_only_intervals(items: list[Bounds]) -> None:
    assert _pairs(items) == brute_force(items)


@st.composite
def pair_sets(draw: st.DrawFn) -> set[tuple[int, int]]:
    """Unordered pairs (i < j) over a few indexes."""
    size = draw(st.integers(0, 7))
    every = list(itertools.combinations(range(size), 2))
    return set(draw(st.lists(st.sampled_from(every), unique=True))) if every else set()


@given(pair_sets())
@example({(0, 1), (0, 2), (1, 2)})  # a triangle: its centre takes two, one pair is left
def test_stars_cover_every_pair_exactly_once(pairs: set[tuple[int, int]]) -> None:
    covered = Counter(
        (min(center, other), max(center, other))
        for center, others in stars(pairs)
        for other in others
    )
    assert set(covered) == pairs
    assert all(count == 1 for count in covered.values())


@given(pair_sets())
def test_each_star_is_centred_on_the_claim_with_most_pairs_left(
    pairs: set[tuple[int, int]],
) -> None:
    left = set(pairs)
    for center, others in stars(pairs):
        assert others == sorted(others) and others and center not in others
        degree = Counter(index for pair in left for index in pair)
        assert (-degree[center], center) == min((-count, i) for i, count in degree.items())
        assert {other for pair in left if center in pair for other in pair} - {center} == set(
            others
        )
        left -= {(min(center, other), max(center, other)) for other in others}
    assert left == set()


@given(pair_sets(), st.randoms(use_true_random=False))
def test_stars_do_not_depend_on_the_order_of_the_pairs(
    pairs: set[tuple[int, int]], random: Random
) -> None:
    shuffled = sorted(pairs)
    random.shuffle(shuffled)
    assert stars(shuffled) == stars(pairs)
