"""What a folder holds, safely (no link followed, no FIFO opened), and what ``fmt`` may change:
a file stays as it was or is rewritten with every value it had, exactly (numbers by their exact
decimal value, so ``2**70`` and ``1e400`` must survive digit for digit), plus the span offsets and
context that ``fmt`` fills in."""

from __future__ import annotations

import json
import os
import stat
from decimal import Decimal
from pathlib import Path
from typing import Any

Snapshot = dict[str, bytes | str]
"""Relative path -> the bytes of a regular file, or what else it is (a folder, a link, ...)."""

FILLED = frozenset({"start", "end", "prefix", "suffix"})
"""The members of a span that ``fmt`` adds when they are missing."""


def snapshot(*roots: Path) -> Snapshot:
    """Every entry under ``roots``: regular files by content, others by kind (links by target)."""
    found: Snapshot = {}
    for root in roots:
        for folder, dirs, files in os.walk(root, followlinks=False):
            for name in dirs + files:
                path = Path(folder, name)
                key = path.relative_to(root.parent).as_posix()
                mode = os.lstat(path).st_mode
                if stat.S_ISREG(mode):
                    found[key] = path.read_bytes()
                elif stat.S_ISLNK(mode):
                    found[key] = "link -> " + os.readlink(path)
                else:
                    found[key] = "folder" if stat.S_ISDIR(mode) else f"special {stat.S_IFMT(mode)}"
    return found


def differences(before: Snapshot, after: Snapshot) -> list[str]:
    """The entries that appeared, disappeared or changed."""
    return [
        f"{key}: {_change(key, before, after)}"
        for key in sorted(before.keys() | after.keys())
        if before.get(key) != after.get(key)
    ]


def _change(key: str, before: Snapshot, after: Snapshot) -> str:
    return "appeared" if key not in before else "disappeared" if key not in after else "changed"


class NotJson(Exception):
    """The bytes are not a JSON document."""


def _constant(name: str) -> Any:
    raise NotJson(name)


def parse(raw: bytes) -> Any:
    """``raw`` as JSON with exact numbers (big integers kept, decimals as ``Decimal``)."""
    try:
        return json.loads(raw.decode("utf-8"), parse_float=Decimal, parse_constant=_constant)
    except (ValueError, RecursionError) as error:
        raise NotJson(str(error)) from None


def lost(before: Any, after: Any, pointer: str = "", *, span: bool = False) -> list[str]:
    """Where ``after`` does not hold what ``before`` held (``span``: inside an evidence span,
    where offsets and context may be filled in)."""
    if isinstance(before, dict):
        if not isinstance(after, dict):
            return [f"{pointer or '/'}: an object became {type(after).__name__}"]
        found = [
            f"{pointer}/{key}: added"
            for key in after.keys() - before.keys()
            if not span or key not in FILLED
        ]
        for key, value in before.items():
            if key not in after:
                found.append(f"{pointer}/{key}: removed")
            elif not (span and key in FILLED and not _is_number(value)):
                found += lost(value, after[key], f"{pointer}/{key}")
        return found
    if isinstance(before, list):
        if not isinstance(after, list) or len(after) != len(before):
            return [f"{pointer}: a list of {len(before)} became {_describe(after)}"]
        in_evidence = pointer.endswith("/evidence")
        return [
            problem
            for index, (old, new) in enumerate(zip(before, after, strict=True))
            for problem in lost(old, new, f"{pointer}/{index}", span=in_evidence)
        ]
    if isinstance(before, Decimal) and _is_number(after) and Decimal(after) == before:
        return []  # 120.0 may become 120; an integer must stay an integer (10**30 is not 1e+30)
    if type(before) is type(after) and before == after:
        return []
    return [f"{pointer}: {_describe(before)} became {_describe(after)}"]


def _is_number(value: Any) -> bool:
    return isinstance(value, int | Decimal) and not isinstance(value, bool)


def _describe(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."
