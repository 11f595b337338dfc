"""The canonical-layout line scanner against a JSON parser's positions.

:func:`~astana_facts.jsonio.positions.canonical_item_lines` finds where the items of a top-level
array open by scanning bytes; the reading stage gives claims their lines with it, and the locate
stage places findings with it. The oracle is tree-sitter's parse
(:func:`~astana_facts.jsonio.positions.build_source_map`). Specification: on any file in the
canonical layout the scan is right or declines (None), never wrong; on arrays of non-empty
objects, the layout of every records file, it never declines.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any
from unittest import mock

from hypothesis import example, given, settings
from hypothesis import strategies as st

from astana_facts.findings.finding import Finding
from astana_facts.jsonio.positions import (
    CANONICAL_ITEM_COLUMN,
    build_source_map,
    canonical_item_lines,
)
from astana_facts.jsonio.writer import dumps_canonical
from astana_facts.pipeline import locate as locate_stage

# Strings that look like layout once escaped or not: newlines (escaped in JSON), line and
# paragraph separators (kept as they are), quotes, backslashes, brackets and indents.
TRICKY = ["\n", "\n    {\n", "  ]", "\u2028", "\u2029", '"', "\\", "{", "[", "    ", "é", "𝔸"]
strings = st.lists(st.sampled_from(["a", " ", *TRICKY]), max_size=5).map("".join)
# Top-level keys as the locate stage expects them (lower case and underscores), among them the
# keys of the records files and keys that one of them begins with.
top_keys = st.sampled_from(["claims", "claims_x", "not_check_worthy", "entities", "a", "z_"])
scalars = st.none() | st.booleans() | st.integers(-5, 1000) | strings
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(strings | top_keys, inner, max_size=3)
    ),
    max_leaves=8,
)
objects = st.dictionaries(strings | top_keys, values, min_size=1, max_size=4)
items = objects | values  # any item: an object, or anything else an array may hold
documents = st.dictionaries(
    top_keys | strings, st.lists(items, max_size=4) | values, min_size=1, max_size=4
)
object_documents = st.dictionaries(top_keys, st.lists(objects, max_size=4), min_size=1, max_size=4)


def parsed_lines(raw: bytes, key: str, count: int) -> list[int]:
    """The line of every item of the top-level array ``key``, from a full parse."""
    source_map = build_source_map(raw)
    positions = [source_map.values[f"/{key}/{index}"] for index in range(count)]
    assert all(column == CANONICAL_ITEM_COLUMN for _, column in positions)
    return [line for line, _ in positions]


def _arrays(document: dict[str, Any]) -> list[tuple[str, list[Any]]]:
    return [(key, value) for key, value in document.items() if isinstance(value, list)]


@given(documents)
@example({"claims": [], "z_": [{"a": 1}]})  # an empty array before one with items
@example({"claims": [[{"a": 1}], {"a": 1}]})  # an object inside an item, not an item
@example({"claims": [{}, {"a": 1}]})  # an empty object opens and closes on one line
def test_the_scan_is_right_or_declines_on_any_canonical_file(document: dict[str, Any]) -> None:
    raw = dumps_canonical(document)
    for key, array in _arrays(document):
        if not key.isidentifier():
            continue  # (the scan is only asked about keys of records files)
        scanned = canonical_item_lines(raw, key, len(array))
        assert scanned is None or scanned == parsed_lines(raw, key, len(array))


@given(object_documents)
@example({"claims": [{"note": "\n    {\n"}, {"claims": [{"a": {"b": [{}]}}]}]})
@example({"claims_x": [{"a": 1}], "claims": [{"a": 2}, {"a": 3}]})
def test_the_scan_finds_every_item_of_an_array_of_objects(document: dict[str, Any]) -> None:
    raw = dumps_canonical(document)
    for key, array in _arrays(document):
        if array:  # (an empty array has no item to find a line for)
            assert canonical_item_lines(raw, key, len(array)) == parsed_lines(raw, key, len(array))


def _item_findings(document: dict[str, Any], file: Path) -> list[Finding]:
    return [
        Finding("SPN001", "error", "test", file=str(file), pointer=f"/{key}/{index}")
        for key, array in _arrays(document)
        for index in range(len(array))
    ]


@settings(max_examples=25)
@given(object_documents)
def test_findings_on_items_are_located_by_the_scan_where_the_parser_puts_them(
    document: dict[str, Any],
) -> None:
    raw = dumps_canonical(document)
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        file = root / "claims.json"
        file.write_bytes(raw)
        findings = _item_findings(document, file)
        # The scan, not the parser, must place them: a canonical file of object items.
        with mock.patch.object(locate_stage, "build_source_map", side_effect=AssertionError):
            located = locate_stage.locate(findings, root=root, known=lambda _: {})
    source_map = build_source_map(raw)
    for finding in located:
        assert (finding.line, finding.column) == source_map.values[finding.pointer or ""]
