"""Turning model-validation locations into JSON Pointers and display paths."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path, PurePath
from typing import Any

from astana_facts.jsonio.positions import escape_pointer_token


def pointer_from_loc(data: Any, loc: Sequence[str | int], base: str = "") -> str:
    """The JSON Pointer of a pydantic error location inside ``data``.

    pydantic puts union tags (``event_date``, ``constrained-int``) into locations; they name no
    key of the data and are skipped by walking the data alongside.
    """
    path = base
    node = data
    last = len(loc) - 1
    for index, part in enumerate(loc):
        if isinstance(node, dict) and isinstance(part, str) and part in node:
            node = node[part]
            path += "/" + escape_pointer_token(part)
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
            path += f"/{part}"
        elif index == last and isinstance(node, dict):
            # A missing required field: point at where it belongs.
            path += "/" + escape_pointer_token(part)
    return path


def display_path(path: Path) -> str:
    """``path`` relative to the working directory when it lies below it, else absolute (string
    operations: this runs once per file read, thousands of times on a large folder)."""
    text = os.fspath(path)
    cwd = os.getcwd()
    absolute = text if os.path.isabs(text) else os.path.join(cwd, text)
    prefix = cwd.rstrip(os.sep) + os.sep
    shown = absolute[len(prefix) :] if absolute.startswith(prefix) else absolute
    return PurePath(shown).as_posix() if os.sep != "/" else shown
