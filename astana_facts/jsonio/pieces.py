"""A file's content, whole or in pieces, and writing it to an open file."""

from __future__ import annotations

import os
from collections.abc import Iterable

Content = bytes | Iterable[bytes]
"""A file's content: bytes, or pieces of bytes written as they come."""


def pieces_of(content: Content) -> Iterable[bytes]:
    """``content`` as pieces of bytes."""
    return [content] if isinstance(content, bytes) else content


_BUFFER = 1 << 20
"""Pieces smaller than this are gathered up to this size before a write: a renderer may give a
separator or a line at a time; a larger piece is written as it is, without a copy."""


def write_pieces(handle: int, pieces: Iterable[bytes]) -> None:
    """Write every piece to the open file ``handle``, in order."""
    gathered = bytearray()
    for piece in pieces:
        if len(piece) >= _BUFFER:
            _write_all(handle, gathered)
            gathered.clear()
            _write_all(handle, piece)
            continue
        gathered += piece
        if len(gathered) >= _BUFFER:
            _write_all(handle, gathered)
            gathered.clear()
    _write_all(handle, gathered)


def _write_all(handle: int, data: bytes | bytearray) -> None:
    """Write ``data`` whole (``os.write`` may write part of it)."""
    view = memoryview(data)
    while view:
        view = view[os.write(handle, view) :]
