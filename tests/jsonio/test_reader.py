"""Strict reading: what is rejected, with which code, and where."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest
from hypothesis import given
from hypothesis import strategies as st

from astana_facts.jsonio import reader
from astana_facts.jsonio.errors import ReadError
from astana_facts.jsonio.positions import MAX_DEPTH
from astana_facts.jsonio.reader import JsonFile, parse_json, read_json, resolve_inside
from astana_facts.jsonio.writer import dumps_canonical


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


# Numbers: every number comes back as written, or the file is refused (SCH010), at its place.


@pytest.mark.parametrize(
    ("raw", "line", "column", "pointer", "said"),
    [
        (b'{\n  "n": 1234567890123456789012345\n}\n', 2, 8, "/n", "too large to read exactly"),
        (b'{"n": -18446744073709551616}', 1, 7, "/n", "too large to read exactly"),
        (b'{\n  "a": [1, 1e400]\n}\n', 2, 12, None, "beyond the range of a double"),
        (b'{"n": 1.50}', 1, 7, "/n", "write 1.5"),
        (b'{"n": -0}', 1, 7, "/n", "write 0"),
        (b'{"n": 1e+2}', 1, 7, "/n", "write 100"),
        (b'{"n": 1E5}', 1, 7, "/n", "write 100000"),
        (b'{"n": 1e-400}', 1, 7, "/n", "written back as 0.0"),
        (b'{"s": "1e5 \\" 1.50", "n": 1.0e3}', 1, 27, "/n", "write 1000"),
    ],
)
def test_a_number_that_would_change_is_sch010_at_its_place(
    raw: bytes, line: int, column: int, pointer: str | None, said: str
) -> None:
    result = _parse(raw)
    assert isinstance(result, ReadError), result
    assert result.code == "SCH010"
    assert (result.line, result.column) == (line, column)
    assert result.pointer == pointer
    assert said in result.message


def test_sch010_counts_the_other_numbers_like_it() -> None:
    result = _parse(b'{"a": 1.50, "b": [2.50, 3]}')
    assert isinstance(result, ReadError) and result.code == "SCH010"
    assert "1.50" in result.message and "1 more number(s)" in result.message


@pytest.mark.parametrize(
    "raw", [b'{"n": 120.0}', b'{"n": 18446744073709551615}', b'{"n": -0.0}', b'{"n": 1e+16}']
)
def test_a_number_written_as_orjson_writes_it_is_read(raw: bytes) -> None:
    """The reader holds numbers to their text; the models hold them to their field (120.0 for
    a whole number is SCH008 there)."""
    assert isinstance(_parse(raw), JsonFile)


@given(st.integers())
def test_any_integer_is_read_exactly_or_refused(number: int) -> None:
    result = _parse(b'{"n": %d}' % number)
    if isinstance(result, ReadError):
        assert result.code == "SCH010" and abs(number) >= 2**63
    else:
        assert result.data["n"] == number and type(result.data["n"]) is int


_NUMBER_TEXT = st.from_regex(r"\A-?(0|[1-9][0-9]{0,30})(\.[0-9]{1,20})?([eE][-+]?[0-9]{1,3})?\Z")


@given(_NUMBER_TEXT)
def test_any_number_comes_back_as_written_or_is_refused(text: str) -> None:
    result = _parse(b'{"n": ' + text.encode() + b"}")
    if isinstance(result, ReadError):
        assert result.code == "SCH010", result
    else:
        assert orjson.dumps(result.data["n"]) == text.encode()


def test_a_canonical_file_skips_the_positional_parse(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(raw: bytes) -> None:
        raise AssertionError("the fast path built a source map")

    monkeypatch.setattr(reader, "build_source_map", refuse)
    canonical = dumps_canonical({"b": [1, 2.5], "a": "x"})
    result = _parse(canonical)
    assert isinstance(result, JsonFile) and result.canonical


# Nesting: up to what orjson writes back (254 levels) is read; deeper is SCH013, with its place.


def _nested(depth: int, indent: bytes = b"") -> bytes:
    return b'{"a": ' + (b"[" + indent) * (depth - 1) + b"]" * (depth - 1) + b"}"


def test_nesting_that_can_be_written_back_is_read() -> None:
    assert isinstance(_parse(_nested(MAX_DEPTH)), JsonFile)


@pytest.mark.parametrize("depth", [MAX_DEPTH + 1, 1024, 1025, 5000])
def test_deeper_nesting_is_sch013_at_the_first_level_too_deep(depth: int) -> None:
    result = _parse(_nested(depth, indent=b"\n"))
    assert isinstance(result, ReadError) and result.code == "SCH013"
    # The object is level 1 on line 1; the array of level MAX_DEPTH + 1 opens a line later
    # for every level between.
    assert (result.line, result.column) == (MAX_DEPTH, 1)
    assert str(MAX_DEPTH) in result.message


# Paths the file system refuses are findings, not exceptions.


@pytest.mark.parametrize("name", ["a\x00b.json", "a" * 300 + ".json"])
def test_a_path_the_system_refuses_is_sch007(tmp_path: Path, name: str) -> None:
    result = read_json(tmp_path / name, root=tmp_path)
    assert isinstance(result, ReadError) and result.code == "SCH007"


def test_a_link_loop_neither_escapes_nor_raises(tmp_path: Path) -> None:
    (tmp_path / "a.json").symlink_to(tmp_path / "b.json")
    (tmp_path / "b.json").symlink_to(tmp_path / "a.json")
    assert resolve_inside(tmp_path, tmp_path / "a.json") is not None
    result = read_json(tmp_path / "a.json", root=tmp_path)
    assert isinstance(result, ReadError) and result.code == "SCH011"
