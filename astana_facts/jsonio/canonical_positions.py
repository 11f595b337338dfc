"""Positions in a file in the canonical layout, computed from its parsed value alone.

A file that ``dumps_canonical_layout`` writes byte for byte (two-space indent, one member or item
per line, each key a JSON string followed by ``": "`` and its value) has every position
determined by its value: a walk over the value gives the same map as parsing the text
(:func:`~astana_facts.jsonio.positions.build_source_map`) at a fraction of the cost. Locating
many findings in a large canonical file (an unknown measure in every count claim of a
contribution) needs nothing more.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import orjson

from astana_facts.jsonio.positions import SourceMap, escape_pointer_token


def canonical_source_map(value: Any) -> SourceMap:
    """The source map of ``value`` as written in the canonical layout: the line and column (in
    code points) of every value and of every object key, keyed by JSON Pointer."""
    walker = _Walker()
    walker.visit(value, "", 0, 1)
    return walker.source_map


@dataclass
class _Walker:
    source_map: SourceMap = field(default_factory=SourceMap)
    line: int = 1
    """The line the next value starts on."""

    def visit(self, value: Any, pointer: str, indent: int, column: int) -> None:
        """Record ``value`` at the current line and ``column``, then its members, one per line
        (indented two more), and move past its closing bracket. (No depth guard: a value that
        orjson wrote in the canonical layout is at most 255 levels deep.)"""
        self.source_map.values.setdefault(pointer, (self.line, column))
        inner = indent + 2
        if isinstance(value, dict) and value:
            for key, item in value.items():
                self.line += 1
                child = f"{pointer}/{escape_pointer_token(key)}"
                self.source_map.keys[child] = (self.line, inner + 1)
                written = orjson.dumps(key).decode("utf-8")
                self.visit(item, child, inner, inner + 1 + len(written) + 2)
            self.line += 1  # the closing brace
        elif isinstance(value, list) and value:
            for index, item in enumerate(value):
                self.line += 1
                self.visit(item, f"{pointer}/{index}", inner, inner + 1)
            self.line += 1  # the closing bracket
