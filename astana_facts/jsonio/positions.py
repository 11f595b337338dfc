"""Where each value of a JSON file stands (line, column), which object keys repeat, which
numbers would be written back otherwise than written, and where nesting gets too deep.

Used only when something must be reported or a file is not in the canonical layout: the fast path
never builds a source map. Parsing is done by tree-sitter's JSON grammar, which keeps every key,
duplicates included, with its position; numbers are found by a scan of the bytes (the grammar
splits ``1e+2`` into pieces).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import orjson

Position = tuple[int, int]
"""1-based line and column (column in code points)."""


@cache
def _parser() -> Any:
    import tree_sitter
    import tree_sitter_json

    return tree_sitter.Parser(tree_sitter.Language(tree_sitter_json.language()))


def escape_pointer_token(token: str | int) -> str:
    """Escape one reference token of a JSON Pointer (RFC 6901)."""
    return str(token).replace("~", "~0").replace("/", "~1")


@dataclass(frozen=True)
class DuplicateKey:
    """An object key that occurs more than once; ``position`` is the repeated occurrence."""

    pointer: str
    key: str
    position: Position
    first: Position


@dataclass(frozen=True)
class InexactNumber:
    """A number that orjson would write back otherwise than it is written."""

    pointer: str | None
    text: str
    """The number as written."""
    reason: str
    """What happens to it, and what to write instead."""
    position: Position


MAX_DEPTH = 254
"""The deepest nesting of arrays and objects a records file may have: the most orjson writes
back (it reads 1,024). No records file needs more than a handful."""


@dataclass
class SourceMap:
    """Positions of the values of one JSON text, keyed by JSON Pointer."""

    values: dict[str, Position] = field(default_factory=dict)
    keys: dict[str, Position] = field(default_factory=dict)
    duplicates: list[DuplicateKey] = field(default_factory=list)
    first_inexact: InexactNumber | None = None
    """With ``numbers``: the first number that would not survive a round trip
    (:func:`number_problem`)..."""
    inexact_count: int = 0
    """...and how many such numbers there are."""

    def locate(self, json_pointer: str) -> Position | None:
        """Position of the value at ``json_pointer``, or of its nearest existing ancestor."""
        candidate = json_pointer
        while True:
            if candidate in self.values:
                return self.values[candidate]
            if not candidate:
                return None
            candidate = candidate.rsplit("/", 1)[0]

    def locate_key(self, json_pointer: str) -> Position | None:
        """Position of the key naming ``json_pointer`` (falls back to the value's position)."""
        return self.keys.get(json_pointer) or self.locate(json_pointer)


@dataclass
class _Mapper:
    """Walks a tree-sitter JSON tree, filling a :class:`SourceMap` value by value."""

    lines: list[bytes]
    source_map: SourceMap = field(default_factory=SourceMap)
    _ascii: dict[int, bool] = field(default_factory=dict)
    """Whether each line looked at is ASCII (looked at once: a line may be the whole file)."""
    _cursor: tuple[int, int, int] = (-1, 0, 0)
    """(row, byte column, code points before it) of the last position found on a line that is
    not ASCII: the next one on that line counts on from there, so a long line (a minified file)
    costs its length once, not once per value."""

    def position(self, node: Any) -> Position:
        """The node's 1-based line and column, the column counted in code points."""
        row, byte_column = node.start_point
        line = self.lines[row] if row < len(self.lines) else b""
        ascii_line = self._ascii.get(row)
        if ascii_line is None:
            ascii_line = self._ascii[row] = line.isascii()
        if ascii_line:
            return (row + 1, byte_column + 1)
        cursor_row, cursor_byte, cursor_points = self._cursor
        if cursor_row != row or byte_column < cursor_byte:
            cursor_byte, cursor_points = 0, 0
        piece = line[cursor_byte:byte_column].decode("utf-8", errors="replace")
        points = cursor_points + len(piece)
        self._cursor = (row, byte_column, points)
        return (row + 1, points + 1)

    def visit(self, node: Any, path: str, depth: int = 0) -> None:
        """Record the value ``node`` at ``path`` (the first occurrence wins), then its members
        (no deeper than :data:`MAX_DEPTH`, so a hostile file cannot exhaust the stack)."""
        self.source_map.values.setdefault(path, self.position(node))
        if depth >= MAX_DEPTH:
            return
        if node.type == "object":
            self.visit_object(node, path, depth)
        elif node.type == "array":
            self.visit_array(node, path, depth)

    def visit_object(self, node: Any, path: str, depth: int) -> None:
        """Each key of the object once: a repeated key is a duplicate, and its value unmapped."""
        seen: dict[str, Position] = {}
        for pair in node.named_children:
            key_node = pair.child_by_field_name("key") if pair.type == "pair" else None
            key = _key(key_node)
            if key is _NO_KEY:
                continue
            child = path + "/" + escape_pointer_token(str(key))
            key_position = self.position(key_node)
            if key in seen:
                duplicate = DuplicateKey(child, str(key), key_position, seen[key])
                self.source_map.duplicates.append(duplicate)
                continue
            seen[key] = key_position
            self.source_map.keys[child] = key_position
            value_node = pair.child_by_field_name("value")
            if value_node is not None:
                self.visit(value_node, child, depth + 1)

    def visit_array(self, node: Any, path: str, depth: int) -> None:
        """Each item at its index, comments skipped."""
        items = (item for item in node.named_children if item.type != "comment")
        for index, item in enumerate(items):
            self.visit(item, f"{path}/{index}", depth + 1)


_NO_KEY = object()
"""What :func:`_key` returns for a pair without a readable key (any JSON value may be a key)."""


def _key(key_node: Any) -> Any:
    """The decoded key of a pair, or :data:`_NO_KEY` when it is missing or not valid JSON."""
    if key_node is None:
        return _NO_KEY
    try:
        return json.loads(key_node.text.decode("utf-8", errors="replace"))
    except ValueError:
        return _NO_KEY


def build_source_map(raw: bytes, *, numbers: bool = False) -> SourceMap:
    """Map every value of ``raw`` (a UTF-8 JSON text) to its line and column; with ``numbers``,
    also find the numbers that would not survive a round trip (one more scan of the bytes)."""
    tree = _parser().parse(raw)
    mapper = _Mapper(raw.split(b"\n"))
    top = next((node for node in tree.root_node.named_children if node.type != "comment"), None)
    if top is not None:
        mapper.visit(top, "")
    if numbers:
        _find_inexact_numbers(raw, mapper)
    return mapper.source_map


def _find_inexact_numbers(raw: bytes, mapper: _Mapper) -> None:
    """Count the numbers of ``raw`` that would not survive a round trip, and place the first
    (only the first: placing every one would cost the file's length each)."""
    source_map = mapper.source_map
    for offset, text in number_tokens(raw):
        reason = number_problem(text)
        if reason is None:
            continue
        source_map.inexact_count += 1
        if source_map.first_inexact is None:
            row = raw.count(b"\n", 0, offset)
            line_start = raw.rfind(b"\n", 0, offset) + 1
            prefix = raw[line_start:offset].decode("utf-8", errors="replace")
            position = (row + 1, len(prefix) + 1)
            pointer = next(
                (pointer for pointer, at in source_map.values.items() if at == position), None
            )
            first = InexactNumber(pointer, text.decode("ascii"), reason, position)
            source_map.first_inexact = first


_TOKENS = re.compile(rb'"(?:[^"\\]|\\.)*"|-?[0-9][0-9.eE+-]*|[\[\]{}]', re.DOTALL)
"""The tokens of a JSON text that matter here: strings (skipped whole, so nothing in them counts),
numbers and brackets."""


def number_tokens(raw: bytes) -> Iterator[tuple[int, bytes]]:
    """(byte offset, text) of every number of a JSON text that orjson has read."""
    for match in _TOKENS.finditer(raw):
        if match.group()[:1] not in b'"[]{}':
            yield match.start(), match.group()


def number_problem(text: bytes) -> str | None:
    """What happens to the number ``text`` on a round trip through orjson, when it does not come
    back as written (with what to write instead); None when it does."""
    try:
        value = orjson.loads(text)
    except orjson.JSONDecodeError:
        return "is not a number a double can hold"
    written = orjson.dumps(value)
    if written == text:
        return None
    shown = written.decode("ascii")
    if isinstance(value, float) and not any(mark in text for mark in b".eE"):
        return (
            f"is an integer too large to read exactly: it is read as {shown}; whole numbers go "
            "up to 9007199254740991 (2^53 - 1)"
        )
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        shown_whole = str(int(value))
        return f"would be written back as {shown}: write {shown_whole}"
    return f"would be written back as {shown}: write {shown}"


def too_deep(raw: bytes, limit: int = MAX_DEPTH) -> int | None:
    """Byte offset of the first ``[`` or ``{`` of a JSON text nested more than ``limit`` deep,
    or None."""
    depth = 0
    for match in _TOKENS.finditer(raw):
        mark = match.group()[:1]
        if mark in b"[{":
            depth += 1
            if depth > limit:
                return match.start()
        elif mark in b"]}":
            depth -= 1
    return None


CANONICAL_ITEM_COLUMN = 5
"""Column of the ``{`` that opens an item of a top-level array in the canonical layout (four
spaces of indent), the column of every finding located by :func:`canonical_item_lines`."""


def canonical_item_lines(raw: bytes, key: str, count: int) -> list[int] | None:
    """Lines of the ``count`` items of the top-level array ``key`` of a file in the canonical
    layout (see :mod:`astana_facts.jsonio.writer`), found by scanning, without parsing.

    In that layout every item of a top-level array opens on a line of its own indented by four
    spaces, and no other line before the array's end looks so; the caller must know the file is
    canonical. Returns None when the scan does not find exactly ``count`` items.
    """
    opening = f'\n  "{key}": ['.encode()
    at = raw.find(opening)
    if at < 0:
        return None
    line = raw.count(b"\n", 0, at) + 2  # the line of the opening bracket
    lines: list[int] = []
    position = at + len(opening)
    end = raw.find(b"\n  ]", position)
    if end < 0:
        end = len(raw)
    while True:
        found = raw.find(b"\n    {\n", position, end + 1)
        if found < 0:
            break
        line += raw.count(b"\n", position, found) + 1
        lines.append(line)
        position = found + 1
    return lines if len(lines) == count else None
