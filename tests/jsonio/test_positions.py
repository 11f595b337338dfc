"""Source maps: JSON Pointers to lines and columns."""

from __future__ import annotations

from astana_facts.jsonio.positions import build_source_map, escape_pointer_token

RAW = '{\n  "claims": [\n    {\n      "id": "x",\n      "exact": "Syria’s"\n    }\n  ]\n}\n'


def test_every_value_has_its_line_and_column() -> None:
    source_map = build_source_map(RAW.encode())
    assert source_map.locate("/claims/0/id") == (4, 13)
    assert source_map.locate_key("/claims/0/id") == (4, 7)
    assert source_map.locate("/claims/0") == (3, 5)


def test_a_missing_pointer_falls_back_to_its_nearest_ancestor() -> None:
    source_map = build_source_map(RAW.encode())
    assert source_map.locate("/claims/0/missing") == (3, 5)


def test_columns_count_code_points_not_bytes() -> None:
    raw = '{"a": "’’", "b": 1}'.encode()
    assert build_source_map(raw).locate("/b") == (1, 18)


def test_pointer_tokens_are_escaped() -> None:
    assert [escape_pointer_token(token) for token in ("a/b", "m~n", 3)] == ["a~1b", "m~0n", "3"]
    source_map = build_source_map(b'{"a/b": {"m~n": 1}}')
    assert source_map.locate("/a~1b/m~0n") == (1, 17)


def test_columns_count_code_points_along_a_long_line_of_non_ascii_values() -> None:
    """(The column of each value counts on from the one before: a minified file's one line is
    read once, not once per value.)"""
    text = '{"ключ": ['
    columns = []
    for index in range(200):
        text += ", " if index else ""
        columns.append(len(text) + 1)
        text += '"' + "é" * (index % 3) + '"'
    text += '], "x": 1}'
    source_map = build_source_map(text.encode("utf-8"))
    for index in (0, 1, 57, 199):
        assert source_map.values[f"/ключ/{index}"] == (1, columns[index])
    assert source_map.values["/x"] == (1, len(text) - 1)
