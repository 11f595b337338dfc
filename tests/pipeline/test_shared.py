"""Sharing equal parts of kept claims: one object per distinct part, the claims unchanged."""

from __future__ import annotations

import copy
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from astana_facts.pipeline.shared import Sharing

_values = st.fixed_dictionaries(
    {"role": st.sampled_from(["guarantor", "observer"]), "members": st.lists(st.text(max_size=3))}
)
_claims = st.lists(
    st.fixed_dictionaries(
        {
            "id": st.text(max_size=4),
            "kind": st.sampled_from(["participants", "count"]),
            # Fresh objects for every claim, as a parser makes them: equal, never identical.
            "subject": st.sampled_from(["astana-round-1", "astana-round-2"]).map(
                lambda text: "".join(list(text))
            ),
            "modality": st.sampled_from(["reported", "planned"]),
            "attribution": st.sampled_from(["publisher", "unnamed"]).map(
                lambda kind: {"type": kind}
            ),
            "value": _values,
        }
    ),
    max_size=12,
)


@given(_claims)
def test_sharing_changes_no_claim(claims: list[dict[str, Any]]) -> None:
    before = copy.deepcopy(claims)
    Sharing().share(claims)
    assert claims == before


@given(_claims)
def test_equal_parts_become_one_object_and_unequal_ones_stay_apart(
    claims: list[dict[str, Any]],
) -> None:
    Sharing().share(claims)
    for first in claims:
        for second in claims:
            for part in ("attribution", "value", "subject"):
                same = first[part] == second[part]
                assert (first[part] is second[part]) == same


def test_a_value_is_never_shared_with_an_equal_attribution() -> None:
    claims: list[dict[str, Any]] = [
        {"subject": "s", "kind": "k", "modality": "m", "attribution": {"a": 1}, "value": {"a": 1}}
    ]
    Sharing().share(claims)
    assert claims[0]["attribution"] is not claims[0]["value"]
