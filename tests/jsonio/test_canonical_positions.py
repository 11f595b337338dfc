"""Positions in a canonical file, computed from its value, equal those parsed from its text."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from astana_facts.jsonio.canonical_positions import canonical_source_map
from astana_facts.jsonio.positions import build_source_map
from astana_facts.jsonio.writer import dumps_canonical_layout

_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**53) + 1, max_value=2**53 - 1)
    # (Without an exponent: the tree-sitter grammar the oracle parses with splits "1e+16".)
    | st.floats(min_value=-1e15, max_value=1e15).filter(lambda x: x == 0 or abs(x) >= 1e-4)
    | st.text(st.characters(codec="utf-8"), max_size=8)
)
_KEYS = st.text(st.characters(codec="utf-8"), max_size=6)
_VALUES: st.SearchStrategy[Any] = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_KEYS, inner, max_size=4),
    max_leaves=30,
)


@given(_VALUES)
def test_the_walk_gives_the_parsers_positions_for_every_value_and_key(value: Any) -> None:
    parsed = build_source_map(dumps_canonical_layout(value))
    walked = canonical_source_map(value)
    assert walked.values == parsed.values
    assert walked.keys == parsed.keys


def test_a_key_and_its_value_share_a_line_and_the_value_follows_the_key() -> None:
    walked = canonical_source_map({"claims": [{"id": "a", "värde": {"n": 1}}]})
    assert walked.keys["/claims/0/värde"] == (5, 7)
    assert walked.values["/claims/0/värde"] == (5, 16)
    assert walked.values["/claims/0/värde/n"] == (6, 14)
