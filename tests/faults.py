"""Fault injection for writes: the k-th call to one of the operating-system calls a write makes
fails as a full disk (or a read-only folder) would, and a snapshot of a folder to prove that
nothing changed.

Monkeypatching the calls makes the failure happen for any user: permissions do not stop root,
and CI runs as root, so a test that relied on ``chmod`` could not fail there.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

WRITE_CALLS = ("open", "write", "fsync", "close", "chmod", "link", "replace")
"""The calls through which a write changes the disk (``os.open`` counts only when it opens for
writing: the reader opens files with ``os.open`` too, without blocking on a FIFO)."""

_WRITING = os.O_WRONLY | os.O_RDWR | os.O_CREAT


class FailAt:
    """Counts the calls of ``calls`` made while installed; call number ``k`` (from 1) raises
    ``OSError(code)`` instead of running, and every other call runs as usual. ``k = 0`` never
    fails: it only counts."""

    def __init__(
        self,
        monkeypatch: pytest.MonkeyPatch,
        k: int,
        *,
        calls: tuple[str, ...] = WRITE_CALLS,
        code: int = errno.ENOSPC,
    ) -> None:
        self.k = k
        self.code = code
        self.count = 0
        self.failed: str | None = None
        for name in calls:
            monkeypatch.setattr(os, name, self._wrap(name, getattr(os, name)))

    def _wrap(self, name: str, real: Callable[..., Any]) -> Callable[..., Any]:
        def call(*args: Any, **kwargs: Any) -> Any:
            if name == "open" and not _opens_for_writing(*args, **kwargs):
                return real(*args, **kwargs)
            self.count += 1
            if self.count == self.k:
                self.failed = name
                if name == "close":
                    real(*args, **kwargs)  # the descriptor is gone, as when close reports it
                raise OSError(self.code, os.strerror(self.code))
            return real(*args, **kwargs)

        return call


def _opens_for_writing(path: Any, flags: int = os.O_RDONLY, *args: Any, **kwargs: Any) -> bool:
    return bool(kwargs.get("flags", flags) & _WRITING)


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file below ``folder`` (hidden ones too), by relative path: its bytes and mode; and
    every folder (its path ending in ``/``, with no bytes)."""
    found = {}
    for directory, folders, names in os.walk(folder):
        for name in folders:
            path = Path(directory) / name
            found[path.relative_to(folder).as_posix() + "/"] = (b"", path.stat().st_mode & 0o7777)
        for name in names:
            path = Path(directory) / name
            found[path.relative_to(folder).as_posix()] = (
                path.read_bytes(),
                path.stat().st_mode & 0o7777,
            )
    return found


def refuse_in(folder: Path, monkeypatch: pytest.MonkeyPatch, code: int = errno.EROFS) -> None:
    """Make ``folder`` behave as read-only for this process: creating, linking or renaming a
    file into it fails with ``code``, as a read-only mount or a folder without write
    permission does for a user who is not root."""
    refused = os.path.realpath(folder)
    os_open = os.open

    def inside(path: Any) -> bool:
        return bool(os.path.dirname(os.path.realpath(os.fspath(path))) == refused)

    for name, argument in (("open", 0), ("link", 1), ("replace", 1), ("mkdir", 0)):
        real = getattr(os, name)

        def guarded(*args: Any, _real: Any = real, _at: int = argument, **kwargs: Any) -> Any:
            reading = _real is os_open and not _opens_for_writing(*args, **kwargs)
            if inside(args[_at]) and not reading:
                raise OSError(code, os.strerror(code), os.fspath(args[_at]))
            return _real(*args, **kwargs)

        monkeypatch.setattr(os, name, guarded)
