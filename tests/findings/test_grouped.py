"""A finding's claims read through its value groups behave exactly as the tuple of their ids:
equal, ordered, hashed, indexed and pickled the same (held to the tuple by hypothesis)."""

from __future__ import annotations

import pickle

from hypothesis import given
from hypothesis import strategies as st

from astana_facts.findings.finding import Finding, ValueGroup
from astana_facts.findings.grouped import GroupedClaims, GroupIds, claim_sequence, share_groups

ids = st.sampled_from(["a", "b", "c", "d"])
groups = st.lists(
    st.lists(ids, min_size=1, max_size=3).map(lambda claims: ValueGroup("v", tuple(claims))),
    min_size=0,
    max_size=4,
).map(tuple)


def flat(value_groups: tuple[ValueGroup, ...]) -> tuple[str, ...]:
    return tuple(claim for group in value_groups for claim in group.claims)


@given(groups, groups, st.integers(0, 4))
def test_claims_sharing_their_first_groups_are_ordered_as_their_tuples(
    first: tuple[ValueGroup, ...], rest: tuple[ValueGroup, ...], shared: int
) -> None:
    """Findings of one batch share the groups of a value (the same objects): the order must not
    depend on it."""
    second = first[:shared] + rest
    a, b = GroupedClaims(first), GroupedClaims(second)
    x, y = flat(first), flat(second)
    assert (a < b, a == b, a > b) == (x < y, x == y, x > y)


@given(groups, st.integers(-12, 12))
def test_the_claims_are_the_tuple_of_the_groups_ids(
    value_groups: tuple[ValueGroup, ...], index: int
) -> None:
    claims, plain = GroupedClaims(value_groups), flat(value_groups)
    assert tuple(claims) == plain and len(claims) == len(plain)
    assert claims == plain and plain == claims and hash(claims) == hash(plain)
    assert claims[index:] == plain[index:]
    if -len(plain) <= index < len(plain):
        assert claims[index] == plain[index]
    assert pickle.loads(pickle.dumps(claims)) == plain
    assert list(claims) == list(plain) and ("a" in claims) == ("a" in plain)


@given(groups, groups)
def test_claims_are_ordered_as_their_tuples(
    first: tuple[ValueGroup, ...], second: tuple[ValueGroup, ...]
) -> None:
    a, b = GroupedClaims(first), GroupedClaims(second)
    x, y = flat(first), flat(second)
    assert (a < b, a <= b, a > b, a >= b, a == b) == (x < y, x <= y, x > y, x >= y, x == y)
    assert (a < y, x < b, a > y, x > b) == (x < y, x < y, x > y, x > y)
    assert [tuple(claims) for claims in sorted([a, b])] == sorted([x, y])


def test_one_group_is_its_own_tuple_and_an_index_past_the_end_fails() -> None:
    one = (ValueGroup("v", ("a", "b")),)
    assert claim_sequence(one) is one[0].claims
    two = GroupedClaims((*one, ValueGroup("w", ("c",))))
    assert two[2] == "c"
    try:
        two[3]
    except IndexError:
        pass
    else:
        raise AssertionError("an index past the end must fail")


def test_findings_from_two_workers_end_up_holding_one_tuple_of_a_value_they_share() -> None:
    def finding(code: str, ids: tuple[str, ...]) -> Finding:
        groups = (ValueGroup("v", ids), ValueGroup("w", ("z",)))
        return Finding(code, "error", "m", claims=claim_sequence(groups), value_groups=groups)

    first, second = finding("DAT001", ("a", "b")), finding("RND003", tuple(["a", "b"]))
    shared: GroupIds = {}
    kept = share_groups([first], shared) + share_groups([second], shared)
    assert kept[0] is first  # nothing to replace in the first one
    assert kept[1].value_groups[0].claims is first.value_groups[0].claims
    assert kept[1] == second and kept[1].claims == ("a", "b", "z")
