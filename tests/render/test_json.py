"""The JSON contract written in pieces reads exactly as the document dumped whole."""

from __future__ import annotations

from typing import Any

import orjson
from hypothesis import given
from hypothesis import strategies as st

from astana_facts.findings.finding import Finding, ValueGroup
from astana_facts.render.json import _BATCH, _list_chunks, batched, finding_to_dict

_scalars = st.none() | st.booleans() | st.integers(-(2**63), 2**64 - 1) | st.text(max_size=8)
_values = st.recursive(
    _scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner),
    max_leaves=6,
)
_items = st.dictionaries(st.text(max_size=5), _values, max_size=4)


def _pieces_as_document(key: str, items: list[dict[str, Any]], size: int = _BATCH) -> str:
    return "{" + "".join(_list_chunks(key, items, size)) + "\n}"


@given(st.text(max_size=6), st.lists(_items, max_size=5), st.integers(1, 3))
def test_a_list_in_pieces_is_the_list_dumped_whole(
    key: str, items: list[dict[str, Any]], size: int
) -> None:
    whole = orjson.dumps({key: items}, option=orjson.OPT_INDENT_2).decode("utf-8")
    assert _pieces_as_document(key, items, size) == whole


def test_a_list_longer_than_a_batch_is_dumped_whole_too() -> None:
    items = [{"claim": f"c-{n}", "facts": [], "n": n} for n in range(2 * _BATCH + 3)]
    whole = orjson.dumps({"verdicts": items}, option=orjson.OPT_INDENT_2).decode("utf-8")
    assert _pieces_as_document("verdicts", items) == whole


@given(st.lists(st.integers(), max_size=30), st.integers(min_value=1, max_value=7))
def test_batches_keep_every_item_in_order(items: list[int], size: int) -> None:
    batches = list(batched(items, size))
    assert [item for batch in batches for item in batch] == items
    assert all(len(batch) == size for batch in batches[:-1])
    assert all(0 < len(batch) <= size for batch in batches)


_groups = st.lists(
    st.builds(
        ValueGroup,
        st.text(max_size=6),
        st.lists(st.text(max_size=4), min_size=1, max_size=4).map(tuple),
    ),
    max_size=4,
).map(tuple)


@given(_groups)
def test_a_findings_values_are_its_claims_with_their_groups_values(
    groups: tuple[ValueGroup, ...],
) -> None:
    """``values`` (written from the value groups directly) is :attr:`Finding.values`."""
    finding = Finding(code="DAT001", severity="error", message="m", value_groups=groups)
    row = finding_to_dict(finding)
    assert [(item["claim"], item["value"]) for item in row["values"]] == list(finding.values)
