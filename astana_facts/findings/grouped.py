"""The claim ids of a consistency finding, read through its value groups instead of copied.

A finding lists every claim of each value in conflict (:class:`~astana_facts.findings.finding.
ValueGroup`) and, for every reader that wants them all, every claim in one sequence
(``Finding.claims``). A value stated by thousands of claims is in every finding of each value
that clashes with it, so a copy of the ids per finding is most of a large report's findings;
:class:`GroupedClaims` is that sequence without the copy: it holds the groups, which findings of
one batch of rules share. It compares, hashes and pickles as the tuple of its ids would, one id
at a time, so sorting findings by their claims costs what the first difference costs.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from itertools import chain
from typing import overload

from astana_facts.findings.finding import Finding, ValueGroup


class GroupedClaims(Sequence[str]):
    """The ids of ``groups``' claims, group after group: a read-only sequence of strings that
    equals the tuple of the same ids."""

    __slots__ = ("groups",)

    def __init__(self, groups: tuple[ValueGroup, ...]) -> None:
        self.groups = groups

    def __len__(self) -> int:
        return sum(len(group.claims) for group in self.groups)

    def __iter__(self) -> Iterator[str]:
        return chain.from_iterable([group.claims for group in self.groups])

    @overload
    def __getitem__(self, index: int) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[str, ...]: ...

    def __getitem__(self, index: int | slice) -> str | tuple[str, ...]:
        if isinstance(index, int) and index >= 0:
            for group in self.groups:
                if index < len(group.claims):
                    return group.claims[index]
                index -= len(group.claims)
            raise IndexError("claim index out of range")
        return tuple(self)[index]

    def __repr__(self) -> str:
        return repr(tuple(self))

    def __reduce__(self) -> tuple[type[GroupedClaims], tuple[tuple[ValueGroup, ...]]]:
        return (GroupedClaims, (self.groups,))

    def __hash__(self) -> int:
        return hash(tuple(self))

    def _order(self, other: object) -> int | None:
        """-1, 0 or 1 as the tuple of these ids against ``other``'s; None: not comparable.

        Groups that two findings share (or that hold the same ids) and stand at the same place
        are passed over whole; the rest is compared as tuples (sorting the findings of a large
        report compared shared groups id by id in Python: a tenth of a second at 100k)."""
        if isinstance(other, GroupedClaims):
            mine, theirs = self.groups, other.groups
            same = 0
            while (
                same < len(mine)
                and same < len(theirs)
                and (mine[same] is theirs[same] or mine[same].claims == theirs[same].claims)
            ):
                same += 1
            if same < len(mine) and same < len(theirs):
                # The first groups that differ: their first difference is the ids' (unless one
                # is the start of the other, when the groups after them decide).
                first, second = mine[same].claims, theirs[same].claims
                size = min(len(first), len(second))
                if first[:size] != second[:size]:
                    return -1 if first[:size] < second[:size] else 1
            left = tuple(chain.from_iterable([group.claims for group in mine[same:]]))
            right = tuple(chain.from_iterable([group.claims for group in theirs[same:]]))
        elif isinstance(other, tuple):
            left, right = tuple(self), other
        else:
            return None
        return (left > right) - (left < right)

    def __eq__(self, other: object) -> bool:
        order = self._order(other)
        return NotImplemented if order is None else order == 0

    def __lt__(self, other: object) -> bool:
        order = self._order(other)
        return NotImplemented if order is None else order < 0

    def __le__(self, other: object) -> bool:
        order = self._order(other)
        return NotImplemented if order is None else order <= 0

    def __gt__(self, other: object) -> bool:
        order = self._order(other)
        return NotImplemented if order is None else order > 0

    def __ge__(self, other: object) -> bool:
        order = self._order(other)
        return NotImplemented if order is None else order >= 0


def claim_sequence(groups: tuple[ValueGroup, ...]) -> Sequence[str]:
    """Every claim of ``groups``, group after group: the one group's own tuple, else a
    :class:`GroupedClaims` over them."""
    return groups[0].claims if len(groups) == 1 else GroupedClaims(groups)


GroupIds = dict[tuple[str, ...], tuple[str, ...]]
"""Each value group's claim ids, by themselves: one tuple of equal ids (:func:`share_groups`)."""


def share_groups(findings: Iterable[Finding], shared: GroupIds) -> list[Finding]:
    """``findings`` with the ids of each value group replaced by the equal tuple already in
    ``shared`` (a tuple not there yet is added): findings that come from different processes
    then hold a value stated by many claims once, as those of one batch already do."""
    kept = []
    for finding in findings:
        groups = tuple(
            group if (ids := shared.setdefault(group.claims, group.claims)) is group.claims
            else ValueGroup(group.value, ids)
            for group in finding.value_groups
        )  # fmt: skip
        if any(new is not old for new, old in zip(groups, finding.value_groups, strict=True)):
            finding = replace(finding, value_groups=groups, claims=claim_sequence(groups))
        kept.append(finding)
    return kept
