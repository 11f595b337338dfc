"""Strict reading: what is rejected, with which code, and where."""

from __future__ import annotations

from pathlib import Path

import pytest

from astana_facts.jsonio.errors import ReadError
from astana_facts.jsonio.reader import JsonFile, parse_json, read_json


def _parse(raw: bytes) -> JsonFile | ReadError:
    return parse_json(Path("f.json"), raw)


@pytest.mark.parametrize(
    ("raw", "code", "line", "column"),
    [
        (b'{\n  "a": 1,\n  "a": 2\n}\n', "SCH004", 3, 3),
        (b'{"outer": {"x": 1,\n "x": 2}}', "SCH004", 2, 2),
        (b'[{"k": 1, "k": 1}]', "SCH004", 1, 11),
        (b'{\n  "a": NaN\n}\n', "SCH003", 2, 8),
        (b'{\n  "a": -Infinity\n}\n', "SCH003", 2, 9),
        (b'{\n  "a": \xc3\x28\n}\n', "SCH002", 2, 8),
        (b"\xef\xbb\xbf{}", "SCH002", 1, 1),
        (b'{\n  "a": [1, 2,]\n}\n', "SCH001", 2, 13),
        (b'{\n  "a": 1\n', "SCH001", None, None),
    ],
)
def test_bad_json_is_rejected_with_its_code_and_position(
    raw: bytes, code: str, line: int | None, column: int | None
) -> None:
    result = _parse(raw)
    assert isinstance(result, ReadError)
    assert result.code == code
    if line is not None:
        assert (result.line, result.column) == (line, column)


def test_duplicate_key_error_names_the_key_and_its_pointer() -> None:
    result = _parse(b'{"claims": [{"id": "a", "id": "b"}]}')
    assert isinstance(result, ReadError)
    assert result.pointer == "/claims/0/id"
    assert "'id'" in result.message


def test_a_non_canonical_file_without_duplicates_is_accepted() -> None:
    result = _parse(b'{"b": 1,   "a": [1,2]}')
    assert isinstance(result, JsonFile)
    assert result.data == {"b": 1, "a": [1, 2]}


def test_escaped_keys_that_decode_to_the_same_key_are_duplicates() -> None:
    result = _parse(b'{"a": 1, "\\u0061": 2}')
    assert isinstance(result, ReadError) and result.code == "SCH004"


def test_a_file_over_the_size_limit_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    path.write_bytes(b"[" + b"1," * 100 + b"1]")
    result = read_json(path, root=tmp_path, max_bytes=100)
    assert isinstance(result, ReadError) and result.code == "SCH005"


def test_a_path_through_a_link_outside_the_root_is_rejected(tmp_path: Path) -> None:
    outside = tmp_path / "outside.json"
    outside.write_text("{}")
    root = tmp_path / "records"
    root.mkdir()
    (root / "inside.json").symlink_to(outside)
    result = read_json(root / "inside.json", root=root)
    assert isinstance(result, ReadError) and result.code == "SCH006"
    result = read_json(root / ".." / "outside.json", root=root)
    assert isinstance(result, ReadError) and result.code == "SCH006"
