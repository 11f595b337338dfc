"""Where each value of a JSON file stands (line, column), and which object keys repeat.

Used only when something must be reported: the fast path never builds a source map. Parsing is
done by tree-sitter's JSON grammar, which keeps every key, duplicates included, with its position.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from typing import Any

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


@dataclass
class SourceMap:
    """Positions of the values of one JSON text, keyed by JSON Pointer."""

    values: dict[str, Position] = field(default_factory=dict)
    keys: dict[str, Position] = field(default_factory=dict)
    duplicates: list[DuplicateKey] = field(default_factory=list)

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

    def position(self, node: Any) -> Position:
        """The node's 1-based line and column, the column counted in code points."""
        row, byte_column = node.start_point
        line = self.lines[row] if row < len(self.lines) else b""
        column = len(line[:byte_column].decode("utf-8", errors="replace")) + 1
        return (row + 1, column)

    def visit(self, node: Any, path: str) -> None:
        """Record the value ``node`` at ``path`` (the first occurrence wins), then its members."""
        self.source_map.values.setdefault(path, self.position(node))
        if node.type == "object":
            self.visit_object(node, path)
        elif node.type == "array":
            self.visit_array(node, path)

    def visit_object(self, node: Any, path: str) -> None:
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
                self.visit(value_node, child)

    def visit_array(self, node: Any, path: str) -> None:
        """Each item at its index, comments skipped."""
        items = (item for item in node.named_children if item.type != "comment")
        for index, item in enumerate(items):
            self.visit(item, f"{path}/{index}")


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


def build_source_map(raw: bytes) -> SourceMap:
    """Map every value of ``raw`` (a UTF-8 JSON text) to its line and column."""
    tree = _parser().parse(raw)
    mapper = _Mapper(raw.split(b"\n"))
    top = next((node for node in tree.root_node.named_children if node.type != "comment"), None)
    if top is not None:
        mapper.visit(top, "")
    return mapper.source_map


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
